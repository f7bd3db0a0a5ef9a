// Procedures on a person's file: open one, enter the date that triggers each step (the deadline
// is computed from the law and stored with its rule and version), mark steps done, move stages.
// Every decision goes through can(); every change is audited in its own transaction.
import {
  can,
  findProcedureType,
  type Actor,
  type ProcedureTimelineItem,
  type ProcedureType,
  type ProcedureView,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { filingViews } from './filing-view.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { recordHistory } from '../audit/record-history.ts';
import { timelineItem, timelineKinds } from './procedure-timeline.ts';
import * as q from './procedures.queries.ts';
import { computeStepDeadline } from './step-deadline.ts';
import { buildProcedureView, todayIn } from './procedure-view.ts';

export interface ProceduresDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  /** Decrypts receipt names of filings; without it (the demo seeder) filings show no name. */
  keyring?: Keyring;
}

interface Meta {
  ip?: string | null;
}

export function typeOf(row: q.ProcedureRow): ProcedureType {
  const type = findProcedureType(row.type, row.type_version);
  if (!type) throw new AppError('procedures.unknown_type', { params: { type: row.type } });
  return type;
}

export function createProceduresService({ db, audit, clock, keyring }: ProceduresDeps) {
  async function today(orgId: string): Promise<string> {
    return todayIn(await q.orgTimeZone(db, orgId), clock());
  }

  /** A procedure the actor may act on; another organisation's is "not found". */
  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<q.ProcedureRow> {
    const row = await q.findProcedure(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (
      !can(actor, action, { type: 'procedure', orgId: row.org_id, ownerId: row.owner_account_id, teamId: row.team_id })
    )
      throw new AppError('policy.denied');
    return row;
  }

  async function view(row: q.ProcedureRow): Promise<ProcedureView> {
    const filings = await filingViews({ db, keyring, clock }, [row.id]);
    return buildProcedureView(
      row,
      typeOf(row),
      await q.listSteps(db, [row.id]),
      await today(row.org_id),
      filings.get(row.id),
    );
  }

  async function create(
    actor: Actor,
    input: { personId: string; type: string; stage?: string | undefined },
    meta: Meta = {},
  ): Promise<ProcedureView> {
    const type = findProcedureType(input.type);
    if (!type) throw new AppError('procedures.unknown_type', { field: 'type', params: { type: input.type } });
    const stage = input.stage ?? type.stages[0] ?? 'open';
    if (!type.stages.includes(stage))
      throw new AppError('procedures.unknown_stage', { field: 'stage', params: { stage } });
    const person = await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' });
    const teamId = person.team_id ?? actor.teamIds[0] ?? null;
    if (!can(actor, 'create', { type: 'procedure', orgId: person.org_id, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    const id = await db.transaction(async (tx) => {
      const created = await q.insertProcedure(tx, {
        orgId: person.org_id,
        personId: person.id,
        type: type.id,
        typeVersion: type.version,
        stage,
        ownerAccountId: actor.accountId,
        teamId,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.create',
        recordType: 'procedure',
        recordId: created,
        orgId: person.org_id,
        ip: meta.ip ?? null,
        details: { type: type.id, personId: person.id },
      });
      return created;
    });
    return view((await q.findProcedure(db, id)) as q.ProcedureRow);
  }

  async function get(actor: Actor, id: string, meta: Meta = {}): Promise<ProcedureView> {
    const row = await loadFor(actor, 'read', id);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'procedure.read',
      recordType: 'procedure',
      recordId: id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
    });
    return view(row);
  }

  /** The procedure's history from the audit log: opened, steps set and done, recomputed dates, stages. */
  async function timeline(actor: Actor, id: string, meta: Meta = {}): Promise<ProcedureTimelineItem[]> {
    const row = await loadFor(actor, 'read', id);
    const entries = await recordHistory(db, {
      recordType: 'procedure',
      recordId: id,
      actions: Object.keys(timelineKinds),
    });
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'procedure.timeline_read',
      recordType: 'procedure',
      recordId: id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
    });
    return entries.map((e) => timelineItem(e));
  }

  async function listForPerson(actor: Actor, personId: string): Promise<ProcedureView[]> {
    await ownPersonFor(db, actor, 'read', personId);
    const rows = (await q.listProceduresOfPerson(db, personId)).filter((r) =>
      can(actor, 'read', { type: 'procedure', orgId: r.org_id, ownerId: r.owner_account_id, teamId: r.team_id }),
    );
    const steps = await q.listSteps(
      db,
      rows.map((r) => r.id),
    );
    const day = await today(actor.orgId as string);
    const filings = await filingViews(
      { db, keyring, clock },
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      buildProcedureView(
        r,
        typeOf(r),
        steps.filter((s) => s.procedure_id === r.id),
        day,
        filings.get(r.id),
      ),
    );
  }

  async function setTrigger(
    actor: Actor,
    id: string,
    stepKey: string,
    input: {
      trigger: string;
      window?: { opens: string; closes: string } | undefined;
      details?: Record<string, string | undefined> | undefined;
    },
    meta: Meta = {},
  ): Promise<ProcedureView> {
    const row = await loadFor(actor, 'update', id);
    const step = typeOf(row).steps.find((s) => s.key === stepKey);
    if (!step) throw new AppError('procedures.unknown_step', { params: { step: stepKey } });
    const details = input.details
      ? (Object.fromEntries(Object.entries(input.details).filter(([, v]) => v !== undefined)) as Record<string, string>)
      : null;
    let write: q.StepWrite = {
      procedureId: id,
      orgId: row.org_id,
      stepKey,
      ruleId: null,
      ruleVersion: null,
      calendarId: null,
      trigger: input.trigger,
      window: null,
      dueDate: null,
      dueInstant: null,
      explanation: null,
      legalBasis: null,
      needsLegalReview: false,
      details,
    };
    if (step.ruleId) {
      const { result, dueDate, dueInstant } = await computeStepDeadline(db, {
        ruleId: step.ruleId,
        trigger: input.trigger,
        window: input.window,
      });
      write = {
        ...write,
        ruleId: result.ruleId,
        ruleVersion: result.ruleVersion,
        calendarId: result.calendarId,
        window: result.window ?? null,
        dueDate,
        dueInstant,
        explanation: result.explanation,
        legalBasis: result.legalBasis.citation,
        needsLegalReview: result.needsLegalReview,
      };
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.trigger)) {
      throw new AppError('procedures.invalid_trigger', { field: 'trigger', params: { value: input.trigger } });
    } else {
      // A milestone (interview, hearing): its date is what the agenda shows.
      write = { ...write, dueDate: input.trigger };
    }
    await db.transaction(async (tx) => {
      await q.upsertStep(tx, write);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.step_set',
        recordType: 'procedure',
        recordId: id,
        orgId: row.org_id,
        fields: [stepKey],
        ip: meta.ip ?? null,
        details: { dueDate: write.dueDate },
      });
    });
    return view(row);
  }

  async function complete(
    actor: Actor,
    id: string,
    stepKey: string,
    completedOn: string,
    meta: Meta = {},
  ): Promise<ProcedureView> {
    const row = await loadFor(actor, 'update', id);
    await db.transaction(async (tx) => {
      if ((await q.completeStep(tx, id, stepKey, completedOn)) === 0)
        throw new AppError('procedures.unknown_step', { params: { step: stepKey } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.step_done',
        recordType: 'procedure',
        recordId: id,
        orgId: row.org_id,
        fields: [stepKey],
        ip: meta.ip ?? null,
        details: { completedOn },
      });
    });
    return view(row);
  }

  async function moveStage(
    actor: Actor,
    id: string,
    stage: string,
    version: number,
    meta: Meta = {},
  ): Promise<ProcedureView> {
    const row = await loadFor(actor, 'update', id);
    const type = typeOf(row);
    if (!type.stages.includes(stage))
      throw new AppError('procedures.unknown_stage', { field: 'stage', params: { stage } });
    await db.transaction(async (tx) => {
      if ((await q.changeStage(tx, id, version, stage, stage === 'closed')) === 0)
        throw new AppError('record.conflict', { field: 'version', params: { fields: 'stage' } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.stage',
        recordType: 'procedure',
        recordId: id,
        orgId: row.org_id,
        fields: ['stage'],
        ip: meta.ip ?? null,
        details: { from: row.stage, to: stage },
      });
    });
    return view((await q.findProcedure(db, id)) as q.ProcedureRow);
  }

  return { create, get, timeline, listForPerson, setTrigger, complete, moveStage, today, loadFor, view };
}

export type ProceduresService = ReturnType<typeof createProceduresService>;
