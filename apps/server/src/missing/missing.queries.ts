// The SQL of the missing-person module. Personal fields arrive here already encrypted; this file
// only moves ciphertext, blind indexes and coarse fields. People are read here read-only (their
// own module has no export for retrieval by blind index across organisations).
import type { Queryable } from '../kernel/db/database.ts';
import { addNotification } from '../notifications/notify.ts';

export type Row = Record<string, unknown>;

export interface ReportRow extends Row {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  version: number;
  status: 'open' | 'located_alive' | 'located_deceased' | 'closed';
  created_at: Date | string;
  sex: 'F' | 'M' | 'X' | null;
  nationality: string | null;
  birth_year: number | null;
  age_min: number | null;
  age_max: number | null;
  last_contact_month: Date | string | null;
  trace_consent_at?: Date | string | null;
  trace_consent_withdrawn_at?: Date | string | null;
}

export interface FoundRow extends Row {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  version: number;
  kind: 'found_alive' | 'unidentified_remains';
  status: 'unidentified' | 'identified' | 'returned_to_family';
  created_at: Date | string;
  found_on: Date | string | null;
  sex: 'F' | 'M' | 'X' | null;
  age_min: number | null;
  age_max: number | null;
}

export interface PersonLiteRow extends Row {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  created_at: Date | string;
  sex: 'F' | 'M' | 'X' | null;
  nationality: string | null;
  birth_year: number | null;
  birth_year_estimated: boolean;
}

const REPORT_COARSE = `r.id::text AS id, r.org_id::text AS org_id, r.owner_account_id::text AS owner_account_id, r.team_id::text AS team_id,
  r.version, r.status, r.created_at, r.sex, r.nationality, r.birth_year, r.age_min, r.age_max, to_char(r.last_contact_month, 'YYYY-MM') AS last_contact_month`;
const REPORT_ALL = `${REPORT_COARSE}, r.given_names, r.surnames, r.aliases, r.birth_date, r.origin, r.physical, r.belongings, r.last_contact, r.relatives, r.dna_sample, r.authorities, r.notes,
  r.trace_consent, r.trace_consent_at, r.trace_consent_withdrawn_at, r.ante_mortem`;
export const REPORT_MATCH = `${REPORT_COARSE}, r.given_names, r.surnames, r.aliases, r.birth_date, r.origin, r.last_contact`;
const FOUND_COARSE = `f.id::text AS id, f.org_id::text AS org_id, f.owner_account_id::text AS owner_account_id, f.team_id::text AS team_id,
  f.version, f.kind, f.status, f.created_at, to_char(f.found_on, 'YYYY-MM-DD') AS found_on, f.sex, f.age_min, f.age_max`;
const FOUND_ALL = `${FOUND_COARSE}, f.given_names, f.surnames, f.aliases, f.found_place, f.custodian, f.description, f.belongings, f.circumstances, f.notes,
  f.post_mortem, f.forensic_stage`;
export const FOUND_MATCH = `${FOUND_COARSE}, f.given_names, f.surnames, f.aliases, f.found_place, f.description`;
const PERSON_COARSE = `p.id::text AS id, p.org_id::text AS org_id, p.owner_account_id::text AS owner_account_id, p.team_id::text AS team_id,
  p.created_at, p.sex, p.nationality, p.birth_year, p.birth_year_estimated`;
/** A partner's person: only what sharing for search allows (names, sex, birth, registration date). */
export const PERSON_SHARED = `${PERSON_COARSE}, p.given_names, p.surnames, p.aliases, p.birth_date`;
export const PERSON_OWN = `${PERSON_SHARED}, p.origin, p.documents`;

/** An active consent to 'sharing' (the policy's purpose 'search', see consents.service.ts). */
const SHARING_CONSENT = `EXISTS (SELECT 1 FROM person_consents c WHERE c.person_id = p.id AND c.purpose = 'sharing' AND c.withdrawn_at IS NULL)`;

function insertSql(
  table: string,
  values: Record<string, unknown>,
  casts: Record<string, string> = {},
): [string, unknown[]] {
  const columns = Object.keys(values);
  const placeholders = columns.map((c, i) => `$${i + 1}${casts[c] ?? ''}`);
  return [`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`, Object.values(values)];
}

const ARRAY_CASTS = { name_bi: '::text[]', name_trigram_bi: '::text[]' };

export async function insertReport(tx: Queryable, values: Record<string, unknown>): Promise<void> {
  const [sql, params] = insertSql('missing_reports', values, { ...ARRAY_CASTS, last_contact_month: '::date' });
  await tx.query(sql, params);
}

