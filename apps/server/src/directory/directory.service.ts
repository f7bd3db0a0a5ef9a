// The services directory: an organisation maintains its own entries (policy 'directory_entry'),
// everyone reads them (the public HSDS API needs no login), HSDS documents go in (import, all or
// nothing) and come out (export). Directory data describes services, never people; writes are
// audited, public reads are not.
import { can, type Actor } from '@acompana/core';
import {
  DIRECTORY_STALE_DAYS,
  hsdsServiceSchema,
  type DirectoryEntry,
  type DirectorySearchQuery,
  type DirectoryServiceWrite,
  type HsdsImportProblem,
  type HsdsServicePage,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import * as q from './directory.queries.ts';
import { prepare, toHsds, type PreparedService } from './hsds-mapping.ts';
import { checkDocuments, writeService } from './directory-write.ts';

export interface DirectoryDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
}

export interface Meta {
  ip?: string | null;
}

/** An import that failed: every problem found, nothing written. */
export class HsdsImportError extends AppError {
  constructor(readonly problems: HsdsImportProblem[]) {
    super('directory.import_invalid', { params: { count: String(problems.length) } });
  }
}

const EXPORT_LIMIT = 5000;

export function createDirectoryService({ db, audit, clock }: DirectoryDeps) {
  const today = () => clock().toISOString().slice(0, 10);
  const staleBefore = () => new Date(clock().getTime() - DIRECTORY_STALE_DAYS * 86_400_000).toISOString().slice(0, 10);

  function requireOrg(actor: Actor, action: 'read' | 'create' | 'update' | 'delete'): string {
    if (!actor.orgId || !can(actor, action, { type: 'directory_entry', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    return actor.orgId;
  }

  async function entries(ids: string[]): Promise<DirectoryEntry[]> {
    const graph = await q.loadServiceGraphs(db, ids);
    const docs = toHsds(graph, ids, { withContacts: true });
    const limit = staleBefore();
    return docs.map((service) => {
      const row = graph.services.find((s) => s.id === service.id) as q.ServiceRow;
      return {
        service,
        acceptsReferrals: row.accepts_referrals,
        servedNationalities: row.served_nationalities ?? null,
        version: row.version,
        lastVerifiedOn: row.last_verified_on,
        stale: row.last_verified_on < limit,
      };
    });
  }

  /** A live service the actor's organisation maintains, for changing it. */
  async function ownService(actor: Actor, action: 'update' | 'delete', id: string): Promise<q.ServiceRow> {
    const orgId = requireOrg(actor, action);
    const row = await q.serviceOwner(db, id);
    if (!row || row.deleted_at) throw new AppError('record.not_found');
    if (row.owner_org_id !== orgId) throw new AppError('policy.denied');
    return row;
  }

  async function save(
    actor: Actor,
    body: DirectoryServiceWrite,
    mode: { create: true } | { create: false; id: string },
    meta: Meta,
  ): Promise<DirectoryEntry> {
    const { acceptsReferrals, servedNationalities, version, ...rest } = body;
    const doc = prepare(hsdsServiceSchema.parse(mode.create ? rest : { ...rest, id: mode.id }));
    const orgId = mode.create ? requireOrg(actor, 'create') : (await ownService(actor, 'update', mode.id)).owner_org_id;
    if (mode.create && (await q.serviceOwner(db, doc.id))) throw new AppError('record.conflict', { field: 'id' });
    const problem = (await checkDocuments(db, orgId, [{ path: 'service', doc }]))[0];
    if (problem)
      throw new AppError('directory.invalid_entry', { field: problem.path, params: { problem: problem.message } });
    const at = clock();
    await db.transaction(async (tx) => {
      await writeService(tx, doc, {
        ownerOrgId: orgId,
        by: actor.accountId,
        at,
        today: today(),
        acceptsReferrals,
        servedNationalities,
        expectedVersion: version,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: mode.create ? 'directory.create' : 'directory.update',
        recordType: 'directory_entry',
        recordId: doc.id,
        orgId,
        ip: meta.ip ?? null,
      });
    });
    return (await entries([doc.id]))[0] as DirectoryEntry;
  }

  async function page(
    ids: string[],
    total: number,
    pageNumber: number,
    perPage: number,
    withContacts: boolean,
  ): Promise<HsdsServicePage> {
    const contents = toHsds(await q.loadServiceGraphs(db, ids), ids, { withContacts });
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    return {
      total_items: total,
      total_pages: totalPages,
      page_number: pageNumber,
      size: contents.length,
      first_page: pageNumber === 1,
      last_page: pageNumber >= totalPages,
      empty: contents.length === 0,
      contents,
    };
  }

  return {
    create: (actor: Actor, body: DirectoryServiceWrite, meta: Meta = {}) => save(actor, body, { create: true }, meta),
    update: (actor: Actor, id: string, body: DirectoryServiceWrite, meta: Meta = {}) =>
      save(actor, body, { create: false, id }, meta),

    async get(actor: Actor, id: string): Promise<DirectoryEntry> {
      requireOrg(actor, 'read');
      const row = await q.serviceOwner(db, id);
      if (!row || row.deleted_at) throw new AppError('record.not_found');
      return (await entries([id]))[0] as DirectoryEntry;
    },

    async remove(actor: Actor, id: string, meta: Meta = {}): Promise<void> {
      const row = await ownService(actor, 'delete', id);
      await db.transaction(async (tx) => {
        await q.markServiceDeleted(tx, id, clock());
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: row.owner_org_id,
          action: 'directory.delete',
          recordType: 'directory_entry',
          recordId: id,
          orgId: row.owner_org_id,
          ip: meta.ip ?? null,
        });
      });
    },

    /** "Checked today, still right": moves last_verified_on without changing the entry. */
    async verify(actor: Actor, id: string, meta: Meta = {}): Promise<DirectoryEntry> {
      const row = await ownService(actor, 'update', id);
      await db.transaction(async (tx) => {
        await q.verifyService(tx, id, today(), clock());
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: row.owner_org_id,
          action: 'directory.verify',
          recordType: 'directory_entry',
          recordId: id,
          orgId: row.owner_org_id,
          ip: meta.ip ?? null,
        });
      });
      return (await entries([id]))[0] as DirectoryEntry;
    },

    /** The organisation's own entries; `stale` keeps those not verified for DIRECTORY_STALE_DAYS, oldest first. */
    async listOwn(actor: Actor, options: { stale: boolean }): Promise<{ items: DirectoryEntry[] }> {
      const orgId = requireOrg(actor, 'read');
      const { ids } = await q.ownServiceIds(db, {
        ownerOrgId: orgId,
        limit: EXPORT_LIMIT,
        offset: 0,
        ...(options.stale ? { staleBefore: staleBefore() } : {}),
      });
      return { items: await entries(ids) };
    },

    /** Public search (no login): live services by state, city, need and language, HSDS pages. */
    async search(query: DirectorySearchQuery): Promise<HsdsServicePage> {
      const { ids, total } = await q.searchServiceIds(db, {
        state: query.state,
        city: query.city,
        need: query.need,
        language: query.language,
        limit: query.per_page,
        offset: (query.page - 1) * query.per_page,
      });
      return page(ids, total, query.page, query.per_page, false);
    },

    async publicService(id: string) {
      const row = await q.serviceOwner(db, id);
      if (!row || row.deleted_at) throw new AppError('record.not_found');
      const [doc] = toHsds(await q.loadServiceGraphs(db, [id]), [id], { withContacts: false });
      return doc;
    },

    /** Every entry the organisation maintains, as one HSDS page. */
    async exportHsds(actor: Actor, meta: Meta = {}): Promise<HsdsServicePage> {
      const orgId = requireOrg(actor, 'read');
      const { ids, total } = await q.ownServiceIds(db, { ownerOrgId: orgId, limit: EXPORT_LIMIT, offset: 0 });
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'directory.export',
        recordType: 'directory_entry',
        orgId,
        ip: meta.ip ?? null,
        details: { count: ids.length },
      });
      return page(ids, total, 1, Math.max(total, 1), true);
    },

    /** HSDS services in, all or nothing: every problem is reported and then nothing is written. */
    async importHsds(
      actor: Actor,
      contents: unknown[],
      meta: Meta = {},
    ): Promise<{ created: number; updated: number }> {
      const orgId = requireOrg(actor, 'create');
      requireOrg(actor, 'update');
      const problems: HsdsImportProblem[] = [];
      const docs: { path: string; doc: PreparedService }[] = [];
      contents.forEach((raw, i) => {
        const parsed = hsdsServiceSchema.safeParse(raw);
        if (parsed.success) docs.push({ path: `contents[${i}]`, doc: prepare(parsed.data) });
        else
          for (const issue of parsed.error.issues)
            problems.push({
              path: `contents[${i}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
              message: issue.message,
            });
      });
      problems.push(...(await checkDocuments(db, orgId, docs)));
      if (problems.length > 0) throw new HsdsImportError(problems);
      const at = clock();
      let created = 0;
      await db.transaction(async (tx) => {
        for (const { doc } of docs)
          if (await writeService(tx, doc, { ownerOrgId: orgId, by: actor.accountId, at, today: today() })) created++;
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: orgId,
          action: 'directory.import',
          recordType: 'directory_entry',
          orgId,
          ip: meta.ip ?? null,
          details: { count: docs.length, created },
        });
      });
      return { created, updated: docs.length - created };
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
