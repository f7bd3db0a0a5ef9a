// The case: opened from a person or a household, assigned to a caseworker and a team, with a
// plan of tasks; its header (status, assignee, team) is versioned so two people editing it never
// silently overwrite each other. Closing and reopening need a reason (encrypted). Every write is
// one transaction with its timeline event and audit entry; every read of a case is audited.
// Encryption happens before a transaction opens (on PGlite the keyring may need the connection).
import { randomUUID } from 'node:crypto';
import {
  can,
  caseTaskCatalogue,
  CASE_REASON_MAX,
  initialPlanKeys,
  isCaseTaskKey,
  listScope,
  offeredTaskKeys,
  suggestedDueDate,
  type Actor,
  type CaseCreate,
  type CaseListQuery,
  type CaseReason,
  type CaseTaskKey,
  type CaseUpdate,
  type CaseView,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { findPerson } from '../people/people.queries.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { searchPeople } from '../people/people-search.service.ts';
import { profileFlagsOf } from '../people/profile.service.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { latestPerQuestionnaire, screeningFactsOfPerson, screeningFlagKey } from '../screening/screening-facts.ts';
import { sealCase } from './case-crypto.ts';
import { checkText, iso, isoOrNull, toSummary, toTask, type Meta } from './case-view.ts';
import * as q from './cases.queries.ts';

/**
 * The plan as the caseworker accepted or edited it: catalogue keys only, once each; a child's
 * best-interests steps are never left out (their due date may be changed).
 */
function acceptedPlan(
  sent: readonly { key: string; dueOn: string }[],
  bestInterests: readonly CaseTaskKey[],
): { key: CaseTaskKey; source: 'best_interests' | 'screening'; dueOn?: string }[] {
  sent.forEach((task, i) => {
    if (!isCaseTaskKey(task.key))
      throw new AppError('cases.unknown_task', { field: `plan.${i}.key`, params: { key: task.key } });
  });
  const dueOf = new Map(sent.map((task) => [task.key, task.dueOn]));
  const out: { key: CaseTaskKey; source: 'best_interests' | 'screening'; dueOn?: string }[] = bestInterests.map(
    (key) => ({ key, source: 'best_interests', ...(dueOf.has(key) ? { dueOn: dueOf.get(key) as string } : {}) }),
  );
  for (const task of sent)
    if (!out.some((o) => o.key === task.key))
      out.push({ key: task.key as CaseTaskKey, source: 'screening', dueOn: task.dueOn });
  // Planned in the order the work will be done: the case shows its tasks in this order.
  const today = new Date().toISOString().slice(0, 10);
  return out.sort((a, b) => (a.dueOn ?? today).localeCompare(b.dueOn ?? today));
}

export interface CasesDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

type CaseAction = 'read' | 'update';

export function createCasesService(deps: CasesDeps) {
  const { db, keyring, audit, clock } = deps;
  const today = () => clock().toISOString().slice(0, 10);

  const policyRecord = (row: q.CaseRow) => ({
    type: 'case' as const,
    orgId: row.org_id,
    ownerId: row.assigned_account_id,
    teamId: row.team_id,
  });

  /** A case of the actor's organisation the actor may act on; another organisation's case is "not found". */
  async function loadFor(actor: Actor, action: CaseAction, id: string): Promise<q.CaseRow> {
    const row = await q.findCase(db, id);
    if (!row || !actor.orgId || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, policyRecord(row))) throw new AppError('policy.denied');
    return row;
  }

  const mayWork = (actor: Actor, row: q.CaseRow) => can(actor, 'update', policyRecord(row));

  /** The flags and suggested tasks of the person's latest screenings (decrypted; the caller audits). */
  async function screeningSituation(
    orgId: string,
    personId: string | null,
  ): Promise<{ flags: string[]; suggested: string[] }> {
    if (!personId) return { flags: [], suggested: [] };
    const latest = latestPerQuestionnaire(await screeningFactsOfPerson(db, keyring, orgId, personId));
    return {
      flags: latest.flatMap((s) => s.flags.map((f) => f.flag)),
      suggested: latest.flatMap((s) => s.flags.flatMap((f) => f.suggestedTasks)),
    };
  }

  async function checkAssignee(orgId: string, accountId: string | null | undefined, field: string): Promise<void> {
    if (accountId && !(await q.accountInOrg(db, accountId, orgId)))
      throw new AppError('cases.unknown_assignee', { field });
  }

  async function checkTeam(orgId: string, teamId: string | null | undefined): Promise<void> {
    if (teamId && !(await q.teamInOrg(db, teamId, orgId)))
      throw new AppError('cases.unknown_team', { field: 'teamId' });
  }

  /** The case as the API shows it (no audit here: callers audit). */
  async function view(actor: Actor, row: q.CaseRow): Promise<CaseView> {
    const person = row.person_id ? await findPerson(db, row.person_id) : undefined;
    const names = person ? await decryptPersonColumns(keyring, row.org_id, person, ['given_names', 'surnames']) : {};
    const day = today();
    const tasks = await Promise.all((await q.listTasks(db, row.id)).map((t) => toTask(keyring, row.org_id, t, day)));
    const situation = row.status === 'closed' ? { suggested: [] } : await screeningSituation(row.org_id, row.person_id);
    const planned = tasks.map((t) => t.key ?? '');
    return {
      id: row.id,
      personId: row.person_id,
      householdId: row.household_id,
      givenNames: names.givenNames ?? null,
      surnames: names.surnames ?? null,
      nationality: person?.nationality ?? null,
      status: row.status,
      assignedAccountId: row.assigned_account_id,
      assignedName: row.assigned_name,
      teamId: row.team_id,
      teamName: row.team_name,
      openedAt: iso(row.opened_at),
      openedBy: row.opened_by,
      closedAt: isoOrNull(row.closed_at),
      version: Number(row.version),
      childProtection: row.child_protection,
      tasks,
      suggestedTasks: offeredTaskKeys(situation.suggested, planned).map((key) => ({
        key,
        label: { ...caseTaskCatalogue[key].label },
      })),
      canUpdate: mayWork(actor, row),
    };
  }

  async function open(actor: Actor, input: CaseCreate, meta: Meta = {}): Promise<CaseView> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const orgId = actor.orgId;
    if (!input.personId && !input.householdId) throw new AppError('cases.subject_required', { field: 'personId' });
    const person = input.personId ? await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' }) : null;
    if (input.householdId && (await q.householdOrg(db, input.householdId)) !== orgId)
      throw new AppError('record.not_found', { field: 'householdId' });
    await checkTeam(orgId, input.teamId);
    await checkAssignee(orgId, input.assignedAccountId, 'assignedAccountId');
    const teamId = input.teamId ?? person?.team_id ?? actor.teamIds[0] ?? null;
    const assigned = input.assignedAccountId ?? actor.accountId;
    if (!can(actor, 'create', { type: 'case', orgId, ownerId: assigned, teamId })) throw new AppError('policy.denied');

    const situation = await screeningSituation(orgId, person?.id ?? null);
    // The differentiated profile (people module) says it too when the screening has not been done yet.
    const profile = person ? await profileFlagsOf(db, keyring, person.id, clock()) : [];
    const bestInterests = initialPlanKeys({ flags: situation.flags, profile });
    const offered = input.includeSuggestedTasks ? offeredTaskKeys(situation.suggested, bestInterests) : [];
    const at = clock();
    const openedOn = at.toISOString().slice(0, 10);
    const plan: { key: CaseTaskKey; source: 'best_interests' | 'screening'; dueOn?: string }[] = input.plan
      ? acceptedPlan(input.plan, bestInterests)
      : [
          ...bestInterests.map((key) => ({ key, source: 'best_interests' as const })),
          ...offered.map((key) => ({ key, source: 'screening' as const })),
        ];
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await q.insertCase(tx, {
        id,
        orgId,
        personId: person?.id ?? null,
        householdId: input.householdId ?? null,
        assignedAccountId: assigned,
        teamId,
        childProtection: bestInterests.length > 0,
        by: actor.accountId,
        at,
      });
      await q.insertEvent(tx, {
        caseId: id,
        orgId,
        kind: 'opened',
        actor: actor.accountId,
        at,
        data: { assignedAccountId: assigned, ...(teamId ? { teamId } : {}) },
        version: 1,
      });
      for (const task of plan) {
        const taskId = await q.insertTask(tx, {
          caseId: id,
          orgId,
          key: task.key,
          description: null,
          source: task.source,
          ownerAccountId: assigned,
          dueOn: task.dueOn ?? suggestedDueDate(task.key, openedOn),
          by: actor.accountId,
          at,
        });
        await q.insertEvent(tx, {
          caseId: id,
          orgId,
          kind: 'task_added',
          actor: actor.accountId,
          at,
          refId: taskId,
          data: { key: task.key, source: task.source },
        });
      }
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'case.open',
        recordType: 'case',
        recordId: id,
        orgId,
        fields: ['status', 'assigned_account_id', 'team_id', ...(plan.length ? ['case_tasks'] : [])],
        ip: meta.ip ?? null,
        details: {
          version: 1,
          personId: person?.id ?? null,
          householdId: input.householdId ?? null,
          plannedTasks: plan.length,
        },
      });
    });
    return view(actor, (await q.findCase(db, id)) as q.CaseRow);
  }

  async function get(actor: Actor, id: string, meta: Meta = {}): Promise<CaseView> {
    const row = await loadFor(actor, 'read', id);
    const out = await view(actor, row);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'case.read',
      recordType: 'case',
      recordId: id,
      orgId: row.org_id,
      fields: ['case', 'case_tasks', 'person.names'],
      ip: meta.ip ?? null,
    });
    return out;
  }

  /** 409 record.conflict naming the header fields changed since the version the user read. */
  async function stale(id: string, version: number): Promise<never> {
    const names = (await q.fieldsChangedSince(db, id, version)).join(', ') || 'version';
    throw new AppError('record.conflict', { field: names, params: { fields: names } });
  }

  /** Applies a header change with its events in one transaction; stale versions are refused. */
  async function writeHeader(
    actor: Actor,
    row: q.CaseRow,
    version: number,
    change: q.HeaderChange,
    events: Omit<q.NewEvent, 'caseId' | 'orgId' | 'actor' | 'at' | 'version'>[],
    action: string,
    meta: Meta,
  ): Promise<CaseView> {
    if (Number(row.version) !== version) return stale(row.id, version);
    const at = clock();
    const fields = [...new Set(events.flatMap((e) => e.fields ?? []))];
    const next = await db.transaction(async (tx) => {
      const v = await q.updateCaseHeader(tx, row.id, version, at, change);
      if (v === null) return null;
      for (const e of events)
        await q.insertEvent(tx, { ...e, caseId: row.id, orgId: row.org_id, actor: actor.accountId, at, version: v });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action,
        recordType: 'case',
        recordId: row.id,
        orgId: row.org_id,
        fields,
        ip: meta.ip ?? null,
        details: { version: v },
      });
      return v;
    });
    if (next === null) return stale(row.id, version);
    return view(actor, (await q.findCase(db, row.id)) as q.CaseRow);
  }

  async function update(actor: Actor, id: string, input: CaseUpdate, meta: Meta = {}): Promise<CaseView> {
    const row = await loadFor(actor, 'update', id);
    if (Number(row.version) !== input.version) return stale(id, input.version);
    const change: q.HeaderChange = {};
    const events: Omit<q.NewEvent, 'caseId' | 'orgId' | 'actor' | 'at' | 'version'>[] = [];
    if (input.status !== undefined && input.status !== row.status) {
      if (row.status === 'closed') throw new AppError('cases.closed', { field: 'status' });
      change.status = input.status;
      events.push({ kind: 'status_changed', data: { from: row.status, to: input.status }, fields: ['status'] });
    }
    if (input.assignedAccountId !== undefined && input.assignedAccountId !== row.assigned_account_id) {
      await checkAssignee(row.org_id, input.assignedAccountId, 'assignedAccountId');
      change.assigned_account_id = input.assignedAccountId;
      events.push({
        kind: 'assigned',
        data: {
          ...(row.assigned_account_id ? { from: row.assigned_account_id } : {}),
          ...(input.assignedAccountId ? { to: input.assignedAccountId } : {}),
        },
        fields: ['assignedAccountId'],
      });
    }
    if (input.teamId !== undefined && input.teamId !== row.team_id) {
      await checkTeam(row.org_id, input.teamId);
      change.team_id = input.teamId;
      events.push({
        kind: 'team_changed',
        data: { ...(row.team_id ? { from: row.team_id } : {}), ...(input.teamId ? { to: input.teamId } : {}) },
        fields: ['teamId'],
      });
    }
    if (events.length === 0) return view(actor, row);
    return writeHeader(actor, row, input.version, change, events, 'case.update', meta);
  }

  async function close(actor: Actor, id: string, input: CaseReason, meta: Meta = {}): Promise<CaseView> {
    const row = await loadFor(actor, 'update', id);
    const reason = checkText(input.reason, 'reason', CASE_REASON_MAX, {
      required: 'cases.reason_required',
      tooLong: 'cases.reason_too_long',
    });
    if (Number(row.version) !== input.version) return stale(id, input.version);
    if (row.status === 'closed') throw new AppError('cases.already_closed', { field: 'status' });
    const sealed = await sealCase(keyring, row.org_id, 'case_events', 'reason', reason);
    return writeHeader(
      actor,
      row,
      input.version,
      { status: 'closed', closed_at: clock() },
      [{ kind: 'closed', data: { from: row.status }, fields: ['status'], reason: sealed }],
      'case.close',
      meta,
    );
  }

  async function reopen(actor: Actor, id: string, input: CaseReason, meta: Meta = {}): Promise<CaseView> {
    const row = await loadFor(actor, 'update', id);
    const reason = checkText(input.reason, 'reason', CASE_REASON_MAX, {
      required: 'cases.reason_required',
      tooLong: 'cases.reason_too_long',
    });
    if (Number(row.version) !== input.version) return stale(id, input.version);
    if (row.status !== 'closed') throw new AppError('cases.not_closed', { field: 'status' });
    const sealed = await sealCase(keyring, row.org_id, 'case_events', 'reason', reason);
    return writeHeader(
      actor,
      row,
      input.version,
      { status: 'active', closed_at: null },
      [{ kind: 'reopened', data: { to: 'active' }, fields: ['status'], reason: sealed }],
      'case.reopen',
      meta,
    );
  }

  async function list(actor: Actor, query: CaseListQuery, meta: Meta = {}) {
    const scope = listScope(actor, 'read', 'case');
    if (!actor.orgId || !scope || scope === 'shared') throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const after = query.cursor
      ? decodeCursor<{ at: string; id: string }>(
          query.cursor,
          (c) => typeof c.at === 'string' && typeof c.id === 'string',
        )
      : null;
    const filters: q.CaseListFilters = {
      status: query.status,
      assignedTo: query.assignedTo === 'me' ? actor.accountId : query.assignedTo,
      teamId: query.teamId,
      nationality: query.nationality,
      openedFrom: query.openedFrom,
      openedTo: query.openedTo,
      personId: query.personId,
    };
    if (query.flag) filters.flagKey = await screeningFlagKey(keyring, orgId, query.flag);
    if (query.q?.trim()) {
      const personScope = listScope(actor, 'read', 'person');
      if (!personScope || personScope === 'shared') return { items: [], nextCursor: null };
      const found = await searchPeople(
        { db, keyring },
        { scope: personScope, orgId, accountId: actor.accountId, teamIds: actor.teamIds },
        {},
        query.q,
        200,
        undefined,
      );
      filters.personIds = found.items.map((p) => p.id);
    }
    const rows = await q.listCases(
      db,
      { scope, orgId, accountId: actor.accountId, teamIds: actor.teamIds },
      filters,
      today(),
      after,
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const items = await Promise.all(
      page.map(async (r) => toSummary(r, await decryptPersonColumns(keyring, orgId, r, ['given_names', 'surnames']))),
    );
    const last = page[page.length - 1];
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: query.q ? 'case.search' : 'case.list',
      recordType: 'case',
      orgId,
      fields: ['person.names', 'nationality', 'status'],
      ip: meta.ip ?? null,
      details: { returned: items.length, ids: items.map((i) => i.id).join(',') },
    });
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: iso(last.opened_at), id: last.id }) : null,
    };
  }

  async function assignees(actor: Actor) {
    if (!actor.orgId || !listScope(actor, 'read', 'case')) throw new AppError('policy.denied');
    return q.assignees(db, actor.orgId);
  }

  return { loadFor, mayWork, view, open, get, update, close, reopen, list, assignees, today };
}

export type CasesService = ReturnType<typeof createCasesService>;
