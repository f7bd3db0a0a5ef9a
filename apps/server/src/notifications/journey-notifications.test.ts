// The journeys' notifications say what changed and for whom, and link to a page the recipient can
// open (issue 16): new candidates and a confirmed match name the person searched for to the
// committee; the shelter holding the confirmed record hears it with its own record's name, the
// request's opaque reference and who confirmed; a partner receiving a tracing request gets the
// reference and who asks, never the name; the answer names the person to the committee; a
// child-protection alert names the child to the coordinator; a link request gives the name the
// victim gave with the event's date and place, and so does the answer to the documentation
// officer. Each link is followed with the recipient's own session and opens.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { opaqueReference } from './notification-about.ts';

interface About {
  person: string | null;
  reference: string | null;
  service: string | null;
  area: string | null;
  org: string | null;
  date: string | null;
  place: { es: string; en: string } | null;
}
interface Item {
  kind: string;
  recordType: string;
  recordId: string;
  link: string | null;
  about: About | null;
}

const none: About = { person: null, reference: null, service: null, area: null, org: null, date: null, place: null };

/** The API a page of the staff app calls for each link the bell gives. */
function apiOf(link: string): string {
  const [path] = link.split('?') as [string];
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^\/people\/([0-9a-f-]{36})$/, (m) => `/api/people/${m[1]}`],
    [/^\/search\/reports\/([0-9a-f-]{36})$/, (m) => `/api/missing/reports/${m[1]}`],
    [/^\/search\/tracing\/([0-9a-f-]{36})$/, (m) => `/api/missing/tracing/${m[1]}`],
    [/^\/search\/found\/([0-9a-f-]{36})$/, (m) => `/api/missing/found/${m[1]}`],
    [/^\/incidents\/([0-9a-f-]{36})$/, (m) => `/api/incidents/${m[1]}`],
    [/^\/link-requests$/, () => '/api/incident-link-requests'],
  ];
  for (const [re, api] of rules) {
    const m = re.exec(path);
    if (m) return api(m);
  }
  throw new Error(`no page known for ${link}`);
}

