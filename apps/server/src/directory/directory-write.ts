// Writing service graphs: the checks that need the database (who owns which id, ids that belong
// to another service) and the write itself. Import and the staff form both go through here, so
// an entry saved by hand and one imported are stored the same way.
import { randomUUID } from 'node:crypto';
import type { HsdsImportProblem } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import * as q from './directory.queries.ts';
import { toHsds, type PreparedService } from './hsds-mapping.ts';

const NEEDS_TAXONOMY = 'acompana-needs';

/** Every problem with saving these documents as `ownerOrgId`'s, each with the path of the document part. */
export async function checkDocuments(
  db: Queryable,
  ownerOrgId: string,
  docs: readonly { path: string; doc: PreparedService }[],
): Promise<HsdsImportProblem[]> {
  const problems: HsdsImportProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const serviceIds = docs.map((d) => d.doc.id);
  const orgIds = new Map<string, string>();
  const locationIds = new Map<string, string>();
  const childIds = new Map<q.ServiceChildTable | 'hsds_addresses', { id: string; path: string }[]>();
  const seen = new Map<string, string>();
  const once = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) problem(path, `id ${id} is also used at ${first}`);
    else seen.set(id, path);
  };
  const childTables: [keyof PreparedService & string, q.ServiceChildTable][] = [
    ['phones', 'hsds_phones'],
    ['schedules', 'hsds_schedules'],
    ['languages', 'hsds_languages'],
    ['service_areas', 'hsds_service_areas'],
    ['cost_options', 'hsds_cost_options'],
    ['contacts', 'hsds_contacts'],
    ['attributes', 'hsds_attributes'],
  ];
  for (const { path, doc } of docs) {
    once(doc.id, `${path}.id`);
    orgIds.set(doc.organization.id, `${path}.organization.id`);
    if (doc.minimum_age != null && doc.maximum_age != null && doc.minimum_age > doc.maximum_age)
      problem(`${path}.minimum_age`, 'minimum_age is above maximum_age');
    doc.service_at_locations.forEach((sal, i) => {
      const at = `${path}.service_at_locations[${i}]`;
      once(sal.id, `${at}.id`);
      locationIds.set(sal.location.id, `${at}.location.id`);
      if (
        sal.location.organization_id &&
        sal.location.organization_id !== doc.organization.id &&
        !docs.some((d) => d.doc.organization.id === sal.location.organization_id)
      ) {
        problem(`${at}.location.organization_id`, 'the location names an organization that is not in the document');
      }
      (
        childIds.get('hsds_service_at_locations') ??
        childIds.set('hsds_service_at_locations', []).get('hsds_service_at_locations')
      )?.push({ id: sal.id, path: `${at}.id` });
      sal.location.addresses.forEach((a, j) => {
        once(a.id, `${at}.location.addresses[${j}].id`);
        (childIds.get('hsds_addresses') ?? childIds.set('hsds_addresses', []).get('hsds_addresses'))?.push({
          id: a.id,
          path: `${at}.location.addresses[${j}].id`,
        });
      });
    });
    for (const [key, table] of childTables) {
      (doc[key] as { id: string }[]).forEach((c, i) => {
        once(c.id, `${path}.${key}[${i}].id`);
        (childIds.get(table) ?? childIds.set(table, []).get(table))?.push({
          id: c.id,
          path: `${path}.${key}[${i}].id`,
        });
      });
    }
  }
  const foreignOwner = async (
    table: 'hsds_organizations' | 'hsds_locations' | 'hsds_services',
    ids: Map<string, string>,
  ) => {
    const found = await q.owners(db, table, [...ids.keys()]);
    for (const [id, path] of ids)
      if (found.get(id) && found.get(id)?.owner_org_id !== ownerOrgId)
        problem(path, 'this id belongs to an entry another organisation maintains');
  };
  await foreignOwner('hsds_services', new Map(docs.map((d) => [d.doc.id, `${d.path}.id`])));
  await foreignOwner('hsds_organizations', orgIds);
  await foreignOwner('hsds_locations', locationIds);
  const locationIdList = [...locationIds.keys()];
  for (const [table, entries] of childIds) {
    const parents = table === 'hsds_addresses' ? locationIdList : serviceIds;
    const foreign = new Set(
      await q.foreignChildIds(
        db,
        table,
        entries.map((e) => e.id),
        parents,
      ),
    );
    for (const e of entries) if (foreign.has(e.id)) problem(e.path, 'this id belongs to another entry');
  }
  for (const { path, doc } of docs) {
    const parent = doc.organization.parent_organization_id;
    if (parent && !orgIds.has(parent) && (await q.owners(db, 'hsds_organizations', [parent])).size === 0)
      problem(`${path}.organization.parent_organization_id`, 'unknown parent organization');
  }
  return problems;
}

