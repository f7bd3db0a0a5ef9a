// Exports of events. For partners: CSV with HXL hashtags and JSON of the events chosen in the
// list, only those marked shareable (decision 0119), with coarse fields only - dates, codes of
// state and municipality, route, context, act types, perpetrator institutions and victims
// counted by sex and age group. Never narratives, localities, coordinates, units, individuals,
// file numbers or anything of a linked person but their count; titles only when asked for.
// For a complaint: the redacted PDF of one event (incident-report.pdf.ts).
import type { Actor, IncidentExportRequest } from '@acompana/core';
import { csvField } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { findPerson } from '../people/people.queries.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { open } from './incident-crypto.ts';
import { isPartnerExportable } from './incident-confidentiality.ts';
import { renderIncidentReport, type ReportLang } from './incident-report.pdf.ts';
import type { IncidentsDeps, IncidentsService, Meta } from './incidents.service.ts';
import { eventWhere, type EventFilter } from './incidents.queries.ts';

interface ExportRow {
  id: string;
  org_id: string;
  title: unknown;
  start_date: string;
  start_precision: string;
  end_date: string | null;
  country: string;
  state_code: string | null;
  municipality_code: string | null;
  route_segment: string | null;
  context_tags: string[];
  confidentiality: string;
  against_defenders: boolean;
  act_types: string[];
  institutions: string[];
  victim_groups: { sex: string; ageGroup: string; count: number; killed: number }[] | string;
}

export interface PartnerEvent {
  id: string;
  title?: string;
  start: { date: string; precision: string };
  end: string | null;
  place: { country: string; stateCode: string | null; municipalityCode: string | null };
  routeSegment: string | null;
  contextTags: string[];
  againstDefenders: boolean;
  acts: string[];
  perpetratorInstitutions: string[];
  victims: { sex: string; ageGroup: string; count: number; killed: number }[];
}

async function exportRows(db: Queryable, filter: EventFilter): Promise<ExportRow[]> {
  const params: unknown[] = [];
  const where = eventWhere(filter, params).join(' AND ');
  return (
    await db.query<ExportRow>(
      `SELECT e.id::text AS id, e.org_id::text AS org_id, e.title, e.start_date::text AS start_date, e.start_precision, e.end_date::text AS end_date, e.country,
       e.state_code, e.municipality_code, e.route_segment, e.context_tags, e.confidentiality, e.against_defenders,
       coalesce((SELECT array_agg(DISTINCT a.act_type) FROM incident_acts a WHERE a.event_id = e.id), '{}') AS act_types,
       coalesce((SELECT array_agg(DISTINCT p.institution) FROM incident_perpetrators p WHERE p.event_id = e.id), '{}') AS institutions,
       coalesce((SELECT json_agg(json_build_object('sex', g.sex, 'ageGroup', g.age_group, 'count', g.n, 'killed', g.killed) ORDER BY g.sex, g.age_group)
         FROM (SELECT trim(v.sex) AS sex, v.age_group, sum(v.count)::int AS n,
                 sum(CASE WHEN EXISTS (SELECT 1 FROM incident_act_victims av JOIN incident_acts a ON a.id = av.act_id WHERE av.victim_id = v.id AND a.act_type = 'death') THEN v.count ELSE 0 END)::int AS killed
               FROM incident_victims v WHERE v.event_id = e.id GROUP BY trim(v.sex), v.age_group) g), '[]') AS victim_groups
     FROM incident_events e WHERE ${where} ORDER BY e.start_date, e.id`,
      params,
    )
  ).rows;
}

/** HXL hashtags of the long-form CSV: one row per event and victim group (sex × age group). */
export const partnerCsvColumns = [
  ['Event', '#event+id'],
  ['Start date', '#date+start'],
  ['Date precision', '#date+precision'],
  ['End date', '#date+end'],
  ['Country', '#country+code'],
  ['State', '#adm1+code'],
  ['Municipality', '#adm2+code'],
  ['Route segment', '#loc+route'],
  ['Context', '#event+context'],
  ['Against defenders', '#event+defenders'],
  ['Acts', '#event+type'],
  ['Perpetrator institutions', '#org+perpetrator'],
  ['Sex', '#affected+sex'],
  ['Age group', '#affected+age'],
  ['Victims', '#affected+num'],
  ['Killed', '#affected+killed+num'],
  ['Title', '#event+name'],
] as const;

