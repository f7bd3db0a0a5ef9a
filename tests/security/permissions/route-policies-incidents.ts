// Expected policies of the place catalogue and of link requests (decision 0137); merged into
// routePolicies by route-policies.ts.
import type { Role } from '@acompana/core';
import type { RecordPolicy, RoutePolicy } from './route-policies.ts';
import type { World } from './world.ts';

const incident = (action: RecordPolicy['action'], extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'incident',
  action,
  target: 'incident',
  ...extra,
});

/** An open link request (anonymous victim of a new event of organisation A) addressed to the account. */
async function linkRequestFor(w: World, accountId: string): Promise<Record<string, string>> {
  const event = (
    await w.admins.A.post('/api/incidents', { title: 'Permisos', start: { date: '2025-05-18', precision: 'day' } })
  ).json() as { id: string };
  const withVictim = (await w.admins.A.post(`/api/incidents/${event.id}/victims`, { count: 1 })).json() as {
    victims: { id: string }[];
  };
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    `INSERT INTO incident_link_requests (org_id, event_id, victim_id, requested_by, name_hint, recipients)
     VALUES ($1, $2, $3, $4, '\\x00', ARRAY[$5::uuid]) RETURNING id::text AS id`,
    [w.orgs.A, event.id, withVictim.victims[0]?.id, w.accounts.admin, accountId],
  );
  return { id: rows[0]?.id ?? '' };
}

export const incidentLinkPolicies: Record<string, RoutePolicy> = {
  'GET /api/places': { kind: 'session' },
  'GET /api/incidents/{id}/link-requests': incident('read'),
  'POST /api/incidents/{id}/victims/{victimId}/link-requests': incident('update', {
    body: () => ({ nameHint: 'Persona Prueba' }),
  }),
  // Link requests are answered by the accounts they were addressed to, whatever their role; the
  // person chosen is checked at the field (a person not theirs: 400), so any recipient gets past.
  'GET /api/incident-link-requests': { kind: 'session' },
  'POST /api/incident-link-requests/{id}/link': {
    kind: 'session',
    body: () => ({ personId: '00000000-0000-4000-8000-000000000000', consent: { method: 'signed' } }),
    own: (w: World, role: Role) => linkRequestFor(w, w.accounts[role]),
    others: (w: World) => linkRequestFor(w, w.accounts.X),
  },
  'POST /api/incident-link-requests/{id}/decline': {
    kind: 'session',
    own: (w: World, role: Role) => linkRequestFor(w, w.accounts[role]),
    others: (w: World) => linkRequestFor(w, w.accounts.X),
  },
};
