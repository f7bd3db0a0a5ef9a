// Expected policies of the federation administration routes (decision 0145): an organisation's
// administrators decide peering, like sharing agreements. Merged into routePolicies.
import { generateKeyPairSync } from 'node:crypto';
import type { RoutePolicy } from './route-policies.ts';
import type { World } from './world.ts';
import { fingerprintOf } from '../../../apps/server/src/federation/identity.ts';

/** A peer row of organisation A (a fresh key each time: keys are unique), unreachable on purpose. */
async function peerOfA(w: World, status: 'active' | 'awaiting_confirmation'): Promise<{ id: string }> {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    `INSERT INTO federation_peers (org_id, name, base_url, public_key, fingerprint, purposes, status)
     VALUES ($1, 'Otra red', 'http://127.0.0.1:9', $2, $3, ARRAY['search'], $4) RETURNING id::text AS id`,
    [w.orgs.A, raw.toString('base64url'), fingerprintOf(raw.toString('base64url')), status],
  );
  return { id: (rows[0] as { id: string }).id };
}

/** A cross-border pair of organisation A (its report, a partner's opaque record), still open. */
async function pairOfA(w: World): Promise<{ id: string }> {
  const peer = await peerOfA(w, 'active');
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    `INSERT INTO federation_candidates (peer_id, org_id, side, local_kind, local_id, report_ref, record_ref, score,
       engine_decision, explanation, proposed_at)
     VALUES ($1, $2, 'report', 'missing_report', gen_random_uuid(), 'ref-report', 'ref-record', 0.9, 'match',
       '{"totalWeight": 1, "namesRearranged": false, "fields": []}', now())
     RETURNING id::text AS id`,
    [peer.id, w.orgs.A],
  );
  return { id: (rows[0] as { id: string }).id };
}

export const federationPolicies = {
  'GET /api/admin/federation': { kind: 'org', record: 'sharing_agreement', action: 'read' },
  'POST /api/admin/federation/invitations': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'create',
    body: () => ({ purposes: ['search'] }),
  },
  // Allowed roles get past the policy to the invitation check (400: not an invitation).
  'POST /api/admin/federation/peers': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'create',
    body: () => ({ invitation: 'no es una invitación', fingerprintConfirmed: true }),
  },
  'POST /api/admin/federation/peers/{id}/confirm': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'update',
    body: () => ({ fingerprintConfirmed: true }),
    params: (w) => peerOfA(w, 'awaiting_confirmation'),
  },
  'POST /api/admin/federation/peers/{id}/check': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'update',
    params: (w) => peerOfA(w, 'active'),
  },
  'POST /api/admin/federation/peers/{id}/revoke': {
    kind: 'org',
    record: 'sharing_agreement',
    action: 'update',
    params: (w) => peerOfA(w, 'active'),
  },
  // The cross-border review (decision 0151): whoever reviews the organisation's matches.
  'GET /api/federation/candidates': { kind: 'org', record: 'missing_report', action: 'read' },
  'GET /api/federation/candidates/{id}': {
    kind: 'org',
    record: 'missing_report',
    action: 'read',
    params: (w) => pairOfA(w),
  },
  'POST /api/federation/candidates/{id}/decision': {
    kind: 'org',
    record: 'missing_report',
    action: 'update',
    body: () => ({ decision: 'not_same' }),
    params: (w) => pairOfA(w),
  },
} satisfies Record<string, RoutePolicy>;
