// Candidate retrieval for one report (issue 6, items 5 and 8; decisions 0108, 0121, 0124): every
// record the organisation may search - its own people, found records and reports; partners'
// people who consent to sharing; partners' unidentified found records and their open reports
// whose family consented to a search with other organisations - each retrieved in SQL on blind
// indexes made with the searched organisation's own key. All retrieval queries are issued at once
// (on PostgreSQL they run on several pooled connections; PGlite serialises them), then only the
// candidates are decrypted, once each.
import { channel } from 'node:diagnostics_channel';
import { can, listScope, type Actor, type ComparedRecord } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { NAME_CONTEXT, recordNameKeys } from '../people/person-search.ts';
import { decryptFields, foundSpec, reportSpec } from './missing-crypto.ts';
import { foundView, otherReportView, personView } from './missing-mapping.ts';
import * as q from './missing.queries.ts';
import * as pq from './partner-records.queries.ts';

/** Candidates fetched per source and searched organisation. */
export const PER_SOURCE = 200;
const PERSON_NAME_COLUMNS = ['given_names', 'surnames', 'aliases', 'birth_date', 'origin'];
/**
 * The tier of namesakes born in the report's years (0124) is enough when it finds this many: as
 * many as a review list keeps. They then fill the list, and a namesake whose birth year disagrees
 * would rank below them (the SQL ranking and the engine's birth comparison both prefer them).
 */
const TIGHT_ENOUGH = 20;
/** A partner's person: only what sharing for search discloses is decrypted (0108). */
const PARTNER_PERSON_COLUMNS = ['given_names', 'surnames', 'aliases', 'birth_date'];

/**
 * Where the time of a match run goes, per phase (ms), published only when someone listens (the
 * interactive-search benchmark does): retrieval in SQL, decryption, scoring, storing.
 */
export const matchTimings = channel('acompana.missing.match');
export interface MatchTimings {
  reportId: string;
  retrieveMs: number;
  decryptMs: number;
  scoreMs: number;
  storeMs: number;
  candidates: number;
}

/** Where a candidate came from: own, or a partner's (searched under an agreement). */
export interface Candidate {
  view: ComparedRecord;
  partner: boolean;
}

export interface SearchOutcome {
  candidates: Candidate[];
  searched: { ownPeople: number; partnerPeople: number; foundRecords: number; reports: number; partners: number };
  partners: string[];
  /** Partner organisations whose records were retrieved (each audited on its side). */
  partnersSearched: Map<string, number>;
  retrieveMs: number;
  decryptMs: number;
}

type Data = Record<string, unknown>;

/**
 * Birth-year tokens of the first tier: the report's year within two years (the engine's "within
 * two years" level), widened by half an estimated age range; none when the year is unknown or the
 * range too wide to narrow anything down.
 */
export function reportYears(report: Pick<q.ReportRow, 'birth_year' | 'age_min' | 'age_max'>): string[] {
  if (report.birth_year === null) return [];
  const year = Number(report.birth_year);
  const min = report.age_min ?? report.age_max;
  const max = report.age_max ?? report.age_min;
  const width = 2 + (min === null || max === null ? 0 : Math.ceil(Math.abs(Number(max) - Number(min)) / 2) + 1);
  return width > 8 ? [] : q.yearTokens(year - width, year + width);
}

