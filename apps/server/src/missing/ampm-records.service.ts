// The structured ante-mortem data of a report and the post-mortem examination of remains, edited
// after the first registration (families remember more, a dentist's chart arrives, the autopsy is
// done after recovery); the laboratory's results of DNA comparisons; and the pair's side by side
// for review (decision 0147). Everything is encrypted with the other personal fields of the record,
// every read and write audited; an edit re-matches (the report at once, remains on the job queue).
import { randomUUID } from 'node:crypto';
import {
  can,
  compareMarks,
  compareRegions,
  compareTattooEntries,
  compareTeeth,
  inReadersWords,
  validateAnteMortem,
  validatePostMortem,
  type Actor,
  type AmPmIssue,
  type AmPmSideBySide,
  type AnteMortem,
  type DnaComparison,
  type PostMortem,
  type PostMortemStored,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decryptFields, foundSpec, reportSpec } from './missing-crypto.ts';
import type { MatchingService } from './matching.service.ts';
import type { MissingService, RequestMeta } from './missing.service.ts';
import { AMPM_WORDS, createAmPmMatching } from './ampm-matching.ts';
import * as aq from './ampm-matching.queries.ts';
import * as rq from './ampm-records.queries.ts';
import * as q from './missing.queries.ts';
import type { FoundRow } from './missing.queries.ts';

export interface AmPmRecordsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  matching: MatchingService;
  missing: MissingService;
}

function raise(issues: AmPmIssue[]): void {
  const [first, ...rest] = issues;
  if (first)
    throw new AppError(first.code, {
      field: first.field,
      params: { field: first.field },
      also: rest.map((i) => new AppError(i.code, { field: i.field, params: { field: i.field } })),
    });
}

