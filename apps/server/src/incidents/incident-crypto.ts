// Which incident columns are encrypted and with which context; every one is registered for key
// rotation when this module loads. Files go through the same Keyring.encrypt() as base64 text
// (decision 0109): one code path, covered by rotation, at the cost of a third more storage.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export const encryptedIncidentColumns = {
  incident_events: ['title', 'narrative', 'locality', 'coordinates'],
  incident_perpetrators: ['unit', 'individuals'],
  incident_evidence: ['original_name', 'content'],
  incident_complaints: ['file_number', 'outcome'],
  incident_protection_measures: ['details'],
  incident_protection_history: ['note'],
  incident_link_requests: ['name_hint', 'note'],
} as const;

type Table = keyof typeof encryptedIncidentColumns;
export type EncryptedColumnOf<T extends Table> = (typeof encryptedIncidentColumns)[T][number];

const contextOf = (table: string, column: string) => `incidents.${table}.${column}`;

for (const [table, columns] of Object.entries(encryptedIncidentColumns)) {
  for (const column of columns)
    registerEncryptedColumn({ table, idColumn: 'id', orgColumn: 'org_id', column, context: contextOf(table, column) });
}

/** Ciphertext of a text value, or null when there is nothing to keep. */
export async function seal<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: EncryptedColumnOf<T>,
  value: string | undefined | null,
): Promise<Buffer | null> {
  if (value === undefined || value === null || value === '') return null;
  return keyring.encrypt(orgId, contextOf(table, column), value);
}

export async function open<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: EncryptedColumnOf<T>,
  blob: unknown,
): Promise<string | undefined> {
  if (blob === null || blob === undefined) return undefined;
  return keyring.decrypt(orgId, contextOf(table, column), blob);
}

export async function sealFile(keyring: Keyring, orgId: string, bytes: Buffer): Promise<Buffer> {
  return keyring.encrypt(orgId, contextOf('incident_evidence', 'content'), bytes.toString('base64'));
}

export async function openFile(keyring: Keyring, orgId: string, blob: unknown): Promise<Buffer> {
  return Buffer.from(await keyring.decrypt(orgId, contextOf('incident_evidence', 'content'), blob), 'base64');
}
