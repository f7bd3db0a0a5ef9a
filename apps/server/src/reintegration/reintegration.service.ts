// Reception of deported and returned people, the reintegration needs assessment, its plan of
// referrals and the follow-ups at 30, 90 and 180 days. A reception is case work about a person
// of the organisation, so access is decided with the 'case' grants of can() (owner = the
// responsible account, team = the person's team). Referrals are made by the referrals module
// (its consent rule applies: no referral consent, no referral); this module only links them to
// a need area. Every write is one transaction with its audit entry; every read is audited.
import { randomUUID } from 'node:crypto';
import {
  can,
  followUpMilestones,
  isRealDate,
  listScope,
  type Actor,
  type AssessmentInput,
  type FollowUp,
  type FollowUpRecord,
  type PlanExternalReferralCreate,
  type PlanReferralCreate,
  type Reception,
  type ReceptionCreate,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import type { ReferralsService } from '../referrals/referrals.service.ts';
import { open, seal } from './reintegration-crypto.ts';
import * as q from './reintegration.queries.ts';
import { portOfEntryOf, sealPortOfEntry } from './port-of-entry.ts';
import { createExternalReferrals } from '../referrals/external-referrals.service.ts';
import { createPlanView } from './plan-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ReintegrationDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  referrals: ReferralsService;
}
type Meta = { ip?: string | null };

const asCase = (r: { org_id: string; owner_account_id: string | null; team_id: string | null }) => ({
  type: 'case' as const,
  orgId: r.org_id,
  ownerId: r.owner_account_id,
  teamId: r.team_id,
});

export function scopeOf(actor: Actor): q.Scope {
  const scope = listScope(actor, 'read', 'case');
  if (!scope || scope === 'shared' || !actor.orgId) throw new AppError('policy.denied');
  return { scope, orgId: actor.orgId, accountId: actor.accountId, teamIds: actor.teamIds };
}

