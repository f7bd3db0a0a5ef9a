// Which case columns are encrypted and with which context; every one is registered for key
// rotation when this module loads (bootstrap.ts imports it). Files go through the same
// Keyring.encrypt() as base64 text, like the incidents' evidence (decision 0109).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export const encryptedCaseColumns = {
  case_notes: ['body'],
  case_tasks: ['description'],
  case_attachments: ['original_name', 'content'],
  case_events: ['reason'],
} as const;

type Table = keyof typeof encryptedCaseColumns;
export type EncryptedCaseColumn<T extends Table> = (typeof encryptedCaseColumns)[T][number];

const contextOf = (table: string, column: string) => `cases.${table}.${column}`;

for (const [table, columns] of Object.entries(encryptedCaseColumns)) {
  for (const column of columns)
    registerEncryptedColumn({ table, idColumn: 'id', orgColumn: 'org_id', column, context: contextOf(table, column) });
}

/** Ciphertext of a text value, or null when there is nothing to keep. */
export async function sealCase<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: EncryptedCaseColumn<T>,
  value: string | undefined | null,
): Promise<Buffer | null> {
  if (value === undefined || value === null || value === '') return null;
  return keyring.encrypt(orgId, contextOf(table, column), value);
}

export async function openCase<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: EncryptedCaseColumn<T>,
  blob: unknown,
): Promise<string | null> {
  if (blob === null || blob === undefined) return null;
  return keyring.decrypt(orgId, contextOf(table, column), blob);
}

export async function sealCaseFile(keyring: Keyring, orgId: string, bytes: Buffer): Promise<Buffer> {
  return keyring.encrypt(orgId, contextOf('case_attachments', 'content'), bytes.toString('base64'));
}

export async function openCaseFile(keyring: Keyring, orgId: string, blob: unknown): Promise<Buffer> {
  return Buffer.from(await keyring.decrypt(orgId, contextOf('case_attachments', 'content'), blob), 'base64');
}
