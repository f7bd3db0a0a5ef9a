// Choosing a new password through a link sent to the account's mailbox
// (docs/decisions/0129-accounts-only-the-owner-controls.md). "Forgot password" answers the same
// whether or not the address has an account, after the same work: the link is made and sent after
// the answer. Using the link still needs the second factor (TOTP or a recovery code): a mailbox
// alone does not open an account. A reset ends every session and the calendar feed.
// An administrator (or the operator) can force a reset: the password is cleared, sessions and
// feed end, and the owner receives a link. Nobody but the owner learns the new password.
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { hashPassword } from './password-hashing.ts';
import { checkNewPassword } from './password-policy.ts';
import { endAccountAccess } from './sessions.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { normaliseEmail } from './login.service.ts';
import { spendSecondFactor, type SecondFactorInput } from './second-factor.ts';
import {
  checkLink,
  hashLinkToken,
  newLinkToken,
  RESET_MINUTES,
  resetLink,
  resetMail,
  sendNotice,
} from './account-links.ts';

/** Wrong second-factor codes a link survives. */
export const RESET_MAX_FAILURES = 5;
/** Links an owner may ask for in an hour (more would let anyone fill their mailbox). */
const FORGOT_PER_HOUR = 3;
/** A forced reset's link waits longer: the owner did not ask for it and may read mail tomorrow. */
const FORCED_RESET_HOURS = 24;

interface ResetRow {
  account_id: string;
  email: string;
  home_org_id: string;
  totp_secret: unknown;
  expires_at: Date | string;
  used: boolean;
  disabled: boolean;
}

export interface PasswordResetDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  mailer: Mailer | undefined;
  publicUrl: string;
  throttle: LoginThrottle;
}

