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

  async function recordFailure(account: AccountForLogin, ip: string, reason: string): Promise<AppError | undefined> {
    throttle.recordFailure(ip);
    const failures = account.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE accounts SET failed_logins = $1, locked_until = $2 WHERE id = $3', [
        lock ? 0 : failures,
        lock ? new Date(clock().getTime() + LOCKOUT_MINUTES * 60_000) : account.locked_until,
        account.id,
      ]);
      await audit.append(tx, { actorAccountId: account.id, action: lock ? 'auth.locked' : 'auth.login_failed', recordType: 'account', recordId: account.id, orgId: account.home_org_id, ip, details: { reason } });
    });
    return lock ? new AppError('auth.locked', { params: { minutes: String(LOCKOUT_MINUTES) } }) : undefined;
  }

  async function login(request: LoginRequest): Promise<NewSession & { accountId: string }> {
    if (throttle.isLimited(request.ip)) throw new AppError('auth.rate_limited');
    const { rows } = await db.query<AccountForLogin>(
      `SELECT id::text AS id, home_org_id::text AS home_org_id, password_hash, totp_secret, totp_last_step, failed_logins,
              locked_until, disabled_at IS NOT NULL AS disabled
         FROM accounts WHERE email = $1`,
      [request.email.trim().toLowerCase()],
    );
    const account = rows[0];
    if (!account || account.disabled) {
      await burnPasswordCheck(request.password);
      throttle.recordFailure(request.ip);
      throw new AppError('auth.invalid_credentials');
    }
    const now = clock();
    if (account.locked_until && new Date(account.locked_until).getTime() > now.getTime()) {
      const minutes = Math.ceil((new Date(account.locked_until).getTime() - now.getTime()) / 60_000);
      throw new AppError('auth.locked', { params: { minutes: String(minutes) } });
    }
    if (!(await verifyPassword(account.password_hash, request.password))) {
      throw (await recordFailure(account, request.ip, 'password')) ?? new AppError('auth.invalid_credentials');
    }
    let totpStep: number | null = null;
    if (account.totp_secret) {
      if (!request.totp) throw new AppError('auth.totp_required', { field: 'totp' });
      const secret = keyring.openForAccounts(account.totp_secret, TOTP_SECRET_CONTEXT);
      const step = matchTotp(secret, request.totp, now);
      // A code already used (same 30-second step or older) is refused: it may have been observed.
      if (step === undefined || (account.totp_last_step !== null && step <= Number(account.totp_last_step))) {
        throw (await recordFailure(account, request.ip, 'totp')) ?? new AppError('auth.totp_invalid', { field: 'totp' });
      }
      totpStep = step;
    }
    return db.transaction(async (tx) => {
      const first = await tx.query<{ org_id: string }>(
        'SELECT org_id::text AS org_id FROM memberships WHERE account_id = $1 ORDER BY created_at LIMIT 1',
        [account.id],
      );
      await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL, totp_last_step = coalesce($1, totp_last_step) WHERE id = $2', [
        totpStep,
        account.id,
      ]);
      const session = await createSession(tx, {
        accountId: account.id,
        activeOrgId: first.rows[0]?.org_id ?? null,
        secondFactorOk: totpStep !== null,
        ip: request.ip,
        userAgent: request.userAgent,
        maxMinutes: deps.sessionMaxMinutes,
        now,
      });
      await audit.append(tx, { actorAccountId: account.id, action: 'auth.login', recordType: 'account', recordId: account.id, orgId: account.home_org_id, ip: request.ip, details: { secondFactor: totpStep !== null } });
      return { ...session, accountId: account.id };
    });
  }

  return { login };
}

export type LoginService = ReturnType<typeof createLoginService>;
