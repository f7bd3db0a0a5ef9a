// Logging in: password (argon2id), then the second factor when the account has one.
// Five wrong passwords or codes lock the account for 15 minutes (OWASP ASVS 2.2.1); a flood of
// failures from one address is rate limited before any password is checked.
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { TOTP_SECRET_CONTEXT } from '../orgs/accounts.service.ts';
import { burnPasswordCheck, verifyPassword } from './password-hashing.ts';
import { matchTotp } from './totp.ts';
import { createSession, type NewSession } from './sessions.ts';
import type { LoginThrottle } from './login-throttle.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  throttle: LoginThrottle;
  sessionMaxMinutes: number;
  clock: () => Date;
}

export interface LoginRequest {
  email: string;
  password: string;
  totp?: string | undefined;
  ip: string;
  userAgent: string | undefined;
}

interface AccountForLogin {
  id: string;
  home_org_id: string;
  password_hash: string;
  totp_secret: unknown;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
}

export function createLoginService(deps: LoginDeps) {
  const { db, keyring, audit, throttle, clock } = deps;

  /**
   * Counts the attempt against the account BEFORE the password is checked, in one statement, so
   * that parallel guesses cannot overwrite each other's count. Returns the count including this
   * attempt, or null when the account is locked (the password is then not even checked).
   * A lock that has expired starts a fresh count.
   */
  async function countAttempt(accountId: string, now: Date): Promise<number | null> {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    const { rows } = await db.query<{ failed_logins: number }>(
      `UPDATE accounts SET
         failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= $2 THEN $3::timestamptz ELSE NULL END
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $4)
       RETURNING failed_logins`,
      [accountId, MAX_FAILED_LOGINS, lockUntil, now],
    );
    return rows[0] ? Number(rows[0].failed_logins) : null;
  }

  /** A correct password awaiting its second factor is not a failed attempt: take it back. */
  async function uncountAttempt(accountId: string): Promise<void> {
    await db.query(
      `UPDATE accounts SET failed_logins = greatest(failed_logins - 1, 0),
              locked_until = CASE WHEN failed_logins - 1 >= $2 THEN locked_until ELSE NULL END
        WHERE id = $1`,
      [accountId, MAX_FAILED_LOGINS],
    );
  }

  async function failed(
    account: AccountForLogin,
    attempt: number,
    ip: string,
    reason: string,
    error: AppError,
  ): Promise<AppError> {
    const locked = attempt >= MAX_FAILED_LOGINS;
    await audit.record({
      actorAccountId: account.id,
      action: locked ? 'auth.locked' : 'auth.login_failed',
      recordType: 'account',
      recordId: account.id,
      orgId: account.home_org_id,
      ip,
      details: { reason },
    });
    return locked ? new AppError('auth.locked', { params: { minutes: String(LOCKOUT_MINUTES) } }) : error;
  }

  async function lockedError(accountId: string, now: Date): Promise<AppError> {
    const { rows } = await db.query<{ locked_until: Date | null }>('SELECT locked_until FROM accounts WHERE id = $1', [
      accountId,
    ]);
    const until = rows[0]?.locked_until
      ? new Date(rows[0].locked_until).getTime()
      : now.getTime() + LOCKOUT_MINUTES * 60_000;
    return new AppError('auth.locked', {
      params: { minutes: String(Math.max(1, Math.ceil((until - now.getTime()) / 60_000))) },
    });
  }

  async function login(request: LoginRequest): Promise<NewSession & { accountId: string }> {
    if (!throttle.tryAttempt(request.ip)) throw new AppError('auth.rate_limited');
    const { rows } = await db.query<AccountForLogin>(
      `SELECT id::text AS id, home_org_id::text AS home_org_id, password_hash, totp_secret, totp_last_step, failed_logins,
              locked_until, disabled_at IS NOT NULL AS disabled
         FROM accounts WHERE email = $1`,
      [request.email.trim().toLowerCase()],
    );
    const account = rows[0];
    if (!account || account.disabled) {
      await burnPasswordCheck(request.password);
      throw new AppError('auth.invalid_credentials');
    }
    const now = clock();
    const attempt = await countAttempt(account.id, now);
    if (attempt === null) throw await lockedError(account.id, now);
    if (!(await verifyPassword(account.password_hash, request.password))) {
      throw await failed(account, attempt, request.ip, 'password', new AppError('auth.invalid_credentials'));
    }
    let totpStep: number | null = null;
    if (account.totp_secret) {
      if (!request.totp) {
        await uncountAttempt(account.id);
        throttle.forgive(request.ip);
        throw new AppError('auth.totp_required', { field: 'totp' });
      }
      const secret = keyring.openForAccounts(account.totp_secret, TOTP_SECRET_CONTEXT);
      const step = matchTotp(secret, request.totp, now);
      // A code already used (same 30-second step or older) is refused: it may have been observed.
      // Claiming the step is one statement, so two parallel logins cannot both use one code.
      const claimed =
        step === undefined
          ? 0
          : (
              await db.query(
                'UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND coalesce(totp_last_step, -1) < $2 RETURNING id',
                [account.id, step],
              )
            ).rowCount;
      if (step === undefined || claimed === 0) {
        throw await failed(account, attempt, request.ip, 'totp', new AppError('auth.totp_invalid', { field: 'totp' }));
      }
      totpStep = step;
    }
    return db.transaction(async (tx) => {
      const first = await tx.query<{ org_id: string }>(
        'SELECT org_id::text AS org_id FROM memberships WHERE account_id = $1 ORDER BY created_at LIMIT 1',
        [account.id],
      );
      await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [account.id]);
      const session = await createSession(tx, {
        accountId: account.id,
        activeOrgId: first.rows[0]?.org_id ?? null,
        secondFactorOk: totpStep !== null,
        ip: request.ip,
        userAgent: request.userAgent,
        maxMinutes: deps.sessionMaxMinutes,
        now,
      });
      await audit.append(tx, {
        actorAccountId: account.id,
        action: 'auth.login',
        recordType: 'account',
        recordId: account.id,
        orgId: account.home_org_id,
        ip: request.ip,
        details: { secondFactor: totpStep !== null },
      });
      throttle.forgive(request.ip);
      return { ...session, accountId: account.id };
    });
  }

  return { login };
}

export type LoginService = ReturnType<typeof createLoginService>;
