// Journey 5 (piece): a returnee reception centre refers Jorge to a partner's legal-identity
// service with his consent, sharing only his name and birth date. The partner sees exactly
// those, declines one referral and completes another; the outcomes and notifications flow back
// to the sender; overdue referrals are flagged; withdrawal of consent hides the pending
// referral from the receiver at once; a third organisation sees nothing.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from '../directory/directory-fixtures.ts';

interface Referral {
  id: string;
  side: string;
  personId: string | null;
  status: string;
  snapshot: Record<string, unknown> | null;
  reason: string | null;
  sharedFields: string[];
  declineReason: string | null;
  outcome: string | null;
  overdue: boolean;
  consentWithdrawn: boolean;
  redirectedToId: string | null;
  history: { status: string; by: string }[];
}
type List = { items: Referral[] };

describeOnBothDatabases('referrals between organisations', (h) => {
  let sender: ApiClient;
  let receiver: ApiClient;
  let third: ApiClient;
  let jorgeId: string;
  let consentId: string;
  let serviceId: string;
  let partnerOrgId: string;
  let thirdOrgId: string;
  const byId: Record<string, Referral> = {};
  const send = (body: object) =>
    sender.post('/api/referrals', {
      personId: jorgeId,
      urgency: 'urgent',
      reason: 'Necesita acta de nacimiento y CURP para inscribirse al programa.',
      sharedFields: ['name', 'birthDate'],
      ...body,
    });
  const loginAll = async () => {
    sender = await h().login('cw@retorno.example');
    receiver = await h().login('coord@identidad.example');
    third = await h().login('coord@otra.example');
  };

  it('sets up the reception centre, the partner with a legal-identity service, and Jorge', async () => {
    await h().createAccount({ org: 'retorno', email: 'cw@retorno.example', role: 'caseworker' });
    partnerOrgId = await h().createOrg('identidad');
    await h().createAccount({ org: 'identidad', email: 'coord@identidad.example', role: 'coordinator' });
    thirdOrgId = await h().createOrg('otra');
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    await loginAll();
    const service = await receiver.post('/api/directory/services', {
      ...legalIdentityService(),
      acceptsReferrals: true,
    });
    assert.equal(service.statusCode, 201, service.body);
    serviceId = (service.json() as { service: { id: string } }).service.id;
    const jorge = await sender.post('/api/people', {
      givenNames: 'Jorge',
      surnames: 'Ramírez Soto',
      sex: 'M',
      nationality: 'MX',
      birthDate: '1988-07-02',
      documents: [{ type: 'consular_id', number: 'MCAS-778812' }],
      contacts: [{ channel: 'phone', value: '+52 000 555 7788' }],
      notes: 'Deportado por Tijuana; dejó a su familia en Los Ángeles.',
    });
    assert.equal(jorge.statusCode, 201, jorge.body);
    jorgeId = (jorge.json() as { id: string }).id;
  });

  it('refuses a referral without the referral consent, explaining why', async () => {
    const refused = await send({ toServiceId: serviceId });
    assert.equal(refused.statusCode, 400);
    const body = refused.json() as { code: string; message: string };
    assert.equal(body.code, 'referrals.consent_required');
    assert.match(body.message, /consentido|consent/);
    const consent = await sender.post(`/api/people/${jorgeId}/consents`, { purpose: 'referral', method: 'signed' });
    assert.equal(consent.statusCode, 201, consent.body);
    consentId = (consent.json() as { id: string }).id;
  });

  it('previews exactly what the receiver will see: name and birth date only', async () => {
    const preview = await sender.get(`/api/referrals/preview?personId=${jorgeId}&fields=birthDate,name`);
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(preview.json(), {
      sharedFields: ['name', 'birthDate'],
      snapshot: { givenNames: 'Jorge', surnames: 'Ramírez Soto', birthDate: '1988-07-02' },
      consentActive: true,
    });
  });

  it('sends referrals; the receiver sees the chosen fields and nothing else', async () => {
    for (const [key, target] of [
      ['identity', { toServiceId: serviceId }],
      ['second', { toOrgId: partnerOrgId }],
      ['pending', { toServiceId: serviceId }],
    ] as const) {
      const sent = await send(target);
      assert.equal(sent.statusCode, 201, sent.body);
      byId[key] = sent.json() as Referral;
    }
    assert.equal(byId.identity?.personId, jorgeId);
    const incoming = await receiver.get('/api/referrals?direction=incoming');
    assert.equal(incoming.statusCode, 200, incoming.body);
    const items = (incoming.json() as List).items;
    assert.equal(items.length, 3);
    for (const r of items) {
      assert.deepEqual(r.snapshot, { givenNames: 'Jorge', surnames: 'Ramírez Soto', birthDate: '1988-07-02' });
      assert.equal(r.personId, null);
      assert.equal(r.side, 'received');
    }
    for (const secret of ['MCAS-778812', '555 7788', 'Los Ángeles', jorgeId])
      assert.ok(!incoming.body.includes(secret), `receiver must not see ${secret}`);
    const asReceiver = (await receiver.get(`/api/referrals/${byId.identity?.id}`)).json() as Referral;
    const preview = (await sender.get(`/api/referrals/${byId.identity?.id}/preview`)).json() as Referral;
    assert.deepEqual(preview, asReceiver, 'the preview is the receiver view');
  });

  it('hides the referral from an organisation that is neither sender nor receiver', async () => {
    const id = byId.identity?.id as string;
    assert.equal((await third.get(`/api/referrals/${id}`)).statusCode, 404);
    assert.equal((await third.post(`/api/referrals/${id}/accept`)).statusCode, 404);
    assert.equal((await third.get('/api/referrals?direction=incoming')).json().items.length, 0);
    assert.equal(
      (await sender.post(`/api/referrals/${id}/accept`)).statusCode,
      403,
      'the sender cannot answer its own referral',
    );
  });

  it('flags referrals nobody answered in time (urgent: 3 days)', async () => {
    h().clock.advanceMinutes(4 * 24 * 60);
    await loginAll();
    const incoming = (await receiver.get('/api/referrals?direction=incoming&overdue=true')).json() as List;
    assert.equal(incoming.items.length, 3);
  });

  it('pages the list by cursor, newest first, without gaps or repeats, the overdue filter included', async () => {
    const whole = (await receiver.get('/api/referrals?direction=incoming&overdue=true')).json() as List;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/referrals?direction=incoming&overdue=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await receiver.get(url)).json() as List & { nextCursor: string | null };
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      whole.items.map((r) => r.id),
    );
    assert.equal((await receiver.get('/api/referrals?direction=incoming&overdue=false')).json().items.length, 0);
    assert.equal((await receiver.get('/api/referrals?direction=incoming&cursor=bm9wZQ')).statusCode, 400);
  });

  it('declines one with a reason and completes the other with an outcome; both flow back to the sender', async () => {
    const declined = await receiver.post(`/api/referrals/${byId.second?.id}/decline`, {
      reason: 'No atendemos casos fuera de Baja California; intenten en Sonora.',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(
      (declined.json() as Referral).snapshot,
      null,
      'a declined referral keeps no personal data for the receiver',
    );
    assert.equal(
      (await receiver.post(`/api/referrals/${byId.identity?.id}/complete`, { outcome: 'x' })).statusCode,
      409,
      'not accepted yet',
    );
    const accepted = await receiver.post(`/api/referrals/${byId.identity?.id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal((accepted.json() as Referral).overdue, false, 'accepted: now the outcome is due, in 15 days');
    const completed = await receiver.post(`/api/referrals/${byId.identity?.id}/complete`, {
      outcome: 'Acta de nacimiento y CURP entregadas el mismo día.',
    });
    assert.equal(completed.statusCode, 200, completed.body);

    const outgoing = (await sender.get(`/api/referrals?personId=${jorgeId}`)).json() as List;
    const mine = Object.fromEntries(outgoing.items.map((r) => [r.id, r]));
    assert.equal(mine[byId.second?.id as string]?.status, 'declined');
    assert.equal(
      mine[byId.second?.id as string]?.declineReason,
      'No atendemos casos fuera de Baja California; intenten en Sonora.',
    );
    assert.equal(mine[byId.identity?.id as string]?.status, 'completed');
    assert.equal(mine[byId.identity?.id as string]?.outcome, 'Acta de nacimiento y CURP entregadas el mismo día.');
    assert.deepEqual(
      mine[byId.identity?.id as string]?.history.map((x) => `${x.status}:${x.by}`),
      ['sent:sender', 'accepted:receiver', 'completed:receiver'],
    );

    const { rows } = await h().ctx.db.query<{ kind: string; record_id: string }>(
      "SELECT n.kind, n.record_id::text AS record_id FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE a.email = 'cw@retorno.example' AND n.record_type = 'referral' ORDER BY n.created_at, n.kind",
    );
    assert.deepEqual(rows.map((r) => r.kind).sort(), ['referral.accepted', 'referral.completed', 'referral.declined']);
  });

  it("redirects a referral to another organisation in the sender's name", async () => {
    const sent = (await send({ toOrgId: partnerOrgId })).json() as Referral;
    const redirected = await receiver.post(`/api/referrals/${sent.id}/redirect`, { toOrgId: thirdOrgId });
    assert.equal(redirected.statusCode, 200, redirected.body);
    const next = (redirected.json() as Referral).redirectedToId as string;
    const atThird = (await third.get(`/api/referrals/${next}`)).json() as Referral;
    assert.deepEqual(atThird.snapshot, { givenNames: 'Jorge', surnames: 'Ramírez Soto', birthDate: '1988-07-02' });
    assert.equal(((await sender.get(`/api/referrals/${sent.id}`)).json() as Referral).status, 'redirected');
    assert.equal(
      ((await sender.get(`/api/referrals/${next}`)).json() as Referral).side,
      'sent',
      'the loop still closes with the sender',
    );
  });

  it('stops the receiver seeing a pending referral the moment the person withdraws consent', async () => {
    const pending = byId.pending?.id as string;
    assert.ok(((await receiver.get(`/api/referrals/${pending}`)).json() as Referral).snapshot);
    const withdrawn = await sender.post(`/api/people/${jorgeId}/consents/${consentId}/withdraw`);
    assert.ok(withdrawn.statusCode < 300, withdrawn.body);
    const seen = await receiver.get(`/api/referrals/${pending}`);
    const body = seen.json() as Referral;
    assert.deepEqual([body.snapshot, body.reason, body.consentWithdrawn], [null, null, true]);
    assert.ok(!seen.body.includes('Jorge') && !seen.body.includes('1988'));
    const accept = await receiver.post(`/api/referrals/${pending}/accept`);
    assert.equal(accept.statusCode, 409);
    assert.equal((accept.json() as { code: string }).code, 'referrals.consent_withdrawn');
    assert.equal((await send({ toServiceId: serviceId })).statusCode, 400, 'no new referral without consent');
  });

  it('keeps the public HSDS directory free of personal data', async () => {
    const response = await h().app.inject({ method: 'GET', url: '/api/public/hsds/services?need=legal_identity' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((response.json() as { total_items: number }).total_items, 1);
    for (const secret of ['Jorge', 'Ramírez', '1988-07-02', 'atencion@ejemplo.invalid'])
      assert.ok(!response.body.includes(secret), secret);
  });

  it('audits every read and every status change', async () => {
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT DISTINCT action FROM audit_log WHERE action LIKE 'referral.%' OR action = 'person.referral_share'",
    );
    const actions = rows.map((r) => r.action).sort();
    for (const a of [
      'referral.create',
      'referral.list',
      'referral.read',
      'referral.preview',
      'referral.accept',
      'referral.decline',
      'referral.complete',
      'referral.redirect',
      'person.referral_share',
    ]) {
      assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
    }
  });
});
