// Portal content: editors (policy 'portal_content': admin and coordinator) write versions of a
// guide per language as Markdown with front matter, publish them, upload images; the public API
// returns the newest published version of each guide, parsed with the portal's own Markdown subset
// (@acompana/core portal/markdown.ts), so the portal and the preview in the staff app show the same
// thing. A translation remembers the published Spanish version it was made from and is out of
// date when Spanish publishes a newer one. Every write is audited; public reads are not.
import { createHash } from 'node:crypto';
import {
  can,
  parseGuide,
  PORTAL_LANGUAGES,
  PORTAL_SOURCE_LANG,
  type Actor,
  type Guide,
  type PortalCell,
  type PortalGuideLang,
  type PortalGuideWrite,
  type PortalImage,
  type PortalLang,
  type PortalOverview,
  type PortalVersion,
  type PortalVersionSummary,
  type PublicGuide,
  type PublicGuideList,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { detectFileType } from '../incidents/file-type.ts';
import * as q from './portal.queries.ts';

export interface PortalDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
}

export interface Meta {
  ip?: string | null;
}

/** Largest image uploaded with a guide, bytes: guides are read on cheap phones with little data. */
export const PORTAL_IMAGE_MAX_BYTES = 512 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);
const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

function summaryOf(row: q.VersionRow): PortalVersionSummary {
  return {
    version: row.version,
    status: row.status,
    title: row.title,
    lastReviewed: String(row.last_reviewed).slice(0, 10),
    sourceVersion: row.source_version,
    authorEmail: row.author_email,
    createdAt: iso(row.created_at) as string,
    publishedAt: iso(row.published_at),
  };
}

function versionOf(row: q.VersionRow): PortalVersion {
  return { ...summaryOf(row), slug: row.slug, lang: row.lang as PortalLang, markdown: row.markdown };
}

/** Parses a guide or explains, with a stable code, why it cannot be saved. */
export function parseOrReject(markdown: string, lang: string, slug: string): Guide {
  try {
    return parseGuide(markdown, lang, slug);
  } catch (error) {
    const problem = error instanceof Error ? error.message.replace(`${lang}/${slug}: `, '') : 'invalid';
    throw new AppError('portal.invalid_guide', { field: 'markdown', params: { problem } });
  }
}

export function cellOf(state: q.StateRow | undefined, lang: string, sourcePublished: number | null): PortalCell {
  if (!state)
    return { status: 'missing', publishedVersion: null, latestVersion: null, sourceVersion: null, hasDraft: false };
  const base = {
    publishedVersion: state.published,
    latestVersion: state.latest,
    sourceVersion: state.published_source,
    hasDraft: state.latest > (state.published ?? 0),
  };
  if (state.published === null) return { ...base, status: 'draft' };
  const outdated =
    lang !== PORTAL_SOURCE_LANG && sourcePublished !== null && (state.published_source ?? 0) < sourcePublished;
  return { ...base, status: outdated ? 'out_of_date' : 'published' };
}

