// Payloads of the people API (person record, search, export), shared by the server (validation,
// OpenAPI) and the web app (types). Objects are strict: an unknown field is an error. The shape
// is checked here; what needs a calendar or a clock (impossible dates, a birth date in the
// future, a known country) is checked by validatePersonInput in person-validation.ts, so that
// each problem gets its own translated error naming the field.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';
import { personProfileSchema, profileIndicatorKeys } from './profile.ts';

export const NAME_MAX = 200;
/** Case notes belong in cases; the person's own notes stay short enough to read at intake. */
export const PERSON_NOTES_MAX = 20_000;

// Only the shape here: person-validation checks the calendar and answers people.invalid_date with the value.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const shortText = (max: number) => z.string().max(max);

export const personSexSchema = z.enum(['F', 'M', 'X']);

export const personDocumentSchema = z.strictObject({
  /** passport, national_id, birth_certificate, consular_id, refugee_card, humanitarian_visa, other… */
  type: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(60),
  issuer: shortText(120).optional(),
  expiry: isoDate.optional(),
});

export const personContactSchema = z.strictObject({
  channel: z.enum(['phone', 'whatsapp', 'signal', 'telegram', 'email', 'address', 'relative', 'other']),
  value: z.string().trim().min(1).max(300),
  note: shortText(300).optional(),
});

export const personLanguageSchema = z.strictObject({
  /** ISO 639 code or the language's name as the person says it (e.g. "mam", "kreyòl"). */
  language: z.string().trim().min(1).max(60),
  interpreterNeeded: z.boolean().optional(),
});

export const personOriginSchema = z.strictObject({
  country: countryCode.optional(),
  place: shortText(200).optional(),
});

const personFields = {
  givenNames: shortText(NAME_MAX),
  surnames: shortText(NAME_MAX),
  firstSurname: shortText(NAME_MAX),
  secondSurname: shortText(NAME_MAX),
  aliases: z.array(z.string().trim().min(1).max(NAME_MAX)).max(20),
  sex: personSexSchema,
  genderIdentity: shortText(100),
  birthDate: isoDate,
  /** Years, when the birth date is unknown: stored as an estimated birth year. */
  estimatedAge: z.number().int().min(0).max(120),
  nationality: countryCode,
  origin: personOriginSchema,
  languages: z.array(personLanguageSchema).max(20),
  documents: z.array(personDocumentSchema).max(20),
  contacts: z.array(personContactSchema).max(20),
  // No zod max on notes: the limit is checked by validatePersonInput so that the error says it.
  notes: z.string(),
  teamId: z.string().uuid(),
};