export interface WriteOptions {
  ownerOrgId: string;
  by: string | null;
  at: Date;
  today: string;
  acceptsReferrals?: boolean | undefined;
  /** Eligibility by nationality (undefined: unchanged; null: everyone). */
  servedNationalities?: readonly string[] | null | undefined;
  /** Replacing an existing service: the version the writer read. */
  expectedVersion?: number | undefined;
}

/** Writes one checked service graph; returns whether it was created (false: replaced). */
export async function writeService(tx: Queryable, doc: PreparedService, o: WriteOptions): Promise<boolean> {
  const verified = doc.assured_date ?? o.today;
  await q.upsertOwned(tx, 'hsds_organizations', doc.organization.id, o.ownerOrgId, doc.organization, verified);
  for (const sal of doc.service_at_locations) {
    await q.upsertOwned(
      tx,
      'hsds_locations',
      sal.location.id,
      o.ownerOrgId,
      { ...sal.location, organization_id: sal.location.organization_id ?? doc.organization.id },
      verified,
    );
    await q.replaceAddresses(tx, sal.location.id, sal.location.addresses);
  }
  const existing = (await q.owners(tx, 'hsds_services', [doc.id])).get(doc.id);
  const values = { ...doc, organization_id: doc.organization.id };
  if (existing) {
    await q.deleteServiceChildren(tx, doc.id);
    if (
      !(await q.updateService(
        tx,
        doc.id,
        o.expectedVersion ?? existing.version,
        values,
        o.acceptsReferrals,
        verified,
        o.at,
      ))
    )
      throw new AppError('record.conflict', { field: 'version' });
  } else {
    await q.insertService(tx, doc.id, o.ownerOrgId, values, o.acceptsReferrals ?? false, verified, o.at);
  }
  if (o.servedNationalities !== undefined)
    await tx.query('UPDATE hsds_services SET served_nationalities = $2::char(2)[] WHERE id = $1', [
      doc.id,
      o.servedNationalities === null || o.servedNationalities.length === 0 ? null : [...o.servedNationalities],
    ]);
  for (const sal of doc.service_at_locations)
    await q.insertRow(
      tx,
      'hsds_service_at_locations',
      { ...sal, location_id: sal.location.id },
      { id: sal.id, service_id: doc.id },
    );
  const children: [q.ServiceChildTable, { id: string }[]][] = [
    ['hsds_schedules', doc.schedules],
    ['hsds_phones', doc.phones],
    ['hsds_languages', doc.languages],
    ['hsds_service_areas', doc.service_areas],
    ['hsds_cost_options', doc.cost_options],
    ['hsds_contacts', doc.contacts],
  ] as [q.ServiceChildTable, { id: string }[]][];
  for (const [table, rows] of children)
    for (const row of rows) await q.insertRow(tx, table, row, { id: row.id, service_id: doc.id });
  for (const a of doc.attributes) {
    const term = a.taxonomy_term;
    const taxonomy = term.taxonomy ?? NEEDS_TAXONOMY;
    let termId = await q.findTerm(tx, { id: term.id ?? a.taxonomy_term_id, taxonomy, code: term.code });
    if (!termId) {
      termId = term.id ?? a.taxonomy_term_id ?? randomUUID();
      await q.insertTerm(tx, termId, o.ownerOrgId, { ...term, taxonomy, code: term.code ?? termId });
    }
    await q.insertRow(tx, 'hsds_attributes', { ...a, taxonomy_term_id: termId }, { id: a.id, service_id: doc.id });
  }
  // Same transaction: the public search never sees the entry half-written or out of date.
  await q.refreshSearch(
    tx,
    [doc.id],
    doc.service_at_locations.map((sal) => sal.location.id),
  );
  const [saved] = toHsds(await q.loadServiceGraphs(tx, [doc.id]), [doc.id], { withContacts: true });
  await q.recordServiceVersion(tx, doc.id, saved, o.by, o.at);
  return !existing;
}
