// A small table-backed job queue (migration 0010, decision 0116) that works the same on PGlite and
// on server PostgreSQL. Claiming is one short transaction (FOR UPDATE SKIP LOCKED: two workers
// never take the same job); the handler then runs outside any transaction, so the single PGlite
// connection is never held while a job talks to an SMTP server. A failing job is retried with
// exponential backoff and, after its last attempt, stays 'failed' with its error.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database, Queryable } from '../kernel/db/database.ts';

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  org_id: string | null;
  unique_key: string | null;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

export interface JobContext {
  job: JobRow;
  now: Date;
}

export interface JobDefinition {
  kind: string;
  run(payload: Record<string, unknown>, context: JobContext): Promise<void>;
  /** Recurring jobs are re-enqueued this many minutes after each run (successful or not). */
  everyMinutes?: number;
  maxAttempts?: number;
}

export interface EnqueueOptions {
  runAt?: Date;
  orgId?: string | null;
  /** At most one pending or running job with this key; a second enqueue is ignored. */
  uniqueKey?: string;
  maxAttempts?: number;
}

const JOB_COLUMNS = `id::text AS id, kind, payload, org_id::text AS org_id, unique_key, status, run_at, attempts, max_attempts, last_error, created_at, finished_at`;

/** Inserts a job; with a unique key already pending or running, nothing is inserted (returns null). */
export async function enqueueJob(
  db: Queryable,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions & { now: Date },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO jobs (kind, payload, org_id, unique_key, run_at, max_attempts, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (unique_key) WHERE status IN ('pending', 'running') DO NOTHING
     RETURNING id::text AS id`,
    [
      kind,
      JSON.stringify(payload),
      options.orgId ?? null,
      options.uniqueKey ?? null,
      options.runAt ?? options.now,
      options.maxAttempts ?? 5,
      options.now,
    ],
  );
  return rows[0]?.id ?? null;
}

/** Delay before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min… capped at 1 hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

export interface JobQueueOptions {
  db: Database;
  clock: () => Date;
  definitions: readonly JobDefinition[];
  /** How long a claimed job is reserved; a worker that died releases it when the lease ends. */
  leaseSeconds?: number;
  workerId?: string;
  onError?: (job: JobRow, error: unknown) => void;
}

export interface RunReport {
  done: number;
  retried: number;
  failed: number;
}

export function createJobQueue({
  db,
  clock,
  definitions,
  leaseSeconds = 300,
  // Host and process in the name: an operator (or a test) sees which process holds a job.
  workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  onError,
}: JobQueueOptions) {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));

  function enqueue(
    kind: string,
    payload: Record<string, unknown> = {},
    options: EnqueueOptions = {},
    tx: Queryable = db,
  ): Promise<string | null> {
    const definition = byKind.get(kind);
    return enqueueJob(tx, kind, payload, {
      ...options,
      now: clock(),
      ...(definition?.maxAttempts && !options.maxAttempts ? { maxAttempts: definition.maxAttempts } : {}),
    });
  }

  /** Claims up to `limit` due jobs (pending and due, or running with an expired lease). */
  async function claim(limit: number): Promise<JobRow[]> {
    const now = clock();
    const lockedUntil = new Date(now.getTime() + leaseSeconds * 1000);
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $2, locked_by = $3
          WHERE id IN (SELECT id FROM jobs
                        WHERE (status = 'pending' AND run_at <= $1) OR (status = 'running' AND locked_until < $1)
                        ORDER BY run_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING ${JOB_COLUMNS}`,
        [now, lockedUntil, workerId, limit],
      );
      return rows;
    });
  }

  async function reschedule(
    tx: Queryable,
    definition: JobDefinition | undefined,
    job: JobRow,
    now: Date,
  ): Promise<void> {
    if (!definition?.everyMinutes) return;
    await enqueueJob(tx, job.kind, job.payload, {
      now,
      runAt: new Date(now.getTime() + definition.everyMinutes * 60_000),
      uniqueKey: job.unique_key ?? job.kind,
      orgId: job.org_id,
      maxAttempts: job.max_attempts,
    });
  }

  async function finish(job: JobRow, error: unknown): Promise<'done' | 'retried' | 'failed'> {
    const definition = byKind.get(job.kind);
    const now = clock();
    return db.transaction(async (tx) => {
      if (error === undefined) {
        await tx.query(
          "UPDATE jobs SET status = 'done', finished_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1 AND locked_by = $3",
          [job.id, now, workerId],
        );
        await reschedule(tx, definition, job, now);
        return 'done';
      }
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      // A recurring job does not retry on its own schedule: its next run is the retry.
      if (job.attempts >= job.max_attempts || definition?.everyMinutes) {
        await tx.query(
          "UPDATE jobs SET status = 'failed', finished_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1 AND locked_by = $4",
          [job.id, now, message, workerId],
        );
        await reschedule(tx, definition, job, now);
        return 'failed';
      }
      const runAt = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
      await tx.query(
        "UPDATE jobs SET status = 'pending', run_at = $2, locked_until = NULL, locked_by = NULL, last_error = $3 WHERE id = $1 AND locked_by = $4",
        [job.id, runAt, message, workerId],
      );
      return 'retried';
    });
  }

  async function runOne(job: JobRow): Promise<'done' | 'retried' | 'failed'> {
    const definition = byKind.get(job.kind);
    let failure: unknown;
    try {
      if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
      await definition.run(job.payload, { job, now: clock() });
    } catch (error) {
      failure = error ?? new Error('job failed');
      onError?.(job, error);
    }
    return finish(job, failure);
  }

  /**
   * Runs every job due now, a batch at a time, until none is left (or `maxJobs` ran). Tests call
   * this directly; the worker calls it on each tick.
   */
  async function runDueJobs(options: { batch?: number; maxJobs?: number } = {}): Promise<RunReport> {
    const report: RunReport = { done: 0, retried: 0, failed: 0 };
    const maxJobs = options.maxJobs ?? 500;
    let ran = 0;
    while (ran < maxJobs) {
      const jobs = await claim(Math.min(options.batch ?? 10, maxJobs - ran));
      if (jobs.length === 0) break;
      for (const job of jobs) {
        report[await runOne(job)] += 1;
        ran += 1;
      }
    }
    return report;
  }

  /**
   * Makes sure every recurring job has a pending run; with `now`, the pending run is brought
   * forward to now (the server runs its recurring jobs once at start-up).
   */
  async function ensureRecurring(options: { now?: boolean } = {}): Promise<void> {
    const now = clock();
    for (const d of definitions.filter((x) => x.everyMinutes)) {
      await db.transaction(async (tx) => {
        await enqueueJob(
          tx,
          d.kind,
          {},
          { now, uniqueKey: d.kind, ...(d.maxAttempts ? { maxAttempts: d.maxAttempts } : {}) },
        );
        if (options.now)
          await tx.query("UPDATE jobs SET run_at = $2 WHERE unique_key = $1 AND status = 'pending' AND run_at > $2", [
            d.kind,
            now,
          ]);
      });
    }
  }

  /** Deletes finished jobs older than `days` (failed ones stay until an administrator has seen them). */
  async function pruneDone(days = 14): Promise<number> {
    const before = new Date(clock().getTime() - days * 86_400_000);
    return (await db.query("DELETE FROM jobs WHERE status = 'done' AND finished_at < $1", [before])).rowCount;
  }

  return { enqueue, claim, runDueJobs, ensureRecurring, pruneDone, workerId };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