export function createAmPmRecordsService(deps: AmPmRecordsDeps) {
  const { db, keyring, audit, clock, matching, missing } = deps;
  const ampm = createAmPmMatching(deps);
  const today = () => clock().toISOString().slice(0, 10);

  const recordOf = (row: FoundRow) => ({
    type: 'missing_report' as const,
    orgId: row.org_id,
    ownerId: row.owner_account_id,
    teamId: row.team_id,
  });

  /** Remains the actor may change (a found-alive record has no post-mortem examination). */
  async function loadRemainsForUpdate(actor: Actor, id: string): Promise<FoundRow> {
    const row = await missing.loadFound(actor, id);
    if (!can(actor, 'update', recordOf(row))) throw new AppError('policy.denied');
    if (row.kind !== 'unidentified_remains') throw new AppError('missing.not_remains');
    return row;
  }

  async function putAnteMortem(
    actor: Actor,
    reportId: string,
    input: { anteMortem: AnteMortem; version: number },
    meta: RequestMeta = {},
  ) {
    const row = await missing.loadReport(actor, 'update', reportId);
    raise(validateAnteMortem(input.anteMortem, today()));
    const blob = await keyring.encrypt(row.org_id, 'missing_reports.ante_mortem', JSON.stringify(input.anteMortem));
    const at = clock();
    await db.transaction(async (tx) => {
      const version = await rq.setAnteMortem(tx, reportId, input.version, blob, at);
      if (version === null)
        throw new AppError('record.conflict', { field: 'anteMortem', params: { fields: 'anteMortem' } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'missing_report.ante_mortem_update',
        recordType: 'missing_report',
        recordId: reportId,
        orgId: row.org_id,
        fields: ['ante_mortem'],
        ip: meta.ip ?? null,
        details: { version, teeth: input.anteMortem.dental?.length ?? 0 },
      });
    });
    const fresh = await q.findReport(db, reportId);
    if (!fresh) throw new AppError('record.not_found');
    // Matched again at once with what the family added (the name engine and the AM/PM engine).
    const matchRun = await matching.matchReport(actor, fresh, meta.ip ?? null);
    return { ...(await missing.getReport(actor, reportId, meta)), matchRun };
  }

  async function storedPostMortem(row: FoundRow): Promise<PostMortemStored | undefined> {
    const d = await decryptFields(keyring, foundSpec, row.org_id, row, ['post_mortem']);
    return d.postMortem as PostMortemStored | undefined;
  }

  async function writePostMortem(
    actor: Actor,
    row: FoundRow,
    pm: PostMortemStored,
    version: number,
    action: string,
    details: Record<string, unknown>,
    meta: RequestMeta,
    coarse: { sex?: string; ageMin?: number; ageMax?: number } = {},
  ): Promise<void> {
    const blob = await keyring.encrypt(row.org_id, 'found_records.post_mortem', JSON.stringify(pm));
    const at = clock();
    await db.transaction(async (tx) => {
      const next = await rq.setPostMortem(tx, row.id, version, blob, coarse, at);
      if (next === null)
        throw new AppError('record.conflict', { field: 'postMortem', params: { fields: 'postMortem' } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action,
        recordType: 'missing_report',
        recordId: row.id,
        orgId: row.org_id,
        fields: [
          'post_mortem',
          ...(coarse.sex ? ['sex'] : []),
          ...(coarse.ageMin !== undefined ? ['age_min', 'age_max'] : []),
        ],
        ip: meta.ip ?? null,
        details: { ...details, version: next },
      });
    });
  }

  async function putPostMortem(
    actor: Actor,
    foundId: string,
    input: { postMortem: PostMortem; version: number },
    meta: RequestMeta = {},
  ) {
    const row = await loadRemainsForUpdate(actor, foundId);
    raise(validatePostMortem(input.postMortem, today()));
    const before = await storedPostMortem(row);
    // The laboratory's results are entered apart and kept across edits of the examination.
    const pm: PostMortemStored = {
      ...input.postMortem,
      ...(before?.dnaComparisons?.length ? { dnaComparisons: before.dnaComparisons } : {}),
    };
    // The examination's estimates are the record's coarse sex and age (retrieval and statistics).
    const sex = input.postMortem.sexEstimate?.sex;
    const coarse = {
      ...(sex === 'F' || sex === 'M' ? { sex } : {}),
      ...(input.postMortem.ageEstimate
        ? { ageMin: input.postMortem.ageEstimate.min, ageMax: input.postMortem.ageEstimate.max }
        : {}),
    };
    await writePostMortem(
      actor,
      row,
      pm,
      input.version,
      'found_record.post_mortem_update',
      { teeth: pm.dental?.length ?? 0, charted: pm.dentalCharted },
      meta,
      coarse,
    );
    const fresh = await q.findFound(db, foundId);
    if (fresh) {
      const data = await decryptFields(keyring, foundSpec, fresh.org_id, fresh);
      await ampm.remainsExamined(actor, fresh, data, meta.ip ?? null, clock());
    }
    return missing.getFound(actor, foundId, meta);
  }

  /** A laboratory's result of one comparison (never a profile), added to the remains' record. */
  async function addDnaComparison(actor: Actor, foundId: string, input: DnaComparison, meta: RequestMeta = {}) {
    const row = await loadRemainsForUpdate(actor, foundId);
    if (input.comparedOn > today())
      throw new AppError('missing.date_in_future', { field: 'comparedOn', params: { field: 'comparedOn' } });
    if (input.reportId) {
      const report = await q.findReport(db, input.reportId);
      if (
        !report ||
        report.org_id !== row.org_id ||
        !can(actor, 'read', {
          type: 'missing_report',
          orgId: report.org_id,
          ownerId: report.owner_account_id,
          teamId: report.team_id,
        })
      )
        throw new AppError('missing.unknown_reference', { field: 'reportId', params: { field: 'reportId' } });
    }
    const before = (await storedPostMortem(row)) ?? { dentalCharted: false };
    const entry = { ...input, id: randomUUID(), enteredBy: actor.accountId, enteredAt: clock().toISOString() };
    const pm: PostMortemStored = { ...before, dnaComparisons: [...(before.dnaComparisons ?? []), entry] };
    await writePostMortem(
      actor,
      row,
      pm,
      Number(row.version),
      'found_record.dna_comparison',
      { result: input.result, ...(input.reportId ? { reportId: input.reportId } : {}) },
      meta,
    );
    return missing.getFound(actor, foundId, meta);
  }

  /** The pair's two records aligned, with the engine's words when it proposed the pair. */
  async function sideBySide(actor: Actor, pairId: string, meta: RequestMeta = {}): Promise<AmPmSideBySide> {
    const pair = await aq.amPmPair(db, pairId);
    if (!pair) throw new AppError('record.not_found');
    const report = await missing.loadReport(actor, 'read', pair.report_id);
    const rd = await decryptFields(keyring, reportSpec, report.org_id, report, ['ante_mortem']);
    const am = (rd.anteMortem as AnteMortem | undefined) ?? null;
    let pm: PostMortemStored | null = null;
    let foundId: string | null = null;
    // Only the organisation's own remains: a partner's record stays an opaque reference (0124).
    if (pair.candidate_kind === 'found_record' && pair.candidate_org_id === report.org_id) {
      const found = await q.findFound(db, pair.candidate_id);
      if (found && can(actor, 'read', recordOf(found))) {
        foundId = found.id;
        pm = (await storedPostMortem(found)) ?? null;
      }
    }
    type Words = {
      reasons: { code: string; weight: number; es: string; en: string }[];
      exclusions: AmPmSideBySide['exclusions'];
    };
    const words: Words | null =
      pair.ampm_explanation && foundId
        ? (JSON.parse(await keyring.decrypt(report.org_id, AMPM_WORDS, pair.ampm_explanation)) as Words)
        : null;
    const tattoos = compareTattooEntries(am?.tattoos, pm?.tattoos);
    const marks = compareMarks(am, pm);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'missing_report.ampm_read',
      recordType: 'missing_report',
      recordId: report.id,
      orgId: report.org_id,
      fields: ['ante_mortem', ...(pm ? ['post_mortem'] : []), ...(words ? ['ampm_explanation'] : [])],
      ip: meta.ip ?? null,
      details: { candidateId: pairId, ...(foundId ? { foundId } : {}) },
    });
    return {
      candidateId: pairId,
      reportId: report.id,
      foundId,
      anteMortem: am,
      postMortem: pm,
      engineWords: words !== null,
      reasons: [...(words?.reasons ?? [])]
        .sort((a, b) => b.weight - a.weight)
        .map((r) => inReadersWords({ code: r.code, agrees: r.weight >= 0, es: r.es, en: r.en }, [am, pm])),
      exclusions: (words?.exclusions ?? []).map((x) => inReadersWords(x, [am, pm])),
      teeth: compareTeeth(am, pm),
      tattoos,
      marks,
      regions: compareRegions(tattoos, marks),
    };
  }

  return {
    putAnteMortem,
    putPostMortem,
    addDnaComparison,
    sideBySide,
    loadRemainsForUpdate,
    storedPostMortem,
    writePostMortem,
  };
}

export type AmPmRecordsService = ReturnType<typeof createAmPmRecordsService>;
