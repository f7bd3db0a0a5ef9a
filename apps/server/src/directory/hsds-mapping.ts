// Rows ↔ HSDS documents. Columns carry HSDS names, so mapping is mostly leaving out what is
// null (HSDS has no nulls) and nesting children under their service; ids are assigned to
// whatever arrives without one, so that the stored graph always has its identifiers.
import { randomUUID } from 'node:crypto';
import type { HsdsService } from '@acompana/core';
import { columns, type Row, type ServiceGraphRows, type Table } from './directory.queries.ts';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** The HSDS columns of a table that hold a value, plus the given keys. */
function pick(table: Table, row: Row, prefix = ''): Row {
  const out: Row = {};
  for (const c of columns[table]) {
    const v = row[`${prefix}${c}`];
    if (v !== null && v !== undefined) out[c] = v;
  }
  return out;
}

const byKey = (rows: Row[], key: string) => {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return (k: string) => map.get(k) ?? [];
};

export interface MapOptions {
  /** The public API leaves out contacts (staff names and e-mails). */
  withContacts: boolean;
}

/** HSDS documents of the services in `graph`, in the order of `ids`. */
export function toHsds(graph: ServiceGraphRows, ids: readonly string[], options: MapOptions): HsdsService[] {
  const orgs = new Map(graph.organizations.map((o) => [String(o.id), o]));
  const locations = new Map(graph.locations.map((l) => [String(l.id), l]));
  const addressesOf = byKey(graph.addresses, 'location_id');
  const linksOf = byKey(graph.links, 'service_id');
  const attributesOf = byKey(graph.attributes, 'service_id');
  const child = Object.fromEntries(
    Object.entries(graph.children).map(([t, rows]) => [t, byKey(rows, 'service_id')]),
  ) as Record<keyof ServiceGraphRows['children'], (k: string) => Row[]>;
  const services = new Map(graph.services.map((s) => [s.id, s]));
  const out: HsdsService[] = [];
  for (const id of ids) {
    const s = services.get(id);
    if (!s) continue;
    const org = orgs.get(String(s.organization_id)) ?? {};
    const own = (table: keyof ServiceGraphRows['children']) =>
      child[table](id).map((r) => ({ id: r.id, service_id: id, ...pick(table, r) }));
    out.push({
      id,
      ...pick('hsds_services', s),
      assured_date: s.last_verified_on,
      last_modified: iso(s.updated_at),
      organization: { id: String(s.organization_id), ...pick('hsds_organizations', org) },
      service_at_locations: linksOf(id).map((l) => {
        const location = locations.get(String(l.location_id)) ?? {};
        return {
          id: l.id,
          service_id: id,
          ...pick('hsds_service_at_locations', l),
          location: {
            id: String(l.location_id),
            ...pick('hsds_locations', location),
            addresses: addressesOf(String(l.location_id)).map((a) => ({
              id: a.id,
              location_id: String(l.location_id),
              ...pick('hsds_addresses', a),
            })),
          },
        };
      }),
      phones: own('hsds_phones'),
      schedules: own('hsds_schedules'),
      languages: own('hsds_languages'),
      service_areas: own('hsds_service_areas'),
      cost_options: own('hsds_cost_options'),
      contacts: options.withContacts ? own('hsds_contacts') : [],
      attributes: attributesOf(id).map((a) => ({
        id: a.id,
        link_id: id,
        link_entity: 'service',
        ...pick('hsds_attributes', a),
        taxonomy_term: { id: a.term_id, ...pick('hsds_taxonomy_terms', a, 'term_') },
      })),
    } as HsdsService);
  }
  return out;
}

type WithId<T> = T & { id: string };

/** A parsed HSDS service with an id on every object and codes normalised (country upper case, language lower case). */
export interface PreparedService extends Omit<HsdsService, 'id' | 'organization' | 'service_at_locations'> {
  id: string;
  organization: WithId<HsdsService['organization']>;
  service_at_locations: (WithId<Omit<HsdsService['service_at_locations'][number], 'location'>> & {
    location: WithId<Omit<HsdsService['service_at_locations'][number]['location'], 'addresses'>> & {
      addresses: WithId<HsdsService['service_at_locations'][number]['location']['addresses'][number]>[];
    };
  })[];
}

const withId = <T extends { id?: string | undefined }>(o: T, fallback?: string | null): WithId<T> => ({
  ...o,
  id: o.id ?? fallback ?? randomUUID(),
});

export function prepare(doc: HsdsService): PreparedService {
  const organization = withId(doc.organization, doc.organization_id);
  return {
    ...doc,
    id: doc.id ?? randomUUID(),
    organization_id: organization.id,
    organization,
    service_at_locations: doc.service_at_locations.map((sal) => {
      const location = withId(sal.location, sal.location_id);
      return {
        ...withId(sal),
        location_id: location.id,
        location: {
          ...location,
          addresses: location.addresses.map((a) => withId({ ...a, country: a.country.toUpperCase() })),
        },
      };
    }),
    phones: doc.phones.map((p) => withId(p)),
    schedules: doc.schedules.map((p) => withId(p)),
    languages: doc.languages.map((l) => withId({ ...l, ...(l.code ? { code: l.code.toLowerCase() } : {}) })),
    service_areas: doc.service_areas.map((p) => withId(p)),
    cost_options: doc.cost_options.map((p) => withId(p)),
    contacts: doc.contacts.map((p) => withId(p)),
    attributes: doc.attributes.map((a) => withId(a)),
  };
}