export async function insertFound(tx: Queryable, values: Record<string, unknown>): Promise<void> {
  const [sql, params] = insertSql('found_records', values, { ...ARRAY_CASTS, found_on: '::date' });
  await tx.query(sql, params);
}

export async function findReport(db: Queryable, id: string): Promise<ReportRow | undefined> {
  const { rows } = await db.query<ReportRow>(`SELECT ${REPORT_ALL} FROM missing_reports r WHERE r.id = $1`, [id]);
  return rows[0];
}

export async function findFound(db: Queryable, id: string): Promise<FoundRow | undefined> {
  const { rows } = await db.query<FoundRow>(`SELECT ${FOUND_ALL} FROM found_records f WHERE f.id = $1`, [id]);
  return rows[0];
}

export interface OrgScope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

function scopeWhere(alias: string, s: OrgScope, params: unknown[]): string {
  params.push(s.orgId);
  const org = `${alias}.org_id = $${params.length}`;
  if (s.scope === 'org') return org;
  params.push(s.accountId);
  const own = `${alias}.owner_account_id = $${params.length}`;
  if (s.scope === 'own') return `${org} AND ${own}`;
  params.push(s.teamIds);
  return `${org} AND (${own} OR ${alias}.team_id = ANY($${params.length}::uuid[]))`;
}

export async function listReports(
  db: Queryable,
  scope: OrgScope,
  limit: number,
): Promise<(ReportRow & { pending: number })[]> {
  const params: unknown[] = [];
  const where = scopeWhere('r', scope, params);
  params.push(limit);
  const { rows } = await db.query<ReportRow & { pending: number }>(
    `SELECT ${REPORT_COARSE}, r.given_names, r.surnames,
        (SELECT count(*) FROM match_candidates m WHERE m.report_id = r.id AND m.review_status = 'pending')::int AS pending
       FROM missing_reports r WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function listFound(db: Queryable, scope: OrgScope, limit: number): Promise<FoundRow[]> {
  const params: unknown[] = [];
  const where = scopeWhere('f', scope, params);
  params.push(limit);
  const { rows } = await db.query<FoundRow>(
    `SELECT ${FOUND_ALL} FROM found_records f WHERE ${where} ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

// Candidate retrieval -------------------------------------------------------------------------
// Records sharing at least one blind-index key with the query (GIN overlap), best first by the
// number of keys shared. Keys must have been computed with the key of the organisation searched.

const hits = (alias: string) => `(SELECT count(*) FROM unnest(${alias}.name_bi) AS k WHERE k = ANY($1::text[]))::int`;

/**
 * People sharing a key with the query. With `alsoKeys` (the surname keys, when `keys` are the
 * given-name keys) a person must share one of each: blocking on a given name *and* a surname keeps
 * the candidate set small on a million records, where a common surname alone matches thousands.
 */
export async function peopleByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  shared: boolean,
  limit: number,
  alsoKeys: readonly string[] = [],
  near: { birthYear?: number | null; sex?: string | null } = {},
): Promise<PersonLiteRow[]> {
  // Among namesakes (a common name shares every key), those born within two years of the person
  // sought and of the same sex come first, so the limit cuts namesakes rather than the person.
  const { rows } = await db.query<PersonLiteRow>(
    `SELECT ${shared ? PERSON_SHARED : PERSON_OWN} FROM people p
      WHERE p.name_bi && $1::text[] AND p.org_id = $2 AND p.deleted_at IS NULL ${shared ? `AND ${SHARING_CONSENT}` : ''}
        AND (cardinality($4::text[]) = 0 OR p.name_bi && $4::text[])
      ORDER BY ${hits('p')} + (CASE WHEN p.birth_year BETWEEN $5::int - 2 AND $5::int + 2 THEN 3 ELSE 0 END) + (CASE WHEN p.sex = $6 THEN 1 ELSE 0 END) DESC, p.id
      LIMIT $3`,
    [keys, orgId, limit, alsoKeys, near.birthYear ?? null, near.sex ?? null],
  );
  return rows;
}

/** The indexed expression of migration 0019: name blind indexes plus birth-year and sex tokens. */
const PEOPLE_NAME_TOKENS = `array_cat(p.name_bi, ARRAY['year:' || coalesce(p.birth_year::text, '-'), 'sex:' || coalesce(p.sex::text, '-')])`;

/** The birth-year tokens of PEOPLE_NAME_TOKENS for the years from `from` to `to`. */
export const yearTokens = (from: number, to: number): string[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => `year:${from + i}`);

/**
 * A retrieval tier (decision 0124), answered in one scan of the 0019 index so that only the rows
 * returned are read from the table: people sharing a given-name key AND a surname key, born in one
 * of `years` when given. With `top`, only the class peopleByNames ranks first - every given-name
 * key and the report's sex - whose rows are equals for that ranking, so any `limit` of them will
 * do and the scan stops there; without, ranked as peopleByNames ranks them.
 */
export async function peopleByNameTier(
  db: Queryable,
  orgId: string,
  tier: {
    givenKeys: readonly string[];
    surnameKeys: readonly string[];
    years: readonly string[];
    sex: string | null;
    top: boolean;
  },
  shared: boolean,
  limit: number,
): Promise<PersonLiteRow[]> {
  const params: unknown[] = [tier.givenKeys, orgId, limit, tier.surnameKeys];
  const where = [`${PEOPLE_NAME_TOKENS} && $1::text[]`, `${PEOPLE_NAME_TOKENS} && $4::text[]`];
  if (tier.years.length) where.push(`${PEOPLE_NAME_TOKENS} && $${params.push(tier.years)}::text[]`);
  if (tier.top)
    where.push(
      `${PEOPLE_NAME_TOKENS} @> $${params.push([...tier.givenKeys, ...(tier.sex ? [`sex:${tier.sex}`] : [])])}::text[]`,
    );
  const order = tier.top
    ? ''
    : `ORDER BY ${hits('p')} + (CASE WHEN p.sex = $${params.push(tier.sex)} THEN 1 ELSE 0 END) DESC, p.id`;
  const { rows } = await db.query<PersonLiteRow>(
    `SELECT ${shared ? PERSON_SHARED : PERSON_OWN} FROM people p
      WHERE ${where.join(' AND ')} AND p.org_id = $2 AND p.deleted_at IS NULL ${shared ? `AND ${SHARING_CONSENT}` : ''}
      ${order} LIMIT $3`,
    params,
  );
  return rows;
}

export async function foundByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  limit: number,
): Promise<FoundRow[]> {
  const { rows } = await db.query<FoundRow>(
    `SELECT ${FOUND_MATCH} FROM found_records f WHERE f.name_bi && $1::text[] AND f.org_id = $2 ORDER BY ${hits('f')} DESC, f.id LIMIT $3`,
    [keys, orgId, limit],
  );
  return rows;
}

