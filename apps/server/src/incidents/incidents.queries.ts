// The SQL of incident events and their parts. Encrypted fields arrive here as ciphertext; this
// file moves ciphertext and coarse fields only.
import type { Queryable } from '../kernel/db/database.ts';

export interface EventRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  version: number;
  created_at: Date | string;
  title: unknown;
  narrative: unknown;
  start_date: string;
  start_precision: string;
  end_date: string | null;
  end_precision: string | null;
  country: string;
  state_code: string | null;
  municipality_code: string | null;
  locality: unknown;
  coordinates: unknown;
  route_segment: string | null;
  context_tags: string[];
  confidentiality: string;
  against_defenders: boolean;
}

const EVENT_COLUMNS = `e.id::text AS id, e.org_id::text AS org_id, e.owner_account_id::text AS owner_account_id, e.team_id::text AS team_id,
  e.version, e.created_at, e.title, e.narrative, e.start_date::text AS start_date, e.start_precision, e.end_date::text AS end_date, e.end_precision,
  e.country, e.state_code, e.municipality_code, e.locality, e.coordinates, e.route_segment, e.context_tags, e.confidentiality, e.against_defenders`;

export interface NewEvent {
  orgId: string;
  ownerAccountId: string;
  teamId: string | null;
  title: Buffer;
  narrative: Buffer | null;
  startDate: string;
  startPrecision: string;
  endDate: string | null;
  endPrecision: string | null;
  country: string;
  stateCode: string | null;
  municipalityCode: string | null;
  locality: Buffer | null;
  coordinates: Buffer | null;
  routeSegment: string | null;
  contextTags: string[];
  confidentiality: string;
  againstDefenders: boolean;
}

export async function insertEvent(tx: Queryable, e: NewEvent): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_events (org_id, owner_account_id, team_id, created_by, title, narrative, start_date, start_precision, end_date, end_precision,
       country, state_code, municipality_code, locality, coordinates, route_segment, context_tags, confidentiality, against_defenders)
     VALUES ($1, $2, $3, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id::text AS id`,
    [
      e.orgId,
      e.ownerAccountId,
      e.teamId,
      e.title,
      e.narrative,
      e.startDate,
      e.startPrecision,
      e.endDate,
      e.endPrecision,
      e.country,
      e.stateCode,
      e.municipalityCode,
      e.locality,
      e.coordinates,
      e.routeSegment,
      e.contextTags,
      e.confidentiality,
      e.againstDefenders,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function findEvent(db: Queryable, id: string): Promise<EventRow | undefined> {
  return (await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM incident_events e WHERE e.id = $1`, [id])).rows[0];
}

export async function touchEvent(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE incident_events SET updated_at = now(), version = version + 1 WHERE id = $1', [id]);
}

export interface EventFilter {
  scope: 'org' | 'team' | 'own';
  orgId: string;
  accountId: string;
  teamIds: readonly string[];
  /** False for roles that do not oversee the organisation: restricted events only of their own or their teams (decision 0119). */
  seesRestricted: boolean;
  actType?: string | undefined;
  institutions?: readonly string[] | undefined;
  state?: string | undefined;
  month?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sex?: string | undefined;
  ageGroup?: string | undefined;
  defenders?: boolean | undefined;
  confidentiality?: string | undefined;
  ids?: readonly string[] | undefined;
}

export interface ListFilter extends EventFilter {
  after?: { d: string; id: string } | undefined;
  limit: number;
}

/** The WHERE clause of every event query (list, map and timeline summary, export): all filters in SQL. */
export function eventWhere(f: EventFilter, params: unknown[]): string[] {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`e.org_id = ${add(f.orgId)}`];
  if (f.scope === 'own') where.push(`e.owner_account_id = ${add(f.accountId)}`);
  if (f.scope === 'team')
    where.push(`(e.owner_account_id = ${add(f.accountId)} OR e.team_id = ANY(${add(f.teamIds)}::uuid[]))`);
  if (!f.seesRestricted)
    where.push(
      `(e.confidentiality <> 'restricted' OR e.owner_account_id = ${add(f.accountId)} OR e.team_id = ANY(${add(f.teamIds)}::uuid[]))`,
    );
  if (f.ids) where.push(`e.id = ANY(${add(f.ids)}::uuid[])`);
  if (f.actType)
    where.push(`EXISTS (SELECT 1 FROM incident_acts a WHERE a.event_id = e.id AND a.act_type = ${add(f.actType)})`);
  if (f.institutions) {
    const keys = add(f.institutions);
    where.push(
      `EXISTS (SELECT 1 FROM incident_perpetrators p WHERE p.event_id = e.id AND (p.institution = ANY(${keys}::text[]) OR p.suspected_institution = ANY(${keys}::text[])))`,
    );
  }
  if (f.sex || f.ageGroup) {
    const conditions = [
      'v.event_id = e.id',
      ...(f.sex ? [`v.sex = ${add(f.sex)}`] : []),
      ...(f.ageGroup ? [`v.age_group = ${add(f.ageGroup)}`] : []),
    ];
    where.push(`EXISTS (SELECT 1 FROM incident_victims v WHERE ${conditions.join(' AND ')})`);
  }
  if (f.state) where.push(`e.state_code = ${add(f.state)}`);
  if (f.month) {
    const first = add(`${f.month}-01`);
    where.push(`e.start_date >= ${first}::date AND e.start_date < (${first}::date + interval '1 month')`);
  }
  if (f.from) where.push(`e.start_date >= ${add(f.from)}::date`);
  if (f.to) where.push(`e.start_date <= ${add(f.to)}::date`);
  if (f.defenders !== undefined) where.push(`e.against_defenders = ${add(f.defenders)}`);
  if (f.confidentiality) where.push(`e.confidentiality = ${add(f.confidentiality)}`);
  return where;
}

