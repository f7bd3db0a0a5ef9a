// The in-process worker the server starts: every few seconds it runs the jobs that are due, one
// short claim transaction at a time. stop() waits for the job in hand and schedules nothing more,
// so shutdown (and the test harness) never leaves a timer or a database call behind.
import type { JobQueue } from './job-queue.ts';

export interface JobWorker {
  /** Runs due jobs now (does not overlap a run already in progress). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startJobWorker(
  queue: JobQueue,
  options: { intervalMs?: number; onError?: (error: unknown) => void; runRecurringNow?: boolean } = {},
): JobWorker {
  const intervalMs = options.intervalMs ?? 15_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function cycle(): Promise<void> {
    try {
      await queue.ensureRecurring();
      await queue.runDueJobs({ maxJobs: 100 });
    } catch (error) {
      options.onError?.(error);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(schedule), intervalMs);
    // The worker alone never keeps the process alive.
    timer.unref();
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    running ??= cycle().finally(() => {
      running = undefined;
    });
    return running;
  }

  // First run: bring the recurring jobs forward (reminders at start-up), then the usual ticks.
  running = (async () => {
    try {
      if (options.runRecurringNow !== false) await queue.ensureRecurring({ now: true });
    } catch (error) {
      options.onError?.(error);
    }
    await cycle();
  })().finally(() => {
    running = undefined;
    schedule();
  });

  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
