// Payloads the staff app reads to shape itself: what the current account may do in its active
// organisation (capabilities, decision 0134), its interface language, and its "Hoy" home.
import { z } from 'zod';
import { actions, recordTypes } from '../policy/policy-grants.ts';

/** Navigation modules of the staff app, each shown only when its capability says so. */
export const staffModules = [
  'people',
  'cases',
  'procedures',
  'incidents',
  'search',
  'referrals',
  'reintegration',
  'statistics',
  'portal',
  'admin',
  'audit',
] as const;
export type StaffModule = (typeof staffModules)[number];

/** Buttons and forms that start something, each shown only when the account may do it. */
export const staffActions = [
  'person.register',
  'person.update',
  'case.open',
  'case.update',
  'procedure.open',
  'procedure.update',
  'incident.record',
  'missing.report',
  'missing.review',
  'referral.send',
  'referral.answer',
  'reintegration.receive',
  'directory.manage',
  'statistics.export',
  'portal.edit',
  'settings.manage',
] as const;
export type StaffAction = (typeof staffActions)[number];

const scopeSchema = z.enum(['own', 'team', 'org', 'shared']);

export const capabilitiesSchema = z.object({
  /** The active organisation's IANA time zone (dates and times are shown in it). */
  timeZone: z.string(),
  modules: z.record(z.enum(staffModules), z.boolean()),
  actions: z.record(z.enum(staffActions), z.boolean()),
  /** Per record type and action, the widest scope can() allows (absent: not allowed). */
  records: z.partialRecord(z.enum(recordTypes), z.partialRecord(z.enum(actions), scopeSchema)),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

export const localeRequestSchema = z.strictObject({ locale: z.enum(['es', 'en']) });

const todayItemSchema = z.object({
  /** In-app path of the item's own page. */
  path: z.string(),
  /** What it is, as a key the app translates (a task key, a procedure step, a referral urgency). */
  kind: z.string(),
  /** A readable title the server already has in words (procedure and step names, service), or null. */
  title: z.string().nullable(),
  personName: z.string().nullable(),
  due: z.string().nullable(),
  status: z.enum(['overdue', 'at_risk', 'due', 'waiting']),
  /** A deadline at risk: the part of the deadline engine's rule that applies, to say it in words. */
  atRisk: z
    .object({ rule: z.enum(['working_days', 'calendar_days', 'share_of_period']), limit: z.number() })
    .nullable()
    .optional(),
});
export type TodayItem = z.infer<typeof todayItemSchema>;

const todaySectionSchema = z.object({
  count: z.number().int(),
  /** True when there are more than the items returned (the count is then a floor). */
  more: z.boolean(),
  items: z.array(todayItemSchema),
  /** Where the whole list lives. */
  path: z.string(),
});
export type TodaySection = z.infer<typeof todaySectionSchema>;

export const todayCards = ['tasks', 'deadlines', 'matches', 'referrals', 'followUps', 'notifications'] as const;
export type TodayCard = (typeof todayCards)[number];

export const todaySchema = z.object({
  /** Today's date in the organisation's time zone (YYYY-MM-DD). */
  today: z.string(),
  timeZone: z.string(),
  /** Only the cards of the account's role: a card the role cannot use is absent. */
  cards: z.partialRecord(z.enum(todayCards), todaySectionSchema),
});
export type Today = z.infer<typeof todaySchema>;
