// The encrypted columns of households (the label the team uses, free notes about the group),
// registered for key rotation when this module loads (imported by bootstrap.ts).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export const encryptedHouseholdColumns = ['label', 'notes'] as const;
export type EncryptedHouseholdColumn = (typeof encryptedHouseholdColumns)[number];

const contextOf = (column: EncryptedHouseholdColumn) => `households.${column}`;

for (const column of encryptedHouseholdColumns)
  registerEncryptedColumn({
    table: 'households',
    idColumn: 'id',
    orgColumn: 'org_id',
    column,
    context: contextOf(column),
  });

/** Ciphertext of a value, or null when there is nothing to keep. */
export async function sealHousehold(
  keyring: Keyring,
  orgId: string,
  column: EncryptedHouseholdColumn,
  value: string | null | undefined,
): Promise<Buffer | null> {
  if (value === undefined || value === null || value.trim() === '') return null;
  return keyring.encrypt(orgId, contextOf(column), value);
}

export async function openHousehold(
  keyring: Keyring,
  orgId: string,
  column: EncryptedHouseholdColumn,
  blob: unknown,
): Promise<string | undefined> {
  if (blob === null || blob === undefined) return undefined;
  return keyring.decrypt(orgId, contextOf(column), blob);
}
