// The in-process cache of who is asking (session-cache.ts): reused while fresh, emptied by any
// state-changing request, never trusted for expiry, and never refilled by a lookup that began
// before it was emptied.
import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import { databaseKinds } from '../testing/on-both-databases.ts';
import { createSessionCache } from './session-cache.ts';
import type { SessionRow } from './sessions.ts';

const row = { token_hash: 'h' } as SessionRow;

describe('the session cache itself', () => {
  it('forgets an entry older than its maximum age, and stores nothing when turned off', () => {
    let now = 0;
    const cache = createSessionCache(2000, () => now);
    cache.put('h', { session: row }, cache.generation());
    now = 1999;
    assert.equal(cache.get('h')?.session, row);
    now = 2001;
    assert.equal(cache.get('h'), undefined);
    const off = createSessionCache(0);
    off.put('h', { session: row }, off.generation());
    assert.equal(off.get('h'), undefined);
  });

  it('refuses an answer from a lookup that began before the cache was emptied', () => {
    const cache = createSessionCache(60_000);
    const began = cache.generation();
    cache.clear(); // a log-out or role change finished meanwhile
    cache.put('h', { session: row }, began);
    assert.equal(cache.get('h'), undefined);
  });
});

for (const kind of databaseKinds) {
  describe(`the session cache in the API [${kind}]`, () => {
    let h: TestHarness;
    it('starts with the cache on', async () => {
      h = await startHarness(kind, { envOverrides: { ACOMPANA_SESSION_CACHE_MS: '600000' } });
      await h.createAccount({ org: 'cache-org', email: 'admin@cache.example', role: 'admin' });
      await h.createAccount({ org: 'cache-org', email: 'worker@cache.example', role: 'caseworker' });
    });

    it("reuses the lookup: a change made behind the server's back is not seen until a state-changing request", async () => {
      const worker = await h.login('worker@cache.example');
      assert.equal((await worker.get('/api/me')).json().role, 'caseworker');
      await h.ctx.db.query(
        "UPDATE memberships SET role = 'analyst' WHERE account_id = (SELECT id FROM accounts WHERE email = 'worker@cache.example')",
      );
      assert.equal((await worker.get('/api/me')).json().role, 'caseworker', 'served from the cache');
      const admin = await h.login('admin@cache.example');
      await admin.post('/api/auth/logout');
      assert.equal(
        (await worker.get('/api/me')).json().role,
        'analyst',
        'any state-changing request empties the cache',
      );
      await h.ctx.db.query(
        "UPDATE memberships SET role = 'caseworker' WHERE account_id = (SELECT id FROM accounts WHERE email = 'worker@cache.example')",
      );
      await admin.post('/api/auth/logout');
    });

    it('ends a session at log-out even while it is cached', async () => {
      const worker = await h.login('worker@cache.example');
      assert.equal((await worker.get('/api/me')).statusCode, 200);
      assert.equal((await worker.post('/api/auth/logout')).statusCode, 204);
      assert.equal((await worker.get('/api/me')).statusCode, 401);
    });

    it('applies a role change by an administrator at once', async () => {
      const worker = await h.login('worker@cache.example');
      assert.equal((await worker.get('/api/me')).json().role, 'caseworker');
      const admin = await h.login('admin@cache.example');
      const accountId = (
        await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM accounts WHERE email = 'worker@cache.example'")
      ).rows[0]?.id;
      assert.equal((await admin.put(`/api/admin/accounts/${accountId}/role`, { role: 'analyst' })).statusCode, 204);
      assert.equal((await worker.get('/api/me')).statusCode, 401, "a role change ends the account's sessions");
      const again = await h.login('worker@cache.example');
      assert.equal((await again.get('/api/me')).json().role, 'analyst');
    });

    it('expires an idle session even when it is cached', async () => {
      const worker = await h.login('worker@cache.example');
      assert.equal((await worker.get('/api/me')).statusCode, 200);
      h.clock.advanceMinutes(h.config.sessionIdleMinutes + 1);
      const response = await worker.get('/api/me');
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().code, 'auth.session_expired');
      await h.close();
    });
  });
}
