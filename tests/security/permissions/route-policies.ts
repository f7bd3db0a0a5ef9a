// The expected policy of every API route. The route-permission test reads the route list from
// the OpenAPI document and fails for any route missing here: a new route must say who may call it.
//   public   answers without a session
//   session  any signed-in account, acting on itself (its profile, its notifications, its agenda feed)
//   org      an organisation-level decision: can(actor, action, {type, orgId: own organisation})
//   list     a list filtered in SQL: allowed when the role has some read scope on the type
//   record   one record at each scope (own, team, org, shared, other): can(actor, action, record)
import { createHash } from 'node:crypto';
import { sealReportFile } from '../../../apps/server/src/reports/report-crypto.ts';
import { can, listScope, type Action, type RecordType, type Role } from '@acompana/core';
import { legalIdentityService } from '../../../apps/server/src/directory/directory-fixtures.ts';
import type { Target, TargetKind } from './targets.ts';
import { jpeg } from './targets.ts';
import { policyRecordOf, type Scope, type World } from './world.ts';
import { sharingAndAuditPolicies } from './route-policies-admin.ts';
import { federationPolicies } from './route-policies-federation.ts';
import { signInPolicies } from './route-policies-signin.ts';
import { accountLifecyclePolicies } from './route-policies-accounts.ts';
import { portalContentPolicies } from './route-policies-portal.ts';
import { incidentLinkPolicies } from './route-policies-incidents.ts';
import { intakePolicies } from './route-policies-intake.ts';
import { matchConfirmationPolicies } from './route-policies-missing.ts';
import { amPmPolicies } from './route-policies-ampm.ts';
import { returnsPolicies } from './route-policies-returns.ts';
import { filingPolicies } from './route-policies-filings.ts';

type Body = (t: Target, w: World) => unknown;

export interface RecordPolicy {
  kind: 'record';
  record: RecordType;
  action: Action;
  target: TargetKind;
  body?: Body;
  query?: (t: Target) => string;
  /** Path parameters other than the target's own ids (named as in the path). */
  params?: (t: Target) => Record<string, string>;
  raw?: { payload: Buffer; headers: Record<string, string> };
  /** Make a new target for every call (the call deletes or consumes it). */
  fresh?: boolean;
  /** Scopes that make sense for the record (directory entries have no owner or team). */
  scopes?: readonly Scope[];
  /** When the decision is not the plain can() on the target, the rule, in code. */
  expect?: (w: World, role: Role, scope: Scope) => boolean;
}

export type RoutePolicy =
  | { kind: 'public' }
  | {
      kind: 'session';
      fresh?: boolean;
      body?: (w: World) => unknown;
      params?: (w: World) => Record<string, string>;
      /** For a route on the actor's own things: one of them (by role), and one of somebody else's, which must be refused. */
      own?: (w: World, role: Role) => Promise<Record<string, string>>;
      others?: (w: World) => Promise<Record<string, string>>;
    }
  | {
      kind: 'org';
      record: RecordType;
      action: Action;
      body?: (w: World) => unknown;
      query?: string;
      params?: (w: World) => Record<string, string> | Promise<Record<string, string>>;
      raw?: RecordPolicy['raw'];
    }
  | { kind: 'list'; record: RecordType; query?: string; body?: (w: World) => unknown }
  | RecordPolicy;

const actorCan = (w: World, role: Role, action: Action, type: RecordType, scope: Scope) =>
  can(w.actorOf(role), action, policyRecordOf(w, type, scope, role));
const inOwnOrg = (scope: Scope) => scope !== 'shared' && scope !== 'other';
/** Parts of a person's file that are never shared with partners (screenings, procedures, consents). */
const ownOrgPerson = (action: Action) => (w: World, role: Role, scope: Scope) =>
  inOwnOrg(scope) && actorCan(w, role, action, 'person', scope);
/** Creating a record of `type` about a person: the actor becomes its owner. */
const createsAbout = (type: RecordType) => (w: World, role: Role, scope: Scope) =>
  inOwnOrg(scope) &&
  actorCan(w, role, 'read', 'person', scope) &&
  can(w.actorOf(role), 'create', { type, orgId: w.orgs.A, ownerId: w.accounts[role], teamId: w.teams.T1 });
