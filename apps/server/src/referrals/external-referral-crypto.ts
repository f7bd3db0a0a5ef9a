// The encrypted columns of external referrals, all with the referring organisation's key (there
// is no receiver on the platform). Registered for key rotation when referral-crypto.ts loads.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export const externalColumns = ['reason', 'contact', 'decline_reason', 'outcome'] as const;
export type ExternalColumn = (typeof externalColumns)[number];
const contextOf = (column: ExternalColumn) => `external_referrals.${column}`;

for (const column of externalColumns)
  registerEncryptedColumn({
    table: 'external_referrals',
    idColumn: 'id',
    orgColumn: 'org_id',
    column,
    context: contextOf(column),
  });

export const sealExternal = (keyring: Keyring, orgId: string, column: ExternalColumn, value: string) =>
  keyring.encrypt(orgId, contextOf(column), value);

export async function openExternal(
  keyring: Keyring,
  orgId: string,
  column: ExternalColumn,
  blob: unknown,
): Promise<string | null> {
  return blob === null || blob === undefined ? null : keyring.decrypt(orgId, contextOf(column), blob);
}
