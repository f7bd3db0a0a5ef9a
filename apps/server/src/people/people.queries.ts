// The SQL of the people module. Personal fields arrive here already encrypted; this file only
// moves ciphertext, blind indexes and coarse fields.
import type { Queryable } from '../kernel/db/database.ts';
import type { EncryptedPersonColumn } from './person-crypto.ts';
import type { BlindIndexes } from './person-search.ts';

export interface PersonRow extends Partial<Record<EncryptedPersonColumn, unknown>> {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  sex: 'F' | 'M' | 'X' | null;
  nationality: string | null;
  birth_year: number | null;
  birth_year_estimated: boolean;
}

/** Who may see what in a list: the SQL twin of the policy's scopes (see listScope). */
export interface ListScope {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
}

/** WHERE fragment of a scope, with its parameters appended to `params`. */
function scopeWhere(s: ListScope, params: unknown[]): string {
  params.push(s.orgId);
  const org = `p.org_id = $${params.length}`;
  if (s.scope === 'org') return org;
  params.push(s.accountId);
  const own = `p.owner_account_id = $${params.length}`;
  if (s.scope === 'own') return `${org} AND ${own}`;
  params.push(s.teamIds);
  return `${org} AND (${own} OR p.team_id = ANY($${params.length}::uuid[]))`;
}

const COARSE = `p.id::text AS id, p.org_id::text AS org_id, p.owner_account_id::text AS owner_account_id, p.team_id::text AS team_id,
  p.version, p.created_at, p.updated_at, p.sex, p.nationality, p.birth_year, p.birth_year_estimated`;
const ALL_ENCRYPTED =
  'p.given_names, p.surnames, p.first_surname, p.second_surname, p.aliases, p.birth_date, p.gender_identity, p.origin, p.languages, p.documents, p.contacts, p.notes';
const NAMES_ONLY = 'p.given_names, p.surnames, p.aliases';

export interface NewPersonRow {
  id: string;
  orgId: string;
  ownerAccountId: string;
  teamId: string | null;
  createdBy: string | null;
  at: Date;
  sex: string | null;
  nationality: string | null;
  birthYear: number | null;
  birthYearEstimated: boolean;
  encrypted: Partial<Record<EncryptedPersonColumn, Buffer | null>>;
  indexes: BlindIndexes;
}

export async function insertPerson(tx: Queryable, row: NewPersonRow): Promise<void> {
  const enc = Object.entries(row.encrypted);
  const columns = [
    'id',
    'org_id',
    'owner_account_id',
    'team_id',
    'created_by',
    'created_at',
    'updated_at',
    'sex',
    'nationality',
    'birth_year',
    'birth_year_estimated',
    'name_bi',
    'name_trigram_bi',
    'document_bi',
    ...enc.map(([c]) => c),
  ];
  const values: unknown[] = [
    row.id,
    row.orgId,
    row.ownerAccountId,
    row.teamId,
    row.createdBy,
    row.at,
    row.at,
    row.sex,
    row.nationality,
    row.birthYear,
    row.birthYearEstimated,
    row.indexes.name_bi,
    row.indexes.name_trigram_bi,
    row.indexes.document_bi,
    ...enc.map(([, v]) => v),
  ];
  const placeholders = values.map((_, i) => (i >= 11 && i <= 13 ? `$${i + 1}::text[]` : `$${i + 1}`));
  await tx.query(`INSERT INTO people (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`, values);
}

/** One live person, with every encrypted column (for reading the record, editing or exporting it). */
export async function findPerson(db: Queryable, id: string): Promise<PersonRow | undefined> {
  const { rows } = await db.query<PersonRow>(
    `SELECT ${COARSE}, ${ALL_ENCRYPTED} FROM people p WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [id],
  );
  return rows[0];
}

export interface PersonReadRow extends PersonRow {
  profile: unknown;
  photo: { content_type: string; size_bytes: number; uploaded_at: string } | string | null;
}

/** A person with what a full read shows beside the record (profile, photo description), in one query. */
export async function findPersonForRead(db: Queryable, id: string): Promise<PersonReadRow | undefined> {
  const { rows } = await db.query<PersonReadRow>(
    `SELECT ${COARSE}, ${ALL_ENCRYPTED}, p.profile,
            (SELECT json_build_object('content_type', ph.content_type, 'size_bytes', ph.size_bytes, 'uploaded_at', ph.uploaded_at)
               FROM person_photos ph WHERE ph.person_id = p.id) AS photo
       FROM people p WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [id],
  );
  return rows[0];
}

export interface PersonChange {
  coarse: Partial<Record<'sex' | 'nationality' | 'birth_year' | 'birth_year_estimated' | 'team_id', unknown>>;
  encrypted: Partial<Record<EncryptedPersonColumn, Buffer | null>>;
  indexes?: Partial<BlindIndexes>;
}

