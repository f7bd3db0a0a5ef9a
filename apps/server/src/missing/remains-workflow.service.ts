// The forensic workflow of unidentified remains (decision 0147): examined → candidates reviewed →
// identification proposed → identified (confirmed by a second person: the four-eyes confirmation
// of decision 0138, always two people here whatever the organisation's setting) → family informed
// (by the report's case owner, only after the confirmation) → released. Each step is a row of the
// remains' history and an audit entry; nothing is told to a family before the confirmation — the
// system never contacts a family, and the step that records that the family was told is refused
// until two people have confirmed the identification.
//
// The stage of the identification is read from the pairs themselves (a pair proposed or confirmed
// from the report's review queue moves the remains too), so the two ways never disagree.
import { can, type Actor, type ForensicStage, type ForensicState, type ForensicStep } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import type { MissingService, RequestMeta } from './missing.service.ts';
import type { AmPmRecordsService } from './ampm-records.service.ts';
import { createMatchDecisions } from './match-decision.ts';
import * as cq from './confirmation.queries.ts';
import { iso } from './missing-mapping.ts';
import type { FoundRow } from './missing.queries.ts';
import * as rq from './ampm-records.queries.ts';
import * as wq from './remains-workflow.queries.ts';
import { WORKFLOW_DETAILS as DETAILS } from './missing-crypto.ts';

export interface WorkflowDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  missing: MissingService;
  records: AmPmRecordsService;
}

/** The stage as the pairs show it: a proposal or a confirmation made from a review queue counts. */
export function effectiveStage(stored: ForensicStage, pairs: readonly { review_status: string }[]): ForensicStage {
  if (stored === 'family_informed' || stored === 'released') return stored;
  if (pairs.some((p) => p.review_status === 'confirmed')) return 'identified';
  if (pairs.some((p) => p.review_status === 'proposed')) return 'identification_proposed';
  if (stored === 'identified' || stored === 'identification_proposed') return 'candidates_reviewed';
  return stored;
}

