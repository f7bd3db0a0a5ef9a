// Expected policies of the intake routes (decision 0136): the intake in one step, "es la misma
// persona" (link across organisations, merge within one), the arrival date and the proposed
// case plan. Like screenings, these parts of a person's file never leave the organisation.
// Merged into routePolicies by route-policies.ts.
import { can, type Action, type Role } from '@acompana/core';
import type { RecordPolicy, RoutePolicy } from './route-policies.ts';
import { policyRecordOf, type Scope, type World } from './world.ts';

const ownOrgPerson = (action: Action) => (w: World, role: Role, scope: Scope) =>
  scope !== 'shared' && scope !== 'other' && can(w.actorOf(role), action, policyRecordOf(w, 'person', scope, role));
const person = (action: Action, extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'person',
  action,
  target: 'person',
  expect: ownOrgPerson(action),
  ...extra,
});

export const intakePolicies: Record<string, RoutePolicy> = {
  'POST /api/intake': {
    kind: 'org',
    record: 'person',
    action: 'create',
    body: () => ({
      arrivedOn: '2025-05-01',
      members: [{ person: { givenNames: 'Persona Nueva', surnames: 'Prueba' }, relationship: 'self' }],
    }),
  },
  'GET /api/people/{id}/arrival': person('read'),
  'GET /api/people/{id}/links': person('read'),
  // Linking the record to itself answers 400 people.link_unavailable: past the policy.
  'POST /api/people/{id}/links': person('update', { body: (t) => ({ linkedPersonId: t.id }) }),
  'DELETE /api/people/{id}/links/{linkId}': person('update', {
    params: () => ({ linkId: '00000000-0000-4000-8000-000000000001' }),
  }),
  'POST /api/people/{id}/merge': person('update', { body: () => ({ version: 1, typed: { nationality: 'HN' } }) }),
  'GET /api/people/{id}/plan-proposal': person('read'),
};
