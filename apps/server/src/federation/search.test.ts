// Transnational search between two deployments on this machine (issue 20, item 3; decision 0151):
// a Honduran families' committee (PGlite) and a Mexican shelter network (PostgreSQL when there is
// one) peer for search and tracing; the committee's report of Kevin Alvarenga, whose family
// consented to a search with others, is encoded and sent through the outbox (the network being
// offline for a day first); the network's consenting registration of "Kebin Alvarenga" comes
// back as an opaque candidate; both review queues show the pair; nothing identifying crosses
// until a reviewer on each side said "the same person", and then exactly the agreed fields do,
// audited on both sides. New records are compared as they arrive, a withdrawn consent withdraws
// the pair, the purpose is checked on the receiving side, and after a revocation the next signed
// request is refused. The job queues are run directly, with the clocks moved by hand.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseEncoded } from '@acompana/core';
import { startHarness, type ApiClient, type TestHarness } from '../testing/test-harness.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { freePort } from '../../../../tests/reliability/real-server.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';
import type { Database } from '../kernel/db/database.ts';
import { createIdentityStore } from './identity.ts';
import { openBytesFor } from './federation-crypto.ts';
import { signRequest } from './signatures.ts';

const kinds = await testDatabaseKinds();

interface Deployment {
  h: TestHarness;
  url: string;
  run(): Promise<void>;
}

async function deployment(kind: 'pglite' | 'postgres', name: string): Promise<Deployment> {
  const port = await freePort();
  const h = await startHarness(kind, {
    envOverrides: { ACOMPANA_PUBLIC_URL: `http://127.0.0.1:${port}`, ACOMPANA_DEPLOYMENT_NAME: name },
  });
  await h.app.listen({ port, host: '127.0.0.1' });
  const { queue } = createServerJobs(h.ctx);
  return {
    h,
    url: `http://127.0.0.1:${port}`,
    // A minute later, the jobs then due: the search sweep and the outbox (every minute), and
    // whatever else is due.
    async run() {
      h.clock.advanceMinutes(1);
      await queue.ensureRecurring();
      await queue.runDueJobs();
    },
  };
}

interface Pair {
  id: string;
  peer: { name: string };
  side: string;
  local: { kind: string; id: string; name?: string };
  score: number;
  engineDecision: string;
  explanation: { fields: { field: string; level: number; reason: { es: string } }[] };
  status: string;
  closedReason: string | null;
  ourDecision: string | null;
  theirDecision: string | null;
  tracing: {
    sentAt: string | null;
    sentFields: string[];
    receivedAt: string | null;
    received?: Record<string, unknown>;
  };
}

const KEVIN = ['kevin', 'alvarenga', '2001-03-14', 'choloma', 'ciudad hidalgo', 'rosa'];

/** Every row of every table of a database, as text, lower case. */
async function wholeDatabase(db: Database): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await db.query<{ t: string }>(`SELECT t::text AS t FROM "${name}" t`);
    parts.push(...rows.map((r) => r.t));
  }
  return parts.join('\n').toLowerCase();
}

