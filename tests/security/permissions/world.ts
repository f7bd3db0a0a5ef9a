// The world the route-permission test runs in: organisation A (the actors' own), B (shares every
// purpose with A; its people consented), C (no agreement). In A, one account per role, all in
// team T1; two owners of other people's records: X in T1 and Y in T2. Records of each kind are
// made by an administrator of their organisation through the API and then given the owner and
// team of the scope under test, so every scope is exactly what its name says:
//   own    owner = the actor, team T2 (not the actor's)    team   owner = X, team T1
//   org    owner = Y, team T2                              shared organisation B
//   other  organisation C
import assert from 'node:assert/strict';
import { roles, type Actor, type PolicyRecord, type RecordType, type Role } from '@acompana/core';
import type { ApiClient, TestHarness } from '../../../apps/server/src/testing/test-harness.ts';

export const scopes = ['own', 'team', 'org', 'shared', 'other'] as const;
export type Scope = (typeof scopes)[number];

export interface World {
  h: TestHarness;
  orgs: { A: string; B: string; C: string };
  teams: { T1: string; T2: string };
  accounts: Record<Role, string> & { X: string; Y: string };
  clients: Record<Role, ApiClient>;
  admins: { A: ApiClient; B: ApiClient; C: ApiClient };
  actorOf(role: Role): Actor;
}

const SHARED_PURPOSES = ['search', 'referral', 'directory'];

async function idOf(h: TestHarness, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await h.ctx.db.query<{ id: string }>(sql, params);
  const id = rows[0]?.id;
  assert.ok(id, sql);
  return id;
}

export async function buildWorld(h: TestHarness): Promise<World> {
  const A = await h.createOrg('perm-a');
  const B = await h.createOrg('perm-b');
  const C = await h.createOrg('perm-c');
  const account = (orgId: string, email: string, role: string, teams: string[]) =>
    h.ctx.accounts
      .createAccount({ orgId, email, password: 'correct horse battery', role, totpExempt: true, teams })
      .then((a) => a.accountId);
  const accounts = {} as World['accounts'];
  for (const role of roles) accounts[role] = await account(A, `${role}@perm-a.example`, role, ['T1']);
  accounts.X = await account(A, 'x@perm-a.example', 'caseworker', ['T1']);
  accounts.Y = await account(A, 'y@perm-a.example', 'caseworker', ['T2']);
  // Records are made by administrators of their own organisations, with sessions of their own
  // (the calls under test may end the actors' sessions).
  await account(A, 'maker@perm-a.example', 'admin', ['T2']);
  await account(B, 'admin@perm-b.example', 'admin', ['B1']);
  await account(C, 'admin@perm-c.example', 'admin', ['C1']);
  const T1 = await idOf(h, 'SELECT id::text AS id FROM teams WHERE org_id = $1 AND name = $2', [A, 'T1']);
  const T2 = await idOf(h, 'SELECT id::text AS id FROM teams WHERE org_id = $1 AND name = $2', [A, 'T2']);
  await h.ctx.db.query('INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, $3)', [
    B,
    A,
    SHARED_PURPOSES,
  ]);
  const clients = {} as Record<Role, ApiClient>;
  for (const role of roles) clients[role] = await h.login(`${role}@perm-a.example`);
  const admins = {
    A: await h.login('maker@perm-a.example'),
    B: await h.login('admin@perm-b.example'),
    C: await h.login('admin@perm-c.example'),
  };
  return {
    h,
    orgs: { A, B, C },
    teams: { T1, T2 },
    accounts,
    clients,
    admins,
    actorOf: (role) => ({
      accountId: accounts[role],
      orgId: A,
      role,
      teamIds: [T1],
      sharing: [{ fromOrgId: B, purposes: SHARED_PURPOSES }],
    }),
  };
}

/** Where a record of the scope lives and whose it is. */
export function placement(
  w: World,
  scope: Scope,
  role: Role,
): { org: 'A' | 'B' | 'C'; ownerId: string | null; teamId: string | null } {
  switch (scope) {
    case 'own':
      return { org: 'A', ownerId: w.accounts[role], teamId: w.teams.T2 };
    case 'team':
      return { org: 'A', ownerId: w.accounts.X, teamId: w.teams.T1 };
    case 'org':
      return { org: 'A', ownerId: w.accounts.Y, teamId: w.teams.T2 };
    case 'shared':
      return { org: 'B', ownerId: null, teamId: null };
    case 'other':
      return { org: 'C', ownerId: null, teamId: null };
  }
}

/** The policy record of a fixture, as the server sees it (only people carry consents). */
export function policyRecordOf(w: World, type: RecordType, scope: Scope, role: Role): PolicyRecord {
  const p = placement(w, scope, role);
  return {
    type,
    orgId: w.orgs[p.org],
    ownerId: p.ownerId,
    teamId: p.teamId,
    consentedPurposes: type === 'person' && scope === 'shared' ? ['search', 'referral'] : [],
  };
}

/** Gives a freshly created row the owner and team of its scope (the API always makes it the creator's). */
export async function place(
  w: World,
  table: string,
  id: string,
  scope: Scope,
  role: Role,
  columns = { owner: 'owner_account_id', team: 'team_id' },
): Promise<void> {
  const p = placement(w, scope, role);
  if (p.org !== 'A') return;
  await w.h.ctx.db.query(`UPDATE ${table} SET ${columns.owner} = $1, ${columns.team} = $2 WHERE id = $3`, [
    p.ownerId,
    p.teamId,
    id,
  ]);
}

export function created(
  what: string,
  response: { statusCode: number; body: string },
): Record<string, unknown> & { id: string } {
  assert.ok(
    response.statusCode === 201 || response.statusCode === 200,
    `${what}: ${response.statusCode} ${response.body}`,
  );
  return JSON.parse(response.body) as Record<string, unknown> & { id: string };
}
