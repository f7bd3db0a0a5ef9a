// The staff side of the directory (an organisation maintaining its own entries) and the public
// search: queries, the write payload around an HSDS service, the staleness rule, import results.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import { hsdsServiceSchema } from './hsds.schemas.ts';

/** An entry not verified for longer than this is stale and listed as a reminder. */
export const DIRECTORY_STALE_DAYS = 180;

/** Writing a service: the HSDS document plus what only Acompaña knows about it. */
export const directoryServiceWriteSchema = hsdsServiceSchema.extend({
  /** The maintaining organisation receives referrals to this service through Acompaña. */
  acceptsReferrals: z.boolean().optional(),
  /** Only people of these nationalities are served (a consulate serves its own nationals); null: everyone. */
  servedNationalities: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .nullable()
    .optional(),
  /** On change: the version read (409 record.conflict when someone saved meanwhile). */
  version: versionSchema.optional(),
});
export type DirectoryServiceWrite = z.input<typeof directoryServiceWriteSchema>;

export const directoryEntrySchema = z.object({
  service: hsdsServiceSchema,
  acceptsReferrals: z.boolean(),
  /** Only people of these nationalities are served; null: everyone. */
  servedNationalities: z.array(z.string()).nullable().optional(),
  version: z.number().int(),
  lastVerifiedOn: z.string(),
  stale: z.boolean(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directorySearchQuerySchema = z.strictObject({
  /** State or province as written in addresses (case-insensitive), e.g. Chiapas. */
  state: z.string().trim().min(1).max(200).optional(),
  city: z.string().trim().min(1).max(200).optional(),
  /** A taxonomy term code of the needs vocabulary, e.g. legal_identity. */
  need: z.string().trim().min(1).max(100).optional(),
  /** Language code, e.g. ht. */
  language: z.string().trim().min(2).max(20).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});
export type DirectorySearchQuery = z.infer<typeof directorySearchQuerySchema>;

export const hsdsImportSchema = z.object({ contents: z.array(z.unknown()).max(5000) });

export const hsdsImportProblemSchema = z.object({ path: z.string(), message: z.string() });
export type HsdsImportProblem = z.infer<typeof hsdsImportProblemSchema>;

export const hsdsImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });
