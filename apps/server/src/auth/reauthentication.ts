// Re-authentication before a sensitive change (OWASP ASVS 3.7.1): the owner proves the password or
// one of their passkeys again in the session they are using, and for a few minutes that session
// may change the second factor or an administrator's role
// (docs/decisions/0140-reauthentication-throttles-in-the-database.md). A stolen, unattended or
// hijacked session alone cannot replace the authenticator app or promote someone to administrator.
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';

export const REAUTH_MINUTES = 5;

export async function markReauthenticated(db: Queryable, sessionTokenHash: string, now: Date): Promise<Date> {
  await db.query('UPDATE sessions SET reauthenticated_at = $2 WHERE token_hash = $1', [sessionTokenHash, now]);
  return new Date(now.getTime() + REAUTH_MINUTES * 60_000);
}

/** Throws `auth.reauth_required` unless this session re-authenticated during the last few minutes. */
export async function requireRecentReauth(db: Queryable, sessionTokenHash: string, now: Date): Promise<void> {
  const { rows } = await db.query<{ at: Date | null }>(
    'SELECT reauthenticated_at AS at FROM sessions WHERE token_hash = $1',
    [sessionTokenHash],
  );
  const at = rows[0]?.at;
  if (!at || now.getTime() - new Date(at).getTime() > REAUTH_MINUTES * 60_000 || new Date(at) > now)
    throw new AppError('auth.reauth_required');
}
