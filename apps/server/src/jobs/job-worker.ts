// The in-process worker the server starts: every few seconds it runs the jobs that are due, one
// short claim transaction at a time. stop() waits for the job in hand and schedules nothing more,
// so shutdown (and the test harness) never leaves a timer or a database call behind. A cycle that
// ran a full batch leaves a backlog (a burst of registrations each enqueueing a matching job): the
// next cycle then starts at once instead of after the interval, so a backlog drains at the speed
// of the jobs rather than 100 jobs per interval.
import type { JobQueue } from './job-queue.ts';

export interface JobWorker {
  /** Runs due jobs now (does not overlap a run already in progress). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startJobWorker(
  queue: JobQueue,
  options: {
    intervalMs?: number;
    onError?: (error: unknown) => void;
    runRecurringNow?: boolean;
    /** Jobs per cycle; a cycle that runs this many starts the next one at once. */
    maxJobsPerCycle?: number;
  } = {},
): JobWorker {
  const intervalMs = options.intervalMs ?? 15_000;
  const maxJobs = options.maxJobsPerCycle ?? 100;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let backlog = false;

  async function cycle(): Promise<void> {
    try {
      await queue.ensureRecurring();
      const report = await queue.runDueJobs({ maxJobs });
      backlog = report.done + report.retried + report.failed >= maxJobs;
    } catch (error) {
      backlog = false;
      options.onError?.(error);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(schedule), backlog ? 0 : intervalMs);
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
