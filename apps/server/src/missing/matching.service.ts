// Matching a report against every record its organisation may search: its own people, found
// records and reports, and the people partner organisations share with it for 'search' (under an
// agreement towards it, with the person's active consent). Retrieval runs in SQL on blind indexes
// — computed with each searched organisation's own index key — so only candidates are decrypted;
// the engine then scores each candidate with the reference model and the best ones, above the
// 'possible' threshold, are stored for review. Reviewed pairs are never proposed again.
import { can, createMatcher, listScope, type Actor } from '@acompana/core';
import type { ComparedRecord, MatchRun } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { NAME_CONTEXT, recordNameKeys } from '../people/person-search.ts';
import { createConsentOps } from '../people/consents.service.ts';
import { AppError } from '../kernel/errors.ts';
import { decryptFields, foundSpec, reportSpec } from './missing-crypto.ts';
import { foundView, otherReportView, personView, reportView, toPersonRecord } from './missing-mapping.ts';
import { modelForUniverse } from './reference-model.ts';
import * as q from './missing.queries.ts';

/** Candidates fetched per source and searched organisation, and pairs kept per report. */
const PER_SOURCE = 200;
const KEEP = 20;
const PERSON_NAME_COLUMNS = ['given_names', 'surnames', 'aliases', 'birth_date', 'origin'];

export interface MatchingDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export function createMatchingService(deps: MatchingDeps) {
  const { db, keyring, audit, clock } = deps;
  const consents = createConsentOps({ ...deps, loadFor: () => Promise.reject(new AppError('policy.denied')) });

