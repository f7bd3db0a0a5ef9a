// The account's own TOTP code after the provider, for organisations that do not delegate the
// second factor to it. Same checks as the password login: a code's 30-second step is claimed in
// one statement, so a code cannot be used twice (docs/decisions/0005-sessions-and-second-factor.md).
import type { Queryable } from '../../kernel/db/database.ts';
import type { Keyring } from '../../kernel/crypto/keyring.ts';
import { TOTP_SECRET_CONTEXT } from '../../orgs/accounts.service.ts';
import { matchTotp } from '../totp.ts';

export async function claimTotp(
  db: Queryable,
  keyring: Keyring,
  accountId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await db.query<{ totp_secret: unknown }>(
    'SELECT totp_secret FROM accounts WHERE id = $1 AND totp_secret IS NOT NULL',
    [accountId],
  );
  if (!rows[0]) return false;
  const step = matchTotp(keyring.openForAccounts(rows[0].totp_secret, TOTP_SECRET_CONTEXT), code, now);
  if (step === undefined) return false;
  const claimed = await db.query(
    'UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND coalesce(totp_last_step, -1) < $2 RETURNING id',
    [accountId, step],
  );
  return claimed.rowCount > 0;
}
