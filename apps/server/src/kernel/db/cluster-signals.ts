// Signals between the app processes of one deployment: "what you cached about <topic> is stale".
// Several processes behind a proxy share one PostgreSQL; each keeps short-lived caches (who is
// asking, for instance). A process that changes something publishes its topic; every process,
// itself included, drops that cache at once (PostgreSQL LISTEN/NOTIFY), instead of serving it
// until a time window ends (docs/decisions/0143).
//
// A listener that lost its connection may have missed signals: when it is back, every handler
// runs once, as if each topic had been signalled. While it is away the caches' own time window
// still bounds staleness.
import pg from 'pg';

const CHANNEL = 'acompana_signals';
const RECONNECT_MS = 500;

export interface ClusterSignals {
  /** 'postgres' when other processes hear this one; 'local' when only this process exists. */
  readonly scope: 'postgres' | 'local';
  /** Tells every process (this one too) that `topic` changed. Never throws; repeated calls coalesce. */
  publish(topic: string): void;
  /** Runs `handler` whenever `topic` is signalled, or after a lost connection came back. */
  subscribe(topic: string, handler: () => void): () => void;
  /** Resolves once this process hears signals (tests and start-up wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

type Handlers = Map<string, Set<() => void>>;

function dispatch(handlers: Handlers, topic: string | undefined): void {
  const targets = topic === undefined ? [...handlers.values()] : [handlers.get(topic) ?? new Set()];
  for (const set of targets) for (const handler of set) handler();
}

function subscriber(handlers: Handlers) {
  return (topic: string, handler: () => void) => {
    const set = handlers.get(topic) ?? new Set();
    set.add(handler);
    handlers.set(topic, set);
    return () => void set.delete(handler);
  };
}

/** One process only (the embedded database, the CLI, the test harness): signals stay in memory. */
export function localClusterSignals(): ClusterSignals {
  const handlers: Handlers = new Map();
  return {
    scope: 'local',
    publish: (topic) => dispatch(handlers, topic),
    subscribe: subscriber(handlers),
    ready: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * Signals through PostgreSQL: one dedicated connection LISTENs (a pool connection cannot, it is
 * handed to other work); NOTIFY goes through its own short-lived connection so a pool exhausted by
 * requests does not delay it.
 */
export function postgresClusterSignals(
  connectionString: string,
  options: { onError?: (error: Error) => void } = {},
): ClusterSignals {
  const handlers: Handlers = new Map();
  const pending = new Set<string>();
  let closed = false;
  let listener: pg.Client | undefined;
  let publisher: Promise<pg.Client> | undefined;
  let flushing: Promise<void> | undefined;
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
  let reconnectTimer: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect(true);
    }, RECONNECT_MS);
    reconnectTimer.unref();
  };

  async function connect(afterLoss: boolean): Promise<void> {
    const client = new pg.Client({ connectionString });
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = undefined;
      if (error) options.onError?.(error);
      scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) dispatch(handlers, message.payload ?? undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (closed) return void (await client.end().catch(() => undefined));
      listener = client;
      readyResolve();
      // Whatever was signalled while this process was not listening is unknown: drop everything.
      if (afterLoss) dispatch(handlers, undefined);
    } catch (error) {
      options.onError?.(error as Error);
      await client.end().catch(() => undefined);
      scheduleReconnect();
    }
  }

  function publisherClient(): Promise<pg.Client> {
    publisher ??= (async () => {
      const client = new pg.Client({ connectionString });
      client.on('error', (error) => {
        options.onError?.(error);
        publisher = undefined;
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      publisher = undefined;
      throw error;
    });
    return publisher;
  }

  // Signals published in the same moment leave as one round trip per topic.
  async function flush(): Promise<void> {
    const topics = [...pending];
    pending.clear();
    try {
      const client = await publisherClient();
      await client.query('SELECT pg_notify($1, topic) FROM unnest($2::text[]) AS topic', [CHANNEL, topics]);
    } catch (error) {
      // The local caches were already dropped; other processes fall back on their time window.
      options.onError?.(error as Error);
    }
  }

  function scheduleFlush(): void {
    if (flushing || closed) return;
    flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(flush).finally(() => {
      flushing = undefined;
      // Topics published while the last round trip was under way.
      if (pending.size > 0) scheduleFlush();
    });
  }

  void connect(false);
  return {
    scope: 'postgres',
    publish(topic) {
      dispatch(handlers, topic);
      if (closed) return;
      pending.add(topic);
      scheduleFlush();
    },
    subscribe: subscriber(handlers),
    ready: () => readyPromise,
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await flushing;
      if (pending.size > 0) await flush();
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      const sender = await publisher?.catch(() => undefined);
      await sender?.end().catch(() => undefined);
    },
  };
}