export function toPartnerCsv(events: readonly PartnerEvent[], includeTitles: boolean): string {
  const columns = includeTitles ? partnerCsvColumns : partnerCsvColumns.filter(([, tag]) => tag !== '#event+name');
  const lines = [columns.map(([h]) => csvField(h)).join(','), columns.map(([, tag]) => csvField(tag)).join(',')];
  for (const e of events) {
    const groups = e.victims.length > 0 ? e.victims : [{ sex: '', ageGroup: '', count: 0, killed: 0 }];
    for (const g of groups) {
      const row: (string | number)[] = [
        e.id,
        e.start.date,
        e.start.precision,
        e.end ?? '',
        e.place.country,
        e.place.stateCode ?? '',
        e.place.municipalityCode ?? '',
        e.routeSegment ?? '',
        e.contextTags.join(' '),
        e.againstDefenders ? 'yes' : 'no',
        e.acts.join(' '),
        e.perpetratorInstitutions.join(' '),
        g.sex,
        g.ageGroup,
        g.count,
        g.killed,
      ];
      if (includeTitles) row.push(e.title ?? '');
      lines.push(row.map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

export function createIncidentExportService({ db, keyring, audit }: IncidentsDeps, incidents: IncidentsService) {
  async function partnerExport(
    actor: Actor,
    input: IncidentExportRequest,
    meta: Meta = {},
  ): Promise<{ body: string; contentType: string; exported: number; skipped: number }> {
    const filter = { ...incidents.filterOf(actor, {}, 'export'), ids: [...new Set(input.ids)] };
    const rows = await exportRows(db, filter);
    const shareable = rows.filter(isPartnerExportable);
    const events: PartnerEvent[] = await Promise.all(
      shareable.map(async (r) => {
        const title = input.includeTitles
          ? await open(keyring, r.org_id, 'incident_events', 'title', r.title)
          : undefined;
        return {
          id: r.id,
          ...(title ? { title } : {}),
          start: { date: r.start_date, precision: r.start_precision },
          end: r.end_date,
          place: { country: r.country, stateCode: r.state_code, municipalityCode: r.municipality_code },
          routeSegment: r.route_segment,
          contextTags: r.context_tags,
          againstDefenders: r.against_defenders,
          acts: [...r.act_types].sort(),
          perpetratorInstitutions: [...r.institutions].sort(),
          victims:
            typeof r.victim_groups === 'string'
              ? (JSON.parse(r.victim_groups) as PartnerEvent['victims'])
              : r.victim_groups,
        };
      }),
    );
    // Asked for but not sent: not shareable, or not visible to the actor (another organisation, restricted).
    const skipped = filter.ids.length - events.length;
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.export_partner',
      recordType: 'incident',
      orgId: filter.orgId,
      ip: meta.ip ?? null,
      details: {
        format: input.format,
        exported: events.length,
        skipped,
        includeTitles: input.includeTitles,
        ids: events.map((e) => e.id).join(','),
      },
    });
    const body =
      input.format === 'csv'
        ? toPartnerCsv(events, input.includeTitles)
        : JSON.stringify({
            generatedAt: new Date().toISOString(),
            vocabulary: 'acompana-incidents-v1',
            events,
            skipped,
          });
    return {
      body,
      contentType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      exported: events.length,
      skipped,
    };
  }

  /** The redacted PDF of one event for a complaint; needs the export permission; audited. */
  async function report(actor: Actor, eventId: string, lang: ReportLang, meta: Meta = {}): Promise<Buffer> {
    const row = await incidents.loadFor(actor, 'export', eventId);
    const event = await incidents.view(row);
    const names: string[] = [];
    for (const v of event.victims) {
      if (!v.personId) continue;
      const person = await findPerson(db, v.personId);
      if (!person) continue;
      const data = await decryptPersonColumns(keyring, person.org_id, person as unknown as Record<string, unknown>, [
        'given_names',
        'surnames',
        'aliases',
      ]);
      names.push(
        ...[data.givenNames, data.surnames].filter((n): n is string => typeof n === 'string'),
        ...((data.aliases as string[] | undefined) ?? []),
      );
    }
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.export_report',
      recordType: 'incident',
      recordId: eventId,
      orgId: row.org_id,
      ip: meta.ip ?? null,
      details: { lang },
    });
    return renderIncidentReport(event, { names, lang, now: new Date() });
  }

  return { partnerExport, report };
}
