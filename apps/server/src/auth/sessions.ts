// Server-side sessions. The cookie holds a random token; the database holds its SHA-256.
// A session ends after ACOMPANA_SESSION_IDLE_MINUTES without use or ACOMPANA_SESSION_MAX_MINUTES
// after login, whichever comes first; "log out everywhere" deletes all of an account's sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../kernel/db/database.ts';
import { membershipsJsonSql, parseJsonColumn, type MembershipRow } from '../orgs/orgs.queries.ts';

export const SESSION_COOKIE = 'acompana_session';
/**
 * Over HTTPS the cookie carries the __Host- prefix: the browser then only accepts it Secure, for
 * Path=/ and without Domain, so a sibling subdomain or a plain-http page cannot plant or overwrite
 * it (ASVS 3.4.4). Browsers refuse such a cookie without Secure, so the plain-http local demo keeps
 * the bare name (docs/decisions/0140-reauthentication-throttles-in-the-database.md).
 */
export const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(config: { secureCookies: boolean }): string {
  return config.secureCookies ? HOST_SESSION_COOKIE : SESSION_COOKIE;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  tx: Queryable,
  input: {
    accountId: string;
    activeOrgId: string | null;
    secondFactorOk: boolean;
    ip: string;
    userAgent: string | undefined;
    maxMinutes: number;
    now: Date;
  },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.maxMinutes * 60_000);
  await tx.query(
    `INSERT INTO sessions (token_hash, account_id, active_org_id, csrf_token, second_factor_ok, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)`,
    [
      hashToken(token),
      input.accountId,
      input.activeOrgId,
      csrfToken,
      input.secondFactorOk,
      input.ip,
      input.userAgent?.slice(0, 300) ?? null,
      input.now,
      expiresAt,
    ],
  );
  // Every way in (password, passkey, provider, invitation) opens its session here.
  await tx.query('UPDATE accounts SET last_sign_in_at = $2 WHERE id = $1', [input.accountId, input.now]);
  return { token, csrfToken, expiresAt };
}

export interface SessionRow {
  token_hash: string;
  account_id: string;
  active_org_id: string | null;
  csrf_token: string;
  second_factor_ok: boolean;
  last_seen_at: Date;
  expires_at: Date;
  email: string;
  display_name: string;
  locale: string;
  totp_enrolled: boolean;
  totp_exempt: boolean;
  disabled: boolean;
  memberships: MembershipRow[];
}

export type SessionLookup = { status: 'none' } | { status: 'expired' } | { status: 'ok'; session: SessionRow };

/** The session row with the account and its memberships, as stored; null when there is none. */
export async function fetchSession(db: Queryable, token: string | undefined): Promise<SessionRow | null> {
  if (!token || token.length > 200) return null;
  const { rows } = await db.query<SessionRow>(
    `SELECT s.token_hash, s.account_id::text AS account_id, s.active_org_id::text AS active_org_id, s.csrf_token,
            s.second_factor_ok, s.last_seen_at, s.expires_at, a.email, a.display_name, a.locale,
            a.totp_enrolled_at IS NOT NULL AS totp_enrolled, a.totp_exempt, a.disabled_at IS NOT NULL AS disabled,
            ${membershipsJsonSql('s.account_id')} AS memberships
       FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  const session = rows[0];
  if (!session) return null;
  session.memberships = parseJsonColumn(session.memberships);
  return session;
}

/** Applies the idle and absolute limits to a fetched (or cached) session row, touching it at most once a minute. */
export async function checkSession(
  db: Queryable,
  session: SessionRow | null,
  idleMinutes: number,
  now: Date,
): Promise<SessionLookup> {
  if (!session) return { status: 'none' };
  const idleLimit = new Date(session.last_seen_at).getTime() + idleMinutes * 60_000;
  if (session.disabled || now.getTime() >= new Date(session.expires_at).getTime() || now.getTime() >= idleLimit) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [session.token_hash]);
    return { status: 'expired' };
  }
  // Touch at most once a minute: a write per request would cost more than the whole request.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [now, session.token_hash]);
    session.last_seen_at = now;
  }
  return { status: 'ok', session };
}

export async function lookupSession(
  db: Queryable,
  token: string | undefined,
  idleMinutes: number,
  now: Date,
): Promise<SessionLookup> {
  return checkSession(db, await fetchSession(db, token), idleMinutes, now);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteAllSessions(db: Queryable, accountId: string): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE account_id = $1', [accountId])).rowCount;
}

/**
 * Ends everything that lets this account in without its password: every session (but the one
 * named, for a password change made in it) and the secret calendar-feed URL, which is a credential
 * of its own (docs/decisions/0129-accounts-only-the-owner-controls.md).
 */
export async function endAccountAccess(
  db: Queryable,
  accountId: string,
  options: { keepSession?: string } = {},
): Promise<{ sessions: number; feeds: number }> {
  const sessions = options.keepSession
    ? await db.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [
        accountId,
        options.keepSession,
      ])
    : await db.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
  const feeds = await db.query('DELETE FROM calendar_feeds WHERE account_id = $1', [accountId]);
  return { sessions: sessions.rowCount, feeds: feeds.rowCount };
}
