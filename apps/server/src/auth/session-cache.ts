// A short-lived in-process cache of who is asking: the session row (account, memberships, teams)
// and the sharing agreements towards the active organisation. Without it every request paid two
// queries before doing its work (load benchmark, issue 11).
//
// Staleness is bounded two ways:
//   - any state-changing API request (log out, switch organisation, change a role, disable an
//     account, enrol two-factor, ...) empties the cache before its response is sent, and a lookup
//     that started before that cannot put its older answer back (generation check);
//   - changes made outside this process (the CLI on the same PostgreSQL, an operator's SQL) are
//     seen within maxAgeMs (ACOMPANA_SESSION_CACHE_MS, default 2000; 0 turns the cache off).
// Expiry (idle and absolute) is always evaluated against the current time, cached or not.
import type { SessionRow } from './sessions.ts';

export interface CachedSharing {
  fromOrgId: string;
  purposes: string[];
}

interface Entry {
  session: SessionRow | null;
  sharing?: { orgId: string; items: CachedSharing[] };
  storedAt: number;
}

const MAX_ENTRIES = 5000;

export interface SessionCache {
  readonly enabled: boolean;
  generation(): number;
  get(tokenHash: string): Entry | undefined;
  /** Stores what a lookup that began at `generation` found, unless the cache was emptied since. */
  put(tokenHash: string, entry: Omit<Entry, 'storedAt'>, generation: number): void;
  clear(): void;
}

export function createSessionCache(
  maxAgeMs: number,
  monotonicNow: () => number = () => performance.now(),
): SessionCache {
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    enabled: maxAgeMs > 0,
    generation: () => generation,
    get(tokenHash) {
      if (maxAgeMs <= 0) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (monotonicNow() - entry.storedAt > maxAgeMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry;
    },
    put(tokenHash, entry, atGeneration) {
      if (maxAgeMs <= 0 || atGeneration !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(tokenHash, { ...entry, storedAt: monotonicNow() });
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}