/** Applies a change if the record is still at `version`; returns the new version, or null when stale. */
export async function updatePerson(
  tx: Queryable,
  id: string,
  version: number,
  at: Date,
  change: PersonChange,
): Promise<number | null> {
  const sets: string[] = [];
  const params: unknown[] = [id, version, at];
  const add = (column: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  for (const [c, v] of Object.entries(change.coarse)) add(c, v);
  for (const [c, v] of Object.entries(change.encrypted)) add(c, v);
  for (const [c, v] of Object.entries(change.indexes ?? {})) add(c, v, '::text[]');
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE people SET ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')}
      WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING version`,
    params,
  );
  return rows[0] ? Number(rows[0].version) : null;
}

/** Deletion: every personal field and index goes; the row stays as a stub the audit log points to. */
export async function erasePerson(tx: Queryable, id: string, by: string, at: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE people SET deleted_at = $2, deleted_by = $3, updated_at = $2, version = version + 1,
       sex = NULL, nationality = NULL, birth_year = NULL, birth_year_estimated = false,
       given_names = NULL, surnames = NULL, first_surname = NULL, second_surname = NULL, aliases = NULL, birth_date = NULL,
       gender_identity = NULL, origin = NULL, languages = NULL, documents = NULL, contacts = NULL, notes = NULL,
       name_bi = '{}', name_trigram_bi = '{}', document_bi = '{}', profile = NULL, profile_bi = '{}'
     WHERE id = $1 AND deleted_at IS NULL`,
    [id, at, by],
  );
  await tx.query('DELETE FROM person_photos WHERE person_id = $1', [id]);
  await tx.query(
    'UPDATE person_consents SET witness_name = NULL, withdrawn_at = coalesce(withdrawn_at, $2) WHERE person_id = $1',
    [id, at],
  );
  return rowCount > 0;
}

export interface ListFilters {
  nationality?: string | undefined;
  sex?: string | undefined;
  /** A profile indicator: any of the blind-index keys, or the clear facts it is derived from. */
  profile?: { keys: string[]; birthYearAbove?: number; birthYearAtMost?: number; sex?: string } | undefined;
  /** Only people with an active consent to sharing (a partner's duplicate check). */
  consentedToSharing?: boolean | undefined;
}