/**
 * Unnamed records (most remains): no name to block on, so sex and an age range compatible with
 * the birth year at the date found, widened by five years for estimation error.
 */
export async function unnamedFound(
  db: Queryable,
  orgId: string,
  sex: string | null,
  birthYear: number | null,
  limit: number,
): Promise<FoundRow[]> {
  const { rows } = await db.query<FoundRow>(
    `SELECT ${FOUND_MATCH} FROM found_records f
      WHERE f.org_id = $1 AND cardinality(f.name_bi) = 0 AND f.status = 'unidentified'
        AND ($2::text IS NULL OR f.sex IS NULL OR f.sex = $2 OR f.sex = 'X')
        AND ($3::int IS NULL OR f.found_on IS NULL OR (
             (f.age_max IS NULL OR extract(year FROM f.found_on)::int - $3 <= f.age_max + 5)
         AND (f.age_min IS NULL OR extract(year FROM f.found_on)::int - $3 >= f.age_min - 5)))
      ORDER BY f.found_on DESC NULLS LAST, f.id LIMIT $4`,
    [orgId, sex, birthYear, limit],
  );
  return rows;
}

export async function reportsByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  exceptId: string,
  limit: number,
): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_MATCH} FROM missing_reports r WHERE r.name_bi && $1::text[] AND r.org_id = $2 AND r.id <> $3 ORDER BY ${hits('r')} DESC, r.id LIMIT $4`,
    [keys, orgId, exceptId, limit],
  );
  return rows;
}

/** How many records an organisation may search in all (the size of the universe: the prior). */
export async function countUniverse(db: Queryable, orgId: string, partners: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM people p WHERE p.deleted_at IS NULL AND (p.org_id = $1 OR (p.org_id = ANY($2::uuid[]) AND ${SHARING_CONSENT})))
           + (SELECT count(*) FROM found_records WHERE org_id = $1) + (SELECT count(*) FROM missing_reports WHERE org_id = $1))::int AS n`,
    [orgId, partners],
  );
  return Number(rows[0]?.n ?? 0);
}

// The prior needs only the order of magnitude of the universe; counting a million rows on every
// search would cost more than the search. Counts are kept per organisation and partner set for a
// few minutes (per process).
const universeCache = new Map<string, { n: number; at: number }>();
const UNIVERSE_TTL_MS = 5 * 60_000;

