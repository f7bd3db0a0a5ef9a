// Ante-mortem / post-mortem matching in the application (decision 0147): a report whose family gave
// structured data (teeth, tattoos, marks, clothing, stature…) is matched by the AM/PM engine
// (decision 0131) against the examined remains its organisation may search — its own and partners'
// under a search agreement — whether or not either carries a name. The engine's evidence decides
// for those remains (an excluded pair is not proposed by the name engine either); everything else
// stays with the name engine. The matching jobs run it through matchReport; remains examined or
// re-examined put the open reports they may answer on the job queue.
//
// What is stored in clear for a pair is the engine's reason codes and weights (never a value); its
// words (which name teeth, tattoos and places) are encrypted with the report organisation's key,
// and only for the organisation's own remains: a partner's record stays an opaque reference (0124).
import { anteMortemHasEvidence, anteMortemRecord, amPmFields, can, linkReportToRemains } from '@acompana/core';
import type { Actor, AmPmCandidate, AmPmSubject, AnteMortem, PostMortem } from '@acompana/core';
import { postMortemRecord } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { decryptFields, foundSpec } from './missing-crypto.ts';
import { reportView } from './missing-mapping.ts';
import { enqueueReportMatching } from './match-enqueue.ts';
import { searchRecipientsOf } from './matching-jobs.queries.ts';
import * as aq from './ampm-matching.queries.ts';
import type { FoundRow, ReportRow } from './missing.queries.ts';

/** Remains compared per report (the most recently recovered first among those that fit in time). */
const REMAINS_PER_REPORT = 2000;
/** Pairs proposed per report by this engine. */
const TOP = 10;
/** Open reports put on the queue when remains are examined, per organisation. */
const REPORTS_PER_REMAINS = 500;

export const AMPM_WORDS = 'match_candidates.ampm_explanation';

export interface AmPmDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

type Data = Record<string, unknown>;

/** The remains' subject for the engine: names found, sex and age, where and when recovered. */
export function remainsSubject(row: FoundRow, d: Data): AmPmSubject {
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  return {
    id: row.id,
    givenNames: str('givenNames'),
    surnames: str('surnames'),
    sex: row.sex ?? undefined,
    ageMin: row.age_min ?? undefined,
    ageMax: row.age_max ?? undefined,
    eventDate: typeof row.found_on === 'string' ? row.found_on : undefined,
    eventPlace: str('foundPlace'),
  };
}

/** The report's subject for the engine: what the family said besides the ante-mortem data. */
export function reportSubject(row: ReportRow, d: Data): AmPmSubject {
  const v = reportView(row, d);
  return {
    id: row.id,
    givenNames: v.givenNames,
    surnames: v.surnames,
    sex: v.sex,
    birthDate: v.birthDate,
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    nationality: v.nationality,
    eventDate: v.eventDate,
    eventPlace: v.eventPlace,
  };
}

export interface AmPmRun {
  /** Whether the AM/PM engine speaks for this candidate record (then the name engine does not). */
  handles(kind: string, id: string): boolean;
  /** Stores the proposals in the match's transaction; audited on the report's side and partners'. */
  store(
    tx: Queryable,
    at: Date,
    actorAccountId: string | null,
    ip: string | null,
    trigger: 'job' | 'request',
  ): Promise<{ proposed: number; updated: number; reviewed: number }>;
}

