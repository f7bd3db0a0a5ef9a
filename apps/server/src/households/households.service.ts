// Households and travelling groups. A household is personal data of its members, so access is
// decided with the 'person' grants of can() (decision 0115): the household record stands for its
// owner and team like a person record does; adding someone needs the right to read them; member
// names are shown only to those who may read each member. Every change is one transaction with
// its audit entry and a version check (409 record.conflict).
import { randomUUID } from 'node:crypto';
import {
  can,
  householdIssues,
  listScope,
  type Actor,
  type Household,
  type HouseholdCreate,
  type HouseholdIssue,
  type HouseholdSummary,
  type HouseholdUpdate,
  type MemberFacts,
  type Relationship,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { teamBelongsToOrg } from '../people/people.queries.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { iso } from '../people/person-mapping.ts';
import { openHousehold, sealHousehold } from './household-crypto.ts';
import * as q from './households.queries.ts';

type Meta = { ip?: string };
type Access = { org_id: string; owner_account_id: string | null; team_id: string | null };
const asPerson = (r: Access) => ({
  type: 'person' as const,
  orgId: r.org_id,
  ownerId: r.owner_account_id,
  teamId: r.team_id,
});

function fail(issue: HouseholdIssue, field = issue.field): never {
  throw new AppError(issue.code, { field, params: { field, ...issue.params } });
}

export function createHouseholdsService({
  db,
  keyring,
  audit,
  clock,
}: {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}) {
  const year = () => clock().getUTCFullYear();
  const ageOf = (birthYear: number | null) => (birthYear === null ? null : year() - Number(birthYear));

  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<q.HouseholdRow> {
    const row = await q.findHousehold(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, asPerson(row))) throw new AppError('policy.denied');
    return row;
  }

  /** Coarse facts of people about to join: same organisation, readable by the actor. */
  async function joiningFacts(
    actor: Actor,
    ids: readonly string[],
    fieldOf: (i: number) => string,
  ): Promise<Map<string, q.PersonFactsRow>> {
    const facts = await q.personFacts(db, ids);
    ids.forEach((id, i) => {
      const person = facts.get(id);
      if (!person || person.org_id !== actor.orgId)
        throw new AppError('households.unknown_member', { field: fieldOf(i), params: { field: fieldOf(i) } });
      if (!can(actor, 'read', asPerson(person))) throw new AppError('policy.denied', { field: fieldOf(i) });
    });
    return facts;
  }

  async function view(actor: Actor, row: q.HouseholdRow): Promise<Household> {
    const members = await q.activeMembers(db, row.id);
    return {
      id: row.id,
      kind: row.kind as Household['kind'],
      ...(row.label ? { label: await openHousehold(keyring, row.org_id, 'label', row.label) } : {}),
      ...(row.notes ? { notes: await openHousehold(keyring, row.org_id, 'notes', row.notes) } : {}),
      teamId: row.team_id,
      ownerAccountId: row.owner_account_id,
      members: await Promise.all(
        members.map(async (m) => {
          const readable = can(actor, 'read', asPerson(m));
          const names = readable ? await decryptPersonColumns(keyring, m.org_id, m, ['given_names', 'surnames']) : {};
          return {
            personId: m.person_id,
            givenNames: names.givenNames ?? '',
            surnames: names.surnames ?? '',
            ...(m.birth_year !== null ? { birthYear: Number(m.birth_year) } : {}),
            age: ageOf(m.birth_year),
            relationship: m.relationship,
            responsibleAdultId: m.responsible_adult_id,
            restricted: !readable,
          };
        }),
      ),
      version: Number(row.version),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  const record = (
    actor: Actor,
    action: string,
    row: { id: string; org_id: string },
    fields: string[],
    meta: Meta,
    details: Record<string, string | number | boolean | null> = {},
  ) => ({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action,
    recordType: 'household',
    recordId: row.id,
    orgId: row.org_id,
    fields,
    ip: meta.ip ?? null,
    details,
  });

  const conflict = (): never => {
    throw new AppError('record.conflict', { field: 'version', params: { fields: 'version' } });
  };

  async function create(actor: Actor, input: HouseholdCreate, meta: Meta = {}): Promise<Household> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const teamId = input.teamId ?? actor.teamIds[0] ?? null;
    if (!can(actor, 'create', { type: 'person', orgId, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    if (input.teamId && !(await teamBelongsToOrg(db, input.teamId, orgId)))
      throw new AppError('people.unknown_team', { field: 'teamId' });
    const facts = await joiningFacts(
      actor,
      input.members.map((m) => m.personId),
      (i) => `members[${i}].personId`,
    );
    const members: MemberFacts[] = input.members.map((m) => ({
      ...m,
      age: ageOf(facts.get(m.personId)?.birth_year ?? null),
    }));
    const issue = householdIssues(members)[0];
    if (issue) fail(issue);
    const label = await sealHousehold(keyring, orgId, 'label', input.label);
    const notes = await sealHousehold(keyring, orgId, 'notes', input.notes);
    const id = randomUUID();
    const at = clock();
    await db.transaction(async (tx) => {
      await q.insertHousehold(tx, { id, orgId, ownerId: actor.accountId, teamId, kind: input.kind, label, notes, at });
      for (const m of input.members)
        await q.upsertMember(
          tx,
          id,
          { personId: m.personId, relationship: m.relationship, responsibleAdultId: m.responsibleAdultId ?? null },
          at,
        );
      const fields = ['kind', 'members', ...(label ? ['label'] : []), ...(notes ? ['notes'] : [])];
      await audit.append(
        tx,
        record(actor, 'household.create', { id, org_id: orgId }, fields, meta, {
          version: 1,
          members: input.members.map((m) => m.personId).join(','),
        }),
      );
    });
    return get(actor, id, meta, false);
  }

  async function get(actor: Actor, id: string, meta: Meta = {}, audited = true): Promise<Household> {
    const row = await loadFor(actor, 'read', id);
    const shown = await view(actor, row);
    if (audited) await audit.record(record(actor, 'household.read', row, ['label', 'notes', 'members'], meta));
    return shown;
  }

  async function update(actor: Actor, id: string, input: HouseholdUpdate, meta: Meta = {}): Promise<Household> {
    const row = await loadFor(actor, 'update', id);
    if (Number(row.version) !== input.version) conflict();
    const set: Record<string, unknown> = {};
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.label !== undefined) set.label = await sealHousehold(keyring, row.org_id, 'label', input.label);
    if (input.notes !== undefined) set.notes = await sealHousehold(keyring, row.org_id, 'notes', input.notes);
    if (Object.keys(set).length === 0) return view(actor, row);
    await db.transaction(async (tx) => {
      const v = await q.bumpVersion(tx, id, input.version, clock(), set);
      if (v === null) conflict();
      await audit.append(tx, record(actor, 'household.update', row, Object.keys(set), meta, { version: v }));
    });
    return get(actor, id, meta, false);
  }

  /** Applies a change to the set of members after checking the whole set still keeps the rules. */
  async function changeMembers(
    actor: Actor,
    id: string,
    version: number,
    change: (members: MemberFacts[]) => {
      members: MemberFacts[];
      changed: MemberFacts | null;
      fieldOf: (field: string) => string;
    },
    write: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], at: Date) => Promise<void>,
    action: string,
    meta: Meta,
  ): Promise<Household> {
    const row = await loadFor(actor, 'update', id);
    if (Number(row.version) !== version) conflict();
    const current: MemberFacts[] = (await q.activeMembers(db, id)).map((m) => ({
      personId: m.person_id,
      relationship: m.relationship,
      responsibleAdultId: m.responsible_adult_id,
      age: ageOf(m.birth_year),
    }));
    const next = change(current);
    const issue = householdIssues(next.members)[0];
    if (issue) {
      const index = next.changed ? next.members.indexOf(next.changed) : -1;
      const prefix = `members[${index}].`;
      fail(
        issue,
        index >= 0 && issue.field.startsWith(prefix) ? next.fieldOf(issue.field.slice(prefix.length)) : issue.field,
      );
    }
    const at = clock();
    await db.transaction(async (tx) => {
      await write(tx, at);
      const v = await q.bumpVersion(tx, id, version, at);
      if (v === null) conflict();
      await audit.append(
        tx,
        record(actor, action, row, ['members'], meta, { version: v, person: next.changed?.personId ?? '' }),
      );
    });
    return get(actor, id, meta, false);
  }

  async function addMember(
    actor: Actor,
    id: string,
    input: {
      version: number;
      personId: string;
      relationship: Relationship;
      responsibleAdultId?: string | null | undefined;
    },
    meta: Meta = {},
  ): Promise<Household> {
    const facts = await joiningFacts(actor, [input.personId], () => 'personId');
    const joining: MemberFacts = {
      personId: input.personId,
      relationship: input.relationship,
      responsibleAdultId: input.responsibleAdultId ?? null,
      age: ageOf(facts.get(input.personId)?.birth_year ?? null),
    };
    return changeMembers(
      actor,
      id,
      input.version,
      (members) => {
        if (members.some((m) => m.personId === input.personId))
          throw new AppError('households.already_member', { field: 'personId', params: { field: 'personId' } });
        return { members: [...members, joining], changed: joining, fieldOf: (f) => f };
      },
      (tx, at) =>
        q.upsertMember(
          tx,
          id,
          {
            personId: input.personId,
            relationship: input.relationship,
            responsibleAdultId: input.responsibleAdultId ?? null,
          },
          at,
        ),
      'household.member_add',
      meta,
    );
  }

  async function removeMember(
    actor: Actor,
    id: string,
    personId: string,
    version: number,
    meta: Meta = {},
  ): Promise<Household> {
    return changeMembers(
      actor,
      id,
      version,
      (members) => {
        const leaving = members.find((m) => m.personId === personId);
        if (!leaving) throw new AppError('record.not_found');
        if (leaving.relationship === 'self')
          throw new AppError('households.cannot_remove_reference', { field: 'personId' });
        const rest = members
          .filter((m) => m !== leaving)
          .map((m) => (m.responsibleAdultId === personId ? { ...m, responsibleAdultId: null } : m));
        return { members: rest, changed: null, fieldOf: (f) => f };
      },
      (tx, at) => q.markLeft(tx, id, personId, at),
      'household.member_remove',
      meta,
    );
  }

  async function setResponsibleAdult(
    actor: Actor,
    id: string,
    personId: string,
    input: { version: number; responsibleAdultId: string | null },
    meta: Meta = {},
  ): Promise<Household> {
    return changeMembers(
      actor,
      id,
      input.version,
      (members) => {
        const member = members.find((m) => m.personId === personId);
        if (!member) throw new AppError('record.not_found');
        const changed = { ...member, responsibleAdultId: input.responsibleAdultId };
        return { members: members.map((m) => (m === member ? changed : m)), changed, fieldOf: (f) => f };
      },
      (tx) => q.setResponsible(tx, id, personId, input.responsibleAdultId),
      'household.responsible_adult',
      meta,
    );
  }

  async function list(
    actor: Actor,
    query: { kind?: string | undefined; limit: number; cursor?: string | undefined },
    meta: Meta = {},
    personId?: string,
  ) {
    const scope = listScope(actor, 'read', 'person');
    if (!actor.orgId || !scope || scope === 'shared') throw new AppError('policy.denied');
    const after = query.cursor
      ? decodeCursor<{ at: string; id: string }>(
          query.cursor,
          (c) => typeof c.at === 'string' && typeof c.id === 'string',
        )
      : null;
    const rows = await q.listHouseholds(
      db,
      { scope, orgId: actor.orgId, accountId: actor.accountId, teamIds: actor.teamIds },
      { kind: query.kind, personId },
      after,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const items: HouseholdSummary[] = await Promise.all(
      page.map(async (r) => {
        const label = await openHousehold(keyring, r.org_id, 'label', r.label);
        return {
          id: r.id,
          kind: r.kind as HouseholdSummary['kind'],
          ...(label ? { label } : {}),
          memberCount: Number(r.member_count),
          version: Number(r.version),
          createdAt: iso(r.created_at),
        };
      }),
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'household.list',
      recordType: 'household',
      orgId: actor.orgId,
      fields: ['label'],
      ip: meta.ip ?? null,
      details: { returned: items.length },
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
    };
  }

  /** The households a person belongs to now, with their members (those the actor may read). */
  async function forPerson(actor: Actor, personId: string, meta: Meta = {}): Promise<Household[]> {
    const person = await ownPersonFor(db, actor, 'read', personId);
    const { rows } = await db.query<{ id: string }>(
      `SELECT h.id::text AS id FROM households h JOIN household_members m ON m.household_id = h.id
        WHERE m.person_id = $1 AND m.left_at IS NULL AND h.org_id = $2 ORDER BY h.created_at DESC, h.id DESC LIMIT 50`,
      [personId, person.org_id],
    );
    const out: Household[] = [];
    for (const { id } of rows) {
      const row = await q.findHousehold(db, id);
      if (row && can(actor, 'read', asPerson(row))) out.push(await view(actor, row));
    }
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'household.read',
      recordType: 'person',
      recordId: personId,
      orgId: person.org_id,
      fields: ['label', 'notes', 'members'],
      ip: meta.ip ?? null,
      details: { households: out.map((h) => h.id).join(',') },
    });
    return out;
  }

  return { create, get, update, addMember, removeMember, setResponsibleAdult, list, forPerson };
}