export function createReintegrationService({ db, keyring, audit, clock, referrals }: ReintegrationDeps) {
  const today = () => clock().toISOString().slice(0, 10);
  const external = createExternalReferrals({ db, keyring, audit, clock });
  const planOf = createPlanView(db, referrals, external);

  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<q.ReceptionRow> {
    const row = await q.findReception(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, asCase(row))) throw new AppError('policy.denied');
    return row;
  }

  async function names(row: { org_id: string; given_names: unknown; surnames: unknown }) {
    const n = await decryptPersonColumns(keyring, row.org_id, row, ['given_names', 'surnames']);
    return { givenNames: n.givenNames ?? '', surnames: n.surnames ?? '' };
  }

  async function followUpView(f: q.FollowUpRow, day: string): Promise<FollowUp> {
    return {
      id: f.id,
      receptionId: f.reception_id,
      milestone: Number(f.milestone),
      dueOn: f.due_on,
      doneOn: f.done_on,
      outcome: f.outcome as FollowUp['outcome'],
      note: await open(keyring, f.org_id, 'reintegration_follow_ups', 'note', f.note),
      overdue: f.done_on === null && f.due_on < day,
    };
  }

  async function view(actor: Actor, row: q.ReceptionRow): Promise<Reception> {
    const o = (
      column: 'family_left_behind' | 'belongings_retained' | 'documents_retained' | 'notes' | 'staying_place',
    ) => open(keyring, row.org_id, 'reintegration_receptions', column, row[column]);
    const assessment = await q.findAssessment(db, row.id);
    const needsJson = assessment
      ? await open(keyring, row.org_id, 'reintegration_assessments', 'needs', assessment.needs)
      : null;
    const plan = await planOf(actor, row.id);
    const day = today();
    return {
      id: row.id,
      personId: row.person_id,
      ...(await names(row)),
      receivedOn: row.received_on,
      arrivalMode: row.arrival_mode,
      portOfEntry: await portOfEntryOf(keyring, row),
      returnedFrom: row.returned_from,
      returningAuthority: row.returning_authority,
      familyLeftBehind: await o('family_left_behind'),
      stayingPlace: await o('staying_place'),
      belongingsRetained: await o('belongings_retained'),
      documentsRetained: await o('documents_retained'),
      notes: await o('notes'),
      ownerAccountId: row.owner_account_id,
      assessment:
        assessment && needsJson
          ? { assessedOn: assessment.assessed_on, needs: JSON.parse(needsJson) as AssessmentInput['needs'] }
          : null,
      plan,
      followUps: await Promise.all((await q.followUpsOf(db, row.id)).map((f) => followUpView(f, day))),
      version: Number(row.version),
    };
  }

  const auditRead = (actor: Actor, row: q.ReceptionRow, meta: Meta) =>
    audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'reintegration.read',
      recordType: 'reintegration',
      recordId: row.id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
      fields: [
        'given_names',
        'surnames',
        'family_left_behind',
        'belongings_retained',
        'documents_retained',
        'notes',
        'staying_place',
        'needs',
      ],
      details: { personId: row.person_id },
    });

  async function get(actor: Actor, id: string, meta: Meta = {}): Promise<Reception> {
    const row = await loadFor(actor, 'read', id);
    const result = await view(actor, row);
    await auditRead(actor, row, meta);
    return result;
  }

  async function create(actor: Actor, input: ReceptionCreate, meta: Meta = {}): Promise<Reception> {
    const person = await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' });
    const teamId = person.team_id ?? actor.teamIds[0] ?? null;
    if (!can(actor, 'create', { type: 'case', orgId: person.org_id, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    if (input.receivedOn > today())
      throw new AppError('validation.invalid_value', { field: 'receivedOn', params: { field: 'receivedOn' } });
    const s = (
      column: 'family_left_behind' | 'belongings_retained' | 'documents_retained' | 'notes' | 'staying_place',
      v: string | undefined,
    ) => seal(keyring, person.org_id, 'reintegration_receptions', column, v);
    const sealed = {
      family_left_behind: await s('family_left_behind', input.familyLeftBehind),
      belongings_retained: await s('belongings_retained', input.belongingsRetained),
      documents_retained: await s('documents_retained', input.documentsRetained),
      notes: await s('notes', input.notes),
      staying_place: await s('staying_place', input.stayingPlace),
    };
    const sealedPort = await sealPortOfEntry(keyring, person.org_id, input.portOfEntry);
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await q.insertReception(tx, {
        id,
        orgId: person.org_id,
        personId: person.id,
        ownerAccountId: actor.accountId,
        teamId,
        receivedOn: input.receivedOn,
        arrivalMode: input.arrivalMode,
        portOfEntry: sealedPort,
        returnedFrom: input.returnedFrom,
        authority: input.returningAuthority,
        sealed,
        by: actor.accountId,
        at: clock(),
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'reintegration.reception_create',
        recordType: 'reintegration',
        recordId: id,
        orgId: person.org_id,
        ip: meta.ip ?? null,
        fields: Object.keys(sealed).filter((k) => sealed[k as keyof typeof sealed]),
        details: { personId: person.id },
      });
    });
    return view(actor, (await q.findReception(db, id)) as q.ReceptionRow);
  }

  async function list(
    actor: Actor,
    query: { personId?: string | undefined; limit: number; cursor?: string | undefined },
    meta: Meta = {},
  ) {
    const scope = scopeOf(actor);
    const after = query.cursor
      ? decodeCursor<{ on: string; id: string }>(
          query.cursor,
          (v) => typeof v.on === 'string' && typeof v.id === 'string',
        )
      : null;
    const rows = await q.listReceptions(db, scope, { personId: query.personId, after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const items = await Promise.all(
      page.map(async (r) => ({
        id: r.id,
        personId: r.person_id,
        ...(await names(r)),
        receivedOn: r.received_on,
        portOfEntry: await portOfEntryOf(keyring, r),
        returnedFrom: r.returned_from,
        assessed: Boolean(r.assessed),
        nextFollowUp: r.next_follow_up,
      })),
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'reintegration.list',
      recordType: 'reintegration',
      orgId: actor.orgId,
      ip: meta.ip ?? null,
      fields: ['given_names', 'surnames'],
      details: { count: items.length },
    });
    const last = page.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ on: last.received_on, id: last.id }) : null,
    };
  }

  /** Saves the needs assessment and (re)plans the follow-ups at 30, 90 and 180 days from it. */
  async function assess(actor: Actor, id: string, input: AssessmentInput, meta: Meta = {}): Promise<Reception> {
    const row = await loadFor(actor, 'update', id);
    if (input.assessedOn < row.received_on || input.assessedOn > today())
      throw new AppError('validation.invalid_value', { field: 'assessedOn', params: { field: 'assessedOn' } });
    const areas = input.needs.map((n) => n.area);
    if (new Set(areas).size !== areas.length)
      throw new AppError('validation.invalid_value', { field: 'needs', params: { field: 'needs' } });
    const needs = (await seal(
      keyring,
      row.org_id,
      'reintegration_assessments',
      'needs',
      JSON.stringify(input.needs),
    )) as Buffer;
    await db.transaction(async (tx) => {
      await q.upsertAssessment(tx, {
        receptionId: id,
        orgId: row.org_id,
        assessedOn: input.assessedOn,
        needs,
        by: actor.accountId,
        at: clock(),
      });
      await q.planFollowUps(tx, {
        receptionId: id,
        orgId: row.org_id,
        assessedOn: input.assessedOn,
        milestones: followUpMilestones,
      });
      await q.bumpReception(tx, id);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'reintegration.assess',
        recordType: 'reintegration',
        recordId: id,
        orgId: row.org_id,
        ip: meta.ip ?? null,
        fields: ['needs'],
        details: { assessedOn: input.assessedOn },
      });
    });
    return view(actor, (await q.findReception(db, id)) as q.ReceptionRow);
  }

  /** One referral of the plan, sent by the referrals module (consent and chosen fields apply). */
  async function refer(actor: Actor, id: string, input: PlanReferralCreate, meta: Meta = {}): Promise<Reception> {
    const row = await loadFor(actor, 'update', id);
    if (!(await q.findAssessment(db, id))) throw new AppError('reintegration.assessment_required');
    const { area, ...referral } = input;
    const sent = await referrals.create(actor, { ...referral, personId: row.person_id }, meta);
    await db.transaction(async (tx) => {
      await q.linkReferral(tx, id, sent.id, area, clock());
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'reintegration.plan_referral',
        recordType: 'reintegration',
        recordId: id,
        orgId: row.org_id,
        ip: meta.ip ?? null,
        details: { referralId: sent.id, area },
      });
    });
    return view(actor, row);
  }

  /** One referral of the plan made outside Acompaña (phone, letter, accompanied visit…). */
  async function referExternal(
    actor: Actor,
    id: string,
    input: PlanExternalReferralCreate,
    meta: Meta = {},
  ): Promise<Reception> {
    const row = await loadFor(actor, 'update', id);
    if (!(await q.findAssessment(db, id))) throw new AppError('reintegration.assessment_required');
    const { area, ...referral } = input;
    const made = await external.create(
      actor,
      { ...referral, personId: row.person_id },
      { receptionId: id, area },
      meta,
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'reintegration.plan_referral',
      recordType: 'reintegration',
      recordId: id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
      details: { externalReferralId: made.id, area },
    });
    return view(actor, row);
  }

  async function recordFollowUp(
    actor: Actor,
    followUpId: string,
    input: FollowUpRecord,
    meta: Meta = {},
  ): Promise<FollowUp> {
    const f = await q.findFollowUp(db, followUpId);
    if (!f || f.org_id !== actor.orgId) throw new AppError('record.not_found');
    await loadFor(actor, 'update', f.reception_id);
    if (f.done_on) throw new AppError('reintegration.follow_up_done');
    if (input.doneOn > today())
      throw new AppError('validation.invalid_value', { field: 'doneOn', params: { field: 'doneOn' } });
    const note = await seal(keyring, f.org_id, 'reintegration_follow_ups', 'note', input.note);
    await db.transaction(async (tx) => {
      await q.recordFollowUp(tx, {
        id: followUpId,
        doneOn: input.doneOn,
        outcome: input.outcome,
        note,
        by: actor.accountId,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'reintegration.follow_up',
        recordType: 'reintegration',
        recordId: f.reception_id,
        orgId: f.org_id,
        ip: meta.ip ?? null,
        fields: note ? ['note'] : [],
        details: { milestone: Number(f.milestone), outcome: input.outcome },
      });
    });
    return followUpView((await q.findFollowUp(db, followUpId)) as q.FollowUpRow, today());
  }

  async function followUps(
    actor: Actor,
    query: { status: 'open' | 'overdue' | 'done'; limit: number; cursor?: string | undefined },
    meta: Meta = {},
  ): Promise<{ items: FollowUp[]; nextCursor: string | null }> {
    const day = today();
    const after = query.cursor
      ? decodeCursor<{ on: string; id: string }>(
          query.cursor,
          (v) => typeof v.on === 'string' && isRealDate(v.on) && typeof v.id === 'string' && UUID.test(v.id),
        )
      : null;
    // One more than the page, to know whether another page follows.
    const rows = await q.listFollowUps(db, scopeOf(actor), {
      status: query.status,
      today: day,
      limit: query.limit + 1,
      after,
    });
    const page = rows.slice(0, query.limit);
    const items = await Promise.all(
      page.map(async (r) => ({ ...(await followUpView(r, day)), personId: r.person_id, ...(await names(r)) })),
    );
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({ on: query.status === 'done' ? last.done_on : last.due_on, id: last.id })
        : null;
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'reintegration.follow_up_list',
      recordType: 'reintegration',
      orgId: actor.orgId,
      ip: meta.ip ?? null,
      fields: ['given_names', 'surnames'],
      details: { status: query.status, count: items.length },
    });
    return { items, nextCursor };
  }

  return { loadFor, get, create, list, assess, refer, referExternal, recordFollowUp, followUps, external };
}

export type ReintegrationService = ReturnType<typeof createReintegrationService>;