export async function universeSize(db: Queryable, orgId: string, partners: readonly string[]): Promise<number> {
  const key = `${orgId}|${[...partners].sort().join(',')}`;
  const hit = universeCache.get(key);
  if (hit && Date.now() - hit.at < UNIVERSE_TTL_MS) return hit.n;
  const n = await countUniverse(db, orgId, partners);
  universeCache.set(key, { n, at: Date.now() });
  return n;
}

export async function findPersonLite(db: Queryable, id: string, shared: boolean): Promise<PersonLiteRow | undefined> {
  const { rows } = await db.query<PersonLiteRow>(
    `SELECT ${shared ? PERSON_SHARED : PERSON_OWN} FROM people p WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [id],
  );
  return rows[0];
}

export async function findFoundForMatch(db: Queryable, id: string): Promise<FoundRow | undefined> {
  const { rows } = await db.query<FoundRow>(`SELECT ${FOUND_MATCH} FROM found_records f WHERE f.id = $1`, [id]);
  return rows[0];
}

export async function findReportForMatch(db: Queryable, id: string): Promise<ReportRow | undefined> {
  const { rows } = await db.query<ReportRow>(`SELECT ${REPORT_MATCH} FROM missing_reports r WHERE r.id = $1`, [id]);
  return rows[0];
}

export async function openReportsByNames(
  db: Queryable,
  orgId: string,
  keys: readonly string[],
  limit: number,
): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_MATCH} FROM missing_reports r WHERE r.name_bi && $1::text[] AND r.org_id = $2 AND r.status = 'open' ORDER BY ${hits('r')} DESC, r.id LIMIT $3`,
    [keys, orgId, limit],
  );
  return rows;
}

// Candidates and review --------------------------------------------------------------------------

export interface CandidateRow extends Row {
  id: string;
  report_id: string;
  org_id: string;
  candidate_kind: 'person' | 'found_record' | 'missing_report';
  candidate_id: string;
  candidate_org_id: string;
  score: number;
  engine_decision: 'match' | 'possible';
  explanation: unknown;
  review_status: 'pending' | 'proposed' | 'confirmed' | 'rejected' | 'needs_info';
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  confirmation_proposed_by: string | null;
  confirmation_proposed_at: Date | string | null;
  note: unknown;
}

/**
 * A partner's found record or report is an opaque reference until the tracing flow shares it
 * (decision 0124): its id leaves as the pair's own id, and its explanation without the field
 * levels (which would say what the partner's record holds). A partner's person is shared by
 * consent (0108) and keeps both.
 */
const PARTNER_REFERENCE = `(m.candidate_kind <> 'person' AND m.candidate_org_id <> m.org_id)`;
const CANDIDATE = `m.id::text AS id, m.report_id::text AS report_id, m.org_id::text AS org_id, m.candidate_kind,
  (CASE WHEN ${PARTNER_REFERENCE} THEN m.id ELSE m.candidate_id END)::text AS candidate_id,
  m.candidate_org_id::text AS candidate_org_id, m.score, m.engine_decision,
  CASE WHEN ${PARTNER_REFERENCE} THEN m.explanation || '{"fields": [], "namesRearranged": false}'::jsonb ELSE m.explanation END AS explanation,
  m.review_status, m.reviewed_by::text AS reviewed_by, m.reviewed_at,
  m.confirmation_proposed_by::text AS confirmation_proposed_by, m.confirmation_proposed_at, m.note`;

/**
 * Proposes a pair, or rescores it when it was proposed before and is still pending. A reviewed
 * pair keeps its decision untouched (rejected pairs never return). Returns what happened.
 */
export async function upsertCandidate(
  tx: Queryable,
  c: {
    reportId: string;
    orgId: string;
    kind: string;
    candidateId: string;
    candidateOrgId: string;
    score: number;
    decision: string;
    explanation: unknown;
    at: Date;
  },
): Promise<'proposed' | 'updated' | 'reviewed'> {
  const { rows } = await tx.query<{ inserted: boolean }>(
    `INSERT INTO match_candidates (report_id, org_id, candidate_kind, candidate_id, candidate_org_id, score, engine_decision, explanation, proposed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
     ON CONFLICT (report_id, candidate_kind, candidate_id) DO UPDATE
        SET score = EXCLUDED.score, engine_decision = EXCLUDED.engine_decision, explanation = EXCLUDED.explanation, rescored_at = EXCLUDED.proposed_at
      WHERE match_candidates.review_status = 'pending'
     RETURNING (xmax = 0) AS inserted`,
    [
      c.reportId,
      c.orgId,
      c.kind,
      c.candidateId,
      c.candidateOrgId,
      c.score,
      c.decision,
      JSON.stringify(c.explanation),
      c.at,
    ],
  );
  const row = rows[0];
  if (!row) return 'reviewed';
  return row.inserted ? 'proposed' : 'updated';
}

