// The port of entry of a reception, encrypted with the organisation's data key (decision 0128,
// migration 0036). Rows written before the migration keep the place in clear until the start-up
// backfill encrypts them; reading accepts either.
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

const CONTEXT = 'reintegration.reintegration_receptions.port_of_entry';

registerEncryptedColumn({
  table: 'reintegration_receptions',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'port_of_entry_enc',
  context: CONTEXT,
});

export function sealPortOfEntry(keyring: Keyring, orgId: string, place: string): Promise<Buffer> {
  return keyring.encrypt(orgId, CONTEXT, place);
}

/** The place, from the ciphertext or (rows not yet backfilled) the clear column. */
export async function portOfEntryOf(
  keyring: Keyring,
  row: { org_id: string; port_of_entry: string | null; port_of_entry_enc?: unknown },
): Promise<string> {
  if (row.port_of_entry_enc !== null && row.port_of_entry_enc !== undefined)
    return keyring.decrypt(row.org_id, CONTEXT, row.port_of_entry_enc);
  return row.port_of_entry ?? '';
}

/**
 * Encrypts every port of entry still in clear, in batches, each row's ciphertext written and its
 * clear value removed in one statement (so nothing is lost if the process stops between batches).
 * Encryption happens outside the transaction: on PGlite the keyring may need the one connection.
 */
export async function encryptPortsOfEntry(db: Database, keyring: Keyring, batch = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; org_id: string; port_of_entry: string }>(
      `SELECT id::text AS id, org_id::text AS org_id, port_of_entry FROM reintegration_receptions
        WHERE port_of_entry IS NOT NULL ORDER BY id LIMIT $1`,
      [batch],
    );
    if (rows.length === 0) return done;
    const sealed = await Promise.all(rows.map((r) => sealPortOfEntry(keyring, r.org_id, r.port_of_entry)));
    await db.transaction(async (tx) => {
      for (const [i, r] of rows.entries())
        await tx.query(
          `UPDATE reintegration_receptions SET port_of_entry_enc = $2, port_of_entry = NULL
            WHERE id = $1 AND port_of_entry = $3`,
          [r.id, sealed[i], r.port_of_entry],
        );
    });
    done += rows.length;
  }
}
