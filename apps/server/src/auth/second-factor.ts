// The second factor of a password sign-in, a password reset or an invitation accepted with an
// existing account: a TOTP code never used before, or one of the account's single-use recovery
// codes (docs/decisions/0129-accounts-only-the-owner-controls.md).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { base32Encode, matchTotp } from './totp.ts';

export const TOTP_SECRET_CONTEXT = 'accounts.totp_secret';
export const RECOVERY_CODE_COUNT = 10;

/** "ABCDE-fghij" and "abcdefghij" are the same code: what a person retypes from paper. */
function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

/** SHA-256 of the salted code (a random 32-bit salt per code, ASVS 2.6.2); an empty salt is the older form. */
export function hashRecoveryCode(code: string, salt = ''): string {
  const normalised = normaliseRecoveryCode(code);
  return createHash('sha256')
    .update(salt ? `${salt}:${normalised}` : normalised)
    .digest('hex');
}

/** Ten codes of 50 random bits each, printed as two groups of five letters or digits. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

export async function replaceRecoveryCodes(tx: Queryable, accountId: string, codes: string[]): Promise<void> {
  await tx.query('DELETE FROM recovery_codes WHERE account_id = $1', [accountId]);
  for (const code of codes) {
    const salt = randomBytes(4).toString('hex');
    await tx.query('INSERT INTO recovery_codes (account_id, code_hash, salt) VALUES ($1, $2, $3)', [
      accountId,
      hashRecoveryCode(code, salt),
      salt,
    ]);
  }
}

export interface SecondFactorInput {
  totp?: string | undefined;
  recoveryCode?: string | undefined;
}

export interface AccountSecondFactor {
  id: string;
  totp_secret: unknown;
}

export type SecondFactorResult =
  { ok: true; method: 'totp' | 'recovery_code' | 'none' } | { ok: false; error: AppError; missing: boolean };

/**
 * Checks and spends the second factor in one statement each (a code cannot be used twice by two
 * parallel requests). An account without TOTP has no second factor to check.
 */
export async function spendSecondFactor(
  db: Queryable,
  keyring: Keyring,
  account: AccountSecondFactor,
  input: SecondFactorInput,
  now: Date,
): Promise<SecondFactorResult> {
  if (!account.totp_secret) return { ok: true, method: 'none' };
  if (input.recoveryCode) {
    // Each code has its own salt: hash the attempt with each unused code's salt (ten at most).
    const unused = await db.query<{ code_hash: string; salt: string }>(
      'SELECT code_hash, salt FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL',
      [account.id],
    );
    const attempt = input.recoveryCode;
    const match = unused.rows.find((row) =>
      timingSafeEqual(Buffer.from(hashRecoveryCode(attempt, row.salt)), Buffer.from(row.code_hash)),
    );
    const spent = match
      ? await db.query(
          'UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING account_id',
          [account.id, match.code_hash, now],
        )
      : { rowCount: 0 };
    return spent.rowCount > 0
      ? { ok: true, method: 'recovery_code' }
      : { ok: false, missing: false, error: new AppError('account.recovery_code_invalid', { field: 'recoveryCode' }) };
  }
  if (!input.totp) return { ok: false, missing: true, error: new AppError('auth.totp_required', { field: 'totp' }) };
  const secret = keyring.openForAccounts(account.totp_secret, TOTP_SECRET_CONTEXT);
  const step = matchTotp(secret, input.totp, now);
  // A code already used (same 30-second step or older) is refused: it may have been observed.
  const claimed =
    step === undefined
      ? 0
      : (
          await db.query(
            'UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND coalesce(totp_last_step, -1) < $2 RETURNING id',
            [account.id, step],
          )
        ).rowCount;
  if (step === undefined || claimed === 0)
    return { ok: false, missing: false, error: new AppError('auth.totp_invalid', { field: 'totp' }) };
  return { ok: true, method: 'totp' };
}