/** upsertCandidate for many pairs of one report in one statement (same rules); counts the outcomes. */
export async function upsertCandidates(
  tx: Queryable,
  reportId: string,
  orgId: string,
  at: Date,
  cs: readonly {
    kind: string;
    candidateId: string;
    candidateOrgId: string;
    score: number;
    decision: string;
    explanation: unknown;
  }[],
): Promise<{ proposed: number; updated: number; reviewed: number }> {
  if (cs.length === 0) return { proposed: 0, updated: 0, reviewed: 0 };
  const { rows } = await tx.query<{ inserted: boolean }>(
    `INSERT INTO match_candidates (report_id, org_id, candidate_kind, candidate_id, candidate_org_id, score, engine_decision, explanation, proposed_at)
     SELECT $1, $2, c.kind, c.id, c.org, c.score, c.decision, c.explanation::jsonb, $3
       FROM unnest($4::text[], $5::uuid[], $6::uuid[], $7::float8[], $8::text[], $9::text[]) AS c(kind, id, org, score, decision, explanation)
     ON CONFLICT (report_id, candidate_kind, candidate_id) DO UPDATE
        SET score = EXCLUDED.score, engine_decision = EXCLUDED.engine_decision, explanation = EXCLUDED.explanation, rescored_at = EXCLUDED.proposed_at
      WHERE match_candidates.review_status = 'pending'
     RETURNING (xmax = 0) AS inserted`,
    [
      reportId,
      orgId,
      at,
      cs.map((c) => c.kind),
      cs.map((c) => c.candidateId),
      cs.map((c) => c.candidateOrgId),
      cs.map((c) => c.score),
      cs.map((c) => c.decision),
      cs.map((c) => JSON.stringify(c.explanation)),
    ],
  );
  const proposed = rows.filter((r) => r.inserted).length;
  return { proposed, updated: rows.length - proposed, reviewed: cs.length - rows.length };
}

export async function listCandidates(
  db: Queryable,
  reportId: string,
  status: string | undefined,
): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE} FROM match_candidates m
      WHERE m.report_id = $1 AND (CASE WHEN $2::text IS NULL THEN m.review_status <> 'rejected' ELSE m.review_status = $2 END)
      ORDER BY m.score DESC, m.id LIMIT 200`,
    [reportId, status ?? null],
  );
  return rows;
}

export async function findCandidate(db: Queryable, id: string): Promise<CandidateRow | undefined> {
  const { rows } = await db.query<CandidateRow>(`SELECT ${CANDIDATE} FROM match_candidates m WHERE m.id = $1`, [id]);
  return rows[0];
}

export async function reviewCandidate(
  tx: Queryable,
  id: string,
  status: string,
  by: string,
  at: Date,
  note: Buffer | null,
): Promise<void> {
  await tx.query(
    'UPDATE match_candidates SET review_status = $2, reviewed_by = $3, reviewed_at = $4, note = coalesce($5, note) WHERE id = $1',
    [id, status, by, at, note],
  );
}

export async function insertNotification(
  tx: Queryable,
  n: {
    accountId: string;
    orgId: string;
    kind: string;
    recordType: string;
    recordId: string;
    refId: string | null;
    at: Date;
  },
): Promise<void> {
  await addNotification(tx, n);
}

export interface NotificationRow extends Row {
  id: string;
  kind: string;
  record_type: string;
  record_id: string;
  ref_id: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

export async function listNotifications(db: Queryable, accountId: string, orgId: string): Promise<NotificationRow[]> {
  const { rows } = await db.query<NotificationRow>(
    `SELECT id::text AS id, kind, record_type, record_id::text AS record_id, ref_id::text AS ref_id, created_at, read_at
       FROM notifications WHERE account_id = $1 AND org_id = $2 ORDER BY created_at DESC, id LIMIT 200`,
    [accountId, orgId],
  );
  return rows;
}

/** Sets the status if the version is still the one read; returns the new version or null (stale). */
export async function changeStatus(
  tx: Queryable,
  table: 'missing_reports' | 'found_records',
  id: string,
  version: number,
  status: string,
  at: Date,
): Promise<number | null> {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE ${table} SET status = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND version = $2 RETURNING version`,
    [id, version, status, at],
  );
  return rows[0] ? Number(rows[0].version) : null;
}

export async function teamBelongsToOrg(db: Queryable, teamId: string, orgId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM teams WHERE id = $1 AND org_id = $2', [teamId, orgId]);
  return rows.length > 0;
}
