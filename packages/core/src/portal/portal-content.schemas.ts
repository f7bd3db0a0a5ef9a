// API shapes of the portal's content editing (staff) and of the public read-only guide API.
// Guides are written as the same Markdown with front matter as the shipped files
// (apps/web/src/portal/content/<lang>/<slug>.md) and parsed with ./markdown.ts on both ends.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

export const PORTAL_LANGUAGES = ['es', 'en', 'fr', 'pt', 'ht'] as const;
export type PortalLang = (typeof PORTAL_LANGUAGES)[number];
/** Translations are made from the Spanish text. */
export const PORTAL_SOURCE_LANG: PortalLang = 'es';
/** Largest guide source (Markdown with front matter), characters. */
export const PORTAL_MARKDOWN_MAX = 60_000;

export const portalLangSchema = z.enum(PORTAL_LANGUAGES);
export const portalSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and hyphens');

export const portalVersionStatusSchema = z.enum(['draft', 'published']);
/** What a language of a guide looks like on the translation page. */
export const portalCellStatusSchema = z.enum(['published', 'draft', 'out_of_date', 'missing']);
export type PortalCellStatus = z.infer<typeof portalCellStatusSchema>;

export const portalGuideWriteSchema = z.strictObject({
  markdown: z.string().min(1).max(PORTAL_MARKDOWN_MAX),
  /** For a translation: the published Spanish version it was made from (default: the current one). */
  sourceVersion: versionSchema.optional(),
});
export type PortalGuideWrite = z.infer<typeof portalGuideWriteSchema>;

export const portalVersionSummarySchema = z.object({
  version: z.number().int(),
  status: portalVersionStatusSchema,
  title: z.string(),
  lastReviewed: z.string(),
  sourceVersion: z.number().int().nullable(),
  authorEmail: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type PortalVersionSummary = z.infer<typeof portalVersionSummarySchema>;

export const portalVersionSchema = portalVersionSummarySchema.extend({
  slug: z.string(),
  lang: portalLangSchema,
  markdown: z.string(),
});
export type PortalVersion = z.infer<typeof portalVersionSchema>;

export const portalCellSchema = z.object({
  status: portalCellStatusSchema,
  publishedVersion: z.number().int().nullable(),
  latestVersion: z.number().int().nullable(),
  /** The Spanish version the published translation was made from. */
  sourceVersion: z.number().int().nullable(),
  hasDraft: z.boolean(),
});
export type PortalCell = z.infer<typeof portalCellSchema>;

export const portalOverviewSchema = z.object({
  languages: z.array(portalLangSchema),
  guides: z.array(
    z.object({ slug: z.string(), title: z.string(), cells: z.record(portalLangSchema, portalCellSchema) }),
  ),
});
export type PortalOverview = z.infer<typeof portalOverviewSchema>;

export const portalGuideLangSchema = z.object({
  slug: z.string(),
  lang: portalLangSchema,
  cell: portalCellSchema,
  /** The current published Spanish version (what a new translation is made from). */
  sourcePublishedVersion: z.number().int().nullable(),
  latest: portalVersionSchema.nullable(),
  versions: z.array(portalVersionSummarySchema),
});
export type PortalGuideLang = z.infer<typeof portalGuideLangSchema>;

export const portalImageSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  url: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type PortalImage = z.infer<typeof portalImageSchema>;

/** Parsed guide data as the portal uses it (see markdown.ts: GuideMeta and Block). */
export const publicGuideMetaSchema = z.object({
  slug: z.string(),
  lang: z.string(),
  title: z.string(),
  summary: z.string(),
  lastReviewed: z.string(),
  translationStatus: z.enum(['reviewed', 'draft', 'machine-draft']),
  legalReview: z.literal('pending').optional(),
  order: z.number(),
  sources: z.array(z.object({ label: z.string(), url: z.string().optional() })),
});
export const publicGuideListSchema = z.object({
  lang: portalLangSchema,
  items: z.array(z.object({ meta: publicGuideMetaSchema, version: z.number().int(), publishedAt: z.string() })),
});
export const publicGuideSchema = z.object({
  meta: publicGuideMetaSchema,
  blocks: z
    .array(z.unknown())
    .describe(
      'Blocks of the Markdown subset: {type: h2|h3|p|note, content} | {type: ul|ol, items} | {type: img, src, alt}',
    ),
  version: z.number().int(),
  publishedAt: z.string(),
});
export type PublicGuideList = z.infer<typeof publicGuideListSchema>;
export type PublicGuide = z.infer<typeof publicGuideSchema>;
