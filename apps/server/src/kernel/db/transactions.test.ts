// Transactions on both databases: the outer handle used inside a transaction fails at once (on the
// embedded database it used to hang the request forever), and on PostgreSQL a connection whose
// ROLLBACK failed never goes back to the pool.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPostgresTestDatabaseUrl, createTestDatabase, testDatabaseKinds } from '../../testing/test-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { OuterHandleInTransactionError } from './transaction-guard.ts';

const kinds = await testDatabaseKinds();

/** Rejects when the promise has not settled in time: a hang is a failure, not a stuck suite. */
function within<T>(promise: Promise<T>, ms = 5000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref()),
  ]);
}

for (const kind of kinds) {
  describe(`transactions [${kind}]`, () => {
    it('refuses the outer handle inside a transaction, naming the mistake, and rolls back', async () => {
      const test = await createTestDatabase(kind);
      try {
        await test.db.exec('CREATE TABLE guard_probe (n int)');
        await assert.rejects(
          within(
            test.db.transaction(async (tx) => {
              await tx.query('INSERT INTO guard_probe VALUES (1)');
              await test.db.query('SELECT count(*) FROM guard_probe');
            }),
          ),
          OuterHandleInTransactionError,
        );
        await assert.rejects(
          within(test.db.transaction(() => test.db.transaction(async () => undefined))),
          OuterHandleInTransactionError,
        );
        const rows = await within(test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM guard_probe'));
        assert.equal(rows.rows[0]?.n, 0, 'the refused transaction was rolled back');
      } finally {
        await test.drop();
      }
    });

    it('lets work a transaction started without waiting for use the outer handle once it is over', async () => {
      const test = await createTestDatabase(kind);
      try {
        let detached: Promise<unknown> = Promise.resolve();
        await test.db.transaction(async (tx) => {
          await tx.query('SELECT 1');
          detached = new Promise((resolve) => setTimeout(resolve, 50)).then(() => test.db.query('SELECT 1 AS one'));
        });
        const result = (await within(detached)) as { rows: { one: number }[] };
        assert.equal(result.rows[0]?.one, 1);
      } finally {
        await test.drop();
      }
    });
  });
}

if (kinds.includes('postgres')) {
  describe('PostgreSQL pool', () => {
    it('survives a connection cut inside a transaction: no crash, and the next request gets a working connection', async () => {
      const { url, drop } = await createPostgresTestDatabaseUrl();
      const db = await openPostgresDatabase(url, 1);
      try {
        // The transaction's own backend is terminated: the statement fails and so does ROLLBACK.
        await assert.rejects(db.transaction((tx) => tx.query('SELECT pg_terminate_backend(pg_backend_pid())')));
        const after = await within(db.query<{ one: number }>('SELECT 1 AS one'));
        assert.equal(after.rows[0]?.one, 1, 'the next request gets a working connection');
      } finally {
        await db.close();
        await drop();
      }
    });
  });
}