/** Creating a record of `type` that takes the person's owner and team (a referral). */
const createsForPerson = (type: RecordType) => (w: World, role: Role, scope: Scope) =>
  inOwnOrg(scope) && actorCan(w, role, 'read', 'person', scope) && actorCan(w, role, 'create', type, scope);
const orgCan = (type: RecordType, action: Action) => (w: World, role: Role) =>
  can(w.actorOf(role), action, { type, orgId: w.orgs.A });

const person = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'person',
  action,
  target: 'person',
  ...extra,
});
const procedure = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'procedure',
  action,
  target: 'procedure',
  ...extra,
});
const incident = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'incident',
  action,
  target: 'incident',
  ...extra,
});
const directory = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'directory_entry',
  action,
  target: 'directory_service',
  scopes: ['org', 'shared', 'other'],
  ...extra,
});

/** A tracing request received by organisation A is decided by the organisation as a whole. */
const tracing = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'missing_report',
  action,
  target: 'tracing_received',
  scopes: ['org', 'other'],
  expect: (w, role, scope) =>
    scope === 'org' && can(w.actorOf(role), action, { type: 'missing_report', orgId: w.orgs.A }),
  ...extra,
});
const household = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'person',
  action,
  target: 'household',
  expect: (w, role, scope) => inOwnOrg(scope) && actorCan(w, role, action, 'person', scope),
  ...extra,
});
const sent = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'referral',
  action,
  target: 'referral_sent',
  ...extra,
});
/** The receiver's copy belongs to the receiving organisation as a whole (its intake). */
const received = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'referral',
  action,
  target: 'referral_received',
  scopes: ['org', 'other'],
  expect: (w, role, scope) => scope === 'org' && can(w.actorOf(role), action, { type: 'referral', orgId: w.orgs.A }),
  ...extra,
});
const releaseBody = (w: World) => ({
  title: 'Boletín de prueba',
  periodFrom: '2025-10',
  periodTo: '2025-10',
  tables: ['incidents.acts'],
  orgIds: [w.orgs.A, w.orgs.B],
});
const referralBody = (t: Target, w: World) => ({
  personId: t.personId,
  toOrgId: w.orgs.C,
  urgency: 'routine',
  reason: 'Prueba.',
  sharedFields: ['name'],
});