export interface EventListRow extends EventRow {
  act_types: string[];
  victim_count: number;
}

export async function listEvents(db: Queryable, f: ListFilter): Promise<EventListRow[]> {
  const params: unknown[] = [];
  const where = eventWhere(f, params);
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.after) where.push(`(e.start_date, e.id) < (${add(f.after.d)}::date, ${add(f.after.id)}::uuid)`);
  const { rows } = await db.query<EventListRow>(
    `SELECT ${EVENT_COLUMNS},
       coalesce((SELECT array_agg(DISTINCT a.act_type) FROM incident_acts a WHERE a.event_id = e.id), '{}') AS act_types,
       coalesce((SELECT sum(v.count) FROM incident_victims v WHERE v.event_id = e.id), 0)::int AS victim_count
     FROM incident_events e WHERE ${where.join(' AND ')}
     ORDER BY e.start_date DESC, e.id DESC LIMIT ${add(f.limit + 1)}`,
    params,
  );
  return rows;
}

/**
 * Events and victims per state and per month of the filtered set, for the map and the timeline:
 * one pass grouped by (state, month) with the victims summed per event in a hash join (not a
 * subquery per event), then folded both ways here (at most 32 states x a few dozen months).
 */
export async function summariseEvents(
  db: Queryable,
  f: EventFilter,
): Promise<{
  byState: { state_code: string | null; events: number; victims: number }[];
  byMonth: { month: string; events: number; victims: number }[];
}> {
  const params: unknown[] = [];
  const where = eventWhere(f, params).join(' AND ');
  const { rows } = await db.query<{ state_code: string | null; month: string; events: number; victims: number }>(
    `SELECT e.state_code, to_char(date_trunc('month', e.start_date), 'YYYY-MM') AS month, count(*)::int AS events, coalesce(sum(vs.n), 0)::int AS victims
     FROM incident_events e
     LEFT JOIN (SELECT v.event_id, sum(v.count) AS n FROM incident_victims v WHERE v.org_id = $1 GROUP BY v.event_id) vs ON vs.event_id = e.id
     WHERE ${where} GROUP BY 1, 2`,
    params,
  );
  const fold = <K extends string | null>(key: (r: (typeof rows)[number]) => K) => {
    const out = new Map<K, { events: number; victims: number }>();
    for (const r of rows) {
      const acc = out.get(key(r)) ?? { events: 0, victims: 0 };
      acc.events += Number(r.events);
      acc.victims += Number(r.victims);
      out.set(key(r), acc);
    }
    return [...out.entries()].sort(([a], [b]) => String(a ?? '~').localeCompare(String(b ?? '~')));
  };
  return {
    byState: fold((r) => r.state_code).map(([state_code, v]) => ({ state_code, ...v })),
    byMonth: fold((r) => r.month).map(([month, v]) => ({ month, ...v })),
  };
}

export interface VictimRow {
  id: string;
  person_id: string | null;
  link_consent: string | null;
  count: number;
  sex: string;
  age_group: string;
  nationality: string | null;
}
export interface PerpetratorRow {
  id: string;
  institution: string;
  suspected_institution: string | null;
  attribution: string;
  unit: unknown;
  individuals: unknown;
}
export interface ActRow {
  id: string;
  act_type: string;
  vocabulary_version: number;
  act_date: string | null;
  date_precision: string | null;
  state_code: string | null;
  municipality_code: string | null;
  victim_ids: string[];
  perpetrator_ids: string[];
}

export async function listVictims(db: Queryable, eventId: string): Promise<VictimRow[]> {
  return (
    await db.query<VictimRow>(
      `SELECT id::text AS id, person_id::text AS person_id, link_consent, count, sex, age_group, nationality
     FROM incident_victims WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    )
  ).rows;
}

export async function listPerpetrators(db: Queryable, eventId: string): Promise<PerpetratorRow[]> {
  return (
    await db.query<PerpetratorRow>(
      `SELECT id::text AS id, institution, suspected_institution, attribution, unit, individuals
     FROM incident_perpetrators WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    )
  ).rows;
}

