// Refused access is audited (who, what, which id, why) without a flood filling the disk, and an
// organisation's administrators read their audit log through the API: filtered, paged by cursor,
// exported as CSV, the reading itself audited (decision 0128).
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { refusalRecorderOf } from './refusal-audit.ts';

interface Entry {
  seq: number;
  action: string;
  recordType: string;
  recordId: string | null;
  actorAccountId: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

describeOnBothDatabases('refused access audited; the audit log read by administrators', (h) => {
  let adminA: ApiClient;
  let workerA: ApiClient;
  let coordB: ApiClient;
  let adminB: ApiClient;
  let coordBId: string;
  let workerAId: string;
  let personId: string;
  const entries = async (where: string, params: unknown[] = []) =>
    (
      await h().ctx.db.query<{ action: string; record_id: string | null; details: Record<string, unknown> }>(
        `SELECT action, record_id, details FROM audit_log WHERE ${where} ORDER BY seq`,
        params,
      )
    ).rows;

  before(async () => {
    await h().createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    workerAId = (await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' }))
      .accountId;
    coordBId = (await h().createAccount({ org: 'clinica', email: 'coord@clinica.example', role: 'coordinator' }))
      .accountId;
    await h().createAccount({ org: 'clinica', email: 'admin@clinica.example', role: 'admin' });
    adminA = await h().login('admin@albergue.example');
    workerA = await h().login('cw@albergue.example');
    coordB = await h().login('coord@clinica.example');
    adminB = await h().login('admin@clinica.example');
    const created = await workerA.post('/api/people', { givenNames: '=cmd|calc', surnames: 'Aguilar Pineda' });
    assert.equal(created.statusCode, 201, created.body);
    personId = (created.json() as { id: string }).id;
  });

  it('another organisation reading a record: 404, and an access.refused entry with who, what, which id and why', async () => {
    const r = await coordB.get(`/api/people/${personId}`);
    assert.equal(r.statusCode, 404);
    const rows = await entries("action = 'access.refused' AND actor_account_id = $1", [coordBId]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.record_id, personId);
    assert.deepEqual(rows[0]?.details, { reason: 'record.not_found', method: 'GET', route: '/api/people/:id' });
  });

  it('a role that may not: 403, audited with reason policy.denied', async () => {
    const r = await workerA.request({ method: 'DELETE', url: `/api/people/${personId}` });
    assert.equal(r.statusCode, 403, r.body);
    const rows = await entries("action = 'access.refused' AND actor_account_id = $1", [workerAId]);
    assert.equal(rows.at(-1)?.details.reason, 'policy.denied');
    assert.equal(rows.at(-1)?.record_id, personId);
  });

  it('a flood of 300 refusals in a minute writes one entry, then one summary with the count', async () => {
    h().clock.advanceMinutes(2);
    await refusalRecorderOf(h().app)?.flush(true);
    const before = (await entries("actor_account_id = $1 AND action LIKE 'access.refused%'", [coordBId])).length;
    const ids = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const id of ids) assert.equal((await coordB.get(`/api/cases/${id}`)).statusCode, 404);
    const during = await entries("actor_account_id = $1 AND action LIKE 'access.refused%'", [coordBId]);
    assert.equal(during.length - before, 1, 'only the first refusal of the minute is written at once');
    h().clock.advanceMinutes(1);
    await refusalRecorderOf(h().app)?.flush();
    const after = await entries("actor_account_id = $1 AND action LIKE 'access.refused%'", [coordBId]);
    assert.equal(after.length - before, 2);
    const summary = after.at(-1);
    assert.equal(summary?.action, 'access.refused.repeated');
    assert.equal(summary?.details.count, 299);
    assert.equal(summary?.details.reason, 'record.not_found');
    assert.equal(String(summary?.details.ids).split(',').length, 20);
  });

  it('an administrator filters by record, person, account, action and day, paging by cursor without repeats', async () => {
    await workerA.get(`/api/people/${personId}`);
    await workerA.get(`/api/people/${personId}`);
    const byRecord = (await adminA.get(`/api/admin/audit-log?recordType=person&recordId=${personId}`)).json() as Page;
    assert.deepEqual(byRecord.items.map((e) => e.action).slice(-1), ['person.create']);
    assert.ok(byRecord.items.every((e) => e.recordId === personId));
    const byPerson = (await adminA.get(`/api/admin/audit-log?personId=${personId}&action=person.read`)).json() as Page;
    assert.equal(byPerson.items.length, 2);
    assert.equal(byPerson.items[0]?.actorName !== null, true);
    const byAccount = (await adminA.get(`/api/admin/audit-log?accountId=${workerAId}&limit=2`)).json() as Page;
    assert.equal(byAccount.items.length, 2);
    assert.ok(byAccount.nextCursor);
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const url = `/api/admin/audit-log?accountId=${workerAId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await adminA.get(url)).json() as Page;
      for (const e of page.items) {
        assert.ok(!seen.has(e.seq), 'an entry repeated across pages');
        assert.equal(e.actorAccountId, workerAId);
        seen.add(e.seq);
      }
      cursor = page.nextCursor;
    } while (cursor);
    const own = await entries('actor_account_id = $1', [workerAId]);
    assert.equal(seen.size, own.length);
    const refusals = (await adminA.get('/api/admin/audit-log?action=access.refused.')).json() as Page;
    assert.ok(refusals.items.some((e) => e.action === 'access.refused' && e.actorAccountId === workerAId));
    const today = h().clock.now.toISOString().slice(0, 10);
    const dated = (await adminA.get(`/api/admin/audit-log?from=${today}&to=${today}&recordId=${personId}`)).json();
    assert.ok((dated as Page).items.length > 0);
    const past = (await adminA.get(`/api/admin/audit-log?from=2020-01-01&to=2020-01-31`)).json() as Page;
    assert.deepEqual(past.items, []);
  });

  it("an organisation sees its records and its accounts' entries, not another organisation's own business", async () => {
    const b = (await adminB.get('/api/admin/audit-log?limit=200')).json() as Page;
    // Clínica's coordinator's refusals are Clínica's; Albergue's person reads are not.
    assert.ok(b.items.some((e) => e.action === 'access.refused' && e.actorAccountId === coordBId));
    assert.ok(!b.items.some((e) => e.recordId === personId && e.action === 'person.read'));
    assert.equal((await workerA.get('/api/admin/audit-log')).statusCode, 403);
    assert.equal((await coordB.get('/api/admin/audit-log/export')).statusCode, 403);
  });

  it('exports CSV with formulas neutralised; reading and exporting are themselves audited', async () => {
    await adminA.request({ method: 'PATCH', url: `/api/people/${personId}`, payload: { version: 1 } });
    const r = await adminA.get(`/api/admin/audit-log/export?recordId=${personId}`);
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /^text\/csv/);
    const lines = r.body.trim().split('\r\n');
    assert.equal(
      lines[0],
      'seq,at,actor_account_id,actor_name,actor_org_id,action,record_type,record_id,org_id,fields,ip,details',
    );
    assert.ok(lines.length > 2);
    assert.ok(
      lines.every((l) => !/,=/.test(l)),
      'a cell starts with a formula',
    );
    const audited = await entries("action IN ('audit_log.read', 'audit_log.export')");
    assert.ok(audited.some((e) => e.action === 'audit_log.export' && e.details.recordId === personId));
    assert.ok(audited.some((e) => e.action === 'audit_log.read' && e.details.personId === personId));
  });

  it('refuses a forged cursor, an end before the start and an unknown field with 400', async () => {
    for (const q of ['cursor=eyJzZXEiOi0xfQ', 'from=2025-05-02&to=2025-05-01', 'limit=0', 'limit=2147483648', 'who=x'])
      assert.equal((await adminA.get(`/api/admin/audit-log?${q}`)).statusCode, 400, q);
  });
});