export const routePolicies: Record<string, RoutePolicy> = {
  'GET /api/health': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'GET /api/public/hsds/services': { kind: 'public' },
  'GET /api/public/hsds/services/{id}': { kind: 'public' },
  'GET /api/public/hsds/areas': { kind: 'public' },
  'GET /api/public/releases': { kind: 'public' },
  'GET /api/public/releases/{id}': { kind: 'public' },
  'GET /api/public/releases/{id}/download': { kind: 'public' },

  'POST /api/auth/logout': { kind: 'session', fresh: true },
  'POST /api/auth/logout-all': { kind: 'session', fresh: true },
  'POST /api/auth/totp/setup': { kind: 'session', fresh: true },
  'POST /api/auth/totp/confirm': { kind: 'session', fresh: true, body: () => ({ code: '000000' }) },
  'GET /api/me': { kind: 'session' },
  // What the account may do and its "Hoy" home are computed for the signed-in account itself (decision 0134).
  'GET /api/me/capabilities': { kind: 'session' },
  'PUT /api/me/locale': { kind: 'session', body: () => ({ locale: 'es' }) },
  'GET /api/home/today': { kind: 'session' },
  'POST /api/me/active-org': { kind: 'session', fresh: true, body: (w) => ({ orgId: w.orgs.A }) },
  'GET /api/screening/questionnaires': { kind: 'session' },
  'GET /api/incidents/vocabulary': { kind: 'session' },
  'GET /api/missing/notifications': { kind: 'session' },
  'POST /api/agenda/feed': { kind: 'session', fresh: true },
  'DELETE /api/agenda/feed': { kind: 'session', fresh: true },
  'GET /api/calendars/{calendarId}/declared-days': {
    kind: 'session',
    params: () => ({ calendarId: 'mx-federal-admin' }),
  },

  'GET /api/admin/audit/verify': { kind: 'org', record: 'audit_log', action: 'read' },
  'GET /api/admin/backups': { kind: 'org', record: 'audit_log', action: 'read' },
  'GET /api/admin/accounts': { kind: 'org', record: 'account', action: 'read' },
  'POST /api/admin/accounts': {
    kind: 'org',
    record: 'account',
    action: 'create',
    body: () => ({
      // An invitation (decision 0129) to a current member: refused as taken once allowed, without
      // needing the e-mail server this test runs without.
      email: 'x@perm-a.example',
      displayName: 'Cuenta Nueva',
      role: 'caseworker',
    }),
  },
  'PUT /api/admin/accounts/{accountId}/role': {
    kind: 'org',
    record: 'membership',
    action: 'update',
    body: () => ({ role: 'caseworker' }),
    params: (w) => ({ accountId: w.accounts.X }),
  },
  'GET /api/admin/settings/security': { kind: 'org', record: 'org_settings', action: 'read' },
  'PUT /api/admin/settings/security': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ totpRequiredRoles: [] }),
  },
  'POST /api/calendars/{calendarId}/declared-days': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    params: () => ({ calendarId: 'mx-federal-admin' }),
    body: () => ({
      date: '2030-05-02',
      reasonEs: 'Día inhábil de prueba',
      reasonEn: 'Test non-working day',
      source: 'DOF de prueba https://dof.gob.mx/',
    }),
  },
  'GET /api/stats/{indicator}': {
    kind: 'org',
    record: 'statistics',
    action: 'read',
    params: () => ({ indicator: 'people.registered' }),
  },

  'POST /api/people': {
    kind: 'org',
    record: 'person',
    action: 'create',
    body: () => ({ givenNames: 'Persona Nueva', surnames: 'Prueba' }),
  },
  'GET /api/people': { kind: 'list', record: 'person' },
  'POST /api/people/duplicate-check': {
    kind: 'list',
    record: 'person',
    body: () => ({ givenNames: 'Kevin', surnames: 'Alvarenga' }),
  },
  'GET /api/people/{id}': person('read'),
  'PATCH /api/people/{id}': person('update', { body: () => ({ version: 1, notes: 'cambio' }) }),
  'DELETE /api/people/{id}': person('delete', { fresh: true }),
  'GET /api/people/{id}/export': person('export'),
  // A partner that may read a shared person also sees the consents that allow it.
  'GET /api/people/{id}/consents': person('read'),
  'POST /api/people/{id}/consents': person('update', { body: () => ({ purpose: 'statistics', method: 'signed' }) }),
  'POST /api/people/{id}/consents/{consentId}/withdraw': person('update', { fresh: true }),
  'POST /api/people/{id}/screenings': person('update', {
    expect: ownOrgPerson('update'),
    body: () => ({ questionnaireId: 'international_protection', answers: { fear_of_return: false } }),
  }),
  'GET /api/people/{id}/screenings': person('read', { expect: ownOrgPerson('read') }),
  'GET /api/people/{id}/procedures': person('read', { expect: ownOrgPerson('read') }),

  'POST /api/procedures': person('create', {
    expect: createsAbout('procedure'),
    body: (t) => ({ personId: t.id, type: 'mx.comar.refugee_status' }),
  }),
  'GET /api/procedures/{id}': procedure('read'),
  'PUT /api/procedures/{id}/steps/{step}': procedure('update', { body: () => ({ trigger: '2025-03-10' }) }),
  'POST /api/procedures/{id}/steps/{step}/complete': procedure('update', {
    body: () => ({ completedOn: '2025-04-21' }),
  }),
  'PUT /api/procedures/{id}/stage': procedure('update', { body: () => ({ stage: 'filed', version: 1 }) }),
  'GET /api/agenda': { kind: 'list', record: 'procedure' },

  'POST /api/incidents': {
    kind: 'org',
    record: 'incident',
    action: 'create',
    body: () => ({
      title: 'Evento nuevo',
      narrative: 'Narración sintética.',
      start: { date: '2025-05-18', precision: 'day' },
      place: { country: 'MX', stateCode: '07' },
    }),
  },
  'GET /api/incidents': { kind: 'list', record: 'incident' },
  'GET /api/incidents/{id}': incident('read'),
  'POST /api/incidents/{id}/victims': incident('update', { body: () => ({ count: 1 }) }),
  'POST /api/incidents/{id}/perpetrators': incident('update', { body: () => ({ institution: 'unknown' }) }),
  'POST /api/incidents/{id}/acts': incident('update', { body: (t) => ({ type: 'robbery', victimIds: [t.victimId] }) }),
  'POST /api/incidents/{id}/complaints': incident('update', {
    body: () => ({ authority: 'cndh', fileNumber: 'CNDH/PRUEBA/2', filedOn: '2025-05-21' }),
  }),
  'PUT /api/incidents/{id}/complaints/{complaintId}/status': incident('update', {
    body: () => ({ status: 'admitted', changedOn: '2025-06-02', version: 1 }),
  }),
  'PUT /api/incidents/{id}/evidence': incident('update', {
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg', 'x-file-name': 'otra.jpg' } },
  }),
  'GET /api/incidents/{id}/evidence/{eid}': incident('read'),
  'GET /api/incidents/{id}/evidence/{eid}/verify': incident('read'),
  'GET /api/incidents/{id}/evidence/{eid}/custody': incident('read'),
  'GET /api/incidents/summary': { kind: 'list', record: 'incident' },
  // A batch export: only the chosen events the actor may export come out (others are skipped).
  'POST /api/incidents/export': {
    kind: 'org',
    record: 'incident',
    action: 'export',
    body: () => ({ format: 'csv', ids: ['00000000-0000-4000-8000-000000000000'] }),
  },
  'PATCH /api/incidents/{id}': incident('update', { body: () => ({ version: 1, confidentiality: 'internal' }) }),
  'GET /api/incidents/{id}/report.pdf': incident('export'),
  'POST /api/incidents/{id}/protection': incident('update', {
    body: () => ({ measure: 'panic_button', authority: 'federal_mechanism', on: '2025-06-02' }),
  }),
  'PUT /api/incidents/{id}/protection/{measureId}/stage': incident('update', {
    body: () => ({ stage: 'granted', on: '2025-06-03', version: 1 }),
  }),

  'POST /api/missing/reports': {
    kind: 'org',
    record: 'missing_report',
    action: 'create',
    body: () => ({ givenNames: 'Buscado', surnames: 'Prueba' }),
  },
  'GET /api/missing/reports': { kind: 'list', record: 'missing_report' },
  'GET /api/missing/reports/{id}': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
  },
  'GET /api/missing/reports/{id}/candidates': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
  },
  'POST /api/missing/reports/{id}/rematch': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
  },
  'POST /api/missing/candidates/{id}/review': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    fresh: true,
    params: (t) => ({ id: t.candidateId ?? '' }),
    body: () => ({ decision: 'rejected', note: 'No es la misma persona.' }),
  },
  'GET /api/missing/candidates': { kind: 'list', record: 'missing_report', query: 'status=pending&limit=5' },
  'GET /api/missing/candidates/{id}': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
    params: (t) => ({ id: t.candidateId ?? '' }),
  },
  'POST /api/missing/reports/{id}/photos': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg' } },
  },
  'POST /api/missing/found/{id}/photos': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'found_record',
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg' } },
  },
  'GET /api/missing/photos/{id}': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
    params: (t) => ({ id: t.photoId ?? '' }),
  },
  'DELETE /api/missing/photos/{id}': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    fresh: true,
    params: (t) => ({ id: t.photoId ?? '' }),
  },
  'POST /api/missing/found': {
    kind: 'org',
    record: 'missing_report',
    action: 'create',
    body: () => ({ kind: 'unidentified_remains' }),
  },
  'GET /api/missing/found': { kind: 'list', record: 'missing_report' },
  'GET /api/missing/found/{id}': { kind: 'record', record: 'missing_report', action: 'read', target: 'found_record' },
  'POST /api/missing/reports/{id}/status': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    body: () => ({ status: 'open', version: 1 }),
  },
  'POST /api/missing/found/{id}/status': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'found_record',
    body: () => ({ status: 'unidentified', version: 1 }),
  },
  // Tracing requests (docs/decisions/0121): the report's owner side sends; the partner organisation decides.
  'PUT /api/missing/reports/{id}/trace-consent': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    body: () => ({ givenBy: 'Rosa Prueba', method: 'signed', date: '2025-05-01' }),
  },
  'DELETE /api/missing/reports/{id}/trace-consent': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    fresh: true,
  },
  'GET /api/missing/reports/{id}/tracing': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
  },
  'GET /api/missing/tracing/partners': { kind: 'list', record: 'missing_report' },
  'GET /api/missing/tracing': { kind: 'list', record: 'missing_report', query: 'direction=outgoing' },
  'POST /api/missing/tracing': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    fresh: true,
    body: (t, w) => ({ reportId: t.id, toOrgId: w.orgs.B }),
  },
  'GET /api/missing/tracing/{id}': tracing('read'),
  'POST /api/missing/tracing/{id}/accept': tracing('update', {
    body: () => ({ share: [{ referenceId: '00000000-0000-4000-8000-000000000000', fields: ['givenNames'] }] }),
  }),
  'POST /api/missing/tracing/{id}/decline': tracing('update', { fresh: true }),

  'GET /api/directory/entries': { kind: 'list', record: 'directory_entry' },
  'GET /api/directory/entries/stale': { kind: 'list', record: 'directory_entry' },
  'POST /api/directory/services': {
    kind: 'org',
    record: 'directory_entry',
    action: 'create',
    body: () => legalIdentityService(),
  },
  'GET /api/directory/services/{id}': directory('read', {
    expect: (w, role) => listScope(w.actorOf(role), 'read', 'directory_entry') !== undefined,
  }),
  'PUT /api/directory/services/{id}': directory('update', {
    body: (t) => ({ ...legalIdentityService(), id: t.id, version: Number(t.version) }),
  }),
  'DELETE /api/directory/services/{id}': directory('delete', { fresh: true }),
  'POST /api/directory/services/{id}/verify': directory('update'),
  'GET /api/directory/hsds/export': { kind: 'org', record: 'directory_entry', action: 'read' },
  'POST /api/directory/hsds/import': {
    kind: 'org',
    record: 'directory_entry',
    action: 'create',
    body: () => ({ contents: [legalIdentityService()] }),
  },
};

