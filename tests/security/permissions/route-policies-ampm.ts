// Expected policies of the ante-mortem / post-mortem records, the side by side of a pair and the
// forensic workflow of remains (decision 0147); merged into routePolicies by route-policies.ts.
import type { RoutePolicy } from './route-policies.ts';

export const amPmPolicies = {
  'PUT /api/missing/reports/{id}/ante-mortem': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'missing_report',
    body: () => ({ version: 1, anteMortem: { dental: [{ tooth: 21, state: 'crown-gold' }] } }),
  },
  'PUT /api/missing/found/{id}/post-mortem': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'found_record',
    body: () => ({ version: 1, postMortem: { dentalCharted: true, dental: [{ tooth: 21, state: 'crown-gold' }] } }),
  },
  'POST /api/missing/found/{id}/dna-comparisons': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'found_record',
    body: () => ({ laboratory: 'Laboratorio de prueba', result: 'inconclusive', comparedOn: '2025-01-01' }),
  },
  'GET /api/missing/candidates/{id}/ampm': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'missing_report',
    params: (t) => ({ id: t.candidateId ?? '' }),
  },
  'GET /api/missing/found/{id}/forensic': {
    kind: 'record',
    record: 'missing_report',
    action: 'read',
    target: 'found_record',
  },
  // Registered remains: past the policy the answer is 409 (no post-mortem examination yet).
  'POST /api/missing/found/{id}/forensic-steps': {
    kind: 'record',
    record: 'missing_report',
    action: 'update',
    target: 'found_record',
    body: () => ({ step: 'examined', version: 1 }),
  },
} satisfies Record<string, RoutePolicy>;
