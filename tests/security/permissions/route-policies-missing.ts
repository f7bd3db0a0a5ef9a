// Expected policies of the four-eyes confirmation of missing-person matches (decision 0138);
// merged into routePolicies by route-policies.ts.
import type { RoutePolicy } from './route-policies.ts';

export const matchConfirmationPolicies = {
  // A pending pair: past the policy the answer is 409 (only a proposal by the caller can be withdrawn).
  'POST /api/missing/candidates/{id}/withdraw': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    params: (t) => ({ id: t.candidateId ?? '' }),
  },
  'GET /api/missing/settings': { kind: 'org', record: 'missing_report', action: 'read' },
  'PUT /api/missing/settings': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ secondConfirmation: 'remains' }),
  },
} satisfies Record<string, RoutePolicy>;
