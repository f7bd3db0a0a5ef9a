// SQL of the ante-mortem and post-mortem records (decision 0147): each write is conditional on the
// version the editor read, so that two people editing at once never overwrite each other silently.
import type { Queryable } from '../kernel/db/database.ts';

/** Sets the report's ante-mortem data; the new version, or null when someone changed it meanwhile. */
export async function setAnteMortem(
  tx: Queryable,
  id: string,
  version: number,
  blob: Buffer,
  at: Date,
): Promise<number | null> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE missing_reports SET ante_mortem = $3, version = version + 1, updated_at = $4
      WHERE id = $1 AND version = $2 RETURNING version`,
    [id, version, blob, at],
  );
  return rows[0] ? Number(rows[0].version) : null;
}

/** Sets the remains' post-mortem examination (and the coarse sex and age it estimates). */
export async function setPostMortem(
  tx: Queryable,
  id: string,
  version: number,
  blob: Buffer,
  coarse: { sex?: string; ageMin?: number; ageMax?: number },
  at: Date,
): Promise<number | null> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE found_records SET post_mortem = $3, version = version + 1, updated_at = $4,
            sex = coalesce($5, sex), age_min = coalesce($6, age_min), age_max = coalesce($7, age_max)
      WHERE id = $1 AND version = $2 RETURNING version`,
    [id, version, blob, at, coarse.sex ?? null, coarse.ageMin ?? null, coarse.ageMax ?? null],
  );
  return rows[0] ? Number(rows[0].version) : null;
}
