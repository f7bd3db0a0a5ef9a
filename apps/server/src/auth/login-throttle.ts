// Rate limit of failed logins per client address, in memory (one server process owns the
// embedded database; for several processes on PostgreSQL each keeps its own window, which only
// makes the limit per process — the per-account lockout in the database still holds).
export interface LoginThrottle {
  isLimited(ip: string, now?: number): boolean;
  recordFailure(ip: string, now?: number): void;
}

export function createLoginThrottle(maxFailures = 20, windowMs = 15 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (ip: string, now: number) => (failures.get(ip) ?? []).filter((t) => now - t < windowMs);
  return {
    isLimited(ip, now = Date.now()) {
      const kept = recent(ip, now);
      if (kept.length === 0) failures.delete(ip);
      else failures.set(ip, kept);
      return kept.length >= maxFailures;
    },
    recordFailure(ip, now = Date.now()) {
      const kept = recent(ip, now);
      kept.push(now);
      failures.set(ip, kept);
      // Keep memory bounded under a spray of addresses.
      if (failures.size > 50_000) failures.delete(failures.keys().next().value as string);
    },
  };
}
