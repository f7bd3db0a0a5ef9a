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
// address that has no account. Kept in memory: one server process owns the embedded database; on
// PostgreSQL with several processes each keeps its own buckets, which only multiplies the limits.
const ADDRESS_MAX = 20;
const ADDRESS_WINDOW_MS = 15 * 60_000;
const PAIR_MAX = 5;
const PAIR_WINDOW_MS = 15 * 60_000;
const ACCOUNT_FREE = 5;
const ACCOUNT_WINDOW_MS = 60 * 60_000;
const ACCOUNT_MAX_DELAY_MS = 15 * 60_000;
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;
const MAX_KEYS = 50_000;

export interface LoginThrottle {
  /** Counts an attempt; false when any bucket refuses (nothing is counted then). */
  tryAttempt(ip: string, account: string, now?: number): boolean;
  /** A correct password (awaiting its second factor, or a full success) is not held against anyone. */
  forgive(ip: string, account: string): void;
  /**
   * A full success (password and second factor, or a reset link used): this address may sign in
   * to this account while it is under attack elsewhere, and its own earlier failures are cleared.
   */
  remember(ip: string, account: string, now?: number): void;
}

function bounded<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  // Keep memory bounded under a spray of addresses or e-mails: the oldest key goes first.
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
}

export function accountDelayMs(failuresInWindow: number): number {
  if (failuresInWindow < ACCOUNT_FREE) return 0;
  return Math.min(1000 * 2 ** (failuresInWindow - ACCOUNT_FREE), ACCOUNT_MAX_DELAY_MS);
}

export function createLoginThrottle(clock: () => number = Date.now): LoginThrottle {
  const byAddress = new Map<string, number[]>();
  const byPair = new Map<string, number[]>();
  const byAccount = new Map<string, number[]>();
  const known = new Map<string, number>();
  const pairKey = (ip: string, account: string) => `${account}\u0000${ip}`;
  const recent = (map: Map<string, number[]>, key: string, windowMs: number, now: number) =>
    (map.get(key) ?? []).filter((t) => now - t < windowMs);

  return {
    tryAttempt(ip, account, now = clock()) {
      const pair = pairKey(ip, account);
      const address = recent(byAddress, ip, ADDRESS_WINDOW_MS, now);
      const pairs = recent(byPair, pair, PAIR_WINDOW_MS, now);
      const accounts = recent(byAccount, account, ACCOUNT_WINDOW_MS, now);
      const knownAt = known.get(pair);
      const isKnown = knownAt !== undefined && now - knownAt < KNOWN_ADDRESS_MS;
      const last = accounts[accounts.length - 1];
      const accountWaits = !isKnown && last !== undefined && now - last < accountDelayMs(accounts.length);
      if (address.length >= ADDRESS_MAX || pairs.length >= PAIR_MAX || accountWaits) return false;
      bounded(byAddress, ip, [...address, now]);
      bounded(byPair, pair, [...pairs, now]);
      // The owner's own attempts from a known place do not slow down everyone else's.
      if (!isKnown) bounded(byAccount, account, [...accounts, now]);
      return true;
    },
    forgive(ip, account) {
      byAddress.get(ip)?.pop();
      byPair.get(pairKey(ip, account))?.pop();
      const knownAt = known.get(pairKey(ip, account));
      if (knownAt === undefined) byAccount.get(account)?.pop();
    },
    remember(ip, account, now = clock()) {
      // Earlier failures from here were the owner's own typing: they no longer count.
      byPair.delete(pairKey(ip, account));
      bounded(known, pairKey(ip, account), now);
    },
  };
}