const caseRecord = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'case',
  action,
  target: 'case',
  ...extra,
});
const caseFile = { raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg', 'x-file-name': 'otra.jpg' } } };

/** A notification addressed to an account (only references, as the server writes them). */
async function notificationFor(w: World, accountId: string): Promise<Record<string, string>> {
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    "INSERT INTO notifications (account_id, org_id, kind, record_type, record_id) VALUES ($1, $2, 'test', 'person', gen_random_uuid()) RETURNING id::text AS id",
    [accountId, w.orgs.A],
  );
  return { id: rows[0]?.id ?? '' };
}

Object.assign(routePolicies, {
  'POST /api/cases': person('create', { expect: createsAbout('case'), body: (t) => ({ personId: t.id }) }),
  'GET /api/cases': { kind: 'list', record: 'case' },
  'GET /api/cases/assignees': { kind: 'list', record: 'case' },
  'GET /api/cases/{id}': caseRecord('read'),
  'PATCH /api/cases/{id}': caseRecord('update', { body: () => ({ version: 1, status: 'active' }) }),
  'POST /api/cases/{id}/close': caseRecord('update', { body: () => ({ version: 1, reason: 'Prueba de permisos.' }) }),
  'POST /api/cases/{id}/reopen': caseRecord('update', { body: () => ({ version: 1, reason: 'Prueba de permisos.' }) }),
  'POST /api/cases/{id}/tasks': caseRecord('update', { body: () => ({ description: 'Otra tarea.' }) }),
  'PATCH /api/cases/{id}/tasks/{taskId}': caseRecord('update', { body: () => ({ version: 1, done: true }) }),
  'GET /api/cases/{id}/notes': caseRecord('read'),
  'POST /api/cases/{id}/notes': caseRecord('update', { body: () => ({ text: 'Nota de prueba.' }) }),
  'GET /api/cases/{id}/timeline': caseRecord('read'),
  'GET /api/cases/{id}/attachments': caseRecord('read'),
  'PUT /api/cases/{id}/attachments': caseRecord('update', caseFile),
  'GET /api/cases/{id}/attachments/{aid}': caseRecord('read'),

  // Households are personal data of their members: the person grants, inside the organisation only.
  'POST /api/households': person('create', {
    expect: createsAbout('person'),
    body: (t) => ({ kind: 'family', members: [{ personId: t.id, relationship: 'self' }] }),
  }),
  'GET /api/households': { kind: 'list', record: 'person' },
  'GET /api/households/{id}': household('read'),
  'PATCH /api/households/{id}': household('update', { body: () => ({ version: 1, label: 'Familia de prueba' }) }),
  'POST /api/households/{id}/members': household('update', {
    body: (t) => ({ personId: t.otherId, relationship: 'sibling', version: 1 }),
  }),
  'DELETE /api/households/{id}/members/{personId}': household('update', { fresh: true, query: () => 'version=1' }),
  'PUT /api/households/{id}/members/{personId}/responsible-adult': household('update', {
    body: () => ({ version: 1, responsibleAdultId: null }),
  }),
  'GET /api/people/{id}/households': person('read', { expect: ownOrgPerson('read') }),
  // The differentiated profile, the intake plan and the photo never leave the organisation.
  'PUT /api/people/{id}/profile': person('update', {
    expect: ownOrgPerson('update'),
    body: () => ({ version: 1, indicators: [] }),
  }),
  'GET /api/people/{id}/intake-plan': person('read', { expect: ownOrgPerson('read') }),
  'PUT /api/people/{id}/photo': person('update', {
    expect: ownOrgPerson('update'),
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg' } },
  }),
  'GET /api/people/{id}/photo': person('read', { target: 'person_with_photo', expect: ownOrgPerson('read') }),
  'DELETE /api/people/{id}/photo': person('update', {
    target: 'person_with_photo',
    fresh: true,
    expect: ownOrgPerson('update'),
  }),
  'GET /api/procedures/{id}/timeline': procedure('read'),

  'GET /api/notifications': { kind: 'session' },
  'POST /api/notifications/read-all': { kind: 'session' },
  'POST /api/notifications/{id}/read': {
    kind: 'session',
    own: (w: World, role: Role) => notificationFor(w, w.accounts[role]),
    others: (w: World) => notificationFor(w, w.accounts.X),
  },
  // Jobs are the deployment's machinery: administrators (who may change the organisation's settings).
  'GET /api/admin/jobs': { kind: 'org', record: 'org_settings', action: 'update' },
  'POST /api/admin/jobs/{id}/retry': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    params: async (w: World) => {
      const { rows } = await w.h.ctx.db.query<{ id: string }>(
        "INSERT INTO jobs (kind, org_id, status, last_error) VALUES ('test.permissions', $1, 'failed', 'boom') RETURNING id::text AS id",
        [w.orgs.A],
      );
      return { id: rows[0]?.id ?? '' };
    },
  },
  // The organisation's overview: roles that read every procedure of the organisation.
  'GET /api/procedures/overview': { kind: 'org', record: 'procedure', action: 'read' },
  'POST /api/referrals': person('create', {
    expect: createsForPerson('referral'),
    body: (t, w) => referralBody({ id: t.id, personId: t.id }, w),
  }),
  'GET /api/referrals': { kind: 'list', record: 'referral' },
  'GET /api/referrals/preview': person('read', {
    expect: createsForPerson('referral'),
    query: (t) => `personId=${t.id}&fields=name`,
  }),
  'GET /api/referrals/{id}': sent('read'),
  'GET /api/referrals/{id}/preview': sent('read'),
  'POST /api/referrals/{id}/accept': received('update'),
  'POST /api/referrals/{id}/decline': received('update', { body: () => ({ reason: 'Sin cupo.' }) }),
  'POST /api/referrals/{id}/redirect': received('update', { body: (_t: Target, w: World) => ({ toOrgId: w.orgs.C }) }),
  'POST /api/referrals/{id}/complete': received('update', { body: () => ({ outcome: 'Atendida.' }) }),
  'POST /api/referrals/{id}/close': sent('update', { body: () => ({ note: 'Ya no espera.' }) }),
} satisfies Record<string, RoutePolicy>);

