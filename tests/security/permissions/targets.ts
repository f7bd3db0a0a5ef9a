// Records of each kind at each scope, made through the API by an administrator of their
// organisation and then placed in the scope (see world.ts). A target is the set of ids a route's
// path and body need: the record's `id` and those of its parts (a consent, a complaint, a file…).
import type { Role } from '@acompana/core';
import { legalIdentityService } from '../../../apps/server/src/directory/directory-fixtures.ts';
import { created, place, placement, type Scope, type World } from './world.ts';

export type Target = { id: string } & Record<string, string>;

export const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);

const adminOf = (w: World, scope: Scope, role: Role) => w.admins[placement(w, scope, role).org];

async function person(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const p = created(
    'person',
    await admin.post('/api/people', {
      givenNames: 'Kevin Permiso',
      surnames: 'Alvarenga Prueba',
      birthDate: '2001-03-14',
      sex: 'M',
      nationality: 'HN',
    }),
  );
  const purposes = scope === 'shared' ? ['sharing', 'referral', 'care'] : ['referral', 'care'];
  let consentId = '';
  for (const purpose of purposes)
    consentId = created('consent', await admin.post(`/api/people/${p.id}/consents`, { purpose, method: 'signed' })).id;
  await place(w, 'people', p.id, scope, role);
  return { id: p.id, personId: p.id, consentId };
}

async function procedure(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const owner = await person(w, scope, role);
  const p = created(
    'procedure',
    await admin.post('/api/procedures', { personId: owner.id, type: 'mx.comar.refugee_status' }),
  );
  // A filing with its receipt, for the routes that undo one or download the receipt.
  await admin.put(`/api/procedures/${p.id}/steps/application`, { trigger: '2025-03-10' });
  const filed = created(
    'filing',
    await admin.request({
      method: 'POST',
      url: `/api/procedures/${p.id}/steps/application/filing?filedOn=2025-03-12`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'acuse.jpg' },
    }),
  ) as unknown as { steps: { key: string; filing?: { id: string } | null }[] };
  const filingId = filed.steps.find((s) => s.key === 'application')?.filing?.id ?? '';
  await place(w, 'procedures', p.id, scope, role);
  return { id: p.id, personId: owner.id, step: 'application', filingId };
}

async function incident(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const e = created(
    'incident',
    await admin.post('/api/incidents', {
      title: 'Robo en el tren (prueba de permisos)',
      narrative: 'Narración sintética.',
      start: { date: '2025-05-18', precision: 'day' },
      place: { country: 'MX', stateCode: '07' },
      contextTags: ['train'],
    }),
  );
  const withVictim = created('victim', await admin.post(`/api/incidents/${e.id}/victims`, { count: 2 })) as unknown as {
    victims: { id: string }[];
  };
  const withComplaint = created(
    'complaint',
    await admin.post(`/api/incidents/${e.id}/complaints`, {
      authority: 'cndh',
      fileNumber: 'CNDH/PRUEBA/1',
      filedOn: '2025-05-20',
    }),
  ) as unknown as { complaints: { id: string }[] };
  const evidence = created(
    'evidence',
    await admin.request({
      method: 'PUT',
      url: `/api/incidents/${e.id}/evidence`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'foto.jpg' },
    }),
  );
  const measure = created(
    'protection measure',
    await admin.post(`/api/incidents/${e.id}/protection`, {
      measure: 'panic_button',
      authority: 'federal_mechanism',
      on: '2025-06-01',
    }),
  ) as unknown as { protectionMeasures: { id: string }[] };
  const measureId = measure.protectionMeasures[0]?.id ?? '';
  await place(w, 'incident_events', e.id, scope, role);
  return {
    id: e.id,
    victimId: withVictim.victims[0]?.id ?? '',
    complaintId: withComplaint.complaints[0]?.id ?? '',
    eid: evidence.id,
    measureId,
  };
}

async function missingReport(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const r = created(
    'missing report',
    await admin.post('/api/missing/reports', {
      givenNames: 'Kevin Permiso',
      surnames: 'Alvarenga Prueba',
      sex: 'M',
      birthDate: '2001-03-14',
      nationality: 'HN',
    }),
  );
  created(
    'trace consent',
    await admin.request({ method: 'PUT', url: `/api/missing/reports/${r.id}/trace-consent`, payload: traceConsent }),
  );
  const photo = created(
    'report photo',
    await admin.request({
      method: 'POST',
      url: `/api/missing/reports/${r.id}/photos`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    }),
  );
  await place(w, 'missing_reports', r.id, scope, role);
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    'SELECT id::text AS id FROM match_candidates WHERE report_id = $1 LIMIT 1',
    [r.id],
  );
  return { id: r.id, candidateId: rows[0]?.id ?? '', photoId: photo.id };
}

