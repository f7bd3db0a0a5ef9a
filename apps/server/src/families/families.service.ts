// Family separation and reunification (issue 8, item 4). A family file is case work of the
// organisation ('case' grants of can(): owner and team). Members are people of the organisation
// (possibly taken from a household, through the households module), people not registered
// anywhere (name encrypted), or a partner organisation's person record. A partner's record is
// shown only while the partner shares with us for search ('shared' scope of the 'person' grants)
// AND the person's sharing consent is active: both are checked on every read, so a withdrawal or
// a revoked agreement hides the member at once. A child member's case is opened by the cases
// module and starts with the best-interests steps (LGDNNA art. 89 and 92; Migration Law art. 112).
import { randomUUID } from 'node:crypto';
import {
  bestInterestsTaskKeys,
  can,
  listScope,
  suggestedDueDate,
  type Actor,
  type Family,
  type FamilyMemberCreate,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { createConsentOps } from '../people/consents.service.ts';
import type { createHouseholdsService } from '../households/households.service.ts';
import type { CasesService } from '../cases/cases.service.ts';
import type { createCasePlanService } from '../cases/case-plan.service.ts';
import { open, seal } from '../reintegration/reintegration-crypto.ts';
import { findPerson } from '../people/people.queries.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import * as q from './families.queries.ts';
import { createFamilyView } from './family-view.ts';

export interface FamiliesDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  households: ReturnType<typeof createHouseholdsService>;
  cases: CasesService;
  casePlan: ReturnType<typeof createCasePlanService>;
}
type Meta = { ip?: string | null };

const asCase = (r: q.FamilyRow) => ({
  type: 'case' as const,
  orgId: r.org_id,
  ownerId: r.owner_account_id,
  teamId: r.team_id,
});