/** A stored monthly report of organisation A (what the monthly job writes). */
async function reportFile(w: World): Promise<Record<string, string>> {
  const pdf = Buffer.from('%PDF-1.4 informe de prueba');
  const sealed = await sealReportFile(w.h.ctx.keyring, w.orgs.A, pdf);
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    "INSERT INTO report_files (org_id, kind, period_from, period_to, lang, content, size_bytes, sha256) VALUES ($1, 'monthly', '2025-10', '2025-10', 'es', $2, $3, $4) RETURNING id::text AS id",
    [w.orgs.A, sealed, pdf.length, createHash('sha256').update(pdf).digest('hex')],
  );
  return { id: rows[0]?.id ?? '' };
}

// Return and reintegration, consular help and family files use the case grants (docs/decisions/0120).
const onCase = (target: TargetKind, action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'case',
  action,
  target,
  expect: (w, role, scope) => inOwnOrg(scope) && actorCan(w, role, action, 'case', scope),
  ...extra,
});
Object.assign(routePolicies, {
  'POST /api/reintegration/receptions': person('create', {
    expect: createsAbout('case'),
    body: (t) => ({
      personId: t.id,
      receivedOn: '2025-05-01',
      arrivalMode: 'land',
      portOfEntry: 'Nuevo Laredo',
      returnedFrom: 'US',
      returningAuthority: 'cbp',
    }),
  }),
  'GET /api/reintegration/receptions': { kind: 'list', record: 'case' },
  'GET /api/reintegration/receptions/{id}': onCase('reception', 'read'),
  'PUT /api/reintegration/receptions/{id}/assessment': onCase('reception', 'update', {
    body: () => ({ assessedOn: '2025-05-03', needs: [] }),
  }),
  'POST /api/reintegration/receptions/{id}/referrals': onCase('reception', 'update', {
    expect: (w, role, scope) =>
      inOwnOrg(scope) && actorCan(w, role, 'update', 'case', scope) && actorCan(w, role, 'create', 'referral', scope),
    body: (_t: Target, w: World) => ({
      area: 'legal_identity',
      toOrgId: w.orgs.C,
      reason: 'Prueba.',
      sharedFields: ['name'],
    }),
  }),
  'GET /api/reintegration/follow-ups': { kind: 'list', record: 'case' },
  'POST /api/reintegration/follow-ups/{id}': onCase('reception', 'update', {
    params: (t) => ({ id: t.followUpId ?? '' }),
    body: () => ({ doneOn: '2025-06-01', outcome: 'progressing' }),
  }),
  'POST /api/consular-requests': person('create', {
    expect: createsAbout('case'),
    body: (t) => ({
      personId: t.id,
      consulateCountry: 'GT',
      consulateCity: 'Tapachula',
      kind: 'notification',
      requestedOn: '2025-05-01',
    }),
  }),
  'GET /api/consular-requests': { kind: 'list', record: 'case' },
  'POST /api/consular-requests/{id}/outcome': onCase('consular_request', 'update', {
    body: () => ({ version: 1, status: 'granted', outcomeOn: '2025-05-10' }),
  }),
  'POST /api/families': { kind: 'org', record: 'case', action: 'create', body: () => ({ label: 'Familia nueva' }) },
  'GET /api/families': { kind: 'list', record: 'case' },
  'GET /api/families/{id}': onCase('family', 'read'),
  'POST /api/families/{id}/members': onCase('family', 'update', {
    body: () => ({ name: 'Otro Miembro', relationship: 'hermano' }),
  }),
  // A link points to a partner's person: the actor must also be able to read people shared with them.
  'POST /api/families/{id}/links': onCase('family', 'update', {
    fresh: true,
    expect: (w, role, scope) =>
      inOwnOrg(scope) && actorCan(w, role, 'update', 'case', scope) && actorCan(w, role, 'read', 'person', 'shared'),
    body: (t) => ({ linkedPersonId: t.linkedPersonId, relationship: 'madre' }),
  }),
  'PUT /api/families/{id}/members/{memberId}': onCase('family', 'update', {
    body: () => ({ location: 'Estación migratoria de prueba' }),
  }),
  // The member here is not a registered child: whoever may work on the family is told so (400);
  // opening the child's case itself is then decided by the case grants.
  'POST /api/families/{id}/members/{memberId}/case': onCase('family', 'update'),
  'POST /api/families/{id}/tracing': onCase('family', 'update', {
    body: (t) => ({ memberId: t.memberId, channel: 'consulate', requestedOn: '2025-05-02' }),
  }),
  'POST /api/families/{id}/tracing/{tracingId}': onCase('family', 'update', {
    fresh: true,
    body: () => ({ status: 'located', closedOn: '2025-05-20' }),
  }),
  'POST /api/families/{id}/plan': onCase('family', 'update', { body: () => ({ title: 'Otro paso' }) }),
  'POST /api/families/{id}/plan/{stepId}/done': onCase('family', 'update', {
    fresh: true,
    body: () => ({ doneOn: '2025-05-21' }),
  }),
  'POST /api/families/{id}/reunify': onCase('family', 'update', {
    body: () => ({ version: 1, reunifiedOn: '2025-06-01' }),
  }),
} satisfies Record<string, RoutePolicy>);