export function createRemainsWorkflow(deps: WorkflowDeps) {
  const { db, keyring, audit, clock, missing, records } = deps;
  const decisions = createMatchDecisions(deps);

  const recordOf = (row: FoundRow) => ({
    type: 'missing_report' as const,
    orgId: row.org_id,
    ownerId: row.owner_account_id,
    teamId: row.team_id,
  });

  async function load(actor: Actor, foundId: string) {
    const row = await missing.loadFound(actor, foundId);
    if (row.kind !== 'unidentified_remains') throw new AppError('missing.not_remains');
    const pairs = await wq.remainsPairs(db, foundId, row.org_id);
    const stored = (typeof row.forensic_stage === 'string' ? row.forensic_stage : 'registered') as ForensicStage;
    return { row, pairs, stored, stage: effectiveStage(stored, pairs) };
  }

  /** What the actor may do next (the screen shows only these). */
  function nextSteps(actor: Actor, s: Awaited<ReturnType<typeof load>>): string[] {
    if (!can(actor, 'update', recordOf(s.row))) return [];
    const open = s.pairs.filter((p) => p.review_status === 'pending' || p.review_status === 'needs_info');
    const proposed = s.pairs.filter((p) => p.review_status === 'proposed');
    const confirmed = s.pairs.find((p) => p.review_status === 'confirmed');
    switch (s.stage) {
      case 'registered':
        return s.row.post_mortem ? ['examined'] : [];
      case 'examined':
        return s.pairs.some((p) => p.review_status !== 'rejected') ? ['candidates_reviewed'] : [];
      case 'candidates_reviewed':
        return open.length ? ['propose_identification'] : [];
      case 'identification_proposed':
        return [
          ...(proposed.some((p) => p.confirmation_proposed_by === actor.accountId) ? ['withdraw_proposal'] : []),
          ...(proposed.some((p) => p.confirmation_proposed_by !== actor.accountId) ? ['confirm_identification'] : []),
        ];
      case 'identified':
        return confirmed?.report_owner_id === actor.accountId ? ['family_informed'] : [];
      case 'family_informed':
        return ['released'];
      default:
        return [];
    }
  }

  async function state(actor: Actor, foundId: string, meta: RequestMeta = {}): Promise<ForensicState> {
    const s = await load(actor, foundId);
    const history = await wq.steps(db, foundId);
    const items = [];
    for (const h of history) {
      const details = h.details
        ? (JSON.parse(await keyring.decrypt(s.row.org_id, DETAILS, h.details)) as Record<string, string>)
        : {};
      items.push({
        id: h.id,
        step: h.step,
        fromStage: h.from_stage,
        toStage: h.to_stage,
        actorAccountId: h.actor_account_id,
        at: iso(h.at),
        candidateId: h.candidate_id,
        ...details,
      });
    }
    const pairs = [];
    for (const p of s.pairs) {
      const readable = can(actor, 'read', {
        type: 'missing_report',
        orgId: s.row.org_id,
        ownerId: p.report_owner_id,
        teamId: p.report_team_id,
      });
      const dec = async (column: string, blob: unknown) =>
        blob === null || blob === undefined ? '' : keyring.decrypt(s.row.org_id, `missing_reports.${column}`, blob);
      const words = readable
        ? `${await dec('given_names', p.given_names)} ${await dec('surnames', p.surnames)}`.trim()
        : '';
      pairs.push({
        candidateId: p.id,
        reportId: p.report_id,
        score: Number(p.score),
        reviewStatus: p.review_status,
        confirmationProposedBy: p.confirmation_proposed_by,
        reportOwnerId: p.report_owner_id,
        ...(words ? { reportName: words } : {}),
      });
    }
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'found_record.forensic_read',
      recordType: 'missing_report',
      recordId: foundId,
      orgId: s.row.org_id,
      fields: ['forensic_stage', 'given_names', 'surnames'],
      ip: meta.ip ?? null,
      details: { stage: s.stage, pairs: pairs.length },
    });
    return {
      foundId,
      stage: s.stage,
      version: Number(s.row.version),
      examined: Boolean(s.row.post_mortem),
      pairs,
      history: items,
      next: nextSteps(actor, s),
    };
  }

  async function step(actor: Actor, foundId: string, input: ForensicStep, meta: RequestMeta = {}) {
    const s = await load(actor, foundId);
    const { row } = s;
    if (!can(actor, 'update', recordOf(row))) throw new AppError('policy.denied');
    if (Number(row.version) !== input.version)
      throw new AppError('record.conflict', { field: 'version', params: { fields: 'forensic_stage' } });
    const ip = meta.ip ?? null;
    const refuse = () => {
      throw new AppError('missing.forensic_step_not_allowed', { field: 'step', params: { field: 'step' } });
    };
    const pairOf = (wanted: (p: wq.RemainsPairRow) => boolean) => {
      const p = input.candidateId ? s.pairs.find((x) => x.id === input.candidateId) : s.pairs.find(wanted);
      if (!p)
        throw new AppError('missing.pair_not_of_remains', { field: 'candidateId', params: { field: 'candidateId' } });
      return p;
    };
    let to: ForensicStage = s.stage;
    let pair: wq.RemainsPairRow | null = null;
    let status: string | undefined;
    let postMortem: Buffer | null = null;
    switch (input.step) {
      case 'examined':
        if (s.stage !== 'registered') refuse();
        if (!row.post_mortem) throw new AppError('missing.remains_not_examined');
        to = 'examined';
        break;
      case 'candidates_reviewed':
        if (s.stage !== 'examined') refuse();
        if (!s.pairs.some((p) => p.review_status !== 'rejected')) refuse();
        to = 'candidates_reviewed';
        break;
      case 'propose_identification': {
        if (s.stage !== 'candidates_reviewed') refuse();
        pair = pairOf((p) => p.review_status === 'pending' || p.review_status === 'needs_info');
        if (pair.review_status !== 'pending' && pair.review_status !== 'needs_info') refuse();
        to = 'identification_proposed';
        break;
      }
      case 'withdraw_proposal':
        if (s.stage !== 'identification_proposed') refuse();
        pair = pairOf((p) => p.review_status === 'proposed' && p.confirmation_proposed_by === actor.accountId);
        // The proposal is withdrawn by its author, as in the review queue (audited there).
        await decisions.withdraw(actor, pair.id, ip);
        to = 'candidates_reviewed';
        break;
      case 'confirm_identification': {
        if (s.stage !== 'identification_proposed') refuse();
        pair = pairOf((p) => p.review_status === 'proposed');
        if (pair.review_status !== 'proposed') refuse();
        // Two people, always: whatever the organisation's setting for other matches.
        if (pair.confirmation_proposed_by === actor.accountId) throw new AppError('missing.second_person_required');
        // The confirmation itself is the review queue's (decision 0138): audited, the case owner and
        // the holder told — an account of the organisation, never the family.
        await decisions.decide(actor, pair.id, { decision: 'confirmed' }, ip);
        to = 'identified';
        status = 'identified';
        break;
      }
      case 'family_informed': {
        if (s.stage !== 'identified') throw new AppError('missing.not_confirmed');
        pair = pairOf((p) => p.review_status === 'confirmed');
        if (pair.review_status !== 'confirmed') throw new AppError('missing.not_confirmed');
        if (pair.report_owner_id !== actor.accountId) throw new AppError('missing.not_case_owner');
        to = 'family_informed';
        break;
      }
      case 'released': {
        if (s.stage !== 'family_informed') refuse();
        if (!input.releasedTo)
          throw new AppError('validation.required', { field: 'releasedTo', params: { field: 'releasedTo' } });
        to = 'released';
        status = 'returned_to_family';
        const pm = (await records.storedPostMortem(row)) ?? { dentalCharted: false };
        const released = {
          ...pm,
          whereabouts: {
            ...(pm.whereabouts ?? {}),
            status: 'released',
            releasedTo: input.releasedTo,
            since: input.on ?? clock().toISOString().slice(0, 10),
          },
        };
        postMortem = await keyring.encrypt(row.org_id, 'found_records.post_mortem', JSON.stringify(released));
        break;
      }
    }
    const details = Object.fromEntries(
      Object.entries({ method: input.method, on: input.on, releasedTo: input.releasedTo, note: input.note }).filter(
        ([, v]) => v !== undefined && v !== '',
      ),
    );
    const sealed = Object.keys(details).length
      ? await keyring.encrypt(row.org_id, DETAILS, JSON.stringify(details))
      : null;
    const note = input.step === 'propose_identification' && input.note ? input.note : null;
    const proposalNote = note ? await keyring.encrypt(row.org_id, 'match_candidates.note', note) : null;
    const at = clock();
    await db.transaction(async (tx) => {
      // The identification steps moved the pair already (in the review queue's own transaction);
      // the stage follows from the version the actor read, which the pair's move did not change.
      let version = await wq.moveStage(tx, foundId, input.version, to, at, status);
      if (version === null)
        throw new AppError('record.conflict', { field: 'version', params: { fields: 'forensic_stage' } });
      if (postMortem) {
        version = await rq.setPostMortem(tx, foundId, version, postMortem, {}, at);
        if (version === null)
          throw new AppError('record.conflict', { field: 'version', params: { fields: 'forensic_stage' } });
      }
      if (input.step === 'propose_identification' && pair) {
        const moved = await cq.moveReview(tx, {
          id: pair.id,
          from: pair.review_status,
          to: 'proposed',
          by: actor.accountId,
          at,
          note: proposalNote,
          proposal: 'set',
        });
        if (!moved) throw new AppError('missing.review_changed');
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'missing_report.candidate_confirmation_proposed',
          recordType: 'missing_report',
          recordId: pair.report_id,
          orgId: row.org_id,
          fields: ['review_status', ...(proposalNote ? ['note'] : [])],
          ip,
          details: {
            candidateId: pair.id,
            decision: 'proposed',
            previous: pair.review_status,
            candidateKind: 'found_record',
            candidateOrgId: row.org_id,
            workflow: 'forensic',
          },
        });
      }
      if (input.step === 'family_informed' && pair) {
        const reportStatus = await wq.markReportDeceased(tx, pair.report_id, at);
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'missing_report.family_informed',
          recordType: 'missing_report',
          recordId: pair.report_id,
          orgId: row.org_id,
          fields: ['status'],
          ip,
          details: { candidateId: pair.id, foundId, ...(reportStatus ? { from: 'open', to: reportStatus } : {}) },
        });
      }
      await wq.insertStep(tx, {
        foundId,
        orgId: row.org_id,
        step: input.step,
        from: s.stage,
        to,
        candidateId: pair?.id ?? null,
        actor: actor.accountId,
        at,
        details: sealed,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'found_record.forensic_step',
        recordType: 'missing_report',
        recordId: foundId,
        orgId: row.org_id,
        fields: [
          'forensic_stage',
          ...(status ? ['status'] : []),
          ...(postMortem ? ['post_mortem'] : []),
          ...(sealed ? ['details'] : []),
        ],
        ip,
        details: { step: input.step, from: s.stage, to, version, ...(pair ? { candidateId: pair.id } : {}) },
      });
    });
    return state(actor, foundId, meta);
  }

  return { state, step };
}

export type RemainsWorkflow = ReturnType<typeof createRemainsWorkflow>;
