// The accounts screen's API (decision 0140): teams, last sign-in and who manages the account in the
// list; setting teams is audited and stays inside the organisation; making or unmaking an
// administrator needs the acting admin to have re-authenticated in this session.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD } from '../testing/test-harness.ts';

const codeOf = (r: LightMyRequestResponse) => (r.json() as { code?: string }).code;

interface Item {
  id: string;
  email: string;
  role: string;
  teams: { name: string }[];
  lastSignInAt: string | null;
  managedHere: boolean;
  passwordSet: boolean;
}

describeOnBothDatabases('account administration screen API', (h) => {
  it('lists teams, last sign-in and management; sets teams with an audit entry, never across organisations', async () => {
    await h().createAccount({ org: 'casa', email: 'admin@casa.example', role: 'admin' });
    await h().createAccount({ org: 'casa', email: 'rosa@casa.example', role: 'caseworker' });
    const { accountId: outsider } = await h().createAccount({ org: 'otra', email: 'x@otra.example', role: 'analyst' });
    const admin = await h().login('admin@casa.example');
    let items = ((await admin.get('/api/admin/accounts')).json() as { items: Item[] }).items;
    const rosa = items.find((i) => i.email === 'rosa@casa.example');
    assert.ok(rosa);
    assert.deepEqual([rosa.lastSignInAt, rosa.managedHere, rosa.passwordSet, rosa.teams], [null, true, true, []]);
    assert.ok(items.find((i) => i.email === 'admin@casa.example')?.lastSignInAt, 'a sign-in is recorded');

    const set = await admin.put(`/api/admin/accounts/${rosa.id}/teams`, { teams: ['Jurídico', 'Albergue'] });
    assert.equal(set.statusCode, 204, set.body);
    items = ((await admin.get('/api/admin/accounts')).json() as { items: Item[] }).items;
    assert.deepEqual(
      items.find((i) => i.id === rosa.id)?.teams.map((t) => t.name),
      ['Albergue', 'Jurídico'],
    );
    const audit = await h().ctx.db.query<{ details: { from: string; to: string } }>(
      "SELECT details FROM audit_log WHERE action = 'membership.teams_change' AND record_id = $1",
      [rosa.id],
    );
    assert.deepEqual(audit.rows[0]?.details, { from: '', to: 'Albergue, Jurídico' });
    const across = await admin.put(`/api/admin/accounts/${outsider}/teams`, { teams: ['Albergue'] });
    assert.equal(across.statusCode, 404);
  });

  it('making or unmaking an administrator needs a recent re-authentication; other role changes do not', async () => {
    const admin = await h().login('admin@casa.example');
    const items = ((await admin.get('/api/admin/accounts')).json() as { items: Item[] }).items;
    const rosa = items.find((i) => i.email === 'rosa@casa.example');
    assert.ok(rosa);
    assert.equal((await admin.put(`/api/admin/accounts/${rosa.id}/role`, { role: 'lawyer' })).statusCode, 204);
    const promote = await admin.put(`/api/admin/accounts/${rosa.id}/role`, { role: 'admin' });
    assert.deepEqual([promote.statusCode, codeOf(promote)], [401, 'auth.reauth_required']);
    const unchanged = await h().ctx.db.query<{ role: string }>(
      "SELECT m.role FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = 'rosa@casa.example'",
    );
    assert.equal(unchanged.rows[0]?.role, 'lawyer');
    assert.equal((await admin.post('/api/account/reauthenticate', { password: TEST_PASSWORD })).statusCode, 200);
    assert.equal((await admin.put(`/api/admin/accounts/${rosa.id}/role`, { role: 'admin' })).statusCode, 204);
    h().clock.advanceMinutes(6);
    const demote = await admin.put(`/api/admin/accounts/${rosa.id}/role`, { role: 'caseworker' });
    assert.equal(codeOf(demote), 'auth.reauth_required');
  });
});
