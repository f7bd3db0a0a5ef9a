import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { verifyAuditChain } from './audit-log.ts';

describeOnBothDatabases('the audit log', (h) => {
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

  it('refuses UPDATE and DELETE on audit entries', async () => {
    await assert.rejects(h().ctx.db.query("UPDATE audit_log SET action = 'x' WHERE seq = 1"), /append-only/);
    await assert.rejects(h().ctx.db.query('DELETE FROM audit_log WHERE seq = 1'), /append-only/);
  });

  it('keeps the chain whole when many entries are appended at once', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => h().ctx.audit.record({ action: 'test.concurrent', recordType: 'test', recordId: String(i) })));
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.equal(result.ok, true);
  });

  it('fails verification at the entry someone edited directly in the database', async () => {
    const { rows } = await h().ctx.db.query<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'auth.login' ORDER BY seq LIMIT 1");
    const seq = Number(rows[0]?.seq);
    // An insider with database access disables the guard and rewrites history.
    await h().ctx.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete');
    await h().ctx.db.query("UPDATE audit_log SET ip = '10.9.9.9' WHERE seq = $1", [seq]);
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.deepEqual({ ok: result.ok, firstBadSeq: result.firstBadSeq, reason: result.reason }, { ok: false, firstBadSeq: seq, reason: 'mac_mismatch' });
  });

  it('fails verification where entries were deleted', async () => {
    const { rows } = await h().ctx.db.query<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log');
    const last = Number(rows[0]?.seq);
    // Undo the edit of the previous test by removing everything from there, then delete one in the middle.
    await h().ctx.db.query('DELETE FROM audit_log WHERE seq = $1', [last - 2]);
    const result = await verifyAuditChain(h().ctx.db, h().ctx.keyring.systemKey('audit'));
    assert.equal(result.ok, false);
    await h().ctx.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete');
  });
});
