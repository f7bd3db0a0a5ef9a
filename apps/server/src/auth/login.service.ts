// Logging in: password (argon2id), then the second factor when the account has one (a TOTP code
// or a single-use recovery code). Guessing is slowed down per address, per account and address,
// and per account (login-throttle.ts) — never by locking the account, which anyone could do to
// anyone (docs/decisions/0129-accounts-only-the-owner-controls.md).
// Unknown, disabled, not-yet-activated and wrong-password attempts get the same answer after the
// same work: a password hash is always checked (a dummy one when there is no account) and an audit
// entry is always written.
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { burnPasswordCheck, verifyPassword } from './password-hashing.ts';
import { createSession, type NewSession } from './sessions.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { spendSecondFactor, type SecondFactorInput } from './second-factor.ts';

export interface LoginDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  throttle: LoginThrottle;
  sessionMaxMinutes: number;
  clock: () => Date;
}

export interface CredentialRequest extends SecondFactorInput {
  email: string;
  password: string;
  ip: string;
}

export interface LoginRequest extends CredentialRequest {
  userAgent: string | undefined;
}

export interface CheckedAccount {
  id: string;
  home_org_id: string;
  email: string;
  secondFactor: 'totp' | 'recovery_code' | 'none';
}

interface AccountForLogin {
  id: string;
  home_org_id: string;
  password_hash: string | null;
  totp_secret: unknown;
  disabled: boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createLoginService(deps: LoginDeps) {
  const { db, keyring, audit, throttle, clock } = deps;

  async function refuse(account: AccountForLogin | undefined, ip: string, reason: string, error: AppError) {
    await audit.record({
      actorAccountId: account?.id ?? null,
      action: 'auth.login_failed',
      recordType: 'account',
      recordId: account?.id ?? null,
      orgId: account?.home_org_id ?? null,
      ip,
      details: { reason },
    });
    return error;
  }

  /**
   * Password and second factor, without opening a session: used by sign-in and by accepting an
   * invitation with an existing account. Throws the uniform errors described above.
   */
  async function checkCredentials(request: CredentialRequest): Promise<CheckedAccount> {
    const email = normaliseEmail(request.email);
    if (!(await throttle.tryAttempt(request.ip, email))) throw new AppError('auth.rate_limited');
    const { rows } = await db.query<AccountForLogin>(
      `SELECT id::text AS id, home_org_id::text AS home_org_id, password_hash, totp_secret,
              disabled_at IS NOT NULL AS disabled
         FROM accounts WHERE email = $1`,
      [email],
    );
    const account = rows[0];
    if (!account || account.disabled || !account.password_hash) {
      await burnPasswordCheck(request.password);
      const reason = !account ? 'unknown_account' : account.disabled ? 'disabled' : 'no_password';
      throw await refuse(account, request.ip, reason, new AppError('auth.invalid_credentials'));
    }
    if (!(await verifyPassword(account.password_hash, request.password)))
      throw await refuse(account, request.ip, 'password', new AppError('auth.invalid_credentials'));
    const second = await spendSecondFactor(db, keyring, account, request, clock());
    if (!second.ok) {
      // A right password waiting for its code is not a failed attempt.
      if (second.missing) {
        await throttle.forgive(request.ip, email);
        throw second.error;
      }
      throw await refuse(account, request.ip, second.error.code, second.error);
    }
    await throttle.forgive(request.ip, email);
    await throttle.remember(request.ip, email);
    return { id: account.id, home_org_id: account.home_org_id, email, secondFactor: second.method };
  }

  async function login(request: LoginRequest): Promise<NewSession & { accountId: string }> {
    const account = await checkCredentials(request);
    const now = clock();
    return db.transaction(async (tx) => {
      const first = await tx.query<{ org_id: string }>(
        'SELECT org_id::text AS org_id FROM memberships WHERE account_id = $1 ORDER BY created_at LIMIT 1',
        [account.id],
      );
      const session = await createSession(tx, {
        accountId: account.id,
        activeOrgId: first.rows[0]?.org_id ?? null,
        secondFactorOk: account.secondFactor !== 'none',
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
        details: { secondFactor: account.secondFactor !== 'none', method: account.secondFactor },
      });
      return { ...session, accountId: account.id };
    });
  }

  return { login, checkCredentials, throttle };
}

export type LoginService = ReturnType<typeof createLoginService>;