export function createAmPmMatching(deps: AmPmDeps) {
  const { db, keyring, audit } = deps;

  const searchPartners = (actor: Actor) =>
    [...new Set(actor.sharing.filter((s) => s.purposes.includes('search')).map((s) => s.fromOrgId))].filter(
      (o) =>
        o !== actor.orgId && can(actor, 'read', { type: 'missing_report', orgId: o, consentedPurposes: ['search'] }),
    );

  /**
   * The AM/PM part of a report's match run, or null when the family gave nothing the engine
   * compares (then only the name engine runs, as before). Decrypts only examined remains.
   */
  async function prepare(actor: Actor, report: ReportRow, data: Data): Promise<AmPmRun | null> {
    const am = data.anteMortem as AnteMortem | undefined;
    if (!am || !anteMortemHasEvidence(am)) return null;
    const partners = searchPartners(actor);
    const rows = await aq.examinedRemains(
      db,
      [report.org_id, ...partners],
      typeof report.last_contact_month === 'string' ? report.last_contact_month : null,
      REMAINS_PER_REPORT,
    );
    const remains = [];
    for (const row of rows) {
      const d = await decryptFields(keyring, foundSpec, row.org_id, row, [
        'given_names',
        'surnames',
        'found_place',
        'post_mortem',
      ]);
      remains.push(postMortemRecord(remainsSubject(row, d), d.postMortem as PostMortem));
    }
    const { candidates } = linkReportToRemains(anteMortemRecord(reportSubject(report, data), am), remains, TOP);
    const compared = new Set(rows.map((r) => r.id));
    // Words encrypted here, before the match's transaction (inside it only `tx` may be used).
    const proposals: { row: FoundRow; own: boolean; c: AmPmCandidate; words: Buffer | null }[] = [];
    for (const c of candidates) {
      const row = rows[c.index] as FoundRow;
      const own = row.org_id === report.org_id;
      proposals.push({
        row,
        own,
        c,
        words: own
          ? await keyring.encrypt(
              report.org_id,
              AMPM_WORDS,
              JSON.stringify({ reasons: c.explanation.reasons, exclusions: c.explanation.exclusions }),
            )
          : null,
      });
    }
    return {
      handles: (kind, id) => kind === 'found_record' && compared.has(id),
      async store(tx, at, actorAccountId, ip, trigger) {
        const outcome = { proposed: 0, updated: 0, reviewed: 0 };
        const partnerProposed = new Map<string, number>();
        for (const { row, own, c, words } of proposals) {
          const clear = {
            engine: 'ampm',
            score: c.score,
            decision: c.decision,
            totalWeight: c.explanation.totalWeight,
            namesRearranged: false,
            fields: own ? amPmFields(c.explanation) : [],
          };
          const result = await aq.upsertAmPmCandidate(tx, {
            reportId: report.id,
            orgId: report.org_id,
            candidateId: row.id,
            candidateOrgId: row.org_id,
            score: c.score,
            decision: c.decision,
            explanation: clear,
            words,
            at,
          });
          outcome[result]++;
          if (!own && result === 'proposed')
            partnerProposed.set(row.org_id, (partnerProposed.get(row.org_id) ?? 0) + 1);
        }
        await audit.append(tx, {
          actorAccountId,
          actorOrgId: actor.orgId,
          action: 'missing_report.match_ampm',
          recordType: 'missing_report',
          recordId: report.id,
          orgId: report.org_id,
          fields: ['ante_mortem', 'last_contact'],
          ip,
          details: { remains: rows.length, ...outcome, partners: partners.length, trigger },
        });
        // A partner's examined remains were decrypted and compared for another organisation.
        const perPartner = new Map<string, number>();
        for (const r of rows)
          if (r.org_id !== report.org_id) perPartner.set(r.org_id, (perPartner.get(r.org_id) ?? 0) + 1);
        for (const [partner, records] of perPartner)
          await audit.append(tx, {
            actorAccountId,
            actorOrgId: actor.orgId,
            action: 'missing_report.match_shared',
            recordType: 'missing_report',
            orgId: partner,
            fields: ['given_names', 'surnames', 'found_place', 'post_mortem'],
            ip,
            details: {
              reportId: report.id,
              reportOrgId: report.org_id,
              records,
              proposed: partnerProposed.get(partner) ?? 0,
              engine: 'ampm',
              trigger,
            },
          });
        return outcome;
      },
    };
  }

  /**
   * Remains examined or re-examined: the open reports with ante-mortem data they may answer — the
   * organisation's own, and those of organisations it shares with for search whose family consented
   * to a search with others — are matched again on the job queue. Returns how many were enqueued.
   */
  async function remainsExamined(
    actor: Actor,
    found: FoundRow,
    data: Data,
    ip: string | null,
    at: Date,
  ): Promise<number> {
    if (found.kind !== 'unidentified_remains' || found.status !== 'unidentified' || !data.postMortem) return 0;
    const foundOn = typeof found.found_on === 'string' ? found.found_on : null;
    const reports = [
      ...(await aq.openReportsWithAnteMortem(db, found.org_id, foundOn, false, REPORTS_PER_REMAINS)),
      ...(
        await Promise.all(
          (await searchRecipientsOf(db, found.org_id)).map((o) =>
            aq.openReportsWithAnteMortem(db, o, foundOn, true, REPORTS_PER_REMAINS),
          ),
        )
      ).flat(),
    ];
    let enqueued = 0;
    await db.transaction(async (tx) => {
      for (const r of reports) if (await enqueueReportMatching(tx, at, { id: r.id, orgId: r.org_id })) enqueued++;
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'found_record.match_ampm',
        recordType: 'missing_report',
        recordId: found.id,
        orgId: found.org_id,
        fields: ['post_mortem'],
        ip,
        details: { reports: reports.length, enqueued },
      });
    });
    return enqueued;
  }

  return { prepare, remainsExamined };
}

export type AmPmMatching = ReturnType<typeof createAmPmMatching>;
