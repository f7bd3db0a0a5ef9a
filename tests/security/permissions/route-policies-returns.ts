// Route policies of referrals to any directory service (decision 0139): the services ranked for a
// person, external referrals ("canalización externa") and their answers, the external referral of
// a reintegration plan, and the person's separated families. Referrals keep the 'referral' grants
// (creating one takes the person's owner and team); the plan and the families the 'case' grants.
import { can, type Action, type RecordType, type Role } from '@acompana/core';
import type { RecordPolicy, RoutePolicy } from './route-policies.ts';
import { policyRecordOf, type Scope, type World } from './world.ts';

const actorCan = (w: World, role: Role, action: Action, type: RecordType, scope: Scope) =>
  can(w.actorOf(role), action, policyRecordOf(w, type, scope, role));
const inOwnOrg = (scope: Scope) => scope !== 'shared' && scope !== 'other';
const person = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'person',
  action,
  target: 'person',
  ...extra,
});
/** Reading the person and creating a referral about them (it takes the person's owner and team). */
const refersPerson = (w: World, role: Role, scope: Scope) =>
  inOwnOrg(scope) && actorCan(w, role, 'read', 'person', scope) && actorCan(w, role, 'create', 'referral', scope);
const NO_SERVICE = '00000000-0000-4000-8000-000000000001';

export const returnsPolicies: Record<string, RoutePolicy> = {
  'GET /api/referrals/options': person('read', {
    expect: refersPerson,
    query: (t) => `personId=${t.id}&need=housing`,
  }),
  'GET /api/referrals/places': { kind: 'session' },
  // An unknown service is a 400 at its field, past the policy.
  'POST /api/referrals/external': person('create', {
    expect: refersPerson,
    body: (t) => ({
      personId: t.id,
      serviceId: NO_SERVICE,
      channel: 'phone',
      referredOn: '2025-05-01',
      reason: 'Prueba.',
    }),
  }),
  'GET /api/referrals/external': person('read', {
    expect: (w, role, scope) => inOwnOrg(scope) && actorCan(w, role, 'read', 'person', scope),
    query: (t) => `personId=${t.id}`,
  }),
  'POST /api/referrals/external/{id}/answer': {
    kind: 'record',
    record: 'referral',
    action: 'update',
    target: 'external_referral',
    body: () => ({ version: 1, status: 'accepted', answeredOn: '2025-05-02' }),
  },
  'POST /api/reintegration/receptions/{id}/external-referrals': {
    kind: 'record',
    record: 'case',
    action: 'update',
    target: 'reception',
    expect: (w, role, scope) =>
      inOwnOrg(scope) && actorCan(w, role, 'update', 'case', scope) && actorCan(w, role, 'create', 'referral', scope),
    body: () => ({
      area: 'housing',
      serviceId: NO_SERVICE,
      channel: 'phone',
      referredOn: '2025-05-03',
      reason: 'Prueba.',
    }),
  },
  'GET /api/reintegration/people/{id}/families': person('read', {
    expect: (w, role, scope) => inOwnOrg(scope) && actorCan(w, role, 'read', 'person', scope),
  }),
};