const traceConsent = { givenBy: 'Rosa Prueba', relationship: 'madre', method: 'signed', date: '2025-05-01' };

/** A tracing request partner B sent to A (A decides: scope 'org'), or to C (scope 'other'). */
async function tracingReceived(w: World, scope: Scope): Promise<Target> {
  const report = created(
    'missing report',
    await w.admins.B.post('/api/missing/reports', {
      givenNames: 'Kevin Rastreo',
      surnames: 'Alvarenga Prueba',
      sex: 'M',
    }),
  );
  created(
    'trace consent',
    await w.admins.B.request({
      method: 'PUT',
      url: `/api/missing/reports/${report.id}/trace-consent`,
      payload: traceConsent,
    }),
  );
  if (scope === 'other')
    await w.h.ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) SELECT $1, $2, ARRAY['tracing'] WHERE NOT EXISTS (SELECT 1 FROM sharing_agreements WHERE from_org_id = $1 AND to_org_id = $2)",
      [w.orgs.B, w.orgs.C],
    );
  const request = created(
    'tracing request',
    await w.admins.B.post('/api/missing/tracing', {
      reportId: report.id,
      toOrgId: scope === 'other' ? w.orgs.C : w.orgs.A,
    }),
  );
  return { id: request.id };
}

async function foundRecord(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const f = created(
    'found record',
    await admin.post('/api/missing/found', { kind: 'unidentified_remains', sex: 'M', ageMin: 20, ageMax: 30 }),
  );
  await place(w, 'found_records', f.id, scope, role);
  return { id: f.id };
}

async function directoryService(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const s = created(
    'service',
    await admin.post('/api/directory/services', { ...legalIdentityService(), acceptsReferrals: true }),
  ) as unknown as { service: { id: string }; version: number };
  return { id: s.service.id, version: String(s.version) };
}

/** A referral sent by the organisation of the scope (A's at own/team/org; B's and C's to others). */
async function referralSent(w: World, scope: Scope, role: Role): Promise<Target> {
  const owner = await person(w, scope, role);
  const from = placement(w, scope, role).org;
  const to = from === 'C' ? w.orgs.B : w.orgs.C;
  const r = created(
    'referral',
    await w.admins[from].post('/api/referrals', {
      personId: owner.id,
      toOrgId: to,
      urgency: 'routine',
      reason: 'Prueba de permisos.',
      sharedFields: ['name'],
    }),
  );
  return { id: r.id, personId: owner.id };
}

/** An external referral ("canalización externa") recorded by the organisation of the scope. */
async function externalReferral(w: World, scope: Scope, role: Role): Promise<Target> {
  const owner = await person(w, scope, role);
  const from = placement(w, scope, role).org;
  const service = created(
    'service',
    await w.admins[from].post('/api/directory/services', { ...legalIdentityService() }),
  ) as unknown as { service: { id: string } };
  const r = created(
    'external referral',
    await w.admins[from].post('/api/referrals/external', {
      personId: owner.id,
      serviceId: service.service.id,
      channel: 'phone',
      referredOn: '2025-05-01',
      reason: 'Prueba de permisos.',
    }),
  );
  return { id: r.id, personId: owner.id };
}

/** A referral partner B sent to A (A's intake, scope 'org'), or to C (scope 'other': A is no party). */
async function referralReceived(w: World, scope: Scope, role: Role): Promise<Target> {
  const owner = await person(w, 'shared', role);
  const to = scope === 'other' ? w.orgs.C : w.orgs.A;
  const r = created(
    'referral',
    await w.admins.B.post('/api/referrals', {
      personId: owner.id,
      toOrgId: to,
      urgency: 'routine',
      reason: 'Prueba de permisos.',
      sharedFields: ['name'],
    }),
  );
  return { id: r.id };
}

async function caseOf(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const subject = await person(w, scope, role);
  const c = created('case', await admin.post('/api/cases', { personId: subject.id }));
  const task = created('task', await admin.post(`/api/cases/${c.id}/tasks`, { description: 'Acompañar a la cita.' }));
  const attachment = created(
    'attachment',
    await admin.request({
      method: 'PUT',
      url: `/api/cases/${c.id}/attachments`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'acta.jpg' },
    }),
  );
  await place(w, 'cases', c.id, scope, role, { owner: 'assigned_account_id', team: 'team_id' });
  return { id: c.id, personId: subject.id, taskId: task.id, aid: attachment.id };
}

/** A family of two people of the scope (the second is not yet a member, for "add member"). */
async function household(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const member = await person(w, scope, role);
  const joining = await person(w, scope, role);
  const hh = created(
    'household',
    await admin.post('/api/households', { kind: 'family', members: [{ personId: member.id, relationship: 'self' }] }),
  );
  await place(w, 'households', hh.id, scope, role);
  return { id: hh.id, personId: member.id, otherId: joining.id };
}

