// Versioned public releases, reproducible from the audit (issue 10, item 3; decision 0122). The
// first time a protected monthly cube is computed from counts not seen before, the audit gets a
// 'statistics.release' entry with the indicator and month (record id), a version number (1, 2…
// per indicator and month: data added after a month was published makes a new version), the
// SHA-256 of the aggregated counts, the threshold, and every PUBLISHED value of the cube (hidden
// cells as null). Those values are what anyone could already download, so the audit holds no
// secret; with them a release can be shown exactly as it was, and a version compared with the next.
import type { SafeTable } from '@acompana/core';
import { isSuppressed } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';

export interface ReleaseVersion {
  version: number;
  fingerprint: string;
  /** The published release a network view was read from (decision 0141). */
  id?: string | null;
  title?: string;
}

export async function recordRelease(
  db: Queryable,
  audit: AuditWriter,
  input: {
    indicator: string;
    month: string;
    fingerprint: string;
    threshold: number;
    categories: string[][];
    table: SafeTable;
  },
): Promise<ReleaseVersion> {
  const recordId = `${input.indicator}/${input.month}`;
  const { rows } = await db.query<{ details: { version?: number; fingerprint?: string } }>(
    `SELECT details FROM audit_log WHERE record_type = 'statistics' AND record_id = $1 AND action = 'statistics.release' ORDER BY seq DESC LIMIT 1`,
    [recordId],
  );
  const last = rows[0]?.details;
  if (last?.fingerprint === input.fingerprint && typeof last.version === 'number')
    return { version: last.version, fingerprint: input.fingerprint };
  const version = (typeof last?.version === 'number' ? last.version : 0) + 1;
  await audit.record({
    action: 'statistics.release',
    recordType: 'statistics',
    recordId,
    details: {
      indicator: input.indicator,
      month: input.month,
      version,
      fingerprint: input.fingerprint,
      threshold: input.threshold,
      categories: JSON.stringify(input.categories),
      cells: JSON.stringify(input.table.cells.map((c) => (isSuppressed(c) ? null : c))),
    },
  });
  return { version, fingerprint: input.fingerprint };
}