// Statistics and reports: organisation-level decisions on the statistics record type.
Object.assign(routePolicies, {
  'GET /api/stats': { kind: 'org', record: 'statistics', action: 'read' },
  // Network releases (decision 0127): preparing and publishing is `create` on statistics.
  'GET /api/stats/releases': { kind: 'org', record: 'statistics', action: 'read' },
  'POST /api/stats/releases/preview': {
    kind: 'org',
    record: 'statistics',
    action: 'create',
    body: (w) => releaseBody(w),
  },
  'POST /api/stats/releases': { kind: 'org', record: 'statistics', action: 'create', body: (w) => releaseBody(w) },
  'GET /api/stats/participation': { kind: 'org', record: 'org_settings', action: 'read' },
  'PUT /api/stats/participation': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ excludeLevels: ['internal'] }),
  },
  'GET /api/stats/{indicator}/export': {
    kind: 'org',
    record: 'statistics',
    action: 'export',
    params: () => ({ indicator: 'people.registered' }),
    query: 'format=csv',
  },
  'GET /api/reports/statistics.pdf': {
    kind: 'org',
    record: 'statistics',
    action: 'export',
    query: 'from=2025-10&to=2025-10',
  },
  'GET /api/reports/schedule': { kind: 'org', record: 'statistics', action: 'export' },
  'PUT /api/reports/schedule': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ enabled: true, lang: 'es', email: false }),
  },
  'DELETE /api/reports/schedule': { kind: 'org', record: 'org_settings', action: 'update' },
  'GET /api/reports/files': { kind: 'org', record: 'statistics', action: 'export' },
  'GET /api/reports/files/{id}': { kind: 'org', record: 'statistics', action: 'export', params: reportFile },
} satisfies Record<string, RoutePolicy>);

export { actorCan, orgCan };

// Sharing agreements and the audit log (decision 0128), declared in their own file.
Object.assign(routePolicies, sharingAndAuditPolicies);
// Peering with other deployments (decision 0145), in its own file.
Object.assign(routePolicies, federationPolicies);

Object.assign(routePolicies, accountLifecyclePolicies);

// Passkeys and sign-in with the organisation's provider (decision 0130), in their own file.
Object.assign(routePolicies, signInPolicies);

// The public portal's content (decision 0117), in its own file.
Object.assign(routePolicies, portalContentPolicies);
Object.assign(routePolicies, incidentLinkPolicies);
Object.assign(routePolicies, intakePolicies);

// Four-eyes confirmation of missing-person matches (decision 0138), in its own file.
Object.assign(routePolicies, matchConfirmationPolicies);
// Ante-mortem / post-mortem records and the forensic workflow (decision 0147), in their own file.
Object.assign(routePolicies, amPmPolicies);

// Procedure filings: record with a receipt, undo, download (in their own file).
Object.assign(routePolicies, filingPolicies);

// Referrals to any directory service, ranked for the person; external referrals (decision 0139).
Object.assign(routePolicies, returnsPolicies);
