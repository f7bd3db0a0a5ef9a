// Journey 5 (Jorge, deported to Mexico City): the directory picker ranks services by distance
// from where Jorge is staying and leaves out those he is not eligible for (a Honduran consulate
// for a Mexican citizen); an external referral ("canalización externa") to a service that does
// not receive referrals through Acompaña is recorded with its channel, declined with a reason
// and shown in the plan; a platform referral's answer notifies the case owner with Jorge's name,
// the need area and a link to the reception.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { legalIdentityService } from '../directory/directory-fixtures.ts';

interface Options {
  origin: { city: string; source: string } | null;
  items: { id: string; name: string; distanceKm: number | null; acceptsReferrals: boolean }[];
  excludedIneligible: number;
}
interface PlanItem {
  area: string;
  referralId: string;
  kind: string;
  channel: string | null;
  status: string;
  toServiceName: string | null;
  declineReason: string | null;
  outcome: string | null;
  version: number;
}
const CDMX = { city: 'Ciudad de México', state: 'Ciudad de México', lat: 19.43, lon: -99.13 };
const TIJUANA = { city: 'Tijuana', state: 'Baja California', lat: 32.51, lon: -117.04 };

describeOnBothDatabases('referral options and external referrals', (h) => {
  let rosa: ApiClient;
  let partner: ApiClient;
  let outsider: ApiClient;
  let jorgeId: string;
  let marvinId: string;
  let receptionId: string;
  const ids: Record<string, string> = {};

  const service = async (
    key: string,
    o: { name: string; need: string; place: typeof CDMX; accepts: boolean; served?: string[] },
  ) => {
    const res = await partner.post('/api/directory/services', {
      ...legalIdentityService({ name: o.name, need: o.need, ...o.place }),
      acceptsReferrals: o.accepts,
      ...(o.served ? { servedNationalities: o.served } : {}),
    });
    assert.equal(res.statusCode, 201, res.body);
    ids[key] = (res.json() as { service: { id: string } }).service.id;
    assert.deepEqual((res.json() as { servedNationalities: string[] | null }).servedNationalities, o.served ?? null);
  };
  const options = async (personId: string, need: string) => {
    const res = await rosa.get(`/api/referrals/options?personId=${personId}&need=${need}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Options;
  };

  it('sets up the reception centre, a partner with services in Mexico City and Tijuana, and Jorge', async () => {
    await h().createAccount({ org: 'retorno', email: 'rosa@retorno.example', role: 'caseworker' });
    await h().createAccount({ org: 'clinica', email: 'coord@clinica.example', role: 'coordinator' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    rosa = await h().login('rosa@retorno.example');
    partner = await h().login('coord@clinica.example');
    outsider = await h().login('coord@otra.example');
    await service('tijuanaHousing', {
      name: 'Casa de medio camino Tijuana (Ejemplo)',
      need: 'housing',
      place: TIJUANA,
      accepts: true,
    });
    await service('cdmxHousing', {
      name: 'Albergue temporal Ciudad de México (Ejemplo)',
      need: 'housing',
      place: CDMX,
      accepts: false,
    });
    await service('consulate', {
      name: 'Consulado de Honduras Ciudad de México (Ejemplo)',
      need: 'legal_identity',
      place: CDMX,
      accepts: false,
      served: ['HN'],
    });
    await service('registry', {
      name: 'Registro civil Ciudad de México (Ejemplo)',
      need: 'legal_identity',
      place: CDMX,
      accepts: false,
    });
    const person = async (givenNames: string, nationality: string) => {
      const res = await rosa.post('/api/people', { givenNames, surnames: 'Ramírez Soto', sex: 'M', nationality });
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { id: string }).id;
    };
    jorgeId = await person('Jorge', 'MX');
    marvinId = await person('Marvin', 'HN');
    const reception = await rosa.post('/api/reintegration/receptions', {
      personId: jorgeId,
      receivedOn: '2025-05-01',
      arrivalMode: 'air',
      portOfEntry: 'Aeropuerto Internacional de la Ciudad de México',
      returnedFrom: 'US',
      returningAuthority: 'ice',
      stayingPlace: `${CDMX.city}, ${CDMX.state}`,
    });
    assert.equal(reception.statusCode, 201, reception.body);
    receptionId = (reception.json() as { id: string }).id;
    assert.equal((reception.json() as { stayingPlace: string }).stayingPlace, 'Ciudad de México, Ciudad de México');
  });

  it('ranks services by distance from where the person is staying, Mexico City before Tijuana', async () => {
    const housing = await options(jorgeId, 'housing');
    assert.deepEqual(housing.origin, { city: 'Ciudad de México', state: 'Ciudad de México', source: 'reception' });
    assert.deepEqual(
      housing.items.map((s) => s.id),
      [ids.cdmxHousing, ids.tijuanaHousing],
    );
    assert.equal(housing.items[0]?.distanceKm, 0);
    assert.ok((housing.items[1]?.distanceKm ?? 0) > 2000, 'Tijuana is over 2,000 km from Mexico City');
    assert.deepEqual(
      housing.items.map((s) => s.acceptsReferrals),
      [false, true],
    );
  });

  it('leaves out services the person is not eligible for: a Honduran consulate is offered to Marvin, not to Jorge', async () => {
    const forJorge = await options(jorgeId, 'legal_identity');
    assert.deepEqual(
      forJorge.items.map((s) => s.id),
      [ids.registry],
    );
    assert.equal(forJorge.excludedIneligible, 1);
    const forMarvin = await options(marvinId, 'legal_identity');
    assert.ok(forMarvin.items.some((s) => s.id === ids.consulate));
    assert.equal(forMarvin.excludedIneligible, 0);
    // Without a reception there is no place to rank from (this organisation lists no service of its own).
    assert.equal(forMarvin.origin, null);
    assert.ok(forMarvin.items.every((s) => s.distanceKm === null));
    // Another organisation's person is not found.
    assert.equal((await outsider.get(`/api/referrals/options?personId=${jorgeId}&need=housing`)).statusCode, 404);
  });

  it('records an external referral of the plan, needs consent, and shows its decline reason in the plan', async () => {
    assert.equal(
      (
        await rosa.request({
          method: 'PUT',
          url: `/api/reintegration/receptions/${receptionId}/assessment`,
          payload: {
            assessedOn: '2025-05-02',
            needs: [
              { area: 'housing', level: 'urgent' },
              { area: 'legal_identity', level: 'urgent' },
            ],
          },
        })
      ).statusCode,
      200,
    );
    const body = {
      area: 'housing',
      serviceId: ids.cdmxHousing,
      channel: 'phone',
      referredOn: '2025-05-03',
      reason: 'Necesita un lugar donde dormir las primeras semanas.',
      contact: 'Lic. Ejemplo, coordinación',
    };
    const url = `/api/reintegration/receptions/${receptionId}/external-referrals`;
    const refused = await rosa.post(url, body);
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal((refused.json() as { code: string }).code, 'referrals.consent_required');
    const consent = await rosa.post(`/api/people/${jorgeId}/consents`, { purpose: 'referral', method: 'signed' });
    assert.equal(consent.statusCode, 201, consent.body);
    const made = await rosa.post(url, body);
    assert.equal(made.statusCode, 201, made.body);
    const plan = (made.json() as { plan: PlanItem[] }).plan;
    assert.equal(plan.length, 1);
    const item = plan[0] as PlanItem;
    assert.deepEqual(
      { kind: item.kind, channel: item.channel, status: item.status, area: item.area, service: item.toServiceName },
      {
        kind: 'external',
        channel: 'phone',
        status: 'sent',
        area: 'housing',
        service: 'Albergue temporal Ciudad de México (Ejemplo)',
      },
    );

    const answer = (payload: object) => rosa.post(`/api/referrals/external/${item.referralId}/answer`, payload);
    const noReason = await answer({ version: item.version, status: 'declined', answeredOn: '2025-05-04' });
    assert.equal(noReason.statusCode, 400, 'a decline needs the reason the service gave');
    const declined = await answer({
      version: item.version,
      status: 'declined',
      answeredOn: '2025-05-04',
      note: 'Sin cupo hasta el próximo mes.',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    const stale = await answer({ version: item.version, status: 'completed', answeredOn: '2025-05-04', note: 'x' });
    assert.equal(stale.statusCode, 409, 'an answer on an old version (or a closed referral) is refused');

    const reception = (await rosa.get(`/api/reintegration/receptions/${receptionId}`)).json() as { plan: PlanItem[] };
    assert.equal(reception.plan[0]?.status, 'declined');
    assert.equal(reception.plan[0]?.declineReason, 'Sin cupo hasta el próximo mes.');

    const list = await rosa.get(`/api/referrals/external?personId=${jorgeId}`);
    assert.equal((list.json() as { items: unknown[] }).items.length, 1);
    assert.equal((await outsider.post(`/api/referrals/external/${item.referralId}/answer`, {})).statusCode, 400);
    assert.equal(
      (
        await outsider.post(`/api/referrals/external/${item.referralId}/answer`, {
          version: 2,
          status: 'completed',
          answeredOn: '2025-05-05',
        })
      ).statusCode,
      404,
      "another organisation's external referral is not found",
    );
    const audit = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'referral.external%' ORDER BY seq",
    );
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['referral.external_create', 'referral.external_answer', 'referral.external_list'],
    );
    const stored = await h().ctx.db.query<{ reason: Buffer }>('SELECT reason FROM external_referrals');
    assert.ok(
      !Buffer.from(stored.rows[0]?.reason ?? [])
        .toString('utf8')
        .includes('dormir'),
      'reason is encrypted',
    );
  });

  it('notifies the case owner of an answer with the person, the need and a link to the reception', async () => {
    const sent = await rosa.post(`/api/reintegration/receptions/${receptionId}/referrals`, {
      area: 'legal_identity',
      toServiceId: ids.registry,
      reason: 'Acta de nacimiento.',
      sharedFields: ['name'],
    });
    // The registry does not receive referrals online: the platform refuses, the external form is the way.
    assert.equal(sent.statusCode, 400, sent.body);
    assert.equal((sent.json() as { code: string }).code, 'referrals.service_not_receiving');
    const online = await rosa.post(`/api/reintegration/receptions/${receptionId}/referrals`, {
      area: 'housing',
      toServiceId: ids.tijuanaHousing,
      reason: 'Segunda opción de vivienda.',
      sharedFields: ['name'],
    });
    assert.equal(online.statusCode, 201, online.body);
    const referralId = (online.json() as { plan: PlanItem[] }).plan.find((p) => p.kind === 'platform')?.referralId;
    // The receiving organisation's intake hears of it, with the name the sender chose to share.
    const intake = (await partner.get('/api/notifications')).json() as {
      items: { kind: string; link: string | null; about: { person: string | null; service: string | null } | null }[];
    };
    const received = intake.items.find((i) => i.kind === 'referral.received');
    assert.deepEqual(
      { link: received?.link, person: received?.about?.person, service: received?.about?.service },
      { link: '/referrals', person: 'Jorge Ramírez Soto', service: 'Casa de medio camino Tijuana (Ejemplo)' },
    );
    const declined = await partner.post(`/api/referrals/${referralId}/decline`, {
      reason: 'Solo recibimos en Tijuana.',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    const bell = (await rosa.get('/api/notifications')).json() as {
      items: {
        kind: string;
        link: string | null;
        about: { person: string | null; service: string | null; area: string | null } | null;
      }[];
    };
    const n = bell.items.find((i) => i.kind === 'referral.declined');
    assert.deepEqual(n?.about, {
      person: 'Jorge Ramírez Soto',
      reference: null,
      service: 'Casa de medio camino Tijuana (Ejemplo)',
      area: 'housing',
      org: (n?.about as { org: string } | null)?.org,
      date: null,
      place: null,
    });
    assert.ok(n?.about && (n.about as { org: string | null }).org, 'the receiving organisation is named');
    assert.equal(n?.link, `/reintegration/${receptionId}`);
    const follow = await rosa.get(n?.link ? `/api/reintegration/receptions/${receptionId}` : '/none');
    assert.equal(follow.statusCode, 200, 'the recipient can open what the link shows');
  });

  it("erases the external referrals' texts when the person asks to be erased", async () => {
    await h().createAccount({ org: 'retorno', email: 'admin@retorno.example', role: 'admin' });
    const admin = await h().login('admin@retorno.example');
    const erased = await admin.request({ method: 'DELETE', url: `/api/people/${jorgeId}` });
    assert.equal(erased.statusCode, 204, erased.body);
    const { rows } = await h().ctx.db.query<{ org_id: string; reason: Uint8Array; contact: unknown; decline: unknown }>(
      'SELECT org_id::text AS org_id, reason, contact, decline_reason AS decline FROM external_referrals WHERE person_id = $1',
      [jorgeId],
    );
    assert.equal(rows.length, 1, 'the row stays, so the counts stay true');
    const row = rows[0] as (typeof rows)[number];
    assert.equal(await h().ctx.keyring.decrypt(row.org_id, 'external_referrals.reason', row.reason), '');
    assert.deepEqual([row.contact, row.decline], [null, null]);
  });
});
