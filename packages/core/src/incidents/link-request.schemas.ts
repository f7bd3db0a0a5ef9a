// Asking the caseworker of a person the documentation officer may not see to link an anonymous
// victim (decision 0137): the request, the recipient's list and the two answers.
import { z } from 'zod';
import { linkConsentMethods } from './incident.schemas.ts';

export const linkRequestCreateSchema = z.strictObject({
  /** The name the victim gave, as the officer heard it (encrypted; used to find the caseworker). */
  nameHint: z.string().trim().min(2).max(200),
  /** Anything that helps recognise the person (arrival date, who accompanied them). */
  note: z.string().trim().max(1000).optional(),
});
export type LinkRequestCreate = z.infer<typeof linkRequestCreateSchema>;

export const linkRequestLinkSchema = z.strictObject({
  personId: z.string().uuid(),
  consent: z.strictObject({ method: z.enum(linkConsentMethods) }),
});
export type LinkRequestLink = z.infer<typeof linkRequestLinkSchema>;

export const linkRequestStatuses = ['open', 'linked', 'declined'] as const;

/** What the requester sees about their own requests on the event. */
export const eventLinkRequestSchema = z.object({
  id: z.string(),
  victimId: z.string().nullable(),
  status: z.enum(linkRequestStatuses),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

/** What a recipient sees: enough to recognise the person, not the event's narrative or title. */
export const incomingLinkRequestSchema = z.object({
  id: z.string(),
  nameHint: z.string(),
  note: z.string().nullable(),
  status: z.enum(linkRequestStatuses),
  createdAt: z.string(),
  requestedBy: z.string().nullable(),
  event: z.object({
    date: z.string(),
    precision: z.string(),
    place: z.object({ es: z.string(), en: z.string() }).nullable(),
    acts: z.array(z.object({ es: z.string(), en: z.string() })),
  }),
  victim: z.object({ count: z.number().int(), sex: z.string(), ageGroup: z.string() }).nullable(),
});
export type IncomingLinkRequest = z.infer<typeof incomingLinkRequestSchema>;
