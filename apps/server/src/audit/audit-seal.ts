// The sealer chains audit entries in sequence order: each sealed entry's MAC covers its content
// and the previous sealed entry's MAC (decision 0125). Entries are appended without any global
// lock, so a sequence number taken by a transaction still running may not be visible yet; the
// sealer only chains up to a number it knows is final:
//   1. it reads the sequence's last value S, then the ids of this database's running transactions:
//      every appender that took a number <= S already had its transaction id (an append takes its
//      transaction id before its number), so it is among them if it has not ended;
//   2. once none of those transactions is running any more, each has committed or rolled back,
//      and every entry numbered <= S that will ever exist is visible.
// An entry whose own MAC (row_mac) does not verify is never chained: the sealer stops before it,
// logs it, and verification reports it.
import type { Database } from '../kernel/db/database.ts';
import { auditMac, auditRowMac } from './audit-mac.ts';
import { AUDIT_ROW_COLUMNS, AUDIT_ROW_FROM, auditContentOf, type AuditRow } from './audit-row.ts';

const BATCH = 1000;

export interface SealResult {
  sealed: number;
  /** Set when an unsealed entry's own MAC did not verify: sealing stopped before it. */
  tamperedSeq?: number;
}

interface Horizon {
  upToSeq: number;
  /** Transactions of this database that were running when the number was read. */
  runningXids: string[];
}

// Only this database's transactions matter (a long import in another database of the same server
// must not hold sealing back); pg_stat_activity names them. PGlite runs one transaction at a time,
// so nothing can be running beside the sealer there.
async function readHorizon(db: Database): Promise<Horizon> {
  const { rows } = await db.query<{ last_value: string; is_called: boolean }>(
    'SELECT last_value, is_called FROM audit_log_seq',
  );
  const sequence = rows[0];
  const upToSeq = sequence ? Number(sequence.last_value) - (sequence.is_called ? 0 : 1) : 0;
  if (db.kind === 'pglite') return { upToSeq, runningXids: [] };
  const running = await db.query<{ xid: string }>(
    'SELECT backend_xid::text AS xid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()',
  );
  return { upToSeq, runningXids: running.rows.map((r) => r.xid) };
}

async function horizonSettled(db: Database, horizon: Horizon): Promise<boolean> {
  if (horizon.runningXids.length === 0) return true;
  const { rows } = await db.query<{ still: number }>(
    'SELECT count(*)::int AS still FROM pg_stat_activity WHERE datname = current_database() AND backend_xid::text = ANY($1::text[])',
    [horizon.runningXids],
  );
  return rows[0]?.still === 0;
}

async function sealBatch(
  db: Database,
  auditKey: Buffer,
  upToSeq: number,
): Promise<{ sealed: number; tamperedSeq?: number; more: boolean }> {
  return db.transaction(async (tx) => {
    // One sealer at a time (a CLI beside the server on PostgreSQL): the head row is the baton.
    const head = await tx.query<{ last_seq: string; last_mac: string }>(
      'SELECT last_seq, last_mac FROM audit_head WHERE id = 1 FOR UPDATE',
    );
    let prevMac = head.rows[0]?.last_mac ?? 'genesis';
    let lastSeq = Number(head.rows[0]?.last_seq ?? 0);
    const { rows } = await tx.query<AuditRow>(
      // Everything after the head is unsealed: the sealer is the only one to move the head.
      `SELECT ${AUDIT_ROW_COLUMNS} FROM ${AUDIT_ROW_FROM} WHERE l.seq > $1 AND l.seq <= $2 ORDER BY l.seq LIMIT ${BATCH}`,
      [lastSeq, upToSeq],
    );
    const seqs: number[] = [];
    const prevMacs: string[] = [];
    const macs: string[] = [];
    let tamperedSeq: number | undefined;
    for (const row of rows) {
      const content = auditContentOf(row);
      if (row.row_mac === null || auditRowMac(auditKey, content) !== row.row_mac) {
        tamperedSeq = content.seq;
        break;
      }
      const mac = auditMac(auditKey, content, prevMac);
      seqs.push(content.seq);
      prevMacs.push(prevMac);
      macs.push(mac);
      prevMac = mac;
      lastSeq = content.seq;
    }
    if (seqs.length > 0) {
      await tx.query(
        'INSERT INTO audit_seals (seq, prev_mac, mac) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])',
        [seqs, prevMacs, macs],
      );
      await tx.query('UPDATE audit_head SET last_seq = $1, last_mac = $2 WHERE id = 1', [lastSeq, prevMac]);
    }
    return {
      sealed: seqs.length,
      ...(tamperedSeq !== undefined ? { tamperedSeq } : {}),
      more: tamperedSeq === undefined && rows.length === BATCH,
    };
  });
}

async function sealUpTo(db: Database, auditKey: Buffer, upToSeq: number): Promise<SealResult> {
  let sealed = 0;
  for (;;) {
    const batch = await sealBatch(db, auditKey, upToSeq);
    sealed += batch.sealed;
    if (batch.tamperedSeq !== undefined) return { sealed, tamperedSeq: batch.tamperedSeq };
    if (!batch.more) return { sealed };
  }
}

/**
 * Seals everything appended before this call: waits (polling) until every transaction that could
 * still add an entry numbered before now has ended. For verification, backups and shutdown.
 */
export async function sealAuditLog(
  db: Database,
  auditKey: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<SealResult> {
  const horizon = await readHorizon(db);
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await horizonSettled(db, horizon))) {
    if (Date.now() > deadline) return { sealed: 0 };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return sealUpTo(db, auditKey, horizon.upToSeq);
}

export interface AuditSealer {
  /** One step: seal up to the horizon read at the previous step if it has settled, then read a new one. */
  tick(): Promise<SealResult>;
  stop(): Promise<void>;
}

/** Seals in the background every intervalMs (the server's): an entry is chained within about two intervals. */
export function startAuditSealer(
  db: Database,
  auditKey: Buffer,
  options: { intervalMs?: number; onError?: (error: unknown) => void; onTampered?: (seq: number) => void } = {},
): AuditSealer {
  let pending: Horizon | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = async (): Promise<SealResult> => {
    let result: SealResult = { sealed: 0 };
    if (pending && (await horizonSettled(db, pending))) {
      result = await sealUpTo(db, auditKey, pending.upToSeq);
      if (result.tamperedSeq !== undefined) options.onTampered?.(result.tamperedSeq);
    }
    pending = await readHorizon(db);
    return result;
  };
  const timer = setInterval(() => {
    running = running.then(() => (stopped ? undefined : tick())).catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? 500);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
