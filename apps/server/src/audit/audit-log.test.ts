import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { verifyAuditChain } from './audit-log.ts';
import { sealAuditLog } from './audit-seal.ts';

describeOnBothDatabases('the audit log', (h, kind) => {
  it('verifies an intact chain of logins, account creations and role changes', async () => {
    await h().createAccount({ org: 'audit-org', email: 'admin@audit.example', role: 'admin' });
    await h().login('admin@audit.example');
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.equal(result.ok, true);
    assert.ok(result.checked >= 3, `expected at least 3 entries, got ${result.checked}`);
  });

  it('records who logged in, from where, and never the password', async () => {
    const { rows } = await h().ctx.db.query<{ action: string; ip: string; details: unknown }>(
      "SELECT action, ip, details FROM audit_log WHERE action = 'auth.login' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(rows[0]?.action, 'auth.login');
    assert.ok(rows[0]?.ip);
    assert.doesNotMatch(JSON.stringify(rows), /correct horse/);
  });

  it('refuses UPDATE and DELETE on audit entries and on their seals', async () => {
    await assert.rejects(h().ctx.db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1"), /append-only/);
    await assert.rejects(h().ctx.db.query('DELETE FROM audit_log WHERE seq = 1'), /append-only/);
    await h().ctx.audit.record({ action: 'test.sealed', recordType: 'test' });
    await sealAuditLog(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    await assert.rejects(h().ctx.db.query("UPDATE audit_seals SET mac = 'x'"), /append-only/);
    await assert.rejects(h().ctx.db.query('DELETE FROM audit_seals'), /append-only/);
  });

  it('keeps the chain whole when many entries are appended at once', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        h().ctx.audit.record({ action: 'test.concurrent', recordType: 'test', recordId: String(i) }),
      ),
    );
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.equal(result.ok, true);
  });

  it('writes concurrent access records together, and one bad entry fails alone', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      action: 'test.batched',
      recordType: 'test',
      recordId: String(i),
      ...(i === 5 ? { actorAccountId: 'not-a-uuid' } : {}),
    }));
    const results = await Promise.allSettled(entries.map((e) => h().ctx.audit.record(e)));
    assert.deepEqual(
      results.map((r) => r.status),
      entries.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')),
    );
    const seqs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const { rows } = await h().ctx.db.query<{ seq: string; record_id: string }>(
      "SELECT seq, record_id FROM audit_log WHERE action = 'test.batched' ORDER BY seq",
    );
    assert.deepEqual(
      rows.map((r) => [Number(r.seq), r.record_id]),
      seqs.map((seq, k) => [seq, String(k < 5 ? k : k + 1)]),
      'each caller gets the number of its own entry',
    );
    assert.equal((await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'))).ok, true);
  });

  // PGlite has one connection: no transaction can run beside another there.
  it(
    'never chains past an entry whose transaction is still running, then chains both in order',
    { skip: kind === 'pglite' },
    async () => {
      const key = h().ctx.keyring.systemKey('audit');
      await sealAuditLog(h().ctx.db, key);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstSeq = 0;
      let appended!: () => void;
      const inTransaction = new Promise<void>((resolve) => (appended = resolve));
      const slow = h().ctx.db.transaction(async (tx) => {
        firstSeq = await h().ctx.audit.append(tx, { action: 'test.slow', recordType: 'test' });
        appended();
        await held;
      });
      await inTransaction;
      const laterSeq = await h().ctx.audit.record({ action: 'test.fast', recordType: 'test' });
      assert.ok(laterSeq > firstSeq);
      assert.deepEqual(
        await sealAuditLog(h().ctx.db, key, { timeoutMs: 300 }),
        { sealed: 0 },
        'the later entry waits for the earlier one',
      );
      release();
      await slow;
      assert.deepEqual(await sealAuditLog(h().ctx.db, key), { sealed: 2 });
      const { rows } = await h().ctx.db.query<{ seq: number; prev_mac: string; mac: string }>(
        'SELECT seq, prev_mac, mac FROM audit_seals WHERE seq IN ($1, $2) ORDER BY seq',
        [firstSeq, laterSeq],
      );
      assert.equal(rows[1]?.prev_mac, rows[0]?.mac, 'chained in sequence order');
      assert.equal((await verifyAuditChain(h().ctx.db, key)).ok, true);
    },
  );

  it('seals every entry in sequence order, across the gaps left by rolled-back transactions', async () => {
    const key = h().ctx.keyring.systemKey('audit');
    await assert.rejects(
      h().ctx.db.transaction(async (tx) => {
        await h().ctx.audit.append(tx, { action: 'test.rolled_back', recordType: 'test' });
        throw new Error('the change fails after its audit entry');
      }),
    );
    await h().ctx.audit.record({ action: 'test.after_rollback', recordType: 'test' });
    const before = await verifyAuditChain(h().ctx.db, key);
    assert.equal(before.ok, true, 'unsealed entries verify by their own MAC');
    const sealed = await sealAuditLog(h().ctx.db, key);
    assert.ok(sealed.sealed >= 1, `sealed ${sealed.sealed}`);
    const { rows } = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log l WHERE l.mac IS NULL AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = l.seq)',
    );
    assert.equal(rows[0]?.n, 0);
    assert.deepEqual(await verifyAuditChain(h().ctx.db, key), { ok: true, checked: before.checked });
    const gaps = await h().ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.rolled_back'",
    );
    assert.equal(gaps.rows[0]?.n, 0, 'the rolled-back entry is gone and its number is a gap');
  });

  it('fails verification at the entry someone edited directly in the database', async () => {
    const { rows } = await h().ctx.db.query<{ seq: number; ip: string }>(
      "SELECT seq, ip FROM audit_log WHERE action = 'auth.login' ORDER BY seq LIMIT 1",
    );
    const seq = Number(rows[0]?.seq);
    // An insider with database access disables the guard and rewrites history.
    await h().ctx.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete');
    await h().ctx.db.query("UPDATE audit_log SET ip = '10.9.9.9' WHERE seq = $1", [seq]);
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.deepEqual(
      { ok: result.ok, firstBadSeq: result.firstBadSeq, reason: result.reason },
      { ok: false, firstBadSeq: seq, reason: 'mac_mismatch' },
    );
    await h().ctx.db.query('UPDATE audit_log SET ip = $2 WHERE seq = $1', [seq, rows[0]?.ip]);
  });

  it('detects an edit of an entry not sealed yet, and never seals it', async () => {
    const key = h().ctx.keyring.systemKey('audit');
    const seq = await h().ctx.audit.record({ action: 'test.unsealed', recordType: 'test', details: { amount: 1 } });
    await h().ctx.db.query(`UPDATE audit_log SET details = '{"amount": 2}' WHERE seq = $1`, [seq]);
    assert.deepEqual(await sealAuditLog(h().ctx.db, key), { sealed: 0, tamperedSeq: seq });
    const result = await verifyAuditChain(h().ctx.db, key);
    assert.deepEqual(
      { ok: result.ok, firstBadSeq: result.firstBadSeq, reason: result.reason },
      { ok: false, firstBadSeq: seq, reason: 'mac_mismatch' },
    );
    await h().ctx.db.query(`UPDATE audit_log SET details = '{"amount": 1}' WHERE seq = $1`, [seq]);
    assert.equal((await sealAuditLog(h().ctx.db, key)).sealed, 1);
  });

  it('fails verification where sealed entries were deleted, in the middle or at the end', async () => {
    const key = h().ctx.keyring.systemKey('audit');
    for (let i = 0; i < 4; i++)
      await h().ctx.audit.record({ action: 'test.to_delete', recordType: 'test', recordId: String(i) });
    await sealAuditLog(h().ctx.db, key);
    assert.equal((await verifyAuditChain(h().ctx.db, key)).ok, true);
    const { rows } = await h().ctx.db.query<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log');
    const last = Number(rows[0]?.seq);
    await h().ctx.db.query('DELETE FROM audit_log WHERE seq = $1', [last - 2]);
    assert.deepEqual(await verifyAuditChain(h().ctx.db, key), {
      ok: false,
      checked: await countBefore(last - 2),
      firstBadSeq: last - 2,
      reason: 'missing_entries',
    });
    await h().ctx.db.query('DELETE FROM audit_log WHERE seq >= $1', [last - 2]);
    const tail = await verifyAuditChain(h().ctx.db, key);
    assert.deepEqual({ ok: tail.ok, reason: tail.reason }, { ok: false, reason: 'missing_entries' });
    await h().ctx.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete');
  });

  const countBefore = async (seq: number) =>
    Number(
      (await h().ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE seq < $1', [seq])).rows[0]
        ?.n,
    );
});
