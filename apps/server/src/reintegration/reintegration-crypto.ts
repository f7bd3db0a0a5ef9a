// Encrypted columns of the reintegration, consular and family records, each with its own
// context, all with the organisation's data key; registered for key rotation when this module
// loads (bootstrap.ts imports it).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export const encryptedReintegrationColumns = {
  reintegration_receptions: [
    'family_left_behind',
    'belongings_retained',
    'documents_retained',
    'notes',
    'staying_place',
  ],
  reintegration_assessments: ['needs'],
  reintegration_follow_ups: ['note'],
  consular_requests: ['details', 'outcome_note'],
  families: ['label'],
  family_members: ['name', 'location', 'guardian'],
  family_tracing_requests: ['note'],
  family_plan_steps: ['title'],
} as const;

type Table = keyof typeof encryptedReintegrationColumns;
type Column<T extends Table> = (typeof encryptedReintegrationColumns)[T][number];

const contextOf = (table: string, column: string) => `reintegration.${table}.${column}`;

for (const [table, columns] of Object.entries(encryptedReintegrationColumns)) {
  const idColumn = table === 'reintegration_assessments' ? 'reception_id' : 'id';
  for (const column of columns)
    registerEncryptedColumn({ table, idColumn, orgColumn: 'org_id', column, context: contextOf(table, column) });
}

/** Ciphertext of a text value, or null when there is nothing to keep. */
export async function seal<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: Column<T>,
  value: string | undefined | null,
): Promise<Buffer | null> {
  if (value === undefined || value === null || value === '') return null;
  return keyring.encrypt(orgId, contextOf(table, column), value);
}

export async function open<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: Column<T>,
  blob: unknown,
): Promise<string | null> {
  if (blob === null || blob === undefined) return null;
  return keyring.decrypt(orgId, contextOf(table, column), blob);
}

/** Ciphertext of an empty value, for a NOT NULL column whose text an erasure must remove. */
export async function sealBlank<T extends Table>(
  keyring: Keyring,
  orgId: string,
  table: T,
  column: Column<T>,
): Promise<Buffer> {
  return keyring.encrypt(orgId, contextOf(table, column), '');
}
