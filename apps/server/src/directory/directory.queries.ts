// The SQL of the services directory. Table and column names are HSDS's (hsds_<table>), so rows
// map onto HSDS objects by name; this file moves whole service graphs in and out.
import type { Queryable } from '../kernel/db/database.ts';

export type Row = Record<string, unknown>;

/** Columns of each HSDS table besides id and its parent key, in HSDS's names. */
export const columns = {
  hsds_organizations: [
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'uri',
    'legal_status',
    'year_incorporated',
    'parent_organization_id',
  ],
  hsds_locations: [
    'location_type',
    'url',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'transportation',
    'latitude',
    'longitude',
    'external_identifier',
    'external_identifier_type',
  ],
  hsds_addresses: [
    'attention',
    'address_1',
    'address_2',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  hsds_services: [
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'interpretation_services',
    'application_process',
    'fees_description',
    'wait_time',
    'accreditations',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'alert',
  ],
  hsds_service_at_locations: ['location_id', 'description'],
  hsds_schedules: [
    'valid_from',
    'valid_to',
    'dtstart',
    'until',
    'wkst',
    'freq',
    'interval',
    'byday',
    'bymonthday',
    'opens_at',
    'closes_at',
    'description',
    'attending_type',
    'notes',
  ],
  hsds_phones: ['number', 'extension', 'type', 'description'],
  hsds_languages: ['name', 'code', 'note'],
  hsds_service_areas: ['name', 'description', 'extent', 'extent_type', 'uri'],
  hsds_cost_options: ['valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'],
  hsds_contacts: ['name', 'title', 'department', 'email'],
  hsds_attributes: ['taxonomy_term_id', 'link_type', 'value'],
  hsds_taxonomy_terms: ['code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'term_uri'],
} as const;

export type Table = keyof typeof columns;
/** The tables whose rows hang off one service (deleted and rewritten with it). */
export const serviceChildTables = [
  'hsds_service_at_locations',
  'hsds_schedules',
  'hsds_phones',
  'hsds_languages',
  'hsds_service_areas',
  'hsds_cost_options',
  'hsds_contacts',
  'hsds_attributes',
] as const;
export type ServiceChildTable = (typeof serviceChildTables)[number];

const DATES = new Set(['valid_from', 'valid_to', 'dtstart', 'until']);
const NUMBERS = new Set(['minimum_age', 'maximum_age', 'extension', 'amount', 'latitude', 'longitude']);
const UUIDS = new Set(['organization_id', 'parent_organization_id', 'location_id', 'taxonomy_term_id', 'parent_id']);

/** Each column of a table with the expression that reads it: strings for dates and ids, numbers for numerics, on both databases. */
function fields(table: Table, alias: string): [string, string][] {
  return columns[table].map((c) => {
    const ref = `${alias}."${c}"`;
    if (DATES.has(c) || UUIDS.has(c)) return [c, `${ref}::text`];
    if (NUMBERS.has(c)) return [c, `${ref}::float8`];
    return [c, ref];
  });
}

/** A select list of a table's columns (see fields). */
function selectList(table: Table, alias: string): string {
  return fields(table, alias)
    .map(([c, expr]) => `${expr} AS "${c}"`)
    .join(', ');
}

/** A JSON object of a table's columns (same values as selectList), plus the given keys and, prefixed, a joined table's columns. */
function jsonRow(
  table: Table,
  alias: string,
  extra: Record<string, string>,
  joined?: { table: Table; alias: string; prefix: string },
): string {
  const pairs = [
    ...Object.entries(extra),
    ...fields(table, alias),
    ...(joined ? fields(joined.table, joined.alias).map(([c, expr]) => [`${joined.prefix}${c}`, expr]) : []),
  ];
  return `json_build_object(${pairs.map(([k, expr]) => `'${k}', ${expr}`).join(', ')})`;
}

export async function insertRow(tx: Queryable, table: Table, values: Row, extra: Row): Promise<void> {
  const all = { ...extra, ...Object.fromEntries(columns[table].map((c) => [c, values[c] ?? null])) };
  const names = Object.keys(all);
  await tx.query(
    `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(all),
  );
}

export interface OwnedRow {
  id: string;
  owner_org_id: string;
  version: number;
  deleted_at?: Date | string | null;
}

/** Which of the ids exist in an owned table, with their owner. */
export async function owners(
  db: Queryable,
  table: 'hsds_organizations' | 'hsds_locations' | 'hsds_services',
  ids: readonly string[],
): Promise<Map<string, OwnedRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<OwnedRow>(
    `SELECT id::text AS id, owner_org_id::text AS owner_org_id, version FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Child rows with one of the ids that hang off a service other than the given ones. */
export async function foreignChildIds(
  db: Queryable,
  table: ServiceChildTable | 'hsds_addresses',
  ids: readonly string[],
  parents: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const parent = table === 'hsds_addresses' ? 'location_id' : 'service_id';
  const { rows } = await db.query<{ id: string }>(
    `SELECT id::text AS id FROM ${table} WHERE id = ANY($1::uuid[]) AND NOT (${parent} = ANY($2::uuid[]))`,
    [ids, parents],
  );
  return rows.map((r) => r.id);
}

/** Inserts or updates an organization or location of `ownerOrgId` (ownership checked before). */
export async function upsertOwned(
  tx: Queryable,
  table: 'hsds_organizations' | 'hsds_locations',
  id: string,
  ownerOrgId: string,
  values: Row,
  verifiedOn: string,
): Promise<void> {
  const cols = columns[table];
  const params = [id, ownerOrgId, verifiedOn, ...cols.map((c) => values[c] ?? null)];
  const list = cols.map((c) => `"${c}"`).join(', ');
  const excluded = cols.map((c) => `EXCLUDED."${c}"`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (id, owner_org_id, last_verified_on, ${list}) VALUES ($1, $2, $3, ${cols.map((_, i) => `$${i + 4}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET (${list}) = (${excluded}), last_verified_on = EXCLUDED.last_verified_on, updated_at = now(), version = ${table}.version + 1
     WHERE ${table}.owner_org_id = EXCLUDED.owner_org_id AND ((${cols.map((c) => `${table}."${c}"`).join(', ')}) IS DISTINCT FROM (${excluded})
       OR ${table}.last_verified_on IS DISTINCT FROM EXCLUDED.last_verified_on)`,
    params,
  );
}

export async function insertService(
  tx: Queryable,
  id: string,
  ownerOrgId: string,
  values: Row,
  acceptsReferrals: boolean,
  verifiedOn: string,
  at: Date,
): Promise<void> {
  await insertRow(tx, 'hsds_services', values, {
    id,
    owner_org_id: ownerOrgId,
    accepts_referrals: acceptsReferrals,
    last_verified_on: verifiedOn,
    created_at: at,
    updated_at: at,
  });
}

/** Rewrites a service's own columns, bumping its version; false when the version moved on. */
export async function updateService(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  values: Row,
  acceptsReferrals: boolean | undefined,
  verifiedOn: string,
  at: Date,
): Promise<boolean> {
  const cols = columns.hsds_services;
  const params: unknown[] = [
    id,
    expectedVersion,
    verifiedOn,
    at,
    acceptsReferrals ?? null,
    ...cols.map((c) => values[c] ?? null),
  ];
  const { rowCount } = await tx.query(
    `UPDATE hsds_services SET (${cols.map((c) => `"${c}"`).join(', ')}) = (${cols.map((_, i) => `$${i + 6}`).join(', ')}),
       last_verified_on = $3, updated_at = $4, accepts_referrals = coalesce($5, accepts_referrals), version = version + 1, deleted_at = NULL
     WHERE id = $1 AND version = $2`,
    params,
  );
  return rowCount > 0;
}

export async function deleteServiceChildren(tx: Queryable, serviceId: string): Promise<void> {
  // Schedules, phones… first, then the links to locations (nothing points at them any more).
  for (const table of [...serviceChildTables].reverse())
    await tx.query(`DELETE FROM ${table} WHERE service_id = $1`, [serviceId]);
}

export async function replaceAddresses(tx: Queryable, locationId: string, addresses: readonly Row[]): Promise<void> {
  await tx.query('DELETE FROM hsds_addresses WHERE location_id = $1', [locationId]);
  for (const a of addresses) await insertRow(tx, 'hsds_addresses', a, { id: a.id, location_id: locationId });
}

export async function recordServiceVersion(
  tx: Queryable,
  serviceId: string,
  document: unknown,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO hsds_service_versions (service_id, version, document, changed_by, changed_at)
     SELECT id, version, $2::jsonb, $3, $4 FROM hsds_services WHERE id = $1`,
    [serviceId, JSON.stringify(document), by, at],
  );
}

export async function markServiceDeleted(tx: Queryable, id: string, at: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    'UPDATE hsds_services SET deleted_at = $2, updated_at = $2, version = version + 1 WHERE id = $1 AND deleted_at IS NULL',
    [id, at],
  );
  await refreshSearch(tx, [id]);
  return rowCount > 0;
}

export async function verifyService(tx: Queryable, id: string, on: string, at: Date): Promise<void> {
  await tx.query('UPDATE hsds_services SET last_verified_on = $2, updated_at = $3 WHERE id = $1', [id, on, at]);
}

/** A taxonomy term by id, or by (taxonomy, code). */
export async function findTerm(
  db: Queryable,
  by: { id?: string | null | undefined; taxonomy: string; code?: string | null | undefined },
): Promise<string | undefined> {
  if (by.id) {
    const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM hsds_taxonomy_terms WHERE id = $1', [
      by.id,
    ]);
    if (rows[0]) return rows[0].id;
  }
  if (!by.code) return undefined;
  const { rows } = await db.query<{ id: string }>(
    'SELECT id::text AS id FROM hsds_taxonomy_terms WHERE taxonomy = $1 AND code = $2',
    [by.taxonomy, by.code],
  );
  return rows[0]?.id;
}

export async function insertTerm(tx: Queryable, id: string, ownerOrgId: string, values: Row): Promise<void> {
  await insertRow(tx, 'hsds_taxonomy_terms', values, { id, owner_org_id: ownerOrgId });
}

// Reading ---------------------------------------------------------------------------------------

export interface ServiceRow extends Row {
  id: string;
  owner_org_id: string;
  accepts_referrals: boolean;
  /** Eligibility by nationality (migration 0070); read with the service graph only. */
  served_nationalities?: string[] | null;
  last_verified_on: string;
  updated_at: Date | string;
  version: number;
  deleted_at: Date | string | null;
}

export interface ServiceGraphRows {
  services: ServiceRow[];
  organizations: Row[];
  links: Row[];
  locations: Row[];
  addresses: Row[];
  children: Record<Exclude<ServiceChildTable, 'hsds_service_at_locations' | 'hsds_attributes'>, Row[]>;
  attributes: Row[];
}

const CHILDREN = [
  'hsds_schedules',
  'hsds_phones',
  'hsds_languages',
  'hsds_service_areas',
  'hsds_cost_options',
  'hsds_contacts',
] as const;

/** The services' graphs in ONE round trip: each service row carries its children as JSON arrays, flattened here. */
export async function loadServiceGraphs(db: Queryable, ids: readonly string[]): Promise<ServiceGraphRows> {
  const own = (table: Table) =>
    `(SELECT json_agg(${jsonRow(table, 'x', { id: 'x.id::text', service_id: 'x.service_id::text' })} ORDER BY x.id) FROM ${table} x WHERE x.service_id = s.id)`;
  const atLocations = 'SELECT y.location_id FROM hsds_service_at_locations y WHERE y.service_id = s.id';
  const { rows } = await db.query<ServiceRow & Record<`g_${string}`, unknown>>(
    `SELECT s.id::text AS id, s.owner_org_id::text AS owner_org_id, s.accepts_referrals, s.served_nationalities::text[] AS served_nationalities,
       s.last_verified_on::text AS last_verified_on, s.updated_at, s.version, s.deleted_at,
       ${selectList('hsds_services', 's')},
       (SELECT ${jsonRow('hsds_organizations', 'x', { id: 'x.id::text' })} FROM hsds_organizations x WHERE x.id = s.organization_id) AS g_organization,
       ${own('hsds_service_at_locations')} AS g_links,
       (SELECT json_agg(${jsonRow('hsds_locations', 'x', { id: 'x.id::text' })}) FROM hsds_locations x WHERE x.id IN (${atLocations})) AS g_locations,
       (SELECT json_agg(${jsonRow('hsds_addresses', 'x', { id: 'x.id::text', location_id: 'x.location_id::text' })} ORDER BY x.id) FROM hsds_addresses x WHERE x.location_id IN (${atLocations})) AS g_addresses,
       ${CHILDREN.map((t) => `${own(t)} AS "g_${t}"`).join(', ')},
       (SELECT json_agg(${jsonRow('hsds_attributes', 'x', { id: 'x.id::text', service_id: 'x.service_id::text', term_id: 't.id::text' }, { table: 'hsds_taxonomy_terms', alias: 't', prefix: 'term_' })} ORDER BY x.id)
          FROM hsds_attributes x JOIN hsds_taxonomy_terms t ON t.id = x.taxonomy_term_id WHERE x.service_id = s.id) AS g_attributes
     FROM hsds_services s WHERE s.id = ANY($1::uuid[])`,
    [ids],
  );
  // Organisations, locations and their addresses can be shared by several services: once each.
  const unique = (lists: unknown[]) => [
    ...new Map(lists.flatMap((l) => (l as Row[] | null) ?? []).map((r) => [String(r.id), r])).values(),
  ];
  const all = (key: string) => rows.flatMap((r) => (r[key as `g_${string}`] as Row[] | null) ?? []);
  const services = rows.map(
    (r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('g_'))) as ServiceRow,
  );
  return {
    services,
    organizations: unique(rows.map((r) => (r.g_organization ? [r.g_organization] : []))),
    links: all('g_links'),
    locations: unique(rows.map((r) => r.g_locations)),
    addresses: unique(rows.map((r) => r.g_addresses)),
    attributes: all('g_attributes'),
    children: Object.fromEntries(CHILDREN.map((t) => [t, all(`g_${t}`)])) as ServiceGraphRows['children'],
  };
}

export interface OwnFilter {
  ownerOrgId: string;
  staleBefore?: string | undefined;
  limit: number;
  offset: number;
}

/** Ids of an organisation's services that are not deleted (any status), by name or oldest verified first. */
export async function ownServiceIds(db: Queryable, f: OwnFilter): Promise<{ ids: string[]; total: number }> {
  const stale = f.staleBefore ? ' AND s.last_verified_on < $4::date' : '';
  const { rows } = await db.query<{ id: string; total: number }>(
    `SELECT s.id::text AS id, count(*) OVER ()::int AS total FROM hsds_services s WHERE s.deleted_at IS NULL AND s.owner_org_id = $1${stale}
     ORDER BY ${f.staleBefore ? 's.last_verified_on, ' : ''}s.name, s.id LIMIT $2 OFFSET $3`,
    [f.ownerOrgId, f.limit, f.offset, ...(f.staleBefore ? [f.staleBefore] : [])],
  );
  return { ids: rows.map((r) => r.id), total: Number(rows[0]?.total ?? 0) };
}

export interface SearchFilter {
  state?: string | undefined;
  city?: string | undefined;
  need?: string | undefined;
  language?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Ids of the listed services (not deleted, active or temporarily closed) matching need, place
 * and language, by name, with the total count. One GIN lookup in hsds_service_search, whose
 * keys migration 0018 defines; place names fold accents and case (hsds_fold) on both sides.
 */
export async function searchServiceIds(db: Queryable, f: SearchFilter): Promise<{ ids: string[]; total: number }> {
  const params: unknown[] = [];
  const add = (v: unknown, cast = 'text') => {
    params.push(v);
    return `$${params.length}::${cast}`;
  };
  const keys: string[] = [];
  // need=a,b,c: any of these codes (the portal folds several taxonomy codes into one need).
  const needs = (f.need ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const anyNeed =
    needs.length > 1
      ? `s.keys && ${add(
          needs.map((code) => `n:${code}`),
          'text[]',
        )}`
      : '';
  if (needs.length === 1) keys.push(`'n:' || ${add(needs[0])}`);
  if (f.language) keys.push(`'l:' || ${add(f.language.toLowerCase())}`);
  // State and city must belong to the same address: the combined key, not two separate ones.
  if (f.state && f.city) keys.push(`'p:' || hsds_fold(${add(f.state)}) || chr(31) || hsds_fold(${add(f.city)})`);
  else if (f.state) keys.push(`'s:' || hsds_fold(${add(f.state)})`);
  else if (f.city) keys.push(`'c:' || hsds_fold(${add(f.city)})`);
  // A sub-select: the folding runs once, not once per row should the planner choose a scan.
  const conditions = [...(keys.length > 0 ? [`s.keys @> (SELECT ARRAY[${keys.join(', ')}])`] : []), anyNeed];
  const where = conditions.some(Boolean) ? `WHERE ${conditions.filter(Boolean).join(' AND ')}` : '';
  const { rows } = await db.query<{ id: string; total: number }>(
    `SELECT s.service_id::text AS id, count(*) OVER ()::int AS total FROM hsds_service_search s ${where}
     ORDER BY s.name, s.service_id LIMIT ${add(f.limit, 'int')} OFFSET ${add(f.offset, 'int')}`,
    params,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && f.offset > 0) {
    const counted = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hsds_service_search s ${where}`,
      params.slice(0, -2),
    );
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return { ids: rows.map((r) => r.id), total };
}

/**
 * Rewrites the search rows of these services and of every service at these locations (a
 * location's addresses are shared by the services there). Call inside the write's transaction.
 */
export async function refreshSearch(
  tx: Queryable,
  serviceIds: readonly string[],
  locationIds: readonly string[] = [],
): Promise<void> {
  await tx.query(
    `SELECT hsds_service_search_refresh(ARRAY(SELECT unnest($1::uuid[]) UNION SELECT service_id FROM hsds_service_at_locations WHERE location_id = ANY ($2::uuid[])))`,
    [serviceIds, locationIds],
  );
}

export async function serviceOwner(db: Queryable, id: string): Promise<ServiceRow | undefined> {
  const { rows } = await db.query<ServiceRow>(
    `SELECT id::text AS id, owner_org_id::text AS owner_org_id, accepts_referrals, last_verified_on::text AS last_verified_on, updated_at, version, deleted_at, name
       FROM hsds_services WHERE id = $1`,
    [id],
  );
  return rows[0];
}