export function createPasswordResetService(deps: PasswordResetDeps) {
  const { db, keyring, audit, clock } = deps;
  const background = new Set<Promise<void>>();

  async function find(tx: Queryable, token: string, lock = false): Promise<ResetRow | undefined> {
    const { rows } = await tx.query<ResetRow>(
      `SELECT r.account_id::text AS account_id, a.email, a.home_org_id::text AS home_org_id, a.totp_secret, r.expires_at,
              (r.used_at IS NOT NULL OR r.failed_attempts >= $2) AS used, a.disabled_at IS NOT NULL AS disabled
         FROM password_resets r JOIN accounts a ON a.id = r.account_id
        WHERE r.token_hash = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [hashLinkToken(token), RESET_MAX_FAILURES],
    );
    return rows[0];
  }

  async function open(tx: Queryable, token: string, lock = false): Promise<ResetRow> {
    const row = await find(tx, token, lock);
    checkLink(row && !row.disabled ? row : undefined, clock());
    return row as ResetRow;
  }

  /** A new link for the account; earlier unused links stop working. */
  async function issue(
    tx: Queryable,
    accountId: string,
    requestedBy: string | null,
    minutes: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const now = clock();
    await tx.query('UPDATE password_resets SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL', [
      accountId,
      now,
    ]);
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    await tx.query(
      'INSERT INTO password_resets (token_hash, account_id, requested_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [hash, accountId, requestedBy, now, expiresAt],
    );
    return { token, expiresAt };
  }

  async function sendForgotLink(
    account: { id: string; email: string; locale: 'es' | 'en'; home_org_id: string },
    ip: string,
  ) {
    const mailer = deps.mailer;
    if (!mailer) return;
    const recent = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM password_resets WHERE account_id = $1 AND requested_by IS NULL AND created_at > $2::timestamptz - interval '1 hour'",
      [account.id, clock()],
    );
    if (Number(recent.rows[0]?.n ?? 0) >= FORGOT_PER_HOUR) return;
    const { token } = await db.transaction(async (tx) => {
      const issued = await issue(tx, account.id, null, RESET_MINUTES);
      await audit.append(tx, {
        actorAccountId: null,
        action: 'account.reset_requested',
        recordType: 'account',
        recordId: account.id,
        orgId: account.home_org_id,
        ip,
      });
      return issued;
    });
    await mailer.send({ to: account.email, ...resetMail(account.locale, resetLink(deps.publicUrl, token), false) });
  }

  /** "Forgot password": always the same answer; the link, if any, is made and sent afterwards. */
  async function forgot(emailInput: string, ip: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    if (!(await deps.throttle.tryAttempt(ip, `reset:${email}`))) throw new AppError('auth.rate_limited');
    const { rows } = await db.query<{ id: string; email: string; locale: 'es' | 'en'; home_org_id: string }>(
      `SELECT id::text AS id, email, locale, home_org_id::text AS home_org_id FROM accounts
        WHERE email = $1 AND disabled_at IS NULL`,
      [email],
    );
    const account = rows[0];
    if (!account) return;
    const work = sendForgotLink(account, ip).catch((error: unknown) => {
      console.error('acompana: a password-reset e-mail could not be sent:', error);
    });
    background.add(work);
    void work.finally(() => background.delete(work));
  }

  async function inspect(token: string) {
    const row = await open(db, token);
    return {
      email: row.email,
      secondFactor: row.totp_secret ? ('totp' as const) : ('none' as const),
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  async function reset(input: SecondFactorInput & { token: string; password: string; ip: string }): Promise<void> {
    checkNewPassword(input.password, 'password');
    const row = await open(db, input.token);
    const second = await spendSecondFactor(
      db,
      keyring,
      { id: row.account_id, totp_secret: row.totp_secret },
      input,
      clock(),
    );
    if (!second.ok) {
      // Each wrong code counts against the link; the fifth spends it.
      await db.query('UPDATE password_resets SET failed_attempts = failed_attempts + 1 WHERE token_hash = $1', [
        hashLinkToken(input.token),
      ]);
      await audit.record({
        actorAccountId: row.account_id,
        action: 'account.reset_failed',
        recordType: 'account',
        recordId: row.account_id,
        orgId: row.home_org_id,
        ip: input.ip,
        details: { reason: second.error.code },
      });
      throw second.error;
    }
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      await open(tx, input.token, true);
      const now = clock();
      await tx.query('UPDATE password_resets SET used_at = $2 WHERE token_hash = $1', [
        hashLinkToken(input.token),
        now,
      ]);
      await tx.query(
        'UPDATE accounts SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1',
        [row.account_id, passwordHash, now],
      );
      const ended = await endAccountAccess(tx, row.account_id);
      await audit.append(tx, {
        actorAccountId: row.account_id,
        action: 'account.password_reset',
        recordType: 'account',
        recordId: row.account_id,
        orgId: row.home_org_id,
        ip: input.ip,
        details: { ...ended, secondFactor: second.method },
      });
    });
    // The owner proved mailbox and second factor from here: this place may sign in while the
    // account is under attack elsewhere.
    await deps.throttle.remember(input.ip, row.email);
    const owner = await db.query<{ locale: 'es' | 'en' }>('SELECT locale FROM accounts WHERE id = $1', [
      row.account_id,
    ]);
    sendNotice(deps.mailer, { email: row.email, locale: owner.rows[0]?.locale ?? 'es' }, 'password_reset');
  }

  /**
   * Forced reset: clears the password (and, for the operator's recovery, the second factor), ends
   * sessions and feed, and makes a link for the owner. The link is e-mailed when `delivery` is
   * 'mail' and a mailer exists; the operator's command line prints it instead.
   */
  async function forceReset(
    accountId: string,
    actor: { accountId: string | null; orgId: string | null; ip?: string | undefined },
    options: { clearSecondFactor?: boolean; delivery: 'mail' | 'print' },
  ): Promise<{ emailed: boolean; link: string; expiresAt: Date }> {
    const { token, expiresAt, email, locale } = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ email: string; locale: 'es' | 'en'; home_org_id: string }>(
        'SELECT email, locale, home_org_id::text AS home_org_id FROM accounts WHERE id = $1 FOR UPDATE',
        [accountId],
      );
      const account = rows[0];
      if (!account) throw new AppError('record.not_found');
      const now = clock();
      await tx.query('UPDATE accounts SET password_hash = NULL, updated_at = $2 WHERE id = $1', [accountId, now]);
      if (options.clearSecondFactor) {
        await tx.query(
          'UPDATE accounts SET totp_secret = NULL, totp_pending_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = $1',
          [accountId],
        );
        await tx.query('DELETE FROM recovery_codes WHERE account_id = $1', [accountId]);
      }
      const ended = await endAccountAccess(tx, accountId);
      const issued = await issue(tx, accountId, actor.accountId, FORCED_RESET_HOURS * 60);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'account.force_reset',
        recordType: 'account',
        recordId: accountId,
        orgId: account.home_org_id,
        ip: actor.ip ?? null,
        details: { ...ended, clearSecondFactor: options.clearSecondFactor ?? false, delivery: options.delivery },
      });
      return { ...issued, email: account.email, locale: account.locale };
    });
    const link = resetLink(deps.publicUrl, token);
    let emailed = false;
    if (options.delivery === 'mail' && deps.mailer) {
      try {
        await deps.mailer.send({ to: email, ...resetMail(locale, link, true) });
        emailed = true;
      } catch (error) {
        // The reset itself stands (sessions ended, password cleared): the owner can ask for a new link.
        console.error('acompana: a forced-reset e-mail could not be sent:', error);
      }
    }
    return { emailed, link, expiresAt };
  }

  return {
    forgot,
    inspect,
    reset,
    forceReset,
    /** Resolves when the e-mails started by forgot() have been handed to the mail server (tests, shutdown). */
    settled: async () => {
      await Promise.all([...background]);
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