export async function listActs(db: Queryable, eventId: string): Promise<ActRow[]> {
  return (
    await db.query<ActRow>(
      `SELECT a.id::text AS id, a.act_type, a.vocabulary_version, a.act_date::text AS act_date, a.date_precision, a.state_code, a.municipality_code,
       coalesce((SELECT array_agg(v.victim_id::text ORDER BY v.victim_id) FROM incident_act_victims v WHERE v.act_id = a.id), '{}') AS victim_ids,
       coalesce((SELECT array_agg(p.perpetrator_id::text ORDER BY p.perpetrator_id) FROM incident_act_perpetrators p WHERE p.act_id = a.id), '{}') AS perpetrator_ids
     FROM incident_acts a WHERE a.event_id = $1 ORDER BY a.created_at, a.id`,
      [eventId],
    )
  ).rows;
}

export async function insertVictim(
  tx: Queryable,
  v: {
    eventId: string;
    orgId: string;
    personId: string | null;
    consent: string | null;
    by: string;
    count: number;
    sex: string;
    ageGroup: string;
    nationality: string | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_victims (event_id, org_id, person_id, link_consent, link_consent_by, link_consent_at, count, sex, age_group, nationality)
     VALUES ($1, $2, $3, $4, CASE WHEN $3::uuid IS NULL THEN NULL ELSE $5::uuid END, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END, $6, $7, $8, $9)
     RETURNING id::text AS id`,
    [v.eventId, v.orgId, v.personId, v.consent, v.by, v.count, v.sex, v.ageGroup, v.nationality],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertPerpetrator(
  tx: Queryable,
  p: {
    eventId: string;
    orgId: string;
    institution: string;
    suspected: string | null;
    attribution: string;
    version: number;
    unit: Buffer | null;
    individuals: Buffer | null;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_perpetrators (event_id, org_id, institution, suspected_institution, attribution, vocabulary_version, unit, individuals)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
    [p.eventId, p.orgId, p.institution, p.suspected, p.attribution, p.version, p.unit, p.individuals],
  );
  return (rows[0] as { id: string }).id;
}

export async function insertAct(
  tx: Queryable,
  a: {
    eventId: string;
    orgId: string;
    type: string;
    version: number;
    date: string | null;
    precision: string | null;
    stateCode: string | null;
    municipalityCode: string | null;
    victimIds: readonly string[];
    perpetratorIds: readonly string[];
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date, date_precision, state_code, municipality_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
    [a.eventId, a.orgId, a.type, a.version, a.date, a.precision, a.stateCode, a.municipalityCode],
  );
  const id = (rows[0] as { id: string }).id;
  await tx.query('INSERT INTO incident_act_victims (act_id, victim_id) SELECT $1, unnest($2::uuid[])', [
    id,
    a.victimIds,
  ]);
  if (a.perpetratorIds.length > 0)
    await tx.query('INSERT INTO incident_act_perpetrators (act_id, perpetrator_id) SELECT $1, unnest($2::uuid[])', [
      id,
      a.perpetratorIds,
    ]);
  return id;
}

/** How many of the ids belong to the event (to refuse an act naming another event's victims). */
export async function countOwnIds(
  db: Queryable,
  table: 'incident_victims' | 'incident_perpetrators',
  eventId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE event_id = $1 AND id = ANY($2::uuid[])`,
    [eventId, ids],
  );
  return Number(rows[0]?.n ?? 0);
}

export interface EventChanges {
  title?: Buffer;
  narrative?: Buffer | null;
  startDate?: string;
  startPrecision?: string;
  endDate?: string | null;
  endPrecision?: string | null;
  country?: string;
  stateCode?: string | null;
  municipalityCode?: string | null;
  locality?: Buffer | null;
  coordinates?: Buffer | null;
  routeSegment?: string | null;
  contextTags?: string[];
  confidentiality?: string;
  againstDefenders?: boolean;
}

const CHANGE_COLUMNS: Record<keyof EventChanges, string> = {
  title: 'title',
  narrative: 'narrative',
  startDate: 'start_date',
  startPrecision: 'start_precision',
  endDate: 'end_date',
  endPrecision: 'end_precision',
  country: 'country',
  stateCode: 'state_code',
  municipalityCode: 'municipality_code',
  locality: 'locality',
  coordinates: 'coordinates',
  routeSegment: 'route_segment',
  contextTags: 'context_tags',
  confidentiality: 'confidentiality',
  againstDefenders: 'against_defenders',
};

/** Applies the changes if the version matches; 0 means someone else changed the event first. */
export async function updateEvent(tx: Queryable, id: string, version: number, changes: EventChanges): Promise<number> {
  const params: unknown[] = [id, version];
  const sets = Object.entries(changes).map(([key, value]) => {
    params.push(value);
    return `${CHANGE_COLUMNS[key as keyof EventChanges]} = $${params.length}`;
  });
  const { rowCount } = await tx.query(
    `UPDATE incident_events SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
    params,
  );
  return rowCount;
}