export const personCreateSchema = z.strictObject({
  givenNames: personFields.givenNames.optional(),
  surnames: personFields.surnames.optional(),
  firstSurname: personFields.firstSurname.optional(),
  secondSurname: personFields.secondSurname.optional(),
  aliases: personFields.aliases.optional(),
  sex: personFields.sex.optional(),
  genderIdentity: personFields.genderIdentity.optional(),
  birthDate: personFields.birthDate.optional(),
  estimatedAge: personFields.estimatedAge.optional(),
  nationality: personFields.nationality.optional(),
  origin: personFields.origin.optional(),
  languages: personFields.languages.optional(),
  documents: personFields.documents.optional(),
  contacts: personFields.contacts.optional(),
  notes: personFields.notes.optional(),
  teamId: personFields.teamId.optional(),
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

/** A change: only the fields sent change; null clears an optional field. `version` is the one the editor saw. */
export const personUpdateSchema = z.strictObject({
  version: versionSchema,
  givenNames: personFields.givenNames.optional(),
  surnames: personFields.surnames.optional(),
  firstSurname: personFields.firstSurname.nullable().optional(),
  secondSurname: personFields.secondSurname.nullable().optional(),
  aliases: personFields.aliases.optional(),
  sex: personFields.sex.nullable().optional(),
  genderIdentity: personFields.genderIdentity.nullable().optional(),
  birthDate: personFields.birthDate.nullable().optional(),
  estimatedAge: personFields.estimatedAge.nullable().optional(),
  nationality: personFields.nationality.nullable().optional(),
  origin: personFields.origin.nullable().optional(),
  languages: personFields.languages.optional(),
  documents: personFields.documents.optional(),
  contacts: personFields.contacts.optional(),
  notes: personFields.notes.nullable().optional(),
  teamId: personFields.teamId.nullable().optional(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personSchema = z.object({
  id: z.string(),
  givenNames: z.string(),
  surnames: z.string(),
  firstSurname: z.string().optional(),
  secondSurname: z.string().optional(),
  aliases: z.array(z.string()),
  sex: personSexSchema.optional(),
  genderIdentity: z.string().optional(),
  birthDate: z.string().optional(),
  birthYear: z.number().int().optional(),
  birthYearEstimated: z.boolean(),
  nationality: z.string().optional(),
  origin: z.object({ country: z.string().optional(), place: z.string().optional() }).optional(),
  languages: z.array(z.object({ language: z.string(), interpreterNeeded: z.boolean().optional() })),
  documents: z.array(
    z.object({ type: z.string(), number: z.string(), issuer: z.string().optional(), expiry: z.string().optional() }),
  ),
  contacts: z.array(z.object({ channel: z.string(), value: z.string(), note: z.string().optional() })),
  notes: z.string().optional(),
  teamId: z.string().nullable(),
  ownerAccountId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The differentiated profile (recorded, derived, effective indicators); see profile.ts. */
  profile: personProfileSchema.optional(),
  /** Set when a photo is on file (GET /api/people/:id/photo serves it). */
  photo: z.object({ contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() }).optional(),
  /**
   * Set when a partner organisation reads the record under a sharing agreement: the purposes that
   * apply and the fields shared; every other field is withheld (empty), see policy/sharing-purposes.ts.
   */
  shared: z
    .object({
      fromOrgId: z.string(),
      purposes: z.array(z.string()),
      fields: z.array(z.string()),
      withheld: z.array(z.string()),
    })
    .optional(),
});
export type Person = z.infer<typeof personSchema>;

/** One line of a list or a search: enough to recognise the person, nothing more (least data). */
export const personSummarySchema = z.object({
  id: z.string(),
  givenNames: z.string(),
  surnames: z.string(),
  aliases: z.array(z.string()),
  sex: personSexSchema.optional(),
  birthYear: z.number().int().optional(),
  nationality: z.string().optional(),
  version: z.number().int(),
  /** Search only: how well the name matches the query, 0–1. */
  score: z.number().optional(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personListQuerySchema = z.strictObject({
  /** Name, alias or document number, written any way. */
  q: z.string().trim().max(200).optional(),
  nationality: countryCode.optional(),
  sex: personSexSchema.optional(),
  /** A profile indicator (effective: derived ones are computed in SQL from the record). */
  profile: z.enum(profileIndicatorKeys).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personListResponseSchema = z.object({
  items: z.array(personSummarySchema),
  nextCursor: z.string().nullable(),
});

export const consentPurposeSchema = z.enum(['care', 'referral', 'sharing', 'statistics']);
export const consentMethodSchema = z.enum(['signed', 'oral_with_witness', 'by_guardian']);

export const consentCreateSchema = z.strictObject({
  purpose: consentPurposeSchema,
  method: consentMethodSchema,
  /** Witness or guardian's name (encrypted), required for oral_with_witness and by_guardian. */
  witnessName: z.string().trim().min(1).max(NAME_MAX).optional(),
});

export const consentSchema = z.object({
  id: z.string(),
  purpose: consentPurposeSchema,
  method: consentMethodSchema,
  witnessName: z.string().optional(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const personExportSchema = z.object({
  exportedAt: z.string(),
  person: personSchema,
  consents: z.array(consentSchema),
  /**
   * What every other module holds about the person, one entry per section (screenings, profile,
   * photo, households, cases, procedures, referrals, incidents), decrypted (decision 0118).
   */
  sections: z.record(z.string(), z.unknown()),
  /** Who did what with the record and when (never the values). */
  accessLog: z.array(
    z.object({ at: z.string(), action: z.string(), fields: z.array(z.string()), actorOrgId: z.string().nullable() }),
  ),
});

/** A likely existing record of the person being registered, with why (duplicate warning). */
export const duplicateCandidateSchema = z.object({
  person: personSummarySchema,
  score: z.number(),
  decision: z.enum(['match', 'possible', 'no match']),
  reasons: z.array(z.object({ field: z.string(), label: z.string(), weight: z.number() })),
  /** Set for a partner organisation's record (shared for search, with the person's consent). */
  organisation: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
