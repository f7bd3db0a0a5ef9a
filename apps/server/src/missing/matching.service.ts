// Matching a report against every record its organisation may search (issue 6, item 5;
// decisions 0108, 0121, 0124): its own people, found records and reports; partners' people who
// consent to sharing; partners' unidentified found records and open reports whose family
// consented to a search with other organisations. Retrieval (search-candidates.ts) runs in SQL on
// blind indexes computed with each searched organisation's own key, so only candidates are
// decrypted; the engine scores each with the reference model and the best ones, above the
// 'possible' threshold, are stored for review. Reviewed pairs are never proposed again. A
// partner's found record or report stays an opaque reference until tracing shares it.
import { can, createMatcher, type Actor } from '@acompana/core';
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
import { enqueueReportMatching } from './match-enqueue.ts';
import { searchRecipientsOf } from './matching-jobs.queries.ts';
import { isPartnerReference, partnerReferenceView } from './partner-references.ts';
import { createCandidateSearch, matchTimings, PER_SOURCE, type MatchTimings } from './search-candidates.ts';
import * as q from './missing.queries.ts';
import * as records from './candidate-records.queries.ts';
import { createAmPmMatching } from './ampm-matching.ts';

/** Pairs kept per report. */
const KEEP = 20;

export interface MatchingDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export function createMatchingService(deps: MatchingDeps) {
  const { db, keyring, audit, clock } = deps;
  const search = createCandidateSearch(deps);
  const { decryptPerson, searchPartners } = search;
  const consents = createConsentOps({ ...deps, loadFor: () => Promise.reject(new AppError('policy.denied')) });
  // Remains with a post-mortem examination are weighed by the AM/PM engine (decision 0147).
  const ampm = createAmPmMatching(deps);

