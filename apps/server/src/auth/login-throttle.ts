// Slowing down password guessing without letting a stranger lock a person out
// (docs/decisions/0129-accounts-only-the-owner-controls.md, OWASP ASVS 2.2.1). Three buckets,
// counted when an attempt starts (a burst of parallel guesses cannot all pass before any is counted):
//   - per address: 20 attempts in 15 minutes, whatever the account;
//   - per account and address: 5 attempts in 15 minutes — a guesser only shuts out themself;
//   - per account, from every address: 5 free attempts an hour, then each next attempt must wait
//     twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes). An address from which
//     the account signed in during the last 30 days is not held up by this bucket, so the owner
//     keeps getting in while someone elsewhere guesses; from a new place the owner can use the
//     reset link.
// The account key is the e-mail as typed (normalised), known or not: the answer is the same for an
// address that has no account. Kept in the database (decision 0140, migration 0076): a restart
// forgets nothing and every server process counts the same attempts. A decision takes advisory
// locks on its three keys inside one transaction, so parallel attempts are counted one by one.
import { createHmac } from 'node:crypto';
import type { Database, Queryable } from '../kernel/db/database.ts';

const ADDRESS_MAX = 20;
const ADDRESS_WINDOW_MS = 15 * 60_000;
const PAIR_MAX = 5;
const PAIR_WINDOW_MS = 15 * 60_000;
const ACCOUNT_FREE = 5;
const ACCOUNT_WINDOW_MS = 60 * 60_000;
const ACCOUNT_MAX_DELAY_MS = 15 * 60_000;
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export interface LoginThrottle {
  /** Counts an attempt; false when any bucket refuses (nothing is counted then). */
  tryAttempt(ip: string, account: string, now?: number): Promise<boolean>;
  /** A correct password (awaiting its second factor, or a full success) is not held against anyone. */
  forgive(ip: string, account: string): Promise<void>;
  /**
   * A full success (password and second factor, or a reset link used): this address may sign in
   * to this account while it is under attack elsewhere, and its own earlier failures are cleared.
   */
  remember(ip: string, account: string, now?: number): Promise<void>;
}

export function accountDelayMs(failuresInWindow: number): number {
  if (failuresInWindow < ACCOUNT_FREE) return 0;
  return Math.min(1000 * 2 ** (failuresInWindow - ACCOUNT_FREE), ACCOUNT_MAX_DELAY_MS);
}

export function createLoginThrottle(db: Database, secret: Buffer, clock: () => number = Date.now): LoginThrottle {
  // No address or e-mail is stored: only a keyed hash of the bucket and its key.
  const keyOf = (bucket: string, value: string) =>
    createHmac('sha256', secret).update(`login-throttle|${bucket}|${value}`).digest('hex');
  const keys = (ip: string, account: string) => ({
    address: keyOf('address', ip),
    pair: keyOf('pair', `${account}\u0000${ip}`),
    account: keyOf('account', account),
  });

  async function recent(tx: Queryable, key: string, since: Date): Promise<{ n: number; last: number | null }> {
    const { rows } = await tx.query<{ n: number; last: Date | null }>(
      'SELECT count(*)::int AS n, max(at) AS last FROM login_throttle_attempts WHERE key = $1 AND at > $2',
      [key, since],
    );
    const row = rows[0];
    return { n: Number(row?.n ?? 0), last: row?.last ? new Date(row.last).getTime() : null };
  }

  async function isKnown(tx: Queryable, pairKey: string, now: number): Promise<boolean> {
    const { rows } = await tx.query<{ at: Date }>('SELECT at FROM login_throttle_known WHERE key = $1', [pairKey]);
    const at = rows[0]?.at;
    return at !== undefined && now - new Date(at).getTime() < KNOWN_ADDRESS_MS;
  }

  /** Removes the newest attempt of a bucket (a correct password takes its own attempt back). */
  const popNewest = (tx: Queryable, key: string) =>
    tx.query(
      `DELETE FROM login_throttle_attempts WHERE id = (
         SELECT id FROM login_throttle_attempts WHERE key = $1 ORDER BY at DESC, id DESC LIMIT 1)`,
      [key],
    );

  return {
    async tryAttempt(ip, account, now = clock()) {
      const k = keys(ip, account);
      return db.transaction(async (tx) => {
        for (const key of [k.address, k.pair, k.account].sort())
          await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
        // What is older than every window is of no use: it goes with each new attempt.
        await tx.query('DELETE FROM login_throttle_attempts WHERE at <= $1', [new Date(now - ACCOUNT_WINDOW_MS)]);
        const address = await recent(tx, k.address, new Date(now - ADDRESS_WINDOW_MS));
        const pair = await recent(tx, k.pair, new Date(now - PAIR_WINDOW_MS));
        const accounts = await recent(tx, k.account, new Date(now - ACCOUNT_WINDOW_MS));
        const known = await isKnown(tx, k.pair, now);
        const accountWaits = !known && accounts.last !== null && now - accounts.last < accountDelayMs(accounts.n);
        if (address.n >= ADDRESS_MAX || pair.n >= PAIR_MAX || accountWaits) return false;
        const at = new Date(now);
        // The owner's own attempts from a known place do not slow down everyone else's.
        const counted = known ? [k.address, k.pair] : [k.address, k.pair, k.account];
        for (const key of counted)
          await tx.query('INSERT INTO login_throttle_attempts (key, at) VALUES ($1, $2)', [key, at]);
        return true;
      });
    },
    async forgive(ip, account) {
      const k = keys(ip, account);
      await db.transaction(async (tx) => {
        await popNewest(tx, k.address);
        await popNewest(tx, k.pair);
        if (!(await isKnown(tx, k.pair, clock()))) await popNewest(tx, k.account);
      });
    },
    async remember(ip, account, now = clock()) {
      const k = keys(ip, account);
      await db.transaction(async (tx) => {
        // Earlier failures from here were the owner's own typing: they no longer count.
        await tx.query('DELETE FROM login_throttle_attempts WHERE key = $1', [k.pair]);
        await tx.query('DELETE FROM login_throttle_known WHERE at <= $1', [new Date(now - KNOWN_ADDRESS_MS)]);
        await tx.query(
          'INSERT INTO login_throttle_known (key, at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET at = $2',
          [k.pair, new Date(now)],
        );
      });
    },
  };
}
