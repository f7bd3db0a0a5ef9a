// The federation's encrypted columns (decision 0151): the agreement's key material, the encodings
// each side keeps, and what a partner sent in a tracing exchange, all under the data key of the
// organisation that holds the peering; registered once here for key rotation (bootstrap.ts
// imports this file, so the command line sees the same list).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

const COLUMNS = [
  ['federation_invitations', 'agreement_key', 'id'],
  ['federation_peers', 'search_secret', 'id'],
  ['federation_peers', 'owner_key', 'id'],
  ['federation_encodings', 'encoding', 'id'],
  ['federation_received_queries', 'encoding', 'id'],
  ['federation_candidates', 'tracing_received', 'id'],
] as const;

type Table = (typeof COLUMNS)[number][0];
type Column = (typeof COLUMNS)[number][1];

for (const [table, column, idColumn] of COLUMNS)
  registerEncryptedColumn({ table, idColumn, orgColumn: 'org_id', column, context: `${table}.${column}` });

/** Bytes encrypted under the organisation's data key, for `table.column`. */
export function sealBytesFor(keyring: Keyring, orgId: string, table: Table, column: Column, bytes: Uint8Array) {
  return keyring.encrypt(orgId, `${table}.${column}`, Buffer.from(bytes).toString('base64'));
}

export async function openBytesFor(
  keyring: Keyring,
  orgId: string,
  table: Table,
  column: Column,
  blob: unknown,
): Promise<Buffer> {
  return Buffer.from(await keyring.decrypt(orgId, `${table}.${column}`, blob), 'base64');
}

export function sealTextFor(keyring: Keyring, orgId: string, table: Table, column: Column, text: string) {
  return keyring.encrypt(orgId, `${table}.${column}`, text);
}

export function openTextFor(keyring: Keyring, orgId: string, table: Table, column: Column, blob: unknown) {
  return keyring.decrypt(orgId, `${table}.${column}`, blob);
}
