// Setting up two-factor authentication for an account that has none yet: a pending secret is
// stored encrypted, and becomes the account's secret once the user proves it with a valid code.
// An account that has one replaces it the same way after re-authenticating (new phone, or a
// secret an administrator once saw): the old secret keeps working until the new code is proven.
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { TOTP_SECRET_CONTEXT } from '../orgs/accounts.service.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.ts';
import { requireRecentReauth } from './reauthentication.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { sendNotice } from './account-links.ts';

const PENDING_CONTEXT = 'accounts.totp_pending_secret';

export function createTotpEnrollmentService({
  db,
  keyring,
  audit,
  clock,
  mailer,
}: {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  mailer?: Mailer | undefined;
}) {
  async function storePending(accountId: string, email: string) {
    const secret = newTotpSecret();
    await db.query('UPDATE accounts SET totp_pending_secret = $1 WHERE id = $2', [
      keyring.sealForAccounts(secret, PENDING_CONTEXT),
      accountId,
    ]);
    return { secret, otpauthUrl: otpauthUrl(secret, email) };
  }

  async function setup(accountId: string, email: string): Promise<{ secret: string; otpauthUrl: string }> {
    const { rows } = await db.query<{ enrolled: boolean }>(
      'SELECT totp_enrolled_at IS NOT NULL AS enrolled FROM accounts WHERE id = $1',
      [accountId],
    );
    if (rows[0]?.enrolled) throw new AppError('auth.totp_already_enrolled');
    return storePending(accountId, email);
  }

  /** A new pending secret for an enrolled account; the session must have re-authenticated. */
  async function replaceSetup(accountId: string, email: string, sessionTokenHash: string) {
    await requireRecentReauth(db, sessionTokenHash, clock());
    return storePending(accountId, email);
  }

  /**
   * The pending secret, proven by a code from the new app, becomes the account's secret. Other
   * sessions end (they were opened with the old factor); the owner is told by e-mail.
   */
  async function replaceConfirm(accountId: string, code: string, sessionTokenHash: string, ip: string): Promise<void> {
    await requireRecentReauth(db, sessionTokenHash, clock());
    const owner = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ pending: unknown; home_org_id: string; email: string; locale: 'es' | 'en' }>(
        `SELECT totp_pending_secret AS pending, home_org_id::text AS home_org_id, email, locale
           FROM accounts WHERE id = $1 FOR UPDATE`,
        [accountId],
      );
      const row = rows[0];
      if (!row?.pending) throw new AppError('auth.totp_setup_missing');
      const secret = keyring.openForAccounts(row.pending, PENDING_CONTEXT);
      const step = matchTotp(secret, code, clock());
      if (step === undefined) throw new AppError('auth.totp_invalid', { field: 'code' });
      await tx.query(
        `UPDATE accounts SET totp_secret = $1, totp_pending_secret = NULL, totp_enrolled_at = $4, totp_last_step = $2,
                updated_at = $4 WHERE id = $3`,
        [keyring.sealForAccounts(secret, TOTP_SECRET_CONTEXT), step, accountId, clock()],
      );
      await tx.query('UPDATE sessions SET second_factor_ok = true WHERE token_hash = $1', [sessionTokenHash]);
      const ended = await tx.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [
        accountId,
        sessionTokenHash,
      ]);
      await audit.append(tx, {
        actorAccountId: accountId,
        action: 'auth.totp_replaced',
        recordType: 'account',
        recordId: accountId,
        orgId: row.home_org_id,
        ip,
        details: { otherSessionsEnded: ended.rowCount },
      });
      return row;
    });
    sendNotice(mailer, owner, 'totp_changed');
  }

  async function confirm(accountId: string, code: string, sessionTokenHash: string, ip: string): Promise<void> {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ pending: unknown; enrolled: boolean; home_org_id: string }>(
        'SELECT totp_pending_secret AS pending, totp_enrolled_at IS NOT NULL AS enrolled, home_org_id::text AS home_org_id FROM accounts WHERE id = $1 FOR UPDATE',
        [accountId],
      );
      const row = rows[0];
      if (row?.enrolled) throw new AppError('auth.totp_already_enrolled');
      if (!row?.pending) throw new AppError('auth.totp_setup_missing');
      const secret = keyring.openForAccounts(row.pending, PENDING_CONTEXT);
      const step = matchTotp(secret, code, clock());
      if (step === undefined) throw new AppError('auth.totp_invalid', { field: 'code' });
      await tx.query(
        'UPDATE accounts SET totp_secret = $1, totp_pending_secret = NULL, totp_enrolled_at = now(), totp_last_step = $2 WHERE id = $3',
        [keyring.sealForAccounts(secret, TOTP_SECRET_CONTEXT), step, accountId],
      );
      await tx.query('UPDATE sessions SET second_factor_ok = true WHERE token_hash = $1', [sessionTokenHash]);
      await audit.append(tx, {
        actorAccountId: accountId,
        action: 'auth.totp_enrolled',
        recordType: 'account',
        recordId: accountId,
        orgId: row.home_org_id,
        ip,
      });
    });
  }

  return { setup, confirm, replaceSetup, replaceConfirm };
}