describe('transnational search between two peered deployments', () => {
  let a: Deployment;
  let b: Deployment;
  let adminA: ApiClient;
  let adminB: ApiClient;
  let committee: ApiClient;
  let shelter: ApiClient;
  let peerOfBAtA: string;
  let peerOfAAtB: string;
  let reportId: string;
  let kebinId: string;

  const pairs = async (c: ApiClient, query = '') => {
    const r = await c.get(`/api/federation/candidates${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return { items: (r.json() as { items: Pair[] }).items, body: r.body };
  };
  const created = async (c: ApiClient, url: string, body: object) => {
    const r = await c.post(url, body);
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { id: string }).id;
  };

  before(async () => {
    a = await deployment('pglite', 'Comités de familias (Honduras)');
    b = await deployment(kinds.includes('postgres') ? 'postgres' : 'pglite', 'Red de albergues (México)');
    await a.h.createAccount({ org: 'comites-hn', email: 'admin@comites.example', role: 'admin' });
    await a.h.createAccount({ org: 'comites-hn', email: 'familias@comites.example', role: 'search_committee' });
    await b.h.createAccount({ org: 'red-mx', email: 'admin@red.example', role: 'admin' });
    await b.h.createAccount({ org: 'red-mx', email: 'coord@red.example', role: 'coordinator' });
    adminA = await a.h.login('admin@comites.example');
    adminB = await b.h.login('admin@red.example');
    committee = await a.h.login('familias@comites.example');
    shelter = await b.h.login('coord@red.example');
  });
  after(async () => {
    await a?.h.close();
    await b?.h.close();
  });

  it('peers for search and tracing: both sides derive the same linkage secret, kept encrypted', async () => {
    const invited = await adminA.post('/api/admin/federation/invitations', { purposes: ['search', 'tracing'] });
    assert.equal(invited.statusCode, 201, invited.body);
    const { invitation } = invited.json() as { invitation: string };
    const accepted = await adminB.post('/api/admin/federation/peers', { invitation, fingerprintConfirmed: true });
    assert.equal(accepted.statusCode, 201, accepted.body);
    const atB = accepted.json() as { id: string; searchReady: boolean; tracingFields: string[] };
    peerOfAAtB = atB.id;
    assert.equal(atB.searchReady, true);
    assert.deepEqual(atB.tracingFields, ['givenNames', 'surnames', 'birthDate', 'organisationContact']);
    const atA = (
      (await adminA.get('/api/admin/federation')).json() as {
        peers: { id: string; searchReady: boolean; tracingFields: string[] }[];
      }
    ).peers[0];
    assert.ok(atA);
    peerOfBAtA = atA.id;
    assert.deepEqual([atA.searchReady, atA.tracingFields], [true, atB.tracingFields]);
    const confirmed = await adminA.post(`/api/admin/federation/peers/${peerOfBAtA}/confirm`, {
      fingerprintConfirmed: true,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);

    const secretOf = async (d: Deployment, peerId: string) => {
      const { rows } = await d.h.ctx.db.query<{ org_id: string; search_secret: unknown }>(
        'SELECT org_id::text AS org_id, search_secret FROM federation_peers WHERE id = $1',
        [peerId],
      );
      const row = rows[0] as { org_id: string; search_secret: unknown };
      const secret = await openBytesFor(
        d.h.ctx.keyring,
        row.org_id,
        'federation_peers',
        'search_secret',
        row.search_secret,
      );
      return { secret, stored: Buffer.from(row.search_secret as Uint8Array) };
    };
    const [sa, sb] = [await secretOf(a, peerOfBAtA), await secretOf(b, peerOfAAtB)];
    assert.equal(sa.secret.length, 32);
    assert.ok(sa.secret.equals(sb.secret), 'both sides hold the same 256-bit secret without sending it');
    assert.ok(!sa.stored.includes(sa.secret) && !sb.stored.includes(sb.secret), 'stored only encrypted');
    const { rows } = await a.h.ctx.db.query('SELECT 1 FROM federation_invitations WHERE agreement_key IS NOT NULL');
    assert.equal(rows.length, 0, "the inviter's half of the exchange is erased once it served");
  });

  it("sends a consented report as encodings only, through an outbox that waits out the partner's day offline", async () => {
    // The shelter network: a registration with consent to sharing, and a namesake without it.
    kebinId = await created(shelter, '/api/people', {
      givenNames: 'Kebin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
      nationality: 'HN',
    });
    assert.equal(
      (await shelter.post(`/api/people/${kebinId}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
      201,
    );
    await created(shelter, '/api/people', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    await b.run();
    const indexed = await b.h.ctx.db.query<{ record_id: string }>(
      'SELECT record_id::text AS record_id FROM federation_encodings',
    );
    assert.deepEqual(
      indexed.rows.map((r) => r.record_id),
      [kebinId],
      'only the consenting registration is in the index',
    );

    // The committee: a report with the family's consent to search with others, and one without.
    const report = {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
      nationality: 'HN',
      origin: { country: 'HN', place: 'Choloma' },
      lastContact: { date: '2024-04-20', place: 'Ciudad Hidalgo' },
    };
    reportId = await created(committee, '/api/missing/reports', {
      ...report,
      traceConsent: { givenBy: 'Rosa Alvarenga', relationship: 'madre', method: 'signed', date: '2024-05-02' },
    });
    await created(committee, '/api/missing/reports', { ...report, givenNames: 'Kevin Josué' });

    // The network is offline: the search waits in the outbox and is retried later.
    await a.h.ctx.db.query("UPDATE federation_peers SET base_url = 'http://127.0.0.1:9' WHERE id = $1", [peerOfBAtA]);
    await a.run();
    const waiting = await a.h.ctx.db.query<{
      kind: string;
      payload: { queries: string };
      attempts: number;
      last_error: string;
    }>("SELECT kind, payload, attempts, last_error FROM federation_outbox WHERE status = 'pending'");
    assert.deepEqual(
      waiting.rows.map((r) => [r.kind, r.attempts]),
      [['search', 1]],
    );
    assert.match(waiting.rows[0]?.last_error ?? '', /network/);
    const sent = Buffer.from(waiting.rows[0]?.payload.queries ?? '', 'base64');
    assert.equal(parseEncoded(sent).size, 1, 'one report: the one whose family consented');
    const wire =
      `${sent.toString('latin1')}\n${sent.toString('utf8')}\n${JSON.stringify(waiting.rows[0]?.payload)}`.toLowerCase();
    for (const needle of KEVIN) assert.ok(!wire.includes(needle), `the search carries no "${needle}"`);

    // A day later the network is back: the outbox catches up on its next run.
    a.h.clock.advanceMinutes(24 * 60);
    await a.h.ctx.db.query('UPDATE federation_peers SET base_url = $2 WHERE id = $1', [peerOfBAtA, b.url]);
    await a.run();
    const outbox = await a.h.ctx.db.query<{ status: string; attempts: number }>(
      "SELECT status, attempts FROM federation_outbox WHERE kind = 'search'",
    );
    assert.deepEqual(outbox.rows, [{ status: 'delivered', attempts: 2 }]);
    // The day also ended the committee's sessions.
    adminA = await a.h.login('admin@comites.example');
    committee = await a.h.login('familias@comites.example');
  });

  it("lists the pair in both review queues: each side's own record in clear, the partner's as a reference", async () => {
    const atA = await pairs(committee);
    assert.equal(atA.items.length, 1, atA.body);
    const mine = atA.items[0] as Pair;
    assert.deepEqual(
      [mine.side, mine.local.kind, mine.local.id, mine.local.name, mine.peer.name, mine.status],
      ['report', 'missing_report', reportId, 'Kevin Alvarenga', 'Red de albergues (México)', 'open'],
    );
    assert.ok(mine.score >= 0.5, `scored as a match (${mine.score})`);
    // Reasons say how alike each field's encodings are, never a value (the level of equal
    // surnames may be "the same" or "the same, one has fewer" with the record noise).
    const surnames = mine.explanation.fields.find((f) => f.field === 'surnames');
    assert.ok(surnames && surnames.level <= 2 && surnames.reason.es.endsWith('(codificado)'), JSON.stringify(surnames));
    for (const needle of ['kebin', kebinId]) assert.ok(!atA.body.toLowerCase().includes(needle), `A sees no ${needle}`);
    assert.equal((await pairs(committee, `?localKind=missing_report&localId=${reportId}`)).items.length, 1);

    const atB = await pairs(shelter);
    assert.equal(atB.items.length, 1, atB.body);
    const theirs = atB.items[0] as Pair;
    assert.deepEqual(
      [theirs.side, theirs.local.kind, theirs.local.id, theirs.local.name, theirs.peer.name],
      ['record', 'person', kebinId, 'Kebin Alvarenga', 'Comités de familias (Honduras)'],
    );
    assert.equal(theirs.score, mine.score, 'both sides hold the same score');
    assert.ok(!atB.body.toLowerCase().includes('kevin') && !atB.body.includes(reportId));

    // B's database: what it was asked is opaque, and nothing of the report is there in clear.
    const everything = await wholeDatabase(b.h.ctx.db);
    for (const needle of [...KEVIN, reportId])
      assert.ok(!everything.includes(needle), `B's database holds no "${needle}"`);
    const audit = await b.h.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'federation.search%' ORDER BY seq",
    );
    assert.ok(audit.rows.some((r) => r.action === 'federation.search_received'));
  });

  it('compares new records as they arrive, and withdraws a pair when the consent is withdrawn', async () => {
    const second = await created(shelter, '/api/people', {
      givenNames: 'Kevin Josue',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    const consent = await shelter.post(`/api/people/${second}/consents`, { purpose: 'sharing', method: 'signed' });
    await b.run();
    await a.run();
    assert.equal((await pairs(committee)).items.length, 2, 'the new registration is a second candidate');
    const consentId = (consent.json() as { id: string }).id;
    assert.equal((await shelter.post(`/api/people/${second}/consents/${consentId}/withdraw`)).statusCode, 204);
    await b.run();
    await a.run();
    const closed = (await pairs(committee)).items.filter((p) => p.status === 'closed');
    assert.deepEqual(
      closed.map((p) => p.closedReason),
      ['withdrawn'],
    );
    const bSide = (await pairs(shelter)).items.find((p) => p.local.id === second);
    assert.equal(bSide?.status, 'closed');
  });

  it('exchanges the agreed fields only once a reviewer on each side said the same person, audited on both sides', async () => {
    const atA = (await pairs(committee, '?status=open')).items[0] as Pair;
    const agreedA = await committee.post(`/api/federation/candidates/${atA.id}/decision`, { decision: 'same_person' });
    assert.equal(agreedA.statusCode, 200, agreedA.body);
    await a.run();
    const atB = (await pairs(shelter, '?status=open')).items[0] as Pair;
    assert.deepEqual([atB.theirDecision, atB.ourDecision, atB.status], ['same_person', null, 'open']);
    const before = await shelter.get(`/api/federation/candidates/${atB.id}`);
    assert.ok(!before.body.toLowerCase().includes('kevin'), 'one side agreeing reveals nothing');
    const everything = await wholeDatabase(b.h.ctx.db);
    for (const needle of KEVIN) assert.ok(!everything.includes(needle), `B's database still holds no "${needle}"`);

    const agreedB = await shelter.post(`/api/federation/candidates/${atB.id}/decision`, { decision: 'same_person' });
    assert.equal((agreedB.json() as Pair).status, 'agreed');
    await b.run(); // B's decision, then B's fields
    await a.run(); // A's fields
    await b.run();

    const pairAtA = (await committee.get(`/api/federation/candidates/${atA.id}`)).json() as Pair;
    assert.equal(pairAtA.status, 'agreed');
    assert.deepEqual(pairAtA.tracing.received, {
      givenNames: 'Kebin',
      surnames: 'Alvarenga',
      birthDate: '2001-03-14',
      organisationContact: {
        organisation: 'Org red-mx',
        deployment: 'Red de albergues (México)',
        email: 'coord@red.example',
      },
    });
    assert.deepEqual(pairAtA.tracing.sentFields.sort(), ['birthDate', 'givenNames', 'organisationContact', 'surnames']);
    const pairAtB = (await shelter.get(`/api/federation/candidates/${atB.id}`)).json() as Pair;
    assert.deepEqual(
      [pairAtB.tracing.received?.givenNames, pairAtB.tracing.received?.surnames, pairAtB.tracing.received?.birthDate],
      ['Kevin', 'Alvarenga', '2001-03-14'],
    );
    assert.equal(pairAtB.tracing.received?.place, undefined, 'a field the agreement does not list never travels');
    // Stored encrypted on the receiving side.
    assert.ok(!(await wholeDatabase(b.h.ctx.db)).includes('choloma'));

    for (const d of [a, b]) {
      const { rows } = await d.h.ctx.db.query<{ action: string; details: { fields?: string } }>(
        "SELECT action, details FROM audit_log WHERE action IN ('federation.tracing_sent', 'federation.tracing_received') ORDER BY seq",
      );
      assert.deepEqual(rows.map((r) => r.action).sort(), ['federation.tracing_received', 'federation.tracing_sent']);
      for (const r of rows)
        assert.equal(
          r.details.fields?.split(',').sort().join(','),
          'birthDate,givenNames,organisationContact,surnames',
        );
    }
    const decisions = await b.h.ctx.db.query(
      "SELECT 1 FROM audit_log WHERE action IN ('federation.candidate_decision', 'federation.partner_decision')",
    );
    assert.equal(decisions.rows.length, 2, "B's trail has its own decision and the partner's");
  });

  it("puts the person's cross-border pairs in their export, and erasure withdraws them from the partner", async () => {
    const exported = await adminB.get(`/api/people/${kebinId}/export`);
    assert.equal(exported.statusCode, 200, exported.body);
    const [pair] = (exported.json() as { sections: { federation: { partner: string; fieldsReceived: unknown }[] } })
      .sections.federation;
    assert.equal(pair?.partner, 'Comités de familias (Honduras)');
    assert.equal((pair?.fieldsReceived as { givenNames?: string }).givenNames, 'Kevin');
    assert.equal((await adminB.request({ method: 'DELETE', url: `/api/people/${kebinId}` })).statusCode, 204);
    const left = await b.h.ctx.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM federation_encodings WHERE record_id = $1)
         + (SELECT count(*) FROM federation_candidates WHERE local_id = $1 AND tracing_received IS NOT NULL) AS n`,
      [kebinId],
    );
    assert.equal(Number(left.rows[0]?.n), 0, 'no encoding and no received field of her remains');
    await b.run();
    const { rows } = await b.h.ctx.db.query<{ status: string }>(
      "SELECT status FROM federation_outbox WHERE kind = 'withdraw' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(rows[0]?.status, 'delivered', 'the partner was told to forget her reference');
  });

  it('checks the purpose on the receiving side, and refuses the next request once the peering is revoked', async () => {
    const keyOfB = await createIdentityStore({ db: b.h.ctx.db, keyring: b.h.ctx.keyring }).identity();
    const search = `${a.url}/federation/v1/search`;
    const send = async () => {
      const signed = await signRequest(keyOfB, 'POST', search, {
        messageId: '00000000-0000-4000-8000-000000000001',
        queries: 'AAAA',
      });
      const r = await fetch(search, { method: 'POST', headers: signed.headers, body: signed.body });
      return { status: r.status, code: ((await r.json()) as { code: string }).code };
    };
    await a.h.ctx.db.query("UPDATE federation_peers SET purposes = ARRAY['tracing'] WHERE id = $1", [peerOfBAtA]);
    assert.deepEqual(await send(), { status: 403, code: 'federation.purpose_not_agreed' });
    await a.h.ctx.db.query("UPDATE federation_peers SET purposes = ARRAY['search', 'tracing'] WHERE id = $1", [
      peerOfBAtA,
    ]);

    const revoked = await adminA.post(`/api/admin/federation/peers/${peerOfBAtA}/revoke`);
    assert.equal((revoked.json() as { partnerInformed: boolean }).partnerInformed, true);
    assert.deepEqual(await send(), { status: 401, code: 'federation.signature_invalid' });
    const refused = await a.h.ctx.db.query<{ reason: string }>(
      "SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'federation.request_refused' ORDER BY seq",
    );
    assert.deepEqual(
      refused.rows.map((r) => r.reason),
      ['purpose_not_agreed', 'agreement_not_in_force'],
    );
    // Both sides forgot the agreement's secret and encodings; decided pairs stay with what was exchanged.
    for (const d of [a, b]) {
      const { rows } = await d.h.ctx.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM federation_encodings) + (SELECT count(*) FROM federation_received_queries)
           + (SELECT count(*) FROM federation_peers WHERE search_secret IS NOT NULL) AS n`,
      );
      assert.equal(Number(rows[0]?.n), 0);
    }
    // A new consented report on A goes nowhere.
    await created(committee, '/api/missing/reports', {
      givenNames: 'Wilmer',
      surnames: 'Zelaya',
      traceConsent: { givenBy: 'Iris Zelaya', relationship: 'hermana', method: 'signed', date: '2024-06-01' },
    });
    await a.run();
    const { rows } = await a.h.ctx.db.query("SELECT 1 FROM federation_outbox WHERE status = 'pending'");
    assert.equal(rows.length, 0);
    assert.equal((await pairs(committee)).items.find((p) => p.status === 'agreed')?.status, 'agreed');
  });
});
