// SQL of the portal's content: guides, their versions per language and their images.
import type { Queryable } from '../kernel/db/database.ts';

export interface VersionRow {
  slug: string;
  lang: string;
  version: number;
  markdown: string;
  title: string;
  summary: string;
  sources: unknown;
  last_reviewed: string | Date;
  status: 'draft' | 'published';
  source_version: number | null;
  author_email: string | null;
  created_at: string | Date;
  published_at: string | Date | null;
}

export interface NewVersion {
  slug: string;
  lang: string;
  markdown: string;
  title: string;
  summary: string;
  sources: unknown;
  lastReviewed: string;
  status: 'draft' | 'published';
  sourceVersion: number | null;
  authorAccountId: string | null;
  authorOrgId: string | null;
  at: Date;
}

const VERSION_COLUMNS = `v.slug, v.lang, v.version, v.markdown, v.title, v.summary, v.sources, v.last_reviewed::text AS last_reviewed, v.status,
  v.source_version, a.email AS author_email, v.created_at, v.published_at`;
const FROM_VERSIONS = 'FROM portal_guide_versions v LEFT JOIN accounts a ON a.id = v.author_account_id';

export async function guideExists(db: Queryable, slug: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM portal_guides WHERE slug = $1', [slug]);
  return rows.length > 0;
}

export async function insertGuide(db: Queryable, slug: string, by: string | null, at: Date): Promise<boolean> {
  const { rows } = await db.query(
    'INSERT INTO portal_guides (slug, created_by, created_at) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING slug',
    [slug, by, at],
  );
  return rows.length > 0;
}

/** Writes the next version of a guide in a language; serialised per guide by locking its row. */
export async function insertVersion(db: Queryable, v: NewVersion): Promise<number> {
  await db.query('SELECT slug FROM portal_guides WHERE slug = $1 FOR UPDATE', [v.slug]);
  const { rows } = await db.query<{ next: number }>(
    'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM portal_guide_versions WHERE slug = $1 AND lang = $2',
    [v.slug, v.lang],
  );
  const version = Number(rows[0]?.next ?? 1);
  await db.query(
    `INSERT INTO portal_guide_versions (slug, lang, version, markdown, title, summary, sources, last_reviewed, status, source_version, author_account_id, author_org_id, created_at, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      v.slug,
      v.lang,
      version,
      v.markdown,
      v.title,
      v.summary,
      JSON.stringify(v.sources),
      v.lastReviewed,
      v.status,
      v.sourceVersion,
      v.authorAccountId,
      v.authorOrgId,
      v.at,
      v.status === 'published' ? v.at : null,
    ],
  );
  return version;
}

export async function publishVersion(
  db: Queryable,
  slug: string,
  lang: string,
  version: number,
  at: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    "UPDATE portal_guide_versions SET status = 'published', published_at = $4 WHERE slug = $1 AND lang = $2 AND version = $3 AND status = 'draft' RETURNING version",
    [slug, lang, version, at],
  );
  return rows.length > 0;
}

export async function version(
  db: Queryable,
  slug: string,
  lang: string,
  number: number,
): Promise<VersionRow | undefined> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS} WHERE v.slug = $1 AND v.lang = $2 AND v.version = $3`,
    [slug, lang, number],
  );
  return rows[0];
}

export async function versions(db: Queryable, slug: string, lang: string): Promise<VersionRow[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS} WHERE v.slug = $1 AND v.lang = $2 ORDER BY v.version DESC`,
    [slug, lang],
  );
  return rows;
}

export interface StateRow {
  slug: string;
  lang: string;
  latest: number;
  published: number | null;
  published_source: number | null;
  title: string;
}

/** For every guide and language with versions: latest and latest published version, and its source. */
export async function states(db: Queryable): Promise<StateRow[]> {
  const { rows } = await db.query<StateRow>(
    `SELECT g.slug, v.lang, MAX(v.version) AS latest,
       MAX(v.version) FILTER (WHERE v.status = 'published') AS published,
       (SELECT p.source_version FROM portal_guide_versions p WHERE p.slug = g.slug AND p.lang = v.lang AND p.status = 'published' ORDER BY p.version DESC LIMIT 1) AS published_source,
       (SELECT t.title FROM portal_guide_versions t WHERE t.slug = g.slug AND t.lang = v.lang ORDER BY t.version DESC LIMIT 1) AS title
     FROM portal_guides g JOIN portal_guide_versions v ON v.slug = g.slug
     GROUP BY g.slug, v.lang ORDER BY g.slug, v.lang`,
  );
  return rows.map((r) => ({
    ...r,
    latest: Number(r.latest),
    published: r.published === null ? null : Number(r.published),
    published_source: r.published_source === null ? null : Number(r.published_source),
  }));
}

export async function allSlugs(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ slug: string }>('SELECT slug FROM portal_guides ORDER BY slug');
  return rows.map((r) => r.slug);
}

/** The newest published version of every guide in a language (or of one guide). */
export async function publishedIn(db: Queryable, lang: string, slug?: string): Promise<VersionRow[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS}
     WHERE v.lang = $1 AND v.status = 'published' AND ($2::text IS NULL OR v.slug = $2)
       AND v.version = (SELECT MAX(p.version) FROM portal_guide_versions p WHERE p.slug = v.slug AND p.lang = v.lang AND p.status = 'published')
     ORDER BY v.slug`,
    [lang, slug ?? null],
  );
  return rows;
}

export interface ImageRow {
  id: string;
  slug: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

export async function insertImage(
  db: Queryable,
  image: { slug: string; contentType: string; bytes: Buffer; sha256: string; by: string; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO portal_images (slug, content_type, size, sha256, bytes, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [image.slug, image.contentType, image.bytes.length, image.sha256, image.bytes, image.by, image.at],
  );
  return (rows[0] as { id: string }).id;
}

/** An image; with `published`, only when a published version of its guide refers to it. */
export async function image(db: Queryable, id: string, published: boolean): Promise<ImageRow | undefined> {
  const { rows } = await db.query<ImageRow>(
    `SELECT i.id, i.slug, i.content_type, i.size, i.sha256, i.bytes FROM portal_images i
     WHERE i.id = $1 AND (NOT $2::boolean OR EXISTS (
       SELECT 1 FROM portal_guide_versions v WHERE v.slug = i.slug AND v.status = 'published' AND strpos(v.markdown, i.id::text) > 0))`,
    [id, published],
  );
  return rows[0];
}
