// An organisation admin manages its own people only; every permission change is audited.
// Invitations and the rest of the account lifecycle: auth/account-lifecycle.test.ts.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';

describeOnBothDatabases('organisation administration', (h) => {
  it('refuses a password chosen by the admin, an unknown role, and inviting a current member', async () => {
    await h().createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    await h().createAccount({ org: 'albergue', email: 'nuevo@albergue.example', role: 'caseworker' });
    const admin = await h().login('admin@albergue.example');
    const withPassword = await admin.post('/api/admin/accounts', {
      email: 'x@albergue.example',
      displayName: 'X',
      password: 'una contraseña larga',
      role: 'caseworker',
    });
    assert.deepEqual([withPassword.statusCode, (withPassword.json() as { field: string }).field], [400, 'password']);
    const role = await admin.post('/api/admin/accounts', {
      email: 'x@albergue.example',
      displayName: 'X',
      role: 'god',
    });
    assert.deepEqual([role.statusCode, (role.json() as { field: string }).field], [400, 'role']);
    // A current member is named (this admin sees them in the list anyway).
    const dup = await admin.post('/api/admin/accounts', {
      email: 'nuevo@albergue.example',
      displayName: 'X',
      role: 'analyst',
    });
    assert.deepEqual([dup.statusCode, (dup.json() as { code: string }).code], [409, 'orgs.email_taken']);
    // Without an e-mail server this deployment cannot invite at all (the operator's command line can).
    const fresh = await admin.post('/api/admin/accounts', {
      email: 'otro@albergue.example',
      displayName: 'X',
      role: 'analyst',
    });
    assert.deepEqual([fresh.statusCode, (fresh.json() as { code: string }).code], [503, 'account.mail_unavailable']);
    const list = (await admin.get('/api/admin/accounts')).json() as { items: { email: string; role: string }[] };
    assert.deepEqual(list.items.map((i) => i.email).sort(), ['admin@albergue.example', 'nuevo@albergue.example']);
  });

  it("changes a person's role, ends their sessions and audits the change", async () => {
    const admin = await h().login('admin@albergue.example');
    const { items } = (await admin.get('/api/admin/accounts')).json() as { items: { id: string; email: string }[] };
    const target = items.find((i) => i.email === 'nuevo@albergue.example');
    assert.ok(target);
    assert.equal((await admin.put(`/api/admin/accounts/${target.id}/role`, { role: 'coordinator' })).statusCode, 204);
    const { rows } = await h().ctx.db.query<{ details: { from: string; to: string } }>(
      "SELECT details FROM audit_log WHERE action = 'membership.role_change' AND record_id = $1",
      [target.id],
    );
    assert.deepEqual(rows[0]?.details, { from: 'caseworker', to: 'coordinator' });
  });

  it("cannot touch another organisation's people: their ids are simply not found", async () => {
    const { accountId } = await h().createAccount({ org: 'clinica', email: 'abogada@clinica.example', role: 'lawyer' });
    const admin = await h().login('admin@albergue.example');
    const response = await admin.put(`/api/admin/accounts/${accountId}/role`, { role: 'admin' });
    assert.equal(response.statusCode, 404);
    assert.equal((response.json() as { code: string }).code, 'record.not_found');
    const { rows } = await h().ctx.db.query<{ role: string }>('SELECT role FROM memberships WHERE account_id = $1', [
      accountId,
    ]);
    assert.equal(rows[0]?.role, 'lawyer');
  });

  it('denies a caseworker the administration screens', async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    const caseworker = await h().login('cw@albergue.example');
    for (const url of ['/api/admin/accounts', '/api/admin/audit/verify']) {
      const response = await caseworker.get(url);
      assert.deepEqual([response.statusCode, (response.json() as { code: string }).code], [403, 'policy.denied'], url);
    }
  });

  it('lets an admin verify the audit chain through the API', async () => {
    const admin = await h().login('admin@albergue.example');
    const result = (await admin.get('/api/admin/audit/verify')).json() as { ok: boolean; checked: number };
    assert.equal(result.ok, true);
    assert.ok(result.checked > 5);
  });

  it('lets an admin choose which roles must use two-factor, and the rule applies at once', async () => {
    await h().createAccount({ org: 'albergue', email: 'sin2fa@albergue.example', role: 'analyst' });
    await h().ctx.db.query("UPDATE accounts SET totp_exempt = false WHERE email = 'sin2fa@albergue.example'");
    const before = await h().login('sin2fa@albergue.example');
    assert.equal(((await before.get('/api/me')).json() as { mustEnrollTotp: boolean }).mustEnrollTotp, false);
    const admin = await h().login('admin@albergue.example');
    const current = (await admin.get('/api/admin/settings/security')).json() as { totpRequiredRoles: string[] };
    assert.ok(!current.totpRequiredRoles.includes('analyst'));
    const updated = await admin.put('/api/admin/settings/security', {
      totpRequiredRoles: [...current.totpRequiredRoles, 'analyst'],
    });
    assert.equal(updated.statusCode, 200);
    assert.equal(((await before.get('/api/me')).json() as { mustEnrollTotp: boolean }).mustEnrollTotp, true);
    const bad = await admin.put('/api/admin/settings/security', { totpRequiredRoles: ['root'] });
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'totpRequiredRoles.0']);
    const caseworker = await h().login('cw@albergue.example');
    assert.equal((await caseworker.put('/api/admin/settings/security', { totpRequiredRoles: [] })).statusCode, 403);
  });
});
