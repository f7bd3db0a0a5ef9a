// What the owner of an account does to it while signed in: change the password (the current one is
// required; other sessions end) and make a new set of recovery codes (shown once, stored hashed)
// (docs/decisions/0129-accounts-only-the-owner-controls.md).
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';
import { checkNewPassword } from './password-policy.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { newRecoveryCodes, replaceRecoveryCodes } from './second-factor.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { sendNotice, type AccountNotice } from './account-links.ts';

export interface AccountSelfDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  throttle: LoginThrottle;
  mailer?: Mailer | undefined;
}

interface Owner {
  accountId: string;
  email: string;
  sessionTokenHash: string;
  ip: string;
}

export function createAccountSelfService({ db, audit, clock, throttle, mailer }: AccountSelfDeps) {
  async function notify(accountId: string, notice: AccountNotice): Promise<void> {
    const { rows } = await db.query<{ email: string; locale: 'es' | 'en' }>(
      'SELECT email, locale FROM accounts WHERE id = $1',
      [accountId],
    );
    if (rows[0]) sendNotice(mailer, rows[0], notice);
  }

  /** The current password, checked under the same guessing limits as a sign-in (a stolen session must not try passwords freely). */
  async function confirmPassword(owner: Owner, password: string, field: string): Promise<{ home_org_id: string }> {
    if (!(await throttle.tryAttempt(owner.ip, owner.email))) throw new AppError('auth.rate_limited');
    const { rows } = await db.query<{ password_hash: string | null; home_org_id: string }>(
      'SELECT password_hash, home_org_id::text AS home_org_id FROM accounts WHERE id = $1',
      [owner.accountId],
    );
    const row = rows[0];
    if (!row?.password_hash || !(await verifyPassword(row.password_hash, password))) {
      await audit.record({
        actorAccountId: owner.accountId,
        action: 'account.password_confirm_failed',
        recordType: 'account',
        recordId: owner.accountId,
        orgId: row?.home_org_id ?? null,
        ip: owner.ip,
      });
      throw new AppError('account.wrong_password', { field });
    }
    await throttle.forgive(owner.ip, owner.email);
    return row;
  }

  async function changePassword(owner: Owner, currentPassword: string, newPassword: string): Promise<void> {
    checkNewPassword(newPassword, 'newPassword');
    const account = await confirmPassword(owner, currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      const now = clock();
      await tx.query(
        'UPDATE accounts SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1',
        [owner.accountId, passwordHash, now],
      );
      // Other devices were signed in with the old password: they sign in again (ASVS 3.3.3).
      const ended = await tx.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [
        owner.accountId,
        owner.sessionTokenHash,
      ]);
      await tx.query('UPDATE password_resets SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL', [
        owner.accountId,
        now,
      ]);
      await audit.append(tx, {
        actorAccountId: owner.accountId,
        action: 'account.password_change',
        recordType: 'account',
        recordId: owner.accountId,
        orgId: account.home_org_id,
        ip: owner.ip,
        details: { otherSessionsEnded: ended.rowCount },
      });
    });
    await notify(owner.accountId, 'password_changed');
  }

  async function recoveryCodesLeft(accountId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL',
      [accountId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** A new set replaces the old one entirely; the codes are returned once and kept only as hashes. */
  async function newCodes(owner: Owner, password: string): Promise<string[]> {
    const account = await confirmPassword(owner, password, 'password');
    const codes = newRecoveryCodes();
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ enrolled: boolean }>(
        'SELECT totp_secret IS NOT NULL AS enrolled FROM accounts WHERE id = $1 FOR UPDATE',
        [owner.accountId],
      );
      if (!rows[0]?.enrolled) throw new AppError('account.recovery_codes_need_totp');
      await replaceRecoveryCodes(tx, owner.accountId, codes);
      await audit.append(tx, {
        actorAccountId: owner.accountId,
        action: 'account.recovery_codes',
        recordType: 'account',
        recordId: owner.accountId,
        orgId: account.home_org_id,
        ip: owner.ip,
        details: { codes: codes.length },
      });
    });
    await notify(owner.accountId, 'recovery_codes');
    return codes;
  }

  return { changePassword, recoveryCodesLeft, newCodes, confirmPassword };
}

export type AccountSelfService = ReturnType<typeof createAccountSelfService>;
