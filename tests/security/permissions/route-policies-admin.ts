// Expected policies of the sharing-agreement and audit-log administration routes (decision 0128),
// merged into routePolicies by route-policies.ts.
import type { RoutePolicy } from './route-policies.ts';

export const sharingAndAuditPolicies = {
  'GET /api/admin/sharing-agreements': { kind: 'org', record: 'sharing_agreement', action: 'read' },
  // 'statistics' lets the partner read no record, so these agreements change no other route's answer.
  'POST /api/admin/sharing-agreements': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'create',
    body: (w) => ({ partnerOrgId: w.orgs.C, purposes: ['statistics'] }),
  },
  'POST /api/admin/sharing-agreements/{id}/revoke': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'update',
    params: async (w) => {
      const { rows } = await w.h.ctx.db.query<{ id: string }>(
        "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['statistics']) RETURNING id::text AS id",
        [w.orgs.A, w.orgs.C],
      );
      return { id: (rows[0] as { id: string }).id };
    },
  },
  'GET /api/admin/audit-log': { kind: 'org', record: 'audit_log', action: 'read' },
  'GET /api/admin/audit-log/export': { kind: 'org', record: 'audit_log', action: 'export' },
} satisfies Record<string, RoutePolicy>;