  /** Scores the report against its candidates and stores the best; audited (on partners' sides too). */
  async function matchReport(
    actor: Actor,
    report: q.ReportRow,
    ip: string | null,
    options: { trigger?: 'job' } = {},
  ): Promise<MatchRun> {
    const byJob = options.trigger === 'job';
    const data = await decryptFields(keyring, reportSpec, report.org_id, report);
    const found = await search.gather(actor, report, data);
    const ampmRun = await ampm.prepare(actor, report, data);
    const { searched, partners } = found;
    const scoring = performance.now();
    const universe = await q.universeSize(db, report.org_id, partners);
    const query = toPersonRecord(reportView(report, data));
    const matcher = createMatcher([], { model: modelForUniverse(universe) });
    const seen = new Set<string>();
    const scored = [];
    for (const c of found.candidates) {
      // One row per pair: a record reached by two retrieval paths is scored once.
      const key = `${c.view.kind}:${c.view.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (ampmRun?.handles(c.view.kind, c.view.id)) continue;
      const e = matcher.explain(query, toPersonRecord(c.view));
      if (e.decision !== 'no match') scored.push({ c, e });
    }
    scored.sort((a, b) => b.e.score - a.e.score);
    const kept = scored.slice(0, KEEP);
    const storing = performance.now();
    const run: MatchRun = { reportId: report.id, searched, proposed: 0, updated: 0, alreadyReviewed: 0 };
    const at = clock();
    await db.transaction(async (tx) => {
      const outcome = await q.upsertCandidates(
        tx,
        report.id,
        report.org_id,
        at,
        kept.map(({ c, e }) => ({
          kind: c.view.kind === 'report' ? 'missing_report' : c.view.kind,
          candidateId: c.view.id,
          candidateOrgId: c.view.orgId,
          score: Math.min(1, Math.max(0, e.score)),
          decision: e.decision,
          explanation: e,
        })),
      );
      run.proposed = outcome.proposed;
      run.updated = outcome.updated;
      run.alreadyReviewed = outcome.reviewed;
      if (ampmRun) {
        const more = await ampmRun.store(tx, at, byJob ? null : actor.accountId, ip, byJob ? 'job' : 'request');
        run.proposed += more.proposed;
        run.updated += more.updated;
        run.alreadyReviewed += more.reviewed;
      }
      // Continuous matching tells the case owner about new candidates (once per new pair: a
      // rescored or reviewed pair is not new). Never the family.
      if (byJob && run.proposed > 0 && report.owner_account_id) {
        await q.insertNotification(tx, {
          accountId: report.owner_account_id,
          orgId: report.org_id,
          kind: 'missing.candidates_proposed',
          recordType: 'missing_report',
          recordId: report.id,
          refId: null,
          at,
        });
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
        details: {
          candidates: found.candidates.length,
          scored: scored.length,
          proposed: run.proposed,
          updated: run.updated,
          alreadyReviewed: run.alreadyReviewed,
          partners: partners.length,
          trigger: byJob ? 'job' : 'request',
        },
      });
      // A partner's records were decrypted and scored for another organisation: its own trail says so.
      for (const [partner, records] of found.partnersSearched) {
        const proposed = kept.filter(({ c }) => c.view.orgId === partner).length;
        await audit.append(tx, {
          actorAccountId: byJob ? null : actor.accountId,
          actorOrgId: actor.orgId,
          action: 'missing_report.match_shared',
          recordType: 'missing_report',
          orgId: partner,
          fields: ['given_names', 'surnames', 'aliases', 'birth_date'],
          ip,
          details: {
            reportId: report.id,
            reportOrgId: report.org_id,
            records,
            proposed,
            trigger: byJob ? 'job' : 'request',
          },
        });
      }
    });
    if (matchTimings.hasSubscribers) {
      const timings: MatchTimings = {
        reportId: report.id,
        retrieveMs: found.retrieveMs,
        decryptMs: found.decryptMs,
        scoreMs: storing - scoring,
        storeMs: performance.now() - storing,
        candidates: found.candidates.length,
      };
      matchTimings.publish(timings);
    }
    return run;
  }

  /** A new found record against the organisation's open reports (continuous matching). */
  async function matchFoundRecord(
    actor: Actor,
    found: q.FoundRow,
    data: Record<string, unknown>,
    ip: string | null,
  ): Promise<number> {
    await ampm.remainsExamined(actor, found, data, ip, clock());
    const keys = recordNameKeys({
      givenNames: data.givenNames as string | undefined,
      surnames: data.surnames as string | undefined,
      aliases: data.aliases as string[] | undefined,
    }).name;
    const reports = keys.length
      ? await q.openReportsByNames(
          db,
          found.org_id,
          await keyring.blindIndex(found.org_id, NAME_CONTEXT, keys),
          PER_SOURCE,
        )
      : [];
    if (keys.length === 0) return 0;
    const universe = await q.universeSize(db, found.org_id, searchPartners(actor));
    const matcher = createMatcher([], { model: modelForUniverse(universe) });
    const candidate = foundView(found, data);
    // Partners that search this organisation's records re-run their open reports sharing a name
    // key with it, on the job queue as their case owners (unnamed records: the daily sweep). Found
    // before the transaction: the keyring may read keys, and only `tx` may be used inside it.
    const partnerOpen: q.ReportRow[] = [];
    if (found.status === 'unidentified') {
      for (const partner of await searchRecipientsOf(db, found.org_id))
        partnerOpen.push(
          ...(await q.openReportsByNames(
            db,
            partner,
            await keyring.blindIndex(partner, NAME_CONTEXT, keys),
            PER_SOURCE,
          )),
        );
    }
    const at = clock();
    let proposed = 0;
    await db.transaction(async (tx) => {
      for (const report of reports) {
        const rd = await decryptFields(keyring, reportSpec, report.org_id, report);
        const e = matcher.explain(toPersonRecord(reportView(report, rd)), toPersonRecord(candidate));
        if (e.decision === 'no match') continue;
        const outcome = await q.upsertCandidate(tx, {
          reportId: report.id,
          orgId: report.org_id,
          kind: 'found_record',
          candidateId: found.id,
          candidateOrgId: found.org_id,
          score: Math.min(1, e.score),
          decision: e.decision,
          explanation: e,
          at,
        });
        if (outcome !== 'proposed') continue;
        proposed++;
        // Someone else's new found record proposed for this report: its case owner is told.
        if (report.owner_account_id && report.owner_account_id !== actor.accountId) {
          await q.insertNotification(tx, {
            accountId: report.owner_account_id,
            orgId: report.org_id,
            kind: 'missing.candidates_proposed',
            recordType: 'missing_report',
            recordId: report.id,
            refId: null,
            at,
          });
        }
      }
      let partnerReports = 0;
      for (const report of partnerOpen)
        if (await enqueueReportMatching(tx, at, { id: report.id, orgId: report.org_id })) partnerReports++;
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'found_record.match',
        recordType: 'missing_report',
        recordId: found.id,
        orgId: found.org_id,
        fields: ['given_names', 'surnames', 'aliases'],
        ip,
        details: { reports: reports.length, proposed, partnerReports },
      });
    });
    return proposed;
  }

  /**
   * Tracing (decision 0121): the best records of one organisation for a query - its people who
   * consent to sharing and its found records - scored by the engine. Nothing here is shown to the
   * organisation asking; it receives the references and bands only.
   */
  async function scoreInOrganisation(
    query: ComparedRecord,
    orgId: string,
    limit: number,
  ): Promise<{ kind: 'person' | 'found_record'; id: string; score: number; decision: 'match' | 'possible' }[]> {
    const keys = recordNameKeys({
      givenNames: query.givenNames,
      surnames: query.surnames,
      aliases: query.aliases,
    }).name;
    const hashed = keys.length ? await keyring.blindIndex(orgId, NAME_CONTEXT, keys) : [];
    const views: ComparedRecord[] = [];
    if (hashed.length)
      for (const row of await q.peopleByNames(db, orgId, hashed, true, PER_SOURCE))
        views.push(personView(row, await decryptPerson(row), false));
    const found = [
      ...(hashed.length ? await q.foundByNames(db, orgId, hashed, PER_SOURCE) : []),
      ...(await q.unnamedFound(db, orgId, query.sex ?? null, query.birthYear ?? null, PER_SOURCE)),
    ];
    for (const row of found) views.push(foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)));
    const matcher = createMatcher([], { model: modelForUniverse(await q.universeSize(db, orgId, [])) });
    const target = toPersonRecord(query);
    const out: { kind: 'person' | 'found_record'; id: string; score: number; decision: 'match' | 'possible' }[] = [];
    for (const v of views) {
      const e = matcher.explain(target, toPersonRecord(v));
      if (e.decision === 'no match' || (v.kind !== 'person' && v.kind !== 'found_record')) continue;
      if (!out.some((o) => o.kind === v.kind && o.id === v.id))
        out.push({ kind: v.kind, id: v.id, score: Math.min(1, Math.max(0, e.score)), decision: e.decision });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The candidate record as the actor may see it now (null when no longer readable). */
  /**
   * The records behind many candidates (the review of a report): the same views as candidateView,
   * read with one statement per kind of record instead of one or two per candidate.
   */
  async function candidateViews(
    actor: Actor,
    rows: readonly q.CandidateRow[],
  ): Promise<Map<string, ComparedRecord | null>> {
    const views = new Map<string, ComparedRecord | null>();
    const ids = (keep: (c: q.CandidateRow) => boolean) => [...new Set(rows.filter(keep).map((c) => c.candidate_id))];
    const isPerson = (c: q.CandidateRow) => c.candidate_kind === 'person';
    const ownRecord = (c: q.CandidateRow) =>
      !isPerson(c) && !isPartnerReference(c) && c.candidate_org_id === actor.orgId;
    const [ownPeople, partnerPeople, founds, reports] = await Promise.all([
      records.findPeopleLite(
        db,
        ids((c) => isPerson(c) && c.candidate_org_id === actor.orgId),
        false,
      ),
      records.findPeopleLite(
        db,
        ids((c) => isPerson(c) && c.candidate_org_id !== actor.orgId),
        true,
      ),
      records.findFoundsForMatch(
        db,
        ids((c) => ownRecord(c) && c.candidate_kind === 'found_record'),
      ),
      records.findReportsForMatch(
        db,
        ids((c) => ownRecord(c) && c.candidate_kind === 'missing_report'),
      ),
    ]);
    const purposes = await consents.activePolicyPurposesOfMany(partnerPeople.map((p) => p.id));
    const people = new Map([...ownPeople, ...partnerPeople].map((p) => [p.id, p]));
    const foundById = new Map(founds.map((f) => [f.id, f]));
    const reportById = new Map(reports.map((r) => [r.id, r]));
    for (const c of rows) {
      let view: ComparedRecord | null = null;
      if (isPerson(c)) {
        const person = people.get(c.candidate_id);
        if (person && person.org_id === c.candidate_org_id) {
          const consentedPurposes = person.org_id === actor.orgId ? [] : (purposes.get(person.id) ?? []);
          const record = { orgId: person.org_id, ownerId: person.owner_account_id, teamId: person.team_id };
          if (can(actor, 'read', { type: 'person', ...record, consentedPurposes }))
            view = personView(person, await decryptPerson(person), person.org_id !== actor.orgId);
        }
      } else if (isPartnerReference(c)) view = await partnerReferenceView(deps, actor, c);
      else if (c.candidate_org_id === actor.orgId && c.candidate_kind === 'found_record') {
        const found = foundById.get(c.candidate_id);
        if (found) view = foundView(found, await decryptFields(keyring, foundSpec, found.org_id, found));
      } else if (c.candidate_org_id === actor.orgId) {
        const report = reportById.get(c.candidate_id);
        if (report) view = otherReportView(report, await decryptFields(keyring, reportSpec, report.org_id, report));
      }
      views.set(c.id, view);
    }
    return views;
  }

  return { matchReport, matchFoundRecord, candidateViews, scoreInOrganisation, decryptPerson };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
