// One process at a time does what must not run twice at once across the app processes of a
// deployment (the audit sealer): it leads while it holds a PostgreSQL session advisory lock on a
// dedicated connection. When that process dies or its connection is cut, PostgreSQL releases the
// lock and another process takes it within one retry interval (docs/decisions/0143).
// On the embedded database there is one process: it always leads.
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface Leadership {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  /** Called when this process becomes the leader; its result is awaited before anything else. */
  onLead: () => void | Promise<void>;
  /** Called when it stops leading (connection lost, or stop()). */
  onStepDown: () => void | Promise<void>;
  retryMs?: number;
  onError?: (error: Error) => void;
}

/** The advisory-lock key of a role: a stable 64-bit number derived from its name. */
export function leadershipKey(role: string): bigint {
  return createHash('sha256').update(`acompana:${role}`).digest().readBigInt64BE(0);
}

/** This process is the only one: it leads at once and until stop(). */
export async function soleLeadership(options: LeadershipOptions): Promise<Leadership> {
  let leading = true;
  await options.onLead();
  return {
    isLeader: () => leading,
    async stop() {
      if (!leading) return;
      leading = false;
      await options.onStepDown();
    },
  };
}

export function postgresLeadership(connectionString: string, role: string, options: LeadershipOptions): Leadership {
  const key = leadershipKey(role).toString();
  const retryMs = options.retryMs ?? 1000;
  let stopped = false;
  let client: pg.Client | undefined;
  let leading = false;
  let timer: NodeJS.Timeout | undefined;
  // Transitions run one after another: a step-down never overlaps the lead it ends.
  let transitions: Promise<void> = Promise.resolve();
  const transition = (fn: () => void | Promise<void>) => {
    transitions = transitions.then(fn).catch((error: unknown) => options.onError?.(error as Error));
    return transitions;
  };

  const stepDown = () => {
    if (!leading) return transitions;
    leading = false;
    return transition(options.onStepDown);
  };

  const retryLater = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void attempt();
    }, retryMs);
    timer.unref();
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString });
        const lost = (error?: Error) => {
          if (client !== fresh) return;
          client = undefined;
          if (error) options.onError?.(error);
          void stepDown();
          retryLater();
        };
        fresh.on('error', lost);
        fresh.on('end', () => lost());
        await fresh.connect();
        if (stopped) return void (await fresh.end().catch(() => undefined));
        client = fresh;
      }
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS got', [key]);
      if (rows[0]?.got && !stopped) {
        leading = true;
        await transition(options.onLead);
        return;
      }
    } catch (error) {
      options.onError?.(error as Error);
      const broken = client;
      client = undefined;
      await broken?.end().catch(() => undefined);
    }
    retryLater();
  }

  void attempt();
  return {
    isLeader: () => leading,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await stepDown();
      const held = client;
      client = undefined;
      // Ending the session releases the lock for the next process.
      await held?.end().catch(() => undefined);
    },
  };
}
