// Incident events: create, read (with victims, perpetrators, acts, evidence, complaints) and
// list with filters in SQL. Every decision goes through can(); every read and write is audited
// (which record, which fields — never values). Another organisation's event is "not found".
import { can, listScope, placeLabel, type Actor } from '@acompana/core';
import {
  institutionAncestors,
  institutionAndDescendants,
  findViolationType,
  type Incident,
  type IncidentCreate,
  type IncidentListQuery,
  type IncidentMapSummary,
  type IncidentSummary,
  type IncidentSummaryQuery,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { open, seal } from './incident-crypto.ts';
import { checkPeriod, checkPlace, normaliseDate } from './incident-input.ts';
import * as q from './incidents.queries.ts';
import * as eq from './evidence.queries.ts';
import { mayAccessByConfidentiality, seesRestricted } from './incident-confidentiality.ts';
import { complaintsView, protectionView } from './incident-view-parts.ts';

export interface IncidentsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
}

export interface Meta {
  ip?: string | null;
}

type Precision = 'day' | 'month' | 'year' | 'approximate';
/** The recorded place in words for the app, in both interface languages. */
export function placeNames(row: { country: string; state_code: string | null; municipality_code: string | null }) {
  const place = { country: row.country, stateCode: row.state_code, municipalityCode: row.municipality_code };
  const es = placeLabel(place, 'es');
  return es ? { es, en: placeLabel(place, 'en') ?? es } : null;
}

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function createIncidentsService({ db, keyring, audit }: IncidentsDeps) {
  /** An event the actor may act on; another organisation's event is indistinguishable from none. */
  async function loadFor(actor: Actor, action: 'read' | 'update' | 'export', id: string): Promise<q.EventRow> {
    const row = await q.findEvent(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (
      !can(actor, action, { type: 'incident', orgId: row.org_id, ownerId: row.owner_account_id, teamId: row.team_id })
    )
      throw new AppError('policy.denied');
    // A restricted event is, to those outside its team, as absent as it is from their lists.
    if (!mayAccessByConfidentiality(actor, row)) throw new AppError('record.not_found');
    return row;
  }

  async function summaryOf(row: q.EventRow, actTypes: string[], victimCount: number): Promise<IncidentSummary> {
    const locality = await open(keyring, row.org_id, 'incident_events', 'locality', row.locality);
    const coordinates = await open(keyring, row.org_id, 'incident_events', 'coordinates', row.coordinates);
    return {
      id: row.id,
      title: (await open(keyring, row.org_id, 'incident_events', 'title', row.title)) ?? '',
      start: { date: row.start_date, precision: row.start_precision as Precision },
      end: row.end_date ? { date: row.end_date, precision: row.end_precision as Precision } : null,
      place: {
        country: row.country,
        stateCode: row.state_code,
        municipalityCode: row.municipality_code,
        names: placeNames(row),
        ...(locality ? { locality } : {}),
        ...(coordinates ? { coordinates: JSON.parse(coordinates) as { lat: number; lon: number } } : {}),
      },
      routeSegment: row.route_segment,
      contextTags: row.context_tags,
      confidentiality: row.confidentiality,
      againstDefenders: row.against_defenders,
      actTypes: [...actTypes].sort(),
      victimCount,
      version: row.version,
      createdAt: iso(row.created_at),
    };
  }

  async function view(row: q.EventRow): Promise<Incident> {
    const org = row.org_id;
    const [victims, perpetrators, acts, evidence, complaints, protectionMeasures] = await Promise.all([
      q.listVictims(db, row.id),
      q.listPerpetrators(db, row.id),
      q.listActs(db, row.id),
      eq.listEvidence(db, row.id),
      complaintsView(db, keyring, org, row.id),
      protectionView(db, keyring, org, row.id),
    ]);
    const summary = await summaryOf(
      row,
      [...new Set(acts.map((a) => a.act_type))],
      victims.reduce((n, v) => n + Number(v.count), 0),
    );
    const narrative = await open(keyring, org, 'incident_events', 'narrative', row.narrative);
    return {
      ...summary,
      ...(narrative ? { narrative } : {}),
      teamId: row.team_id,
      ownerAccountId: row.owner_account_id,
      victims: victims.map((v) => ({
        id: v.id,
        personId: v.person_id,
        linkConsent: v.link_consent,
        count: Number(v.count),
        sex: v.sex.trim(),
        ageGroup: v.age_group,
        nationality: v.nationality,
      })),
      perpetrators: await Promise.all(
        perpetrators.map(async (p) => {
          const unit = await open(keyring, org, 'incident_perpetrators', 'unit', p.unit);
          const individuals = await open(keyring, org, 'incident_perpetrators', 'individuals', p.individuals);
          return {
            id: p.id,
            institution: p.institution,
            institutionPath: institutionAncestors(p.institution),
            suspectedInstitution: p.suspected_institution,
            attribution: p.attribution,
            ...(unit ? { unit } : {}),
            individuals: individuals ? (JSON.parse(individuals) as string[]) : [],
          };
        }),
      ),
      acts: acts.map((a) => {
        const term = findViolationType(a.act_type);
        return {
          id: a.id,
          type: a.act_type,
          vocabularyVersion: a.vocabulary_version,
          label: term?.label ?? { es: a.act_type, en: a.act_type },
          victimIds: a.victim_ids,
          perpetratorIds: a.perpetrator_ids,
          date: a.act_date ? { date: a.act_date, precision: (a.date_precision ?? 'day') as Precision } : null,
          stateCode: a.state_code,
          municipalityCode: a.municipality_code,
        };
      }),
      evidence: await Promise.all(
        evidence.map(async (e) => ({
          id: e.id,
          kind: e.kind,
          originalName: (await open(keyring, org, 'incident_evidence', 'original_name', e.original_name)) ?? '',
          contentType: e.content_type,
          sizeBytes: Number(e.size_bytes),
          sha256: e.sha256,
          uploadedBy: e.uploaded_by,
          uploadedAt: iso(e.uploaded_at),
        })),
      ),
      complaints,
      protectionMeasures,
    };
  }

  async function create(actor: Actor, input: IncidentCreate, meta: Meta = {}): Promise<Incident> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const teamId = input.teamId ?? actor.teamIds[0] ?? null;
    if (!can(actor, 'create', { type: 'incident', orgId, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    if (
      input.teamId &&
      !actor.teamIds.includes(input.teamId) &&
      !can(actor, 'create', { type: 'incident', orgId, teamId: input.teamId })
    )
      throw new AppError('policy.denied');
    const start = normaliseDate(input.start, 'start.date');
    const end = input.end ? normaliseDate(input.end, 'end.date') : undefined;
    checkPeriod(start, end);
    checkPlace(input.place);
    const place = input.place;
    // Encrypt before the transaction opens (on PGlite the keyring may need the one connection).
    const row: q.NewEvent = {
      orgId,
      ownerAccountId: actor.accountId,
      teamId,
      title: (await seal(keyring, orgId, 'incident_events', 'title', input.title)) as Buffer,
      narrative: await seal(keyring, orgId, 'incident_events', 'narrative', input.narrative),
      startDate: start.date,
      startPrecision: start.precision,
      endDate: end?.date ?? null,
      endPrecision: end?.precision ?? null,
      country: place?.country ?? 'MX',
      stateCode: place?.stateCode ?? null,
      municipalityCode: place?.municipalityCode ?? null,
      locality: await seal(keyring, orgId, 'incident_events', 'locality', place?.locality),
      coordinates: await seal(
        keyring,
        orgId,
        'incident_events',
        'coordinates',
        place?.coordinates ? JSON.stringify(place.coordinates) : undefined,
      ),
      routeSegment: input.routeSegment ?? null,
      contextTags: [...new Set(input.contextTags)],
      confidentiality: input.confidentiality,
      againstDefenders: input.againstDefenders,
    };
    const fields = [
      'title',
      'start_date',
      ...(input.narrative ? ['narrative'] : []),
      ...(place?.locality ? ['locality'] : []),
      ...(place?.coordinates ? ['coordinates'] : []),
    ];
    const id = await db.transaction(async (tx) => {
      const created = await q.insertEvent(tx, row);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'incident.create',
        recordType: 'incident',
        recordId: created,
        orgId,
        fields,
        ip: meta.ip ?? null,
      });
      return created;
    });
    return view((await q.findEvent(db, id)) as q.EventRow);
  }

  async function get(actor: Actor, id: string, meta: Meta = {}): Promise<Incident> {
    const row = await loadFor(actor, 'read', id);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.read',
      recordType: 'incident',
      recordId: id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
    });
    return view(row);
  }

  async function list(
    actor: Actor,
    query: IncidentListQuery,
    meta: Meta = {},
  ): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
    const after = query.cursor
      ? decodeCursor<{ d: string; id: string }>(
          query.cursor,
          (v) =>
            typeof v.d === 'string' &&
            /^\d{4}-\d{2}-\d{2}$/.test(v.d) &&
            typeof v.id === 'string' &&
            /^[0-9a-f-]{36}$/.test(v.id),
        )
      : undefined;
    const rows = await q.listEvents(db, { ...filterOf(actor, query), after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.list',
      recordType: 'incident',
      orgId: actor.orgId,
      ip: meta.ip ?? null,
      details: { count: page.length, ...filterDetails(query) },
    });
    return {
      items: await Promise.all(page.map((r) => summaryOf(r, r.act_types, Number(r.victim_count)))),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ d: last.start_date, id: last.id }) : null,
    };
  }

  /** The filters of a list, summary or export for this actor: scope and confidentiality in SQL. */
  function filterOf(actor: Actor, query: IncidentSummaryQuery, action: 'read' | 'export' = 'read'): q.EventFilter {
    const scope = listScope(actor, action, 'incident');
    if (!scope || scope === 'shared' || !actor.orgId) throw new AppError('policy.denied');
    return {
      scope,
      orgId: actor.orgId,
      accountId: actor.accountId,
      teamIds: actor.teamIds,
      seesRestricted: seesRestricted(actor),
      actType: query.act,
      institutions: query.institution ? institutionAndDescendants(query.institution) : undefined,
      state: query.state,
      month: query.month,
      from: query.from,
      to: query.to,
      sex: query.sex,
      ageGroup: query.ageGroup,
      defenders: query.defenders === undefined ? undefined : query.defenders === 'true',
      confidentiality: query.confidentiality,
    };
  }

  /** Events and victims per state and per month, for the map and the timeline (same filters as the list). */
  async function summary(actor: Actor, query: IncidentSummaryQuery, meta: Meta = {}): Promise<IncidentMapSummary> {
    const filter = filterOf(actor, query);
    const { byState, byMonth } = await q.summariseEvents(db, filter);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.summary',
      recordType: 'incident',
      orgId: filter.orgId,
      ip: meta.ip ?? null,
      details: filterDetails(query),
    });
    return {
      byState: byState.map((r) => ({ stateCode: r.state_code, events: Number(r.events), victims: Number(r.victims) })),
      byMonth: byMonth.map((r) => ({ month: r.month, events: Number(r.events), victims: Number(r.victims) })),
      total: byState.reduce((n, r) => n + Number(r.events), 0),
    };
  }

  return { loadFor, view, create, get, list, summary, filterOf };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;

/** Which filters were used (never values of personal data: these are all coarse codes). */
function filterDetails(query: IncidentSummaryQuery): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of [
    'act',
    'institution',
    'state',
    'month',
    'from',
    'to',
    'sex',
    'ageGroup',
    'defenders',
    'confidentiality',
  ] as const)
    out[key] = query[key] ?? null;
  return out;
}
