// Reads that may go to a PostgreSQL streaming replica (DATABASE_REPLICA_URL): dashboards,
// statistics and searches, so a heavy report does not slow down intake on the primary.
// Rules (docs/decisions/0144):
//   - writes, and anything read inside a write, stay on the primary (callers use ctx.db there);
//   - a session that wrote reads from the primary until the replica has replayed past its write
//     (reads after one's own writes: a caseworker never sees a dashboard without what she just did);
//   - a replica that lags more than maxLagBytes, is not a standby, or does not answer is not used:
//     reads fall back to the primary, and /api/health says so.
// A background probe compares the primary's WAL position with the replica's replay position.
import type { Database, Queryable } from './database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

export type ReplicaState = 'none' | 'in_use' | 'fallback';

export interface ReadRouting {
  /** Where a read for this session (or for no session) should go now. */
  forReading(sessionKey?: string): Queryable;
  /** A state-changing request of this session: its reads stay on the primary until replayed. */
  noteWrite(sessionKey: string): void;
  state(): { replica: ReplicaState; reason?: string; lagBytes?: number };
  /** Runs one probe now (tests; the server probes every probeMs). */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export function primaryOnly(primary: Database): ReadRouting {
  return {
    forReading: () => primary,
    noteWrite: () => undefined,
    state: () => ({ replica: 'none' }),
    probe: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

const MAX_SESSIONS_TRACKED = 10_000;

export async function withReplica(
  primary: Database,
  replicaUrl: string,
  options: { maxLagBytes?: number; probeMs?: number; onChange?: (state: string) => void } = {},
): Promise<ReadRouting> {
  const maxLagBytes = options.maxLagBytes ?? 16 * 1024 * 1024;
  const replica = await openPostgresDatabase(replicaUrl, 5, { probe: false });
  // Everything the primary had committed before this moment is on the replica.
  let caughtUpAt = 0;
  let healthy = false;
  let reason: string | undefined = 'not probed yet';
  let lagBytes: number | undefined;
  const wroteAt = new Map<string, number>();

  const setState = (ok: boolean, why?: string) => {
    if (ok !== healthy || why !== reason) options.onChange?.(ok ? 'replica in use' : `reads on the primary: ${why}`);
    healthy = ok;
    reason = why;
  };

  async function probe(): Promise<void> {
    const startedAt = Date.now();
    try {
      const primaryLsn = (await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]
        ?.lsn;
      const { rows } = await replica.query<{ standby: boolean; lag: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text AS lag',
        [primaryLsn],
      );
      const row = rows[0];
      if (!row?.standby) return setState(false, 'the replica is not a standby');
      lagBytes = Math.max(0, Number(row.lag ?? Infinity));
      if (lagBytes === 0) caughtUpAt = startedAt;
      if (lagBytes > maxLagBytes) return setState(false, `the replica lags ${lagBytes} bytes`);
      setState(true);
    } catch (error) {
      setState(false, `the replica does not answer (${(error as Error).message})`);
    }
  }

  await probe();
  let probing: Promise<void> | undefined;
  const timer = setInterval(() => {
    probing ??= probe().finally(() => (probing = undefined));
  }, options.probeMs ?? 1000);
  timer.unref();

  return {
    forReading(sessionKey) {
      if (!healthy) return primary;
      const wrote = sessionKey ? wroteAt.get(sessionKey) : undefined;
      if (wrote === undefined) return replica;
      if (wrote < caughtUpAt) {
        wroteAt.delete(sessionKey as string);
        return replica;
      }
      return primary;
    },
    noteWrite(sessionKey) {
      if (wroteAt.size >= MAX_SESSIONS_TRACKED) wroteAt.clear();
      wroteAt.set(sessionKey, Date.now());
    },
    state: () => ({
      replica: healthy ? 'in_use' : 'fallback',
      ...(reason ? { reason } : {}),
      ...(lagBytes !== undefined ? { lagBytes } : {}),
    }),
    probe,
    async close() {
      clearInterval(timer);
      await probing;
      await replica.close();
    },
  };
}