function filterWhere(f: ListFilters, params: unknown[]): string {
  const parts: string[] = ['p.deleted_at IS NULL'];
  if (f.nationality) {
    params.push(f.nationality);
    parts.push(`p.nationality = $${params.length}`);
  }
  if (f.sex) {
    params.push(f.sex);
    parts.push(`p.sex = $${params.length}`);
  }
  if (f.profile) {
    params.push(f.profile.keys);
    const any = [`p.profile_bi && $${params.length}::text[]`];
    if (f.profile.birthYearAbove !== undefined) {
      params.push(f.profile.birthYearAbove);
      any.push(`p.birth_year > $${params.length}`);
    }
    if (f.profile.birthYearAtMost !== undefined) {
      params.push(f.profile.birthYearAtMost);
      any.push(`p.birth_year <= $${params.length}`);
    }
    if (f.profile.sex) {
      params.push(f.profile.sex);
      any.push(`p.sex = $${params.length}`);
    }
    parts.push(`(${any.join(' OR ')})`);
  }
  if (f.consentedToSharing)
    parts.push(
      `EXISTS (SELECT 1 FROM person_consents c WHERE c.person_id = p.id AND c.purpose = 'sharing' AND c.withdrawn_at IS NULL)`,
    );
  return parts.join(' AND ');
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listPeople(
  db: Queryable,
  scope: ListScope,
  filters: ListFilters,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<PersonRow[]> {
  const params: unknown[] = [];
  const where = [scopeWhere(scope, params), filterWhere(filters, params)];
  if (after) {
    params.push(after.at, after.id);
    where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit);
  const { rows } = await db.query<PersonRow>(
    `SELECT ${COARSE}, ${NAMES_ONLY} FROM people p WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export interface CandidateRow extends PersonRow {
  hits: number;
  document_hit: boolean;
}

/**
 * First pass: records holding every key of one of the combinations (GIN containment, an
 * intersection of posting lists, selective even for common names), or the document number.
 * Among equals, records with fewer keys come first: their names have fewer tokens beyond the
 * query's, which is what the in-memory ranking rewards too.
 */
export async function searchAllTokens(
  db: Queryable,
  scope: ListScope,
  filters: ListFilters,
  combos: readonly (readonly string[])[],
  documentKeys: readonly string[],
  limit: number,
): Promise<CandidateRow[]> {
  const params: unknown[] = [documentKeys];
  const contains = combos.map((c) => {
    params.push(c);
    return `p.name_bi @> $${params.length}::text[]`;
  });
  const where = [scopeWhere(scope, params), filterWhere(filters, params)];
  params.push(limit);
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${COARSE}, ${NAMES_ONLY}, (p.document_bi && $1::text[]) AS document_hit, 0 AS hits
       FROM people p
      WHERE (${[...contains, 'p.document_bi && $1::text[]'].join(' OR ')}) AND ${where.join(' AND ')}
      ORDER BY document_hit DESC, cardinality(p.name_bi), p.id
      LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/**
 * Candidates sharing at least one blind-index key with the query (GIN index on the array),
 * best first by the number of keys shared; a document-number hit outranks everything.
 */
export async function searchCandidates(
  db: Queryable,
  scope: ListScope,
  filters: ListFilters,
  column: 'name_bi' | 'name_trigram_bi',
  keys: readonly string[],
  documentKeys: readonly string[],
  limit: number,
): Promise<CandidateRow[]> {
  const params: unknown[] = [keys, documentKeys];
  const where = [scopeWhere(scope, params), filterWhere(filters, params)];
  params.push(limit);
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${COARSE}, ${NAMES_ONLY}, (p.document_bi && $2::text[]) AS document_hit,
        (SELECT count(*) FROM unnest(p.${column}) AS k WHERE k = ANY($1::text[]))::int AS hits
       FROM people p
      WHERE (p.${column} && $1::text[] OR p.document_bi && $2::text[]) AND ${where.join(' AND ')}
      ORDER BY document_hit DESC, hits DESC, p.id
      LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export interface ConsentRow {
  id: string;
  purpose: 'care' | 'referral' | 'sharing' | 'statistics';
  method: 'signed' | 'oral_with_witness' | 'by_guardian';
  witness_name: unknown;
  recorded_by: string | null;
  recorded_at: Date | string;
  withdrawn_at: Date | string | null;
}

/** The purposes each of several people consents to now (withdrawn consents left out). */
export async function listActiveConsentPurposes(
  db: Queryable,
  personIds: readonly string[],
): Promise<{ person_id: string; purpose: string }[]> {
  if (personIds.length === 0) return [];
  const { rows } = await db.query<{ person_id: string; purpose: string }>(
    `SELECT person_id::text AS person_id, purpose FROM person_consents
      WHERE person_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
    [personIds],
  );
  return rows;
}

export async function listConsents(db: Queryable, personId: string): Promise<ConsentRow[]> {
  const { rows } = await db.query<ConsentRow>(
    `SELECT id::text AS id, purpose, method, witness_name, recorded_by::text AS recorded_by, recorded_at, withdrawn_at
       FROM person_consents WHERE person_id = $1 ORDER BY recorded_at, id`,
    [personId],
  );
  return rows;
}

export async function insertConsent(
  tx: Queryable,
  c: {
    id: string;
    personId: string;
    orgId: string;
    purpose: string;
    method: string;
    witness: Buffer | null;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_consents (id, person_id, org_id, purpose, method, witness_name, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.personId, c.orgId, c.purpose, c.method, c.witness, c.by, c.at],
  );
}

export async function withdrawConsent(
  tx: Queryable,
  personId: string,
  consentId: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'UPDATE person_consents SET withdrawn_at = $3, withdrawn_by = $4 WHERE id = $2 AND person_id = $1 AND withdrawn_at IS NULL',
    [personId, consentId, at, by],
  );
  return rowCount > 0;
}

/** Fields changed by edits after `version` (from the audit log), for a clear conflict message. */
export async function fieldsChangedSince(db: Queryable, personId: string, version: number): Promise<string[]> {
  const { rows } = await db.query<{ fields: string[] }>(
    `SELECT fields FROM audit_log WHERE record_type = 'person' AND record_id = $1 AND action = 'person.update'
        AND (details->>'version')::int > $2 ORDER BY seq`,
    [personId, version],
  );
  return [...new Set(rows.flatMap((r) => r.fields))];
}

export async function personAuditTrail(
  db: Queryable,
  personId: string,
): Promise<{ at: Date | string; action: string; fields: string[]; actor_org_id: string | null }[]> {
  const { rows } = await db.query<{ at: Date | string; action: string; fields: string[]; actor_org_id: string | null }>(
    `SELECT at, action, fields, actor_org_id::text AS actor_org_id FROM audit_log
      WHERE record_type = 'person' AND record_id = $1 ORDER BY seq LIMIT 10000`,
    [personId],
  );
  return rows;
}

export async function teamBelongsToOrg(db: Queryable, teamId: string, orgId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM teams WHERE id = $1 AND org_id = $2', [teamId, orgId]);
  return rows.length > 0;
}