  async function decryptPerson(row: q.PersonLiteRow): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const column of PERSON_NAME_COLUMNS) {
      const blob = row[column];
      if (blob === null || blob === undefined) continue;
      const text = await keyring.decrypt(row.org_id, `people.${column}`, blob);
      out[column === 'given_names' ? 'givenNames' : column === 'birth_date' ? 'birthDate' : column] = column === 'aliases' || column === 'origin' ? JSON.parse(text) : text;
    }
    return out;
  }

  /** A person the actor may read (own organisation by role, or a partner's by agreement + consent). */
  async function readablePerson(actor: Actor, row: q.PersonLiteRow): Promise<boolean> {
    const consentedPurposes = row.org_id === actor.orgId ? [] : await consents.activePolicyPurposes(row.id);
    return can(actor, 'read', { type: 'person', orgId: row.org_id, ownerId: row.owner_account_id, teamId: row.team_id, consentedPurposes });
  }

  async function viewOfPerson(actor: Actor, row: q.PersonLiteRow): Promise<ComparedRecord | null> {
    if (!(await readablePerson(actor, row))) return null;
    return personView(row, await decryptPerson(row), row.org_id !== actor.orgId);
  }

  const searchPartners = (actor: Actor) => [...new Set(actor.sharing.filter((s) => s.purposes.includes('search')).map((s) => s.fromOrgId))].filter((o) => o !== actor.orgId);

  /** Every candidate record for the report, as the actor may see it. */
  async function gatherCandidates(actor: Actor, report: q.ReportRow, data: Record<string, unknown>) {
    const orgId = report.org_id;
    const keys = recordNameKeys({ givenNames: data.givenNames as string | undefined, surnames: data.surnames as string | undefined, aliases: data.aliases as string[] | undefined }).name;
    // People are blocked on a given-name key and a surname key together when both are known.
    const givenKeys = recordNameKeys({ givenNames: data.givenNames as string | undefined, aliases: data.aliases as string[] | undefined }).name;
    const surnameKeys = recordNameKeys({ surnames: data.surnames as string | undefined }).name;
    const split = givenKeys.length > 0 && surnameKeys.length > 0;
    const near = { birthYear: report.birth_year === null ? null : Number(report.birth_year), sex: report.sex };
    const peopleIn = async (org: string, shared: boolean) =>
      split
        ? q.peopleByNames(db, org, await keyring.blindIndex(org, NAME_CONTEXT, givenKeys), shared, PER_SOURCE, await keyring.blindIndex(org, NAME_CONTEXT, surnameKeys), near)
        : q.peopleByNames(db, org, await keyring.blindIndex(org, NAME_CONTEXT, keys), shared, PER_SOURCE, [], near);
    const views: ComparedRecord[] = [];
    const searched = { ownPeople: 0, partnerPeople: 0, foundRecords: 0, reports: 0, partners: 0 };
    const hasNames = keys.length > 0;
    if (hasNames && listScope(actor, 'read', 'person')) {
      const own = await peopleIn(orgId, false);
      for (const row of own) {
        const v = await viewOfPerson(actor, row);
        if (!v) continue;
        views.push(v);
        searched.ownPeople++;
      }
    }
    const partners = searchPartners(actor);
    searched.partners = partners.length;
    if (hasNames) {
      for (const partner of partners) {
        const rows = await peopleIn(partner, true);
        for (const row of rows) {
          const v = await viewOfPerson(actor, row);
          if (!v) continue;
          views.push(v);
          searched.partnerPeople++;
        }
      }
    }
    const ownKeys = hasNames ? await keyring.blindIndex(orgId, NAME_CONTEXT, keys) : [];
    const found = [...(hasNames ? await q.foundByNames(db, orgId, ownKeys, PER_SOURCE) : []), ...(await q.unnamedFound(db, orgId, report.sex, report.birth_year === null ? null : Number(report.birth_year), PER_SOURCE))];
    for (const row of found) views.push(foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)));
    searched.foundRecords = found.length;
    if (hasNames) {
      for (const row of await q.reportsByNames(db, orgId, ownKeys, report.id, PER_SOURCE)) {
        views.push(otherReportView(row, await decryptFields(keyring, reportSpec, row.org_id, row)));
        searched.reports++;
      }
    }
    return { views, searched, partners };
  }

  /** Scores the report against its candidates and stores the best; audited. */
  async function matchReport(actor: Actor, report: q.ReportRow, ip: string | null, options: { trigger?: 'job' } = {}): Promise<MatchRun> {
    const byJob = options.trigger === 'job';
    const data = await decryptFields(keyring, reportSpec, report.org_id, report);
    const { views, searched, partners } = await gatherCandidates(actor, report, data);
    const universe = await q.universeSize(db, report.org_id, partners);
    const query = toPersonRecord(reportView(report, data));
    const matcher = createMatcher([], { model: modelForUniverse(universe) });
    const scored = views
      .map((v) => ({ v, e: matcher.explain(query, toPersonRecord(v)) }))
      .filter((s) => s.e.decision !== 'no match')
      // One row per pair: a record reached by two retrieval paths is scored once.
      .filter((s, i, all) => all.findIndex((o) => o.v.kind === s.v.kind && o.v.id === s.v.id) === i)
      .sort((a, b) => b.e.score - a.e.score)
      .slice(0, KEEP);
    const run: MatchRun = { reportId: report.id, searched, proposed: 0, updated: 0, alreadyReviewed: 0 };
    const at = clock();
    await db.transaction(async (tx) => {
      const outcome = await q.upsertCandidates(
        tx,
        report.id,
        report.org_id,
        at,
        scored.map(({ v, e }) => ({ kind: v.kind === 'report' ? 'missing_report' : v.kind, candidateId: v.id, candidateOrgId: v.orgId, score: Math.min(1, Math.max(0, e.score)), decision: e.decision, explanation: e })),
      );
      run.proposed = outcome.proposed;
      run.updated = outcome.updated;
      run.alreadyReviewed = outcome.reviewed;
      // Continuous matching tells the case owner about new candidates (once per new pair: a
      // rescored or reviewed pair is not new). Never the family.
      if (byJob && run.proposed > 0 && report.owner_account_id) {
        await q.insertNotification(tx, { accountId: report.owner_account_id, orgId: report.org_id, kind: 'missing.candidates_proposed', recordType: 'missing_report', recordId: report.id, refId: null, at });
      }
      await audit.append(tx, {
        // A background run acts with the owner's permissions but is nobody's action.
        actorAccountId: byJob ? null : actor.accountId,
        actorOrgId: actor.orgId,
        action: 'missing_report.match',
        recordType: 'missing_report',
        recordId: report.id,
        orgId: report.org_id,
        fields: ['given_names', 'surnames', 'aliases', 'birth_date', 'origin', 'last_contact'],
        ip,
        details: { candidates: views.length, scored: scored.length, proposed: run.proposed, updated: run.updated, alreadyReviewed: run.alreadyReviewed, partners: partners.length, trigger: byJob ? 'job' : 'request' },
      });
    });
    return run;
  }

  /** A new found record against the organisation's open reports (continuous matching). */
  async function matchFoundRecord(actor: Actor, found: q.FoundRow, data: Record<string, unknown>, ip: string | null): Promise<number> {
    const keys = recordNameKeys({ givenNames: data.givenNames as string | undefined, surnames: data.surnames as string | undefined, aliases: data.aliases as string[] | undefined }).name;
    const reports = keys.length ? await q.openReportsByNames(db, found.org_id, await keyring.blindIndex(found.org_id, NAME_CONTEXT, keys), PER_SOURCE) : [];
    if (keys.length === 0) return 0;
    const universe = await q.universeSize(db, found.org_id, searchPartners(actor));
    const matcher = createMatcher([], { model: modelForUniverse(universe) });
    const candidate = foundView(found, data);
    const at = clock();
    let proposed = 0;
    await db.transaction(async (tx) => {
      for (const report of reports) {
        const rd = await decryptFields(keyring, reportSpec, report.org_id, report);
        const e = matcher.explain(toPersonRecord(reportView(report, rd)), toPersonRecord(candidate));
        if (e.decision === 'no match') continue;
        const outcome = await q.upsertCandidate(tx, { reportId: report.id, orgId: report.org_id, kind: 'found_record', candidateId: found.id, candidateOrgId: found.org_id, score: Math.min(1, e.score), decision: e.decision, explanation: e, at });
        if (outcome !== 'proposed') continue;
        proposed++;
        // Someone else's new found record proposed for this report: its case owner is told.
        if (report.owner_account_id && report.owner_account_id !== actor.accountId) {
          await q.insertNotification(tx, { accountId: report.owner_account_id, orgId: report.org_id, kind: 'missing.candidates_proposed', recordType: 'missing_report', recordId: report.id, refId: null, at });
        }
      }
      await audit.append(tx, { actorAccountId: actor.accountId, actorOrgId: actor.orgId, action: 'found_record.match', recordType: 'missing_report', recordId: found.id, orgId: found.org_id, fields: ['given_names', 'surnames', 'aliases'], ip, details: { reports: reports.length, proposed } });
    });
    return proposed;
  }

  /**
   * Tracing (decision 0121): the best records of one organisation for a query - its people who
   * consent to sharing and its found records - scored by the engine. Nothing here is shown to the
   * organisation asking; it receives the references and bands only.
   */
  async function scoreInOrganisation(query: ComparedRecord, orgId: string, limit: number): Promise<{ kind: 'person' | 'found_record'; id: string; score: number; decision: 'match' | 'possible' }[]> {
    const keys = recordNameKeys({ givenNames: query.givenNames, surnames: query.surnames, aliases: query.aliases }).name;
    const hashed = keys.length ? await keyring.blindIndex(orgId, NAME_CONTEXT, keys) : [];
    const views: ComparedRecord[] = [];
    if (hashed.length) for (const row of await q.peopleByNames(db, orgId, hashed, true, PER_SOURCE)) views.push(personView(row, await decryptPerson(row), false));
    const found = [...(hashed.length ? await q.foundByNames(db, orgId, hashed, PER_SOURCE) : []), ...(await q.unnamedFound(db, orgId, query.sex ?? null, query.birthYear ?? null, PER_SOURCE))];
    for (const row of found) views.push(foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)));
    const matcher = createMatcher([], { model: modelForUniverse(await q.universeSize(db, orgId, [])) });
    const target = toPersonRecord(query);
    const out: { kind: 'person' | 'found_record'; id: string; score: number; decision: 'match' | 'possible' }[] = [];
    for (const v of views) {
      const e = matcher.explain(target, toPersonRecord(v));
      if (e.decision === 'no match' || (v.kind !== 'person' && v.kind !== 'found_record')) continue;
      if (!out.some((o) => o.kind === v.kind && o.id === v.id)) out.push({ kind: v.kind, id: v.id, score: Math.min(1, Math.max(0, e.score)), decision: e.decision });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The candidate record as the actor may see it now (null when no longer readable). */
  async function candidateView(actor: Actor, c: q.CandidateRow): Promise<ComparedRecord | null> {
    if (c.candidate_kind === 'person') {
      const row = await q.findPersonLite(db, c.candidate_id, c.candidate_org_id !== actor.orgId);
      return row ? viewOfPerson(actor, row) : null;
    }
    if (c.candidate_org_id !== actor.orgId) return null;
    if (c.candidate_kind === 'found_record') {
      const row = await q.findFoundForMatch(db, c.candidate_id);
      return row ? foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)) : null;
    }
    const row = await q.findReportForMatch(db, c.candidate_id);
    return row ? otherReportView(row, await decryptFields(keyring, reportSpec, row.org_id, row)) : null;
  }

  return { matchReport, matchFoundRecord, candidateView, scoreInOrganisation, decryptPerson };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