export function createCandidateSearch(deps: { db: Database; keyring: Keyring }) {
  const { db, keyring } = deps;

  async function decryptPerson(row: q.PersonLiteRow, columns = PERSON_NAME_COLUMNS): Promise<Data> {
    const out: Data = {};
    for (const column of columns) {
      const blob = row[column];
      if (blob === null || blob === undefined) continue;
      const text = await keyring.decrypt(row.org_id, `people.${column}`, blob);
      out[column === 'given_names' ? 'givenNames' : column === 'birth_date' ? 'birthDate' : column] =
        column === 'aliases' || column === 'origin' ? JSON.parse(text) : text;
    }
    return out;
  }

  /** Partners sharing with the actor's organisation for 'search' (agreements in force today). */
  const searchPartners = (actor: Actor) =>
    [...new Set(actor.sharing.filter((s) => s.purposes.includes('search')).map((s) => s.fromOrgId))].filter(
      (o) => o !== actor.orgId,
    );

  async function gather(actor: Actor, report: q.ReportRow, data: Data): Promise<SearchOutcome> {
    const started = performance.now();
    const orgId = report.org_id;
    const aliases = data.aliases as string[] | undefined;
    const keys = recordNameKeys({
      givenNames: data.givenNames as string | undefined,
      surnames: data.surnames as string | undefined,
      aliases,
    }).name;
    // People are blocked on a given-name key and a surname key together when both are known: a
    // common surname alone matches thousands of a million records.
    const givenKeys = recordNameKeys({ givenNames: data.givenNames as string | undefined, aliases }).name;
    const surnameKeys = recordNameKeys({ surnames: data.surnames as string | undefined }).name;
    const split = givenKeys.length > 0 && surnameKeys.length > 0;
    const hasNames = keys.length > 0;
    const near = { birthYear: report.birth_year === null ? null : Number(report.birth_year), sex: report.sex };
    const hash = (org: string, k: readonly string[]) => keyring.blindIndex(org, NAME_CONTEXT, k);

    const years = reportYears(report);
    // Tiered (0124), each tier read through one index scan so that only what it returns is read
    // from the table: the namesakes the ranking puts first (every given-name key, same sex, born in
    // the report's years), enough when they fill the limit; then those born in the report's years,
    // enough when they fill a review list; only then every namesake ranked as before (then few).
    const peopleIn = async (org: string, shared: boolean) => {
      if (!split) return q.peopleByNames(db, org, await hash(org, keys), shared, PER_SOURCE, [], near);
      const tier = {
        givenKeys: await hash(org, givenKeys),
        surnameKeys: await hash(org, surnameKeys),
        years,
        sex: report.sex,
      };
      const top = await q.peopleByNameTier(db, org, { ...tier, top: true }, shared, PER_SOURCE);
      if (top.length >= PER_SOURCE) return top;
      const born = years.length ? await q.peopleByNameTier(db, org, { ...tier, top: false }, shared, PER_SOURCE) : [];
      return born.length >= TIGHT_ENOUGH
        ? born
        : q.peopleByNames(db, org, tier.givenKeys, shared, PER_SOURCE, tier.surnameKeys, near);
    };
    const foundIn = async (org: string, partner: boolean) => [
      ...(hasNames
        ? await (partner ? pq.partnerFoundByNames : q.foundByNames)(db, org, await hash(org, keys), PER_SOURCE)
        : []),
      ...(await q.unnamedFound(db, org, report.sex, near.birthYear, PER_SOURCE)),
    ];
    const none = Promise.resolve([]);

    const partners = searchPartners(actor);
    // The role must be allowed to read what a partner shares at all (policy 'shared' scope).
    const peoplePartners = hasNames
      ? partners.filter((p) => can(actor, 'read', { type: 'person', orgId: p, consentedPurposes: ['search'] }))
      : [];
    const recordPartners = partners.filter((p) =>
      can(actor, 'read', { type: 'missing_report', orgId: p, consentedPurposes: ['search'] }),
    );
    const [ownPeople, ownFound, ownReports, partnerPeople, partnerFound, partnerReports] = await Promise.all([
      hasNames && listScope(actor, 'read', 'person') ? peopleIn(orgId, false) : none,
      foundIn(orgId, false),
      hasNames ? hash(orgId, keys).then((k) => q.reportsByNames(db, orgId, k, report.id, PER_SOURCE)) : none,
      Promise.all(peoplePartners.map((p) => peopleIn(p, true))),
      Promise.all(recordPartners.map((p) => foundIn(p, true))),
      hasNames
        ? Promise.all(recordPartners.map(async (p) => pq.partnerReportsByNames(db, p, await hash(p, keys), PER_SOURCE)))
        : Promise.resolve([] as q.ReportRow[][]),
    ]);
    const retrieved = performance.now();

    const candidates: Candidate[] = [];
    const searched = { ownPeople: 0, partnerPeople: 0, foundRecords: 0, reports: 0, partners: partners.length };
    const partnersSearched = new Map<string, number>();
    const countPartner = (org: string) => partnersSearched.set(org, (partnersSearched.get(org) ?? 0) + 1);
    for (const row of ownPeople) {
      if (
        !can(actor, 'read', { type: 'person', orgId: row.org_id, ownerId: row.owner_account_id, teamId: row.team_id })
      )
        continue;
      candidates.push({ view: personView(row, await decryptPerson(row), false), partner: false });
      searched.ownPeople++;
    }
    for (const row of partnerPeople.flat()) {
      // Retrieved only with an active consent to sharing (SQL), which the policy reads as 'search'.
      if (
        !can(actor, 'read', {
          type: 'person',
          orgId: row.org_id,
          ownerId: row.owner_account_id,
          teamId: row.team_id,
          consentedPurposes: ['search'],
        })
      )
        continue;
      candidates.push({ view: personView(row, await decryptPerson(row, PARTNER_PERSON_COLUMNS), true), partner: true });
      searched.partnerPeople++;
      countPartner(row.org_id);
    }
    for (const row of ownFound)
      candidates.push({
        view: foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)),
        partner: false,
      });
    for (const row of partnerFound.flat()) {
      candidates.push({
        view: foundView(row, await decryptFields(keyring, foundSpec, row.org_id, row)),
        partner: true,
      });
      countPartner(row.org_id);
    }
    searched.foundRecords = ownFound.length + partnerFound.flat().length;
    for (const row of ownReports)
      candidates.push({
        view: otherReportView(row, await decryptFields(keyring, reportSpec, row.org_id, row)),
        partner: false,
      });
    for (const row of partnerReports.flat()) {
      candidates.push({
        view: otherReportView(row, await decryptFields(keyring, reportSpec, row.org_id, row)),
        partner: true,
      });
      countPartner(row.org_id);
    }
    searched.reports = ownReports.length + partnerReports.flat().length;
    return {
      candidates,
      searched,
      partners,
      partnersSearched,
      retrieveMs: retrieved - started,
      decryptMs: performance.now() - retrieved,
    };
  }

  return { gather, decryptPerson, searchPartners };
}
