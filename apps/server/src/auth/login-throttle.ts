// Rate limit of login attempts per client address, in memory (one server process owns the
// embedded database; for several processes on PostgreSQL each keeps its own window, which only
// makes the limit per process — the per-account lockout in the database still holds).
// An attempt is counted when it starts, not when its password check fails: otherwise a burst
// of parallel guesses would all pass the check before any of them was counted.
export interface LoginThrottle {
  /** Counts an attempt; false when the address is over the limit (nothing is counted then). */
  tryAttempt(ip: string, now?: number): boolean;
  /** A successful login (or a correct password awaiting its second factor) is not held against the address. */
  forgive(ip: string): void;
}

export function createLoginThrottle(maxAttempts = 20, windowMs = 15 * 60_000): LoginThrottle {
  const attempts = new Map<string, number[]>();
  return {
    tryAttempt(ip, now = Date.now()) {
      const kept = (attempts.get(ip) ?? []).filter((t) => now - t < windowMs);
      if (kept.length >= maxAttempts) {
        attempts.set(ip, kept);
        return false;
      }
      kept.push(now);
      attempts.set(ip, kept);
      // Keep memory bounded under a spray of addresses.
      if (attempts.size > 50_000) attempts.delete(attempts.keys().next().value as string);
      return true;
    },
    forgive(ip) {
      const kept = attempts.get(ip);
      if (kept && kept.length > 0) kept.pop();
    },
  };
}