export function createFamiliesService(deps: FamiliesDeps) {
  const { db, keyring, audit, clock } = deps;
  const today = () => clock().toISOString().slice(0, 10);
  const consents = createConsentOps({
    db,
    keyring,
    audit,
    clock,
    loadFor: () => Promise.reject(new AppError('policy.denied')),
  });

  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<q.FamilyRow> {
    const row = await q.findFamily(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, asCase(row))) throw new AppError('policy.denied');
    return row;
  }

  const { view, mayRead } = createFamilyView({ db, keyring, consents });

  const entry = (
    actor: Actor,
    row: q.FamilyRow,
    action: string,
    meta: Meta,
    fields: string[] = [],
    details: Record<string, string | null> = {},
  ) => ({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action,
    recordType: 'family',
    recordId: row.id,
    orgId: row.org_id,
    ip: meta.ip ?? null,
    fields,
    details,
  });

  /** One change of a family file: a transaction with its audit entry; answers the family as it is now. */
  async function change(
    actor: Actor,
    row: q.FamilyRow,
    action: string,
    meta: Meta,
    write: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<void>,
    details: Record<string, string | null> = {},
  ): Promise<Family> {
    await db.transaction(async (tx) => {
      await write(tx);
      await q.bumpFamily(tx, row.id);
      await audit.append(tx, entry(actor, row, action, meta, [], details));
    });
    return view(actor, (await q.findFamily(db, row.id)) as q.FamilyRow);
  }

  const checkDay = (day: string | undefined, field: string) => {
    if (day && day > today()) throw new AppError('validation.invalid_value', { field, params: { field } });
  };

  async function memberOf(row: q.FamilyRow, memberId: string): Promise<q.MemberRow> {
    const m = (await q.members(db, row.id)).find((x) => x.id === memberId);
    if (!m) throw new AppError('families.unknown_member', { field: 'memberId' });
    return m;
  }

  async function sealMember(
    orgId: string,
    input: { name?: string | undefined; location?: string | undefined; guardian?: string | undefined },
  ) {
    return {
      name: await seal(keyring, orgId, 'family_members', 'name', input.name),
      location: await seal(keyring, orgId, 'family_members', 'location', input.location),
      guardian: await seal(keyring, orgId, 'family_members', 'guardian', input.guardian),
    };
  }

  return {
    loadFor,
    async create(
      actor: Actor,
      input: { label: string; householdId?: string | undefined },
      meta: Meta = {},
    ): Promise<Family> {
      if (!actor.orgId) throw new AppError('policy.denied');
      const teamId = actor.teamIds[0] ?? null;
      if (!can(actor, 'create', { type: 'case', orgId: actor.orgId, ownerId: actor.accountId, teamId }))
        throw new AppError('policy.denied');
      // Starting from a household: the households module decides who may read it and its members.
      const household = input.householdId
        ? await deps.households.get(actor, input.householdId, meta.ip ? { ip: meta.ip } : {})
        : null;
      const label = (await seal(keyring, actor.orgId, 'families', 'label', input.label)) as Buffer;
      const orgId = actor.orgId;
      const id = randomUUID();
      const at = clock();
      const joining = (household?.members ?? []).filter((m) => !m.restricted);
      await db.transaction(async (tx) => {
        await q.insertFamily(tx, {
          id,
          orgId,
          ownerAccountId: actor.accountId,
          teamId,
          householdId: household?.id ?? null,
          label,
          at,
        });
        // Members are listed in the order they joined: one millisecond apart keeps the household's order.
        for (const [i, m] of joining.entries()) {
          await q.insertMember(tx, {
            id: randomUUID(),
            familyId: id,
            orgId,
            personId: m.personId,
            name: null,
            relationship: m.relationship,
            isChild: m.age !== null && m.age < 18,
            separatedSince: null,
            location: null,
            holdingAuthority: null,
            holdingCountry: null,
            guardian: null,
            at: new Date(at.getTime() + i),
          });
        }
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: orgId,
          action: 'family.create',
          recordType: 'family',
          recordId: id,
          orgId,
          ip: meta.ip ?? null,
          fields: ['label'],
          details: { householdId: household?.id ?? null, members: joining.length },
        });
      });
      return view(actor, (await q.findFamily(db, id)) as q.FamilyRow);
    },

    async get(actor: Actor, id: string, meta: Meta = {}): Promise<Family> {
      const row = await loadFor(actor, 'read', id);
      const family = await view(actor, row);
      const shared = family.members.filter((m) => m.partnerOrg && m.visible).map((m) => m.personId);
      await audit.record({
        ...entry(actor, row, 'family.read', meta, ['label', 'name', 'location', 'guardian']),
        details: { sharedPeople: shared.join(',') || null },
      });
      return family;
    },

    async list(actor: Actor, query: { limit: number; cursor?: string | undefined }, meta: Meta = {}) {
      const scope = listScope(actor, 'read', 'case');
      if (!scope || scope === 'shared' || !actor.orgId) throw new AppError('policy.denied');
      const after = query.cursor
        ? decodeCursor<{ at: string; id: string }>(
            query.cursor,
            (v) =>
              typeof v.at === 'string' &&
              /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v.at) &&
              !Number.isNaN(Date.parse(v.at)) &&
              typeof v.id === 'string' &&
              /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v.id),
          )
        : null;
      // One more than the page, to know whether another page follows.
      const rows = await q.listFamilies(
        db,
        { scope, orgId: actor.orgId, accountId: actor.accountId, teamIds: actor.teamIds },
        query.limit + 1,
        after,
      );
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.page_key, id: last.id }) : null;
      const items = await Promise.all(
        page.map(async (r) => ({
          id: r.id,
          label: (await open(keyring, r.org_id, 'families', 'label', r.label)) ?? '',
          status: r.status,
          memberCount: Number(r.member_count),
          reunifiedOn: r.reunified_on,
        })),
      );
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'family.list',
        recordType: 'family',
        orgId: actor.orgId,
        ip: meta.ip ?? null,
        fields: ['label'],
        details: { count: items.length },
      });
      return { items, nextCursor };
    },

    async addMember(actor: Actor, id: string, input: FamilyMemberCreate, meta: Meta = {}): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      const person = input.personId
        ? await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' })
        : null;
      checkDay(input.separatedSince, 'separatedSince');
      const sealed = await sealMember(row.org_id, input);
      return change(actor, row, 'family.member_add', meta, (tx) =>
        q.insertMember(tx, {
          id: randomUUID(),
          familyId: id,
          orgId: row.org_id,
          personId: person?.id ?? null,
          ...sealed,
          relationship: input.relationship,
          isChild: input.isChild ?? false,
          separatedSince: input.separatedSince ?? null,
          holdingAuthority: input.holdingAuthority ?? null,
          holdingCountry: input.holdingCountry ?? null,
          at: clock(),
        }),
      );
    },

    /** Links a partner organisation's person record (only if it is shared with us and the person consented). */
    async link(
      actor: Actor,
      id: string,
      input: { linkedPersonId: string; relationship: string; isChild?: boolean | undefined },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      const person = await findPerson(db, input.linkedPersonId);
      if (!person || person.org_id === row.org_id || !(await mayRead(actor, person)))
        throw new AppError('families.not_shared', { field: 'linkedPersonId' });
      return change(
        actor,
        row,
        'family.member_link',
        meta,
        (tx) =>
          q.insertMember(tx, {
            id: randomUUID(),
            familyId: id,
            orgId: row.org_id,
            personId: person.id,
            name: null,
            location: null,
            guardian: null,
            relationship: input.relationship,
            isChild: input.isChild ?? false,
            separatedSince: null,
            holdingAuthority: null,
            holdingCountry: null,
            at: clock(),
          }),
        { partnerOrgId: person.org_id },
      );
    },

    async updateMember(
      actor: Actor,
      id: string,
      memberId: string,
      input: {
        status?: string | undefined;
        location?: string | undefined;
        holdingAuthority?: string | undefined;
        guardian?: string | undefined;
      },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      await memberOf(row, memberId);
      const sealed = await sealMember(row.org_id, input);
      return change(
        actor,
        row,
        'family.member_update',
        meta,
        (tx) =>
          q.updateMember(tx, memberId, {
            status: input.status,
            location: sealed.location,
            holdingAuthority: input.holdingAuthority,
            guardian: sealed.guardian,
          }),
        { memberId, status: input.status ?? null },
      );
    },

    /** Opens the child's case in the cases module, with the best-interests determination steps. */
    async openChildCase(actor: Actor, id: string, memberId: string, meta: Meta = {}): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      const m = await memberOf(row, memberId);
      if (!m.is_child || !m.person_id || m.case_id)
        throw new AppError('families.member_not_child', { field: 'memberId' });
      const person = await findPerson(db, m.person_id);
      if (!person || person.org_id !== row.org_id)
        throw new AppError('families.member_not_child', { field: 'memberId' });
      const opened = await deps.cases.open(actor, { personId: m.person_id, includeSuggestedTasks: false }, meta);
      const planned = new Set(opened.tasks.map((t) => t.key));
      const openedOn = opened.openedAt.slice(0, 10);
      for (const key of bestInterestsTaskKeys)
        if (!planned.has(key))
          await deps.casePlan.addTask(actor, opened.id, { key, dueOn: suggestedDueDate(key, openedOn) }, meta);
      return change(
        actor,
        row,
        'family.child_case',
        meta,
        (tx) => q.updateMember(tx, memberId, { caseId: opened.id }),
        { memberId, caseId: opened.id },
      );
    },

    async addTracing(
      actor: Actor,
      id: string,
      input: { memberId: string; channel: string; requestedOn: string; note?: string | undefined },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      await memberOf(row, input.memberId);
      checkDay(input.requestedOn, 'requestedOn');
      const note = await seal(keyring, row.org_id, 'family_tracing_requests', 'note', input.note);
      return change(actor, row, 'family.tracing_add', meta, (tx) =>
        q.insertTracing(tx, {
          id: randomUUID(),
          familyId: id,
          orgId: row.org_id,
          memberId: input.memberId,
          channel: input.channel,
          requestedOn: input.requestedOn,
          note,
        }),
      );
    },

    async closeTracing(
      actor: Actor,
      id: string,
      tracingId: string,
      input: { status: string; closedOn: string },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      checkDay(input.closedOn, 'closedOn');
      return change(
        actor,
        row,
        'family.tracing_close',
        meta,
        async (tx) => {
          if (!(await q.closeTracing(tx, id, tracingId, input.status, input.closedOn)))
            throw new AppError('record.not_found');
        },
        { tracingId, status: input.status },
      );
    },

    async addStep(
      actor: Actor,
      id: string,
      input: { title: string; dueOn?: string | undefined },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      if (row.status !== 'separated') throw new AppError('families.already_reunified');
      const title = (await seal(keyring, row.org_id, 'family_plan_steps', 'title', input.title)) as Buffer;
      return change(actor, row, 'family.plan_add', meta, (tx) =>
        q.insertStep(tx, { id: randomUUID(), familyId: id, orgId: row.org_id, title, dueOn: input.dueOn ?? null }),
      );
    },

    async stepDone(actor: Actor, id: string, stepId: string, doneOn: string, meta: Meta = {}): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      checkDay(doneOn, 'doneOn');
      return change(
        actor,
        row,
        'family.plan_done',
        meta,
        async (tx) => {
          if (!(await q.markStepDone(tx, id, stepId, doneOn))) throw new AppError('record.not_found');
        },
        { stepId },
      );
    },

    /** Completes the reunification: every step of the plan must be done. */
    async reunify(
      actor: Actor,
      id: string,
      input: { version: number; reunifiedOn: string },
      meta: Meta = {},
    ): Promise<Family> {
      const row = await loadFor(actor, 'update', id);
      if (row.status !== 'separated') throw new AppError('families.already_reunified');
      checkDay(input.reunifiedOn, 'reunifiedOn');
      if ((await q.planSteps(db, id)).some((s) => !s.done_on)) throw new AppError('families.plan_open');
      await db.transaction(async (tx) => {
        if (!(await q.bumpFamily(tx, id, input.version))) throw new AppError('record.conflict');
        await q.markReunified(tx, id, input.reunifiedOn);
        await audit.append(tx, entry(actor, row, 'family.reunify', meta, [], { reunifiedOn: input.reunifiedOn }));
      });
      return view(actor, (await q.findFamily(db, id)) as q.FamilyRow);
    },
  };
}

export type FamiliesService = ReturnType<typeof createFamiliesService>;