describeOnBothDatabases('journey notifications say what changed, for whom, and open', (h) => {
  const c: Record<string, ApiClient> = {};
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const consent = { givenBy: 'Rosa Alvarenga', relationship: 'madre', method: 'signed', date: '2024-05-02' };

  const created = async (client: ApiClient, url: string, body: object) => {
    const r = await client.post(url, body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };
  const bell = async (who: string) => {
    const r = await (c[who] as ApiClient).get('/api/notifications?limit=100');
    assert.equal(r.statusCode, 200, r.body);
    return (r.json() as { items: Item[] }).items;
  };
  const one = async (who: string, kind: string, recordType?: string) => {
    const found = (await bell(who)).filter((n) => n.kind === kind && (!recordType || n.recordType === recordType));
    assert.equal(found.length, 1, `${who} has one ${kind}: ${JSON.stringify(found)}`);
    const n = found[0] as Item;
    assert.ok(n.link, `${kind} links somewhere`);
    const opened = await (c[who] as ApiClient).get(apiOf(n.link));
    assert.equal(opened.statusCode, 200, `${who} can open ${n.link}: ${opened.body}`);
    return n;
  };

  it('sets up a committee, a shelter holding Kebin, a second partner and a shelter with a documentation team', async () => {
    const accounts: [string, string, string, string][] = [
      ['karla', 'comite', 'search_committee', 'Búsqueda'],
      ['carmen', 'comite', 'coordinator', 'Coordinación'],
      ['saltillo', 'saltillo', 'coordinator', 'Coordinación'],
      ['tenosique', 'tenosique', 'coordinator', 'Coordinación'],
      ['doc', 'albergue', 'documentation_officer', 'Documentación'],
      ['cw', 'albergue', 'caseworker', 'Acogida'],
      ['coord', 'albergue', 'coordinator', 'Coordinación'],
    ];
    for (const [who, slug, role, team] of accounts) {
      org[slug] = await h().createOrg(slug);
      await h().ctx.accounts.createAccount({
        orgId: org[slug] as string,
        email: `${who}@${slug}.example`,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: [team],
      });
    }
    for (const [who, slug] of accounts) c[who] = await h().login(`${who}@${slug}.example`);
    for (const partner of ['saltillo', 'tenosique'])
      await h().ctx.db.query(
        "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
        [org[partner], org.comite],
      );
    const saltillo = c.saltillo as ApiClient;
    ids.kebin = await created(saltillo, '/api/people', {
      givenNames: 'Kebin',
      surnames: 'Alvarenga Fuentes',
      sex: 'M',
      birthDate: '2005-01-09',
    });
    await created(saltillo, `/api/people/${ids.kebin}/consents`, { purpose: 'sharing', method: 'signed' });
    ids.report = await created(c.karla as ApiClient, '/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga Fuentes',
      sex: 'M',
      birthDate: '2005-01-09',
      lastContact: { date: '2024-04-20', place: 'Coatzacoalcos' },
      traceConsent: consent,
    });
  });

  it("tells the report's owner of new candidates, naming the person searched for", async () => {
    // Someone else of the committee records remains that may be Kevin.
    await created(c.carmen as ApiClient, '/api/missing/found', {
      kind: 'unidentified_remains',
      sex: 'M',
      givenNames: 'Kevin',
      surnames: 'Alvarenga Fuentes',
      ageMin: 18,
      ageMax: 24,
      foundPlace: 'Altar',
    });
    const n = await one('karla', 'missing.candidates_proposed');
    assert.equal(n.link, `/search/reports/${ids.report}`);
    assert.deepEqual(n.about, { ...none, person: 'Kevin Alvarenga Fuentes' });
  });

  it('confirms Kebin: the committee hears whom it concerns, the shelter its own record, the reference and who', async () => {
    const list = (await (c.karla as ApiClient).get(`/api/missing/reports/${ids.report}/candidates`)).json() as {
      items: { id: string; candidateKind: string }[];
    };
    const pair = list.items.find((p) => p.candidateKind === 'person');
    assert.ok(pair, 'Kebin is proposed');
    const decided = await (c.karla as ApiClient).post(`/api/missing/candidates/${pair.id}/review`, {
      decision: 'confirmed',
    });
    assert.equal(decided.statusCode, 200, decided.body);

    const own = await one('karla', 'missing.match_confirmed');
    assert.equal(own.link, `/search/reports/${ids.report}`);
    assert.deepEqual(own.about, { ...none, person: 'Kevin Alvarenga Fuentes' });

    const holder = await one('saltillo', 'missing.match_confirmed_holder');
    assert.equal(holder.recordType, 'tracing_request');
    assert.equal(holder.link, `/search/tracing/${holder.recordId}`);
    assert.deepEqual(holder.about, {
      ...none,
      person: 'Kebin Alvarenga Fuentes',
      reference: opaqueReference(holder.recordId),
      org: 'Org comite',
    });
    assert.match(holder.about?.reference ?? '', /^[0-9A-F]{8}$/);
  });

  it('gives a partner receiving a tracing request its reference and who asks, never the name; the answer names the person', async () => {
    const sent = await (c.karla as ApiClient).post('/api/missing/tracing', {
      reportId: ids.report,
      toOrgId: org.tenosique,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const requestId = (sent.json() as { id: string }).id;
    const received = await one('tenosique', 'missing.tracing_received');
    assert.equal(received.link, `/search/tracing/${requestId}`);
    assert.deepEqual(received.about, { ...none, reference: opaqueReference(requestId), org: 'Org comite' });
    assert.ok(!JSON.stringify(received).includes('Kevin'), 'the name searched for is not in the bell');
    // Another organisation's account never sees it.
    assert.equal((await bell('saltillo')).filter((n) => n.kind === 'missing.tracing_received').length, 0);

    const declined = await (c.tenosique as ApiClient).post(`/api/missing/tracing/${requestId}/decline`, {});
    assert.equal(declined.statusCode, 200, declined.body);
    const answer = await one('karla', 'missing.tracing_declined');
    assert.equal(answer.link, `/search/reports/${ids.report}`);
    assert.deepEqual(answer.about, { ...none, person: 'Kevin Alvarenga Fuentes', org: 'Org tenosique' });
  });

  it("names the child to the coordinator in a child-protection alert, and links to the child's page", async () => {
    const child = await created(c.cw as ApiClient, '/api/people', {
      givenNames: 'Ana',
      surnames: 'Maradiaga',
      sex: 'F',
      estimatedAge: 12,
    });
    const current = (await (c.cw as ApiClient).get(`/api/people/${child}`)).json() as { version: number };
    const put = await (c.cw as ApiClient).put(`/api/people/${child}/profile`, {
      version: current.version,
      indicators: ['unaccompanied_child'],
    });
    assert.equal(put.statusCode, 200, put.body);
    const alert = await one('coord', 'profile.child_protection');
    assert.equal(alert.link, `/people/${child}`);
    assert.deepEqual(alert.about, { ...none, person: 'Ana Maradiaga' });
  });

  it('gives a link request the name the victim gave, the date and the place; and the answer too', async () => {
    const cw = c.cw as ApiClient;
    await created(cw, '/api/people', { givenNames: 'Dania', surnames: 'Maradiaga López', sex: 'F' });
    const event = await created(c.doc as ApiClient, '/api/incidents', {
      title: 'Extorsión en el retén cerca de Huixtla',
      start: { date: '2026-12-03', precision: 'day' },
      place: { country: 'MX', stateCode: '07', municipalityCode: '07040' },
    });
    const withVictim = await (c.doc as ApiClient).post(`/api/incidents/${event}/victims`, { count: 1, sex: 'F' });
    const victim = (withVictim.json() as { victims: { id: string }[] }).victims[0]?.id as string;
    const asked = await created(c.doc as ApiClient, `/api/incidents/${event}/victims/${victim}/link-requests`, {
      nameHint: 'Dania Maradiaga',
    });
    const place = { es: 'Huixtla, Chiapas', en: 'Huixtla, Chiapas' };
    const request = await one('cw', 'incident.link_requested');
    assert.equal(request.link, '/link-requests');
    assert.equal(request.recordId, asked);
    assert.deepEqual(request.about, { ...none, person: 'Dania Maradiaga', date: '2026-12-03', place });
    const declined = await cw.post(`/api/incident-link-requests/${asked}/decline`, {});
    assert.equal(declined.statusCode, 200, declined.body);
    const answer = await one('doc', 'incident.link_declined');
    assert.equal(answer.link, `/incidents/${event}`);
    assert.deepEqual(answer.about, { ...none, person: 'Dania Maradiaga', date: '2026-12-03', place });
  });
});
