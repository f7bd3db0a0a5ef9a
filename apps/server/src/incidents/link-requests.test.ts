// Journey 3 on the server: a documentation officer who may not see Dania counts her anonymously
// and asks for the link; the request reaches her caseworker only (routed by the name given), who
// links her with her consent; a request for a name nobody holds reaches the caseworkers and
// coordinators, and is declined. The place catalogue is searched by name, and the redacted PDF is
// in words, with no raw codes.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { pdfText } from './pdf-text.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Victim {
  id: string;
  personId: string | null;
  count: number;
}
interface Incident {
  id: string;
  victims: Victim[];
  perpetrators: { id: string }[];
  place: { names?: { es: string; en: string } | null };
}

describeOnBothDatabases('incidents: link requests, place catalogue and the PDF in words', (h) => {
  let doc: ApiClient;
  let caseworker: ApiClient;
  let otherCaseworker: ApiClient;
  let coordinator: ApiClient;
  const accounts: Record<string, string> = {};
  let daniaId: string;

  const notificationsOf = async (accountId: string) =>
    (
      await h().ctx.db.query<{ kind: string; record_type: string; record_id: string }>(
        'SELECT kind, record_type, record_id::text AS record_id FROM notifications WHERE account_id = $1 ORDER BY created_at',
        [accountId],
      )
    ).rows;

  before(async () => {
    const orgId = await h().createOrg('albergue-tapachula');
    const make = async (email: string, role: string, team: string) => {
      const a = await h().ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: [team],
      });
      accounts[email] = a.accountId;
    };
    await make('doc@albergue.example', 'documentation_officer', 'Documentación');
    await make('cw@albergue.example', 'caseworker', 'Acogida');
    await make('cw2@albergue.example', 'caseworker', 'Niñez');
    await make('coord@albergue.example', 'coordinator', 'Coordinación');
    doc = await h().login('doc@albergue.example');
    caseworker = await h().login('cw@albergue.example');
    otherCaseworker = await h().login('cw2@albergue.example');
    coordinator = await h().login('coord@albergue.example');
    const dania = await caseworker.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga López',
      sex: 'F',
      nationality: 'HN',
    });
    assert.equal(dania.statusCode, 201, dania.body);
    daniaId = (dania.json() as { id: string }).id;
  });

  it('searches places by name and answers only signed-in accounts', async () => {
    const r = await doc.get('/api/places?q=huixtla');
    assert.equal(r.statusCode, 200, r.body);
    const [first] = (r.json() as { items: { id: string; name: string; stateName: string; municipalityCode: string }[] })
      .items;
    assert.deepEqual(
      { id: first?.id, name: first?.name, state: first?.stateName, code: first?.municipalityCode },
      { id: 'MX-07040', name: 'Huixtla', state: 'Chiapas', code: '07040' },
    );
    const gt = (await doc.get('/api/places?q=alta%20verapaz&country=GT')).json() as { items: { id: string }[] };
    assert.deepEqual(
      gt.items.map((i) => i.id),
      ['GT-16'],
    );
    const anonymous = await h().app.inject({ method: 'GET', url: '/api/places?q=huixtla' });
    assert.equal(anonymous.statusCode, 401);
  });

  it('refuses a municipality code that is not in the catalogue, at its field', async () => {
    const r = await doc.post('/api/incidents', {
      title: 'Código inventado',
      start: { date: '2026-12-03', precision: 'day' },
      place: { country: 'MX', stateCode: '07', municipalityCode: '07999' },
    });
    assert.equal(r.statusCode, 400);
    assert.equal((r.json() as { field: string }).field, 'place.municipalityCode');
  });

  it('routes a link request to the caseworker of the person named, who links her with her consent', async () => {
    // The documentation officer cannot find Dania: she is another team's.
    const search = (await doc.get('/api/people?q=Dania%20Maradiaga')).json() as { items: unknown[] };
    assert.deepEqual(search.items, []);
    const created = await doc.post('/api/incidents', {
      title: 'Extorsión en el retén cerca de Huixtla',
      start: { date: '2026-12-03', precision: 'day' },
      place: { country: 'MX', stateCode: '07', municipalityCode: '07040' },
    });
    assert.equal(created.statusCode, 201, created.body);
    let event = created.json() as Incident;
    assert.deepEqual(event.place.names, { es: 'Huixtla, Chiapas', en: 'Huixtla, Chiapas' });
    event = (
      await doc.post(`/api/incidents/${event.id}/victims`, { count: 1, sex: 'F', ageGroup: '18-29' })
    ).json() as Incident;
    const victim = event.victims[0] as Victim;
    const asked = await doc.post(`/api/incidents/${event.id}/victims/${victim.id}/link-requests`, {
      nameHint: 'Dania Maradiaga',
      note: 'Llegó con dos hijos; dice que su caso lo lleva el equipo de acogida.',
    });
    assert.equal(asked.statusCode, 201, asked.body);
    const requestId = (asked.json() as { id: string }).id;

    assert.deepEqual(
      (await notificationsOf(accounts['cw@albergue.example'] as string)).map((n) => [n.kind, n.record_id]),
      [['incident.link_requested', requestId]],
    );
    assert.deepEqual(await notificationsOf(accounts['cw2@albergue.example'] as string), [], 'only her caseworker');
    assert.deepEqual(await notificationsOf(accounts['coord@albergue.example'] as string), []);

    const incoming = (await caseworker.get('/api/incident-link-requests')).json() as {
      items: {
        id: string;
        nameHint: string;
        note: string;
        event: { place: { es: string } };
        victim: { sex: string };
      }[];
    };
    assert.equal(incoming.items.length, 1);
    assert.equal(incoming.items[0]?.nameHint, 'Dania Maradiaga');
    assert.equal(incoming.items[0]?.event.place.es, 'Huixtla, Chiapas');
    assert.equal(incoming.items[0]?.victim.sex, 'F');
    assert.deepEqual(((await otherCaseworker.get('/api/incident-link-requests')).json() as { items: [] }).items, []);
    const notTheirs = await otherCaseworker.post(`/api/incident-link-requests/${requestId}/link`, {
      personId: daniaId,
      consent: { method: 'signed' },
    });
    assert.equal(notTheirs.statusCode, 404);

    const linked = await caseworker.post(`/api/incident-link-requests/${requestId}/link`, {
      personId: daniaId,
      consent: { method: 'oral_with_witness' },
    });
    assert.equal(linked.statusCode, 200, linked.body);
    const after = (await doc.get(`/api/incidents/${event.id}`)).json() as Incident;
    assert.deepEqual(
      after.victims.map((v) => [v.personId, v.count]),
      [[daniaId, 1]],
    );
    assert.deepEqual(
      (await notificationsOf(accounts['doc@albergue.example'] as string)).map((n) => [n.kind, n.record_id]),
      [['incident.link_done', event.id]],
    );
    const { rows: audit } = await h().ctx.db.query<{ action: string; actor_account_id: string }>(
      `SELECT action, actor_account_id::text AS actor_account_id FROM audit_log WHERE record_id = $1 AND action IN ('incident.link_request', 'incident.victim_link') ORDER BY seq`,
      [event.id],
    );
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor_account_id]),
      [
        ['incident.link_request', accounts['doc@albergue.example']],
        ['incident.victim_link', accounts['cw@albergue.example']],
      ],
    );
    const again = await caseworker.post(`/api/incident-link-requests/${requestId}/link`, {
      personId: daniaId,
      consent: { method: 'signed' },
    });
    assert.equal(again.statusCode, 409);
    const requests = (await doc.get(`/api/incidents/${event.id}/link-requests`)).json() as {
      items: { status: string }[];
    };
    assert.deepEqual(
      requests.items.map((r) => r.status),
      ['linked'],
    );
  });

  it('sends a request for an unknown name to caseworkers and coordinators; one of several counted is linked', async () => {
    let event = (
      await doc.post('/api/incidents', {
        title: 'Otro retén',
        start: { date: '2026-11-20', precision: 'day' },
        place: { country: 'MX', stateCode: '07', municipalityCode: '07089' },
      })
    ).json() as Incident;
    event = (await doc.post(`/api/incidents/${event.id}/victims`, { count: 4 })).json() as Incident;
    const victim = event.victims[0] as Victim;
    const unknown = await doc.post(`/api/incidents/${event.id}/victims/${victim.id}/link-requests`, {
      nameHint: 'Persona Sin Registro',
    });
    assert.equal(unknown.statusCode, 201, unknown.body);
    const unknownId = (unknown.json() as { id: string }).id;
    for (const email of ['cw@albergue.example', 'cw2@albergue.example', 'coord@albergue.example'])
      assert.ok(
        (await notificationsOf(accounts[email] as string)).some((n) => n.record_id === unknownId),
        `${email} is asked`,
      );
    const declined = await otherCaseworker.post(`/api/incident-link-requests/${unknownId}/decline`, {});
    assert.equal(declined.statusCode, 200, declined.body);
    assert.ok(
      (await notificationsOf(accounts['doc@albergue.example'] as string)).some(
        (n) => n.kind === 'incident.link_declined' && n.record_id === event.id,
      ),
    );

    const second = await doc.post(`/api/incidents/${event.id}/victims/${victim.id}/link-requests`, {
      nameHint: 'Dania Maradiaga',
    });
    const secondId = (second.json() as { id: string }).id;
    const wrongPerson = await coordinator.post(`/api/incident-link-requests/${secondId}/link`, {
      personId: '00000000-0000-4000-8000-000000000000',
      consent: { method: 'signed' },
    });
    assert.equal(wrongPerson.statusCode, 404, 'the coordinator is not among its recipients');
    const linked = await caseworker.post(`/api/incident-link-requests/${secondId}/link`, {
      personId: daniaId,
      consent: { method: 'signed' },
    });
    assert.equal(linked.statusCode, 200, linked.body);
    const after = (await doc.get(`/api/incidents/${event.id}`)).json() as Incident;
    assert.deepEqual(
      after.victims.map((v) => [v.personId, v.count]).sort((a, b) => Number(b[1]) - Number(a[1])),
      [
        [null, 3],
        [daniaId, 1],
      ],
    );
  });

  it('writes the redacted PDF in the reader’s language, without raw codes', async () => {
    let event = (
      await doc.post('/api/incidents', {
        title: 'Extorsión cerca de Huixtla',
        start: { date: '2026-12-03', precision: 'day' },
        place: { country: 'MX', stateCode: '07', municipalityCode: '07040' },
      })
    ).json() as Incident;
    event = (await doc.post(`/api/incidents/${event.id}/victims`, { count: 4 })).json() as Incident;
    event = (
      await doc.post(`/api/incidents/${event.id}/perpetrators`, {
        institution: 'unknown',
        suspectedInstitution: 'guardia_nacional',
        attribution: 'possible',
      })
    ).json() as Incident;
    assert.ok(event.perpetrators.length === 1, 'perpetrator recorded');
    const act = await doc.post(`/api/incidents/${event.id}/acts`, {
      type: 'extortion',
      victimIds: event.victims.map((v) => v.id),
      perpetratorIds: event.perpetrators.map((p) => p.id),
    });
    assert.equal(act.statusCode, 201, act.body);
    const complaint = await doc.post(`/api/incidents/${event.id}/complaints`, {
      authority: 'cndh',
      fileNumber: 'CNDH/5/2026/1234/Q',
      filedOn: '2026-12-05',
    });
    assert.equal(complaint.statusCode, 201, complaint.body);

    const es = flat(pdfText((await doc.get(`/api/incidents/${event.id}/report.pdf?lang=es`)).rawPayload));
    for (const words of [
      'Huixtla, Chiapas, México',
      '3 de diciembre de 2026',
      'de uso interno de la organización',
      'atribución posible',
      '4 personas, sexo no conocido, edad no conocida',
      'Comisión Nacional de los Derechos Humanos',
      'presentada el 5 de diciembre de 2026',
      'Página 1 de 1',
    ])
      assert.ok(es.includes(words), `"${words}" in:\n${es}`);
    for (const code of [
      'internal',
      'possible',
      ', U,',
      'unknown',
      'Estado 07',
      '07040',
      ' MX',
      'cndh',
      'filed',
      '2026-12-0',
    ])
      assert.ok(!es.includes(code), `raw "${code}" in:\n${es}`);

    const en = flat(pdfText((await doc.get(`/api/incidents/${event.id}/report.pdf?lang=en`)).rawPayload));
    for (const words of ['Huixtla, Chiapas, Mexico', '3 December 2026', 'attribution possible', '4 people'])
      assert.ok(en.includes(words), `"${words}" in:\n${en}`);
    for (const code of ['internal,', ', U,', 'Estado', '07040', 'cndh', '2026-12-0'])
      assert.ok(!en.includes(code), `raw "${code}" in:\n${en}`);
  });
});
