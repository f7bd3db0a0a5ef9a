// Payloads of the second incidents slice: editing an event, the filters shared by the list, the
// map/timeline summary and partner exports. Kept apart from incident.schemas.ts so files stay small.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import {
  ageGroups,
  confidentialityLevels,
  contextTags,
  incidentDateSchema,
  incidentPlaceSchema,
  routeSegments,
  victimSexes,
} from './incident.schemas.ts';

// A real calendar date (2025-02-30 is refused here, not by the database with a 500).
const isoDate = z.iso.date();

export const incidentUpdateSchema = z.strictObject({
  version: versionSchema,
  title: z.string().trim().min(1).max(200).optional(),
  narrative: z.string().max(50_000).nullable().optional(),
  start: incidentDateSchema.optional(),
  end: incidentDateSchema.nullable().optional(),
  place: incidentPlaceSchema.optional(),
  routeSegment: z.enum(routeSegments).nullable().optional(),
  contextTags: z.array(z.enum(contextTags)).max(11).optional(),
  confidentiality: z.enum(confidentialityLevels).optional(),
  againstDefenders: z.boolean().optional(),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** Filters shared by the list, the map/timeline summary and the export. */
export const incidentFilterShape = {
  act: z.string().max(60).optional(),
  institution: z.string().max(60).optional(),
  state: z.string().max(6).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'YYYY-MM')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sex: z.enum(victimSexes).optional(),
  ageGroup: z.enum(ageGroups).optional(),
  defenders: z.enum(['true', 'false']).optional(),
  confidentiality: z.enum(confidentialityLevels).optional(),
};

export const incidentSummaryQuerySchema = z.strictObject(incidentFilterShape);
export type IncidentSummaryQuery = z.infer<typeof incidentSummaryQuerySchema>;

export const incidentMapSummarySchema = z.object({
  byState: z.array(z.object({ stateCode: z.string().nullable(), events: z.number().int(), victims: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), events: z.number().int(), victims: z.number().int() })),
  total: z.number().int(),
});
export type IncidentMapSummary = z.infer<typeof incidentMapSummarySchema>;

export const incidentExportRequestSchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  /** The events chosen in the list; only shareable ones are exported. */
  ids: z.array(z.string().uuid()).min(1).max(5000),
  /** Titles only when asked for; narratives never leave in a partner export. */
  includeTitles: z.boolean().default(false),
});
export type IncidentExportRequest = z.infer<typeof incidentExportRequestSchema>;