async function personWithPhoto(w: World, scope: Scope, role: Role): Promise<Target> {
  const p = await person(w, scope, role);
  created(
    'photo',
    await adminOf(w, scope, role).request({
      method: 'PUT',
      url: `/api/people/${p.id}/photo`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    }),
  );
  return p;
}

/** A reception of a returned person (with its assessment and follow-ups), placed in the scope. */
async function reception(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const subject = await person(w, scope, role);
  const r = created(
    'reception',
    await admin.post('/api/reintegration/receptions', {
      personId: subject.id,
      receivedOn: '2025-05-01',
      arrivalMode: 'air',
      portOfEntry: 'AICM',
      returnedFrom: 'US',
      returningAuthority: 'ice',
    }),
  );
  created(
    'assessment',
    await admin.request({
      method: 'PUT',
      url: `/api/reintegration/receptions/${r.id}/assessment`,
      payload: { assessedOn: '2025-05-02', needs: [] },
    }),
  );
  await place(w, 'reintegration_receptions', r.id, scope, role);
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    'SELECT id::text AS id FROM reintegration_follow_ups WHERE reception_id = $1 ORDER BY due_on LIMIT 1',
    [r.id],
  );
  return { id: r.id, personId: subject.id, followUpId: rows[0]?.id ?? '' };
}

async function consularRequest(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const subject = await person(w, scope, role);
  const c = created(
    'consular request',
    await admin.post('/api/consular-requests', {
      personId: subject.id,
      consulateCountry: 'HN',
      consulateCity: 'Tapachula',
      kind: 'documents',
      requestedOn: '2025-05-01',
    }),
  );
  await place(w, 'consular_requests', c.id, scope, role);
  return { id: c.id, personId: subject.id };
}

/** A family file with one member (not registered), a tracing request and a plan step. */
async function family(w: World, scope: Scope, role: Role): Promise<Target> {
  const admin = adminOf(w, scope, role);
  const f = created('family', await admin.post('/api/families', { label: 'Familia de prueba' })) as unknown as {
    id: string;
    members?: { id: string }[];
  };
  const withMember = created(
    'member',
    await admin.post(`/api/families/${f.id}/members`, { name: 'Hija Prueba', relationship: 'hija', isChild: true }),
  ) as unknown as { members: { id: string }[] };
  const memberId = withMember.members[0]?.id ?? '';
  const withTracing = created(
    'tracing',
    await admin.post(`/api/families/${f.id}/tracing`, { memberId, channel: 'icrc_rfl', requestedOn: '2025-05-01' }),
  ) as unknown as { tracing?: { id: string }[]; tracingRequests?: { id: string }[] };
  const withStep = created(
    'plan step',
    await admin.post(`/api/families/${f.id}/plan`, { title: 'Paso de prueba' }),
  ) as unknown as { plan?: { id: string }[]; planSteps?: { id: string }[] };
  // A partner's person (shared for search, with consent): what a family link points to.
  const linked = await person(w, 'shared', role);
  await place(w, 'families', f.id, scope, role);
  return {
    id: f.id,
    memberId,
    tracingId: (withTracing.tracing ?? withTracing.tracingRequests ?? [])[0]?.id ?? '',
    stepId: (withStep.plan ?? withStep.planSteps ?? [])[0]?.id ?? '',
    linkedPersonId: linked.id,
  };
}

export const targetMakers = {
  reception,
  consular_request: consularRequest,
  family,
  tracing_received: tracingReceived,
  person_with_photo: personWithPhoto,
  household,
  case: caseOf,
  referral_sent: referralSent,
  referral_received: referralReceived,
  external_referral: externalReferral,
  person,
  procedure,
  incident,
  missing_report: missingReport,
  found_record: foundRecord,
  directory_service: directoryService,
} satisfies Record<string, (w: World, scope: Scope, role: Role) => Promise<Target>>;
export type TargetKind = keyof typeof targetMakers;

/** Targets made on demand and kept (one per kind and scope; 'own' ones per role), or fresh ones. */
export function targetCache(
  w: World,
): (kind: TargetKind, scope: Scope, role: Role, fresh?: boolean) => Promise<Target> {
  const made = new Map<string, Target>();
  return async (kind, scope, role, fresh = false) => {
    const key = `${kind}:${scope}:${scope === 'own' ? role : '*'}`;
    const cached = made.get(key);
    if (cached && !fresh) return cached;
    const target = await targetMakers[kind](w, scope, role);
    if (!fresh) made.set(key, target);
    return target;
  };
}