export function createPortalService({ db, audit, clock }: PortalDeps) {
  function editor(actor: Actor, action: 'read' | 'create' | 'update'): string {
    // Portal content belongs to the whole deployment; editors of any member organisation act on it.
    if (!actor.orgId || !can(actor, action, { type: 'portal_content', orgId: actor.orgId }))
      throw new AppError('policy.denied');
    return actor.orgId;
  }

  async function sourcePublished(slug: string): Promise<number | null> {
    const states = await q.states(db);
    return states.find((s) => s.slug === slug && s.lang === PORTAL_SOURCE_LANG)?.published ?? null;
  }

  async function overview(actor: Actor): Promise<PortalOverview> {
    editor(actor, 'read');
    const [slugs, states] = await Promise.all([q.allSlugs(db), q.states(db)]);
    const guides = slugs.map((slug) => {
      const mine = states.filter((s) => s.slug === slug);
      const source = mine.find((s) => s.lang === PORTAL_SOURCE_LANG);
      const cells = Object.fromEntries(
        PORTAL_LANGUAGES.map((lang) => [
          lang,
          cellOf(
            mine.find((s) => s.lang === lang),
            lang,
            source?.published ?? null,
          ),
        ]),
      ) as Record<PortalLang, PortalCell>;
      return { slug, title: source?.title ?? mine[0]?.title ?? slug, cells };
    });
    return { languages: [...PORTAL_LANGUAGES], guides };
  }

  async function guideLang(actor: Actor, slug: string, lang: PortalLang): Promise<PortalGuideLang> {
    editor(actor, 'read');
    if (!(await q.guideExists(db, slug))) throw new AppError('record.not_found');
    const [rows, states] = await Promise.all([q.versions(db, slug, lang), q.states(db)]);
    const source = states.find((s) => s.slug === slug && s.lang === PORTAL_SOURCE_LANG)?.published ?? null;
    const latest = rows[0];
    return {
      slug,
      lang,
      cell: cellOf(
        states.find((s) => s.slug === slug && s.lang === lang),
        lang,
        source,
      ),
      sourcePublishedVersion: source,
      latest: latest ? versionOf(latest) : null,
      versions: rows.map(summaryOf),
    };
  }

  async function getVersion(actor: Actor, slug: string, lang: PortalLang, number: number): Promise<PortalVersion> {
    editor(actor, 'read');
    const row = await q.version(db, slug, lang, number);
    if (!row) throw new AppError('record.not_found');
    return versionOf(row);
  }

  /** Saves a new draft version (a new guide when its first Spanish version is saved). */
  async function save(
    actor: Actor,
    slug: string,
    lang: PortalLang,
    body: PortalGuideWrite,
    meta: Meta,
  ): Promise<PortalVersion> {
    const orgId = editor(actor, 'update');
    const guide = parseOrReject(body.markdown, lang, slug);
    const exists = await q.guideExists(db, slug);
    if (!exists && lang !== PORTAL_SOURCE_LANG) throw new AppError('portal.translation_without_source');
    if (!exists) editor(actor, 'create');
    let sourceVersion: number | null = null;
    if (lang !== PORTAL_SOURCE_LANG) {
      sourceVersion = body.sourceVersion ?? (await sourcePublished(slug));
      if (body.sourceVersion !== undefined) {
        const source = await q.version(db, slug, PORTAL_SOURCE_LANG, body.sourceVersion);
        if (!source || source.status !== 'published')
          throw new AppError('portal.unknown_source_version', { field: 'sourceVersion' });
      }
    }
    const at = clock();
    const number = await db.transaction(async (tx) => {
      if (!exists) await q.insertGuide(tx, slug, actor.accountId, at);
      const written = await q.insertVersion(tx, {
        slug,
        lang,
        markdown: body.markdown,
        title: guide.meta.title,
        summary: guide.meta.summary,
        sources: guide.meta.sources,
        lastReviewed: guide.meta.lastReviewed,
        status: 'draft',
        sourceVersion,
        authorAccountId: actor.accountId,
        authorOrgId: orgId,
        at,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: exists ? 'portal.save' : 'portal.create',
        recordType: 'portal_content',
        recordId: `${slug}/${lang}/${written}`,
        orgId,
        ip: meta.ip ?? null,
      });
      return written;
    });
    return getVersion(actor, slug, lang, number);
  }

  async function publish(
    actor: Actor,
    slug: string,
    lang: PortalLang,
    number: number,
    meta: Meta,
  ): Promise<PortalVersion> {
    const orgId = editor(actor, 'update');
    const row = await q.version(db, slug, lang, number);
    if (!row) throw new AppError('record.not_found');
    if (row.status === 'published') throw new AppError('portal.already_published');
    await db.transaction(async (tx) => {
      if (!(await q.publishVersion(tx, slug, lang, number, clock()))) throw new AppError('portal.already_published');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'portal.publish',
        recordType: 'portal_content',
        recordId: `${slug}/${lang}/${number}`,
        orgId,
        ip: meta.ip ?? null,
      });
    });
    return getVersion(actor, slug, lang, number);
  }

  async function uploadImage(
    actor: Actor,
    slug: string,
    file: { bytes: Buffer; claimedType: string | undefined },
    meta: Meta,
  ): Promise<PortalImage> {
    const orgId = editor(actor, 'update');
    if (!(await q.guideExists(db, slug))) throw new AppError('record.not_found');
    if (file.bytes.length === 0) throw new AppError('portal.image_empty');
    if (file.bytes.length > PORTAL_IMAGE_MAX_BYTES)
      throw new AppError('portal.image_too_large', { params: { max: String(PORTAL_IMAGE_MAX_BYTES / 1024) } });
    const detected = detectFileType(file.bytes);
    if (!detected || !IMAGE_TYPES.has(detected.contentType))
      throw new AppError('portal.image_unsupported_type', {
        params: { type: detected?.contentType ?? String(file.claimedType ?? '') },
      });
    const claimed = (file.claimedType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (
      claimed &&
      claimed !== 'application/octet-stream' &&
      claimed !== detected.contentType &&
      !detected.aliases?.includes(claimed)
    ) {
      throw new AppError('portal.image_type_mismatch', { params: { claimed, detected: detected.contentType } });
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const at = clock();
    const id = await db.transaction(async (tx) => {
      const created = await q.insertImage(tx, {
        slug,
        contentType: detected.contentType,
        bytes: file.bytes,
        sha256,
        by: actor.accountId,
        at,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'portal.image_upload',
        recordType: 'portal_content',
        recordId: `${slug}/image/${created}`,
        orgId,
        ip: meta.ip ?? null,
        details: { sha256, size: file.bytes.length },
      });
      return created;
    });
    return {
      id,
      slug,
      url: `/api/public/portal/images/${id}`,
      contentType: detected.contentType,
      size: file.bytes.length,
    };
  }

  async function staffImage(actor: Actor, id: string): Promise<q.ImageRow> {
    editor(actor, 'read');
    const row = await q.image(db, id, false);
    if (!row) throw new AppError('record.not_found');
    return row;
  }

  async function publicImage(id: string): Promise<q.ImageRow> {
    const row = await q.image(db, id, true);
    if (!row) throw new AppError('record.not_found');
    return row;
  }

  function publicMeta(row: q.VersionRow): { guide: Guide; version: number; publishedAt: string } {
    return {
      guide: parseGuide(row.markdown, row.lang, row.slug),
      version: row.version,
      publishedAt: iso(row.published_at) as string,
    };
  }

  async function publicList(lang: PortalLang): Promise<PublicGuideList> {
    const rows = await q.publishedIn(db, lang);
    const items = rows
      .map(publicMeta)
      .map(({ guide, version, publishedAt }) => ({ meta: guide.meta, version, publishedAt }));
    items.sort((a, b) => a.meta.order - b.meta.order || a.meta.slug.localeCompare(b.meta.slug));
    return { lang, items };
  }

  async function publicGuide(lang: PortalLang, slug: string): Promise<PublicGuide> {
    const row = (await q.publishedIn(db, lang, slug))[0];
    if (!row) throw new AppError('record.not_found');
    const { guide, version, publishedAt } = publicMeta(row);
    return { meta: guide.meta, blocks: guide.blocks, version, publishedAt };
  }

  return {
    overview,
    guideLang,
    getVersion,
    save,
    publish,
    uploadImage,
    staffImage,
    publicImage,
    publicList,
    publicGuide,
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
