// Which referral columns are encrypted, with whose key. What the receiver reads (the reason and
// the snapshot of the shared fields) is encrypted with the RECEIVER's data key; what flows back
// to the sender (decline reason, outcome) with the SENDER's. Each is registered for key
// rotation against the organisation column whose key wrote it. bootstrap.ts imports this file.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';
// External referrals' columns are registered with these (bootstrap.ts imports this file).
import './external-referral-crypto.ts';

const keyOwner = {
  reason: 'to_org_id',
  snapshot: 'to_org_id',
  decline_reason: 'from_org_id',
  outcome: 'from_org_id',
} as const;
export type ReferralColumn = keyof typeof keyOwner;

const contextOf = (column: ReferralColumn) => `referrals.${column}`;

for (const [column, orgColumn] of Object.entries(keyOwner) as [ReferralColumn, string][]) {
  registerEncryptedColumn({ table: 'referrals', idColumn: 'id', orgColumn, column, context: contextOf(column) });
}

/** The organisation whose key encrypts `column` of a referral. */
export function keyOrgOf(column: ReferralColumn, row: { from_org_id: string; to_org_id: string }): string {
  return keyOwner[column] === 'to_org_id' ? row.to_org_id : row.from_org_id;
}

export async function sealReferral(
  keyring: Keyring,
  orgId: string,
  column: ReferralColumn,
  value: string,
): Promise<Buffer> {
  return keyring.encrypt(orgId, contextOf(column), value);
}

export async function openReferral(
  keyring: Keyring,
  orgId: string,
  column: ReferralColumn,
  blob: unknown,
): Promise<string | null> {
  if (blob === null || blob === undefined) return null;
  return keyring.decrypt(orgId, contextOf(column), blob);
}
