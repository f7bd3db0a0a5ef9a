// What the staff app is told each role may do comes from can(): the lawyer registers nobody, the
// caseworker opens no procedure and answers no received referral, the search committee sees only
// its modules; and the account's language is remembered.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Capabilities } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

const roles = ['admin', 'coordinator', 'caseworker', 'lawyer', 'documentation_officer', 'search_committee', 'analyst'];

function shown(map: Record<string, boolean>): string[] {
  return Object.entries(map)
    .filter(([, allowed]) => allowed)
    .map(([name]) => name)
    .sort();
}

describeOnBothDatabases('capabilities of the staff app', (h) => {
  const clients: Record<string, ApiClient> = {};
  const caps: Record<string, Capabilities> = {};

  before(async () => {
    for (const role of roles) {
      await h().createAccount({ org: 'albergue', email: `${role}@albergue.example`, role });
      clients[role] = await h().login(`${role}@albergue.example`);
      const response = await clients[role].get('/api/me/capabilities');
      assert.equal(response.statusCode, 200, response.body);
      caps[role] = response.json() as Capabilities;
    }
  });

  it('shows each role only its modules', () => {
    assert.deepEqual(shown(caps.search_committee!.modules), ['search', 'statistics']);
    assert.deepEqual(shown(caps.analyst!.modules), ['statistics']);
    assert.deepEqual(shown(caps.documentation_officer!.modules), ['incidents', 'people', 'statistics']);
    assert.deepEqual(shown(caps.lawyer!.modules), [
      'cases',
      'people',
      'procedures',
      'referrals',
      'reintegration',
      'statistics',
    ]);
    assert.deepEqual(shown(caps.admin!.modules), [
      'admin',
      'audit',
      'cases',
      'incidents',
      'people',
      'portal',
      'procedures',
      'referrals',
      'reintegration',
      'search',
      'statistics',
    ]);
  });

  it('offers an action only to a role the API lets do it', async () => {
    assert.equal(caps.lawyer!.actions['person.register'], false);
    assert.equal(caps.lawyer!.actions['procedure.open'], true);
    assert.equal(caps.caseworker!.actions['person.register'], true);
    assert.equal(caps.caseworker!.actions['procedure.open'], false);
    assert.equal(caps.caseworker!.actions['referral.answer'], false);
    assert.equal(caps.coordinator!.actions['referral.answer'], true);
    assert.equal(caps.search_committee!.actions['missing.report'], true);
    // The API agrees: what is hidden is refused, what is shown is accepted.
    const lawyerRegisters = await clients.lawyer!.post('/api/people', { givenNames: 'Ana', surnames: 'López' });
    assert.equal(lawyerRegisters.statusCode, 403);
    const caseworkerRegisters = await clients.caseworker!.post('/api/people', { givenNames: 'Ana', surnames: 'López' });
    assert.equal(caseworkerRegisters.statusCode, 201, caseworkerRegisters.body);
    const incoming = await clients.caseworker!.get('/api/referrals?direction=incoming');
    assert.equal(incoming.statusCode, 403);
    assert.equal((await clients.coordinator!.get('/api/referrals?direction=incoming')).statusCode, 200);
  });

  it('gives scopes as can() allows them and the organisation time zone', () => {
    assert.equal(caps.caseworker!.records.case?.read, 'own');
    assert.equal(caps.coordinator!.records.case?.read, 'org');
    assert.equal(caps.search_committee!.records.person?.read, undefined);
    assert.equal(caps.caseworker!.timeZone, 'America/Mexico_City');
  });

  it('remembers the interface language of the account', async () => {
    const before = (await clients.lawyer!.get('/api/me')).json() as { account: { locale: string } };
    assert.equal(before.account.locale, 'es');
    assert.equal((await clients.lawyer!.put('/api/me/locale', { locale: 'en' })).statusCode, 204);
    const again = await h().login('lawyer@albergue.example');
    const after = (await again.get('/api/me')).json() as { account: { locale: string } };
    assert.equal(after.account.locale, 'en');
    const bad = await clients.lawyer!.put('/api/me/locale', { locale: 'fr' });
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'locale']);
  });
});
