// Key rotation. An organisation's data key is rotated by adding a new version and re-encrypting
// every registered encrypted column; the old version is then retired. The master key is rotated
// by re-wrapping every stored key in one transaction.
import { toBuffer, type Database, type Queryable } from '../db/database.ts';
import { openBytes, sealBytes } from './aes-gcm.ts';
import { Keyring, wrapAad } from './keyring.ts';
import { masterKeyId } from './master-key.ts';

/** A column holding Keyring.encrypt() output; modules register theirs so rotation covers them. */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  orgColumn: string;
  column: string;
  /** The encryption context used when writing this column. */
  context: string;
}

const registry: EncryptedColumn[] = [];
const identifier = /^[a-z_][a-z0-9_]*$/;

export function registerEncryptedColumn(column: EncryptedColumn): void {
  for (const name of [column.table, column.idColumn, column.orgColumn, column.column]) {
    if (!identifier.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  }
  if (!registry.some((c) => c.table === column.table && c.column === column.column)) registry.push(column);
}

export function encryptedColumns(): readonly EncryptedColumn[] {
  return registry;
}

export interface RotationReport {
  newVersion: number;
  reencrypted: number;
}

export async function rotateOrgDataKey(db: Database, keyring: Keyring, orgId: string): Promise<RotationReport> {
  // All in one transaction: a crash leaves either the old state or the fully rotated one.
  try {
    return await rotateInTransaction(db, keyring, orgId);
  } finally {
    keyring.forget(orgId);
  }
}

async function rotateInTransaction(db: Database, keyring: Keyring, orgId: string): Promise<RotationReport> {
  return db.transaction(async (tx) => {
    const newVersion = await keyring.addDataKeyVersion(tx, orgId);
    const txKeyring = keyring.withQueryable(tx);
    let reencrypted = 0;
    for (const c of registry) {
      const { rows } = await tx.query<{ id: string; value: unknown }>(
        `SELECT ${c.idColumn}::text AS id, ${c.column} AS value FROM ${c.table} WHERE ${c.orgColumn} = $1 AND ${c.column} IS NOT NULL`,
        [orgId],
      );
      for (const row of rows) {
        if (Keyring.keyVersionOf(row.value) === newVersion) continue;
        const plaintext = await txKeyring.decrypt(orgId, c.context, row.value);
        const fresh = await txKeyring.encrypt(orgId, c.context, plaintext);
        await tx.query(`UPDATE ${c.table} SET ${c.column} = $1 WHERE ${c.idColumn}::text = $2`, [fresh, row.id]);
        reencrypted++;
      }
    }
    await tx.query(
      "UPDATE org_keys SET retired_at = now() WHERE org_id = $1 AND purpose = 'data' AND version < $2 AND retired_at IS NULL",
      [orgId, newVersion],
    );
    return { newVersion, reencrypted };
  });
}

/** Re-wraps every organisation and deployment key under a new master key, atomically. */
export async function rewrapUnderNewMasterKey(db: Database, oldMaster: Buffer, newMaster: Buffer): Promise<number> {
  return db.transaction(async (tx: Queryable) => {
    let count = 0;
    const orgKeys = await tx.query<{ org_id: string; purpose: string; version: number; wrapped_key: unknown }>(
      'SELECT org_id::text AS org_id, purpose, version, wrapped_key FROM org_keys',
    );
    for (const row of orgKeys.rows) {
      const aad = wrapAad(row.org_id, row.purpose, row.version);
      const rewrapped = sealBytes(newMaster, openBytes(oldMaster, toBuffer(row.wrapped_key), aad), aad);
      await tx.query('UPDATE org_keys SET wrapped_key = $1 WHERE org_id = $2 AND purpose = $3 AND version = $4', [
        rewrapped,
        row.org_id,
        row.purpose,
        row.version,
      ]);
      count++;
    }
    const systemKeys = await tx.query<{ purpose: string; wrapped_key: unknown }>(
      'SELECT purpose, wrapped_key FROM system_keys',
    );
    for (const row of systemKeys.rows) {
      const aad = wrapAad('system', row.purpose, 1);
      const rewrapped = sealBytes(newMaster, openBytes(oldMaster, toBuffer(row.wrapped_key), aad), aad);
      await tx.query('UPDATE system_keys SET wrapped_key = $1 WHERE purpose = $2', [rewrapped, row.purpose]);
      count++;
    }
    await tx.query('UPDATE deployment SET master_key_id = $1 WHERE id = 1', [masterKeyId(newMaster)]);
    return count;
  });
}
