// Sign-in throttling kept in the database (decision 0140), on both databases: two throttles over one
// database stand for two server processes, or one before and one after a restart; they count the
// same attempts. Parallel attempts are counted one by one; the table holds no address or e-mail.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { createLoginThrottle } from './login-throttle.ts';

describeOnBothDatabases('login throttle in the database', (h) => {
  const clock = { now: Date.parse('2026-12-07T10:00:00Z') };
  const make = () => createLoginThrottle(h().ctx.db, h().ctx.keyring.systemKey('accounts'), () => clock.now);

  it('is shared by processes and survives a restart; stores no address or e-mail', async () => {
    const first = make();
    for (let i = 0; i < 5; i++) assert.equal(await first.tryAttempt('10.0.0.1', 'ana@casa.example'), true);
    const second = make(); // another process, or the same one restarted
    assert.equal(await second.tryAttempt('10.0.0.1', 'ana@casa.example'), false, 'the pair bucket is full');
    // From elsewhere the account bucket now makes the next guess wait (1 s after five).
    assert.equal(await second.tryAttempt('10.0.0.2', 'ana@casa.example'), false);
    clock.now += 1_500;
    assert.equal(await second.tryAttempt('10.0.0.2', 'ana@casa.example'), true);
    const stored = await h().ctx.db.query<{ key: string }>('SELECT key FROM login_throttle_attempts');
    assert.ok(stored.rows.length >= 6);
    for (const row of stored.rows) assert.match(row.key, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(stored.rows).includes('ana@'));
    assert.ok(!JSON.stringify(stored.rows).includes('10.0.0'));
  });

  it('lets the owner in from a known place while the account is guessed at elsewhere', async () => {
    const throttle = make();
    clock.now += 60 * 60_000;
    assert.equal(await throttle.tryAttempt('10.1.0.1', 'luis@casa.example'), true);
    await throttle.forgive('10.1.0.1', 'luis@casa.example');
    await throttle.remember('10.1.0.1', 'luis@casa.example');
    for (let i = 0; i < 5; i++) assert.equal(await throttle.tryAttempt(`10.9.0.${i}`, 'luis@casa.example'), true);
    assert.equal(await throttle.tryAttempt('10.9.1.1', 'luis@casa.example'), false, 'a stranger waits');
    assert.equal(await make().tryAttempt('10.1.0.1', 'luis@casa.example'), true, 'the owner does not');
  });

  it('counts parallel attempts one by one', async () => {
    clock.now += 60 * 60_000;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? make() : make()).tryAttempt('10.2.0.1', 'eva@casa.example')),
    );
    assert.equal(answers.filter(Boolean).length, 5);
  });

  it('forgets attempts older than every window', async () => {
    clock.now += 2 * 60 * 60_000;
    assert.equal(await make().tryAttempt('10.3.0.1', 'otra@casa.example'), true);
    const old = await h().ctx.db.query('SELECT 1 FROM login_throttle_attempts WHERE at <= $1', [
      new Date(clock.now - 60 * 60_000),
    ]);
    assert.equal(old.rowCount, 0);
  });
});
