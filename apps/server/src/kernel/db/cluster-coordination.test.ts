// Signals and leadership between app processes sharing one PostgreSQL (each instance here stands
// for a process: its own connections, its own handlers).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../testing/test-database.ts';
import { localClusterSignals, postgresClusterSignals } from './cluster-signals.ts';
import { leadershipKey, postgresLeadership, soleLeadership, type Leadership } from './leadership.ts';

const kinds = await testDatabaseKinds();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
  return Date.now() - started;
}

describe('cluster signals and leadership without PostgreSQL', () => {
  it('signals stay in the process: a publish reaches this process only', () => {
    const signals = localClusterSignals();
    let heard = 0;
    const off = signals.subscribe('sessions', () => heard++);
    signals.publish('sessions');
    signals.publish('other');
    off();
    signals.publish('sessions');
    assert.equal(heard, 1);
  });

  it('the only process leads at once and steps down on stop', async () => {
    const events: string[] = [];
    const leadership = await soleLeadership({
      onLead: () => void events.push('lead'),
      onStepDown: () => void events.push('down'),
    });
    assert.equal(leadership.isLeader(), true);
    await leadership.stop();
    assert.deepEqual(events, ['lead', 'down']);
  });
});

describe(
  'cluster signals and leadership on PostgreSQL',
  { skip: !kinds.includes('postgres') && 'no PostgreSQL' },
  () => {
    let database: { url: string; drop: () => Promise<void> };
    let admin: pg.Client;
    const terminate = (filter: string, params: unknown[]) =>
      admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${filter}`,
        params,
      );

    before(async () => {
      database = await createPostgresTestDatabaseUrl();
      admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
    });
    after(async () => {
      await admin.end();
      await database.drop();
    });

    it('a publish in one process reaches the others within a second, and a lost listener catches up', async () => {
      const one = postgresClusterSignals(database.url);
      const two = postgresClusterSignals(database.url);
      try {
        await Promise.all([one.ready(), two.ready()]);
        const heard = { one: 0, two: 0, other: 0 };
        one.subscribe('sessions', () => heard.one++);
        two.subscribe('sessions', () => heard.two++);
        two.subscribe('directory', () => heard.other++);
        one.publish('sessions');
        assert.equal(heard.one, 1, 'the publishing process drops its own cache at once');
        const took = await until('the other process to hear', () => heard.two === 1);
        assert.ok(took < 1000, `heard after ${took} ms`);
        assert.equal(heard.other, 0, 'other topics are not disturbed');

        // The listening connections are cut (a PostgreSQL restart, a network blip): once back, every
        // topic is treated as signalled, since what was published meanwhile is unknown.
        await terminate("query = 'LISTEN acompana_signals'", []);
        await until('the listener to come back and drop everything', () => heard.other === 1 && heard.two === 2);
        one.publish('sessions');
        await until('signals to flow again', () => heard.two === 3);
      } finally {
        await one.close();
        await two.close();
      }
    });

    it('one process leads at a time; when its connection dies another takes over', async () => {
      const leading = new Set<string>();
      const make = (name: string): Leadership =>
        postgresLeadership(database.url, 'test-role', {
          retryMs: 100,
          onLead: () => void leading.add(name),
          onStepDown: () => void leading.delete(name),
        });
      const a = make('a');
      const b = make('b');
      try {
        await until('a leader', () => leading.size === 1);
        await sleep(300);
        assert.equal(leading.size, 1, 'never two leaders');
        const first = [...leading][0] as string;
        const [current, other] = first === 'a' ? [a, b] : [b, a];
        assert.equal(current.isLeader(), true);
        assert.equal(other.isLeader(), false);

        // The leader's session dies: PostgreSQL frees the lock; the other process takes over.
        // (A 64-bit key is held as classid = high half, objid = low half, both unsigned.)
        const key = BigInt.asUintN(64, leadershipKey('test-role'));
        await terminate(
          "pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = $1::bigint AND objid::bigint = $2::bigint)",
          [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
        );
        await until('the other process to lead', () => other.isLeader() && !current.isLeader());
        assert.deepEqual([...leading], [first === 'a' ? 'b' : 'a']);

        // A clean stop hands over too.
        await other.stop();
        await until('the first process to lead again', () => current.isLeader());
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  },
);
