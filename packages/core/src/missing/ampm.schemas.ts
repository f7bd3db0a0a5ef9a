// Payloads of the structured ante-mortem data of a missing-person report (what a family can tell)
// and of the post-mortem examination of unidentified remains (decision 0147). Every closed list
// comes from ampm-vocabulary.ts (the engine's own for teeth, dental states and tattoo locations),
// so an unknown tooth, body location or state is a 400 naming its field. Ranges that need two
// values (a death window, a stature range) are checked by validateAmPm. DNA: samples, their chain
// of custody and the laboratory's result of a comparison — a genetic profile has no field here.
import { z } from 'zod';
import { CODE_PATTERN } from '../matching/ampm/vocabulary.ts';
import {
  AGE_METHODS,
  AM_DENTAL_STATES,
  BODY_CONDITIONS,
  BODY_REGIONS,
  BODY_WHEREABOUTS,
  BONES,
  BUILDS,
  CUSTODY_EVENTS,
  DENTAL_STATES,
  DNA_RESULTS,
  DONOR_RELATIONSHIPS,
  EYE_COLOURS,
  FORENSIC_STAGES,
  HAIR_COLOURS,
  INTERVAL_METHODS,
  isToothNumber,
  MARK_KINDS,
  PROSTHESES,
  RECORD_HOLDER_KINDS,
  REMAINS_SAMPLE_TISSUES,
  SEX_ESTIMATES,
  SEX_METHODS,
  STATURE_MAX_CM,
  STATURE_METHODS,
  STATURE_MIN_CM,
  SURGERIES,
  TATTOO_LOCATIONS,
  vocabularyCodes,
} from './ampm-vocabulary.ts';
import { versionSchema } from '../api/integers.ts';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();
const oneOf = (v: Parameters<typeof vocabularyCodes>[0]) => z.enum(vocabularyCodes(v));
/** An open-list code (motif, garment, colour, brand) as the engine reads it: lower case, digits, hyphens. */
const code = z.string().max(60).regex(CODE_PATTERN, 'lower-case code: letters, digits, hyphens');
const view = z.enum(['front', 'back']);
const statureCm = z.number().int().min(STATURE_MIN_CM).max(STATURE_MAX_CM);
const age = z.number().int().min(0).max(120);
const tooth = z.number().int().min(11).max(85).refine(isToothNumber, 'FDI tooth number (11–48, 51–85)');

/** A genetic profile (STR loci and alleles) has no place in this system: refused in every free text. */
const PROFILE_PATTERN = /\b(D\d{1,2}S\d{2,4}|TH01|FGA|vWA|TPOX|CSF1PO|Penta ?[DE]|Amelogenin|SE33)\b/i;
const noProfile = (max: number) =>
  text(max).refine((s) => !PROFILE_PATTERN.test(s), 'a genetic profile is never recorded here');

export const tattooSchema = z.strictObject({
  /** The engine's tattoo locations (format v2): what the matching compares. */
  location: oneOf(TATTOO_LOCATIONS),
  view: view.optional(),
  motif: code,
  description: text(500).optional(),
});
export type TattooEntry = z.infer<typeof tattooSchema>;

export const markSchema = z.strictObject({
  kind: oneOf(MARK_KINDS),
  region: oneOf(BODY_REGIONS),
  view: view.optional(),
  description: text(500).optional(),
});
export type MarkEntry = z.infer<typeof markSchema>;

export const fractureSchema = z.strictObject({ bone: oneOf(BONES), description: text(500).optional() });
export const surgerySchema = z.strictObject({
  procedure: oneOf(SURGERIES),
  year: z.number().int().min(1900).max(2100).optional(),
  description: text(500).optional(),
});
export const prosthesisSchema = z.strictObject({
  kind: oneOf(PROSTHESES),
  /** Orthopaedic implants carry a maker's serial number: among the strongest identifiers. */
  serialNumber: text(100).optional(),
  description: text(500).optional(),
});

export const amToothSchema = z.strictObject({
  tooth,
  state: z.enum([...AM_DENTAL_STATES] as [string, ...string[]]),
  note: text(200).optional(),
});
export const pmToothSchema = z.strictObject({
  tooth,
  state: oneOf(DENTAL_STATES),
  note: text(200).optional(),
});

export const clothingItemSchema = z.strictObject({
  garment: code,
  colour: code,
  brand: code.optional(),
  description: text(300).optional(),
});

/** Who may hold records that identify: the dentist's chart and X-rays, a doctor's or hospital's files. */
export const recordHolderSchema = z.strictObject({
  kind: oneOf(RECORD_HOLDER_KINDS),
  name: text(200).min(1),
  place: text(300).optional(),
  contact: text(300).optional(),
  notes: text(1000).optional(),
});

export const custodyEventSchema = z.strictObject({
  event: oneOf(CUSTODY_EVENTS),
  on: isoDate,
  /** Who handed it over or did it, and who received it. */
  by: text(200).optional(),
  to: text(200).optional(),
  note: noProfile(500).optional(),
});

const sampleCommon = {
  laboratory: text(200).min(1),
  /** The collection kit (maker, lot) and the sample's own code on its label. */
  kit: text(200).optional(),
  sampleCode: text(100).optional(),
  custody: z.array(custodyEventSchema).max(30).optional(),
};

/** A relative's reference sample: who gave it (encrypted with the report), where it went. */
export const familyReferenceSampleSchema = z.strictObject({
  donorName: text(200).min(1),
  relationship: oneOf(DONOR_RELATIONSHIPS),
  collectedOn: isoDate.optional(),
  /** The donor signed the consent for this sample to be compared for the search. */
  consentSigned: z.boolean().default(false),
  ...sampleCommon,
});
export const remainsSampleSchema = z.strictObject({
  tissue: oneOf(REMAINS_SAMPLE_TISSUES),
  takenOn: isoDate.optional(),
  ...sampleCommon,
});

/** The laboratory's result of one comparison: a result and its strength, never the profiles. */
export const dnaComparisonSchema = z.strictObject({
  laboratory: text(200).min(1),
  /** The family's reference sample and the remains' sample compared, by their codes. */
  familySampleCode: text(100).optional(),
  remainsSampleCode: text(100).optional(),
  /** The report the family sample belongs to, when it is one of the organisation's. */
  reportId: z.string().uuid().optional(),
  result: oneOf(DNA_RESULTS),
  /** Likelihood ratio or posterior probability as the laboratory states it. */
  likelihoodRatio: z.number().positive().max(1e30).optional(),
  comparedOn: isoDate,
  labReference: text(100).optional(),
  note: noProfile(1000).optional(),
});
export type DnaComparison = z.infer<typeof dnaComparisonSchema>;
export const dnaComparisonStoredSchema = dnaComparisonSchema.extend({
  id: z.string(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});

const body = {
  tattoos: z.array(tattooSchema).max(40).optional(),
  marks: z.array(markSchema).max(40).optional(),
  fractures: z.array(fractureSchema).max(20).optional(),
  surgeries: z.array(surgerySchema).max(20).optional(),
  prostheses: z.array(prosthesisSchema).max(20).optional(),
  hairColour: oneOf(HAIR_COLOURS).optional(),
  eyeColour: oneOf(EYE_COLOURS).optional(),
  clothing: z.array(clothingItemSchema).max(30).optional(),
  belongings: text(2000).optional(),
  dentalNotes: text(2000).optional(),
};

/** What a family can give: height, build, hair, eyes, body marks, teeth, clothes, health, records. */
export const anteMortemSchema = z.strictObject({
  statureMinCm: statureCm.optional(),
  statureMaxCm: statureCm.optional(),
  build: oneOf(BUILDS).optional(),
  hairNotes: text(300).optional(),
  ...body,
  /** The teeth the family or the dentist knows about; a tooth not listed is unknown. */
  dental: z.array(amToothSchema).max(52).optional(),
  medicalConditions: text(2000).optional(),
  recordHolders: z.array(recordHolderSchema).max(10).optional(),
  dnaReferenceSamples: z.array(familyReferenceSampleSchema).max(10).optional(),
});
export type AnteMortem = z.infer<typeof anteMortemSchema>;

/** The post-mortem examination of unidentified remains. */
export const postMortemSchema = z.strictObject({
  examinedOn: isoDate.optional(),
  examiner: text(200).optional(),
  sexEstimate: z.strictObject({ sex: oneOf(SEX_ESTIMATES), method: oneOf(SEX_METHODS).optional() }).optional(),
  ageEstimate: z.strictObject({ min: age, max: age, method: oneOf(AGE_METHODS).optional() }).optional(),
  stature: z.strictObject({ minCm: statureCm, maxCm: statureCm, method: oneOf(STATURE_METHODS).optional() }).optional(),
  /** The post-mortem interval as the window in which death occurred. */
  deathWindow: z.strictObject({ from: isoDate, to: isoDate, method: oneOf(INTERVAL_METHODS).optional() }).optional(),
  condition: oneOf(BODY_CONDITIONS).optional(),
  conditionNotes: text(2000).optional(),
  ...body,
  /** A full chart was made: every tooth not listed was seen present and sound. */
  dentalCharted: z.boolean().default(false),
  dental: z.array(pmToothSchema).max(52).optional(),
  whereabouts: z
    .strictObject({
      status: oneOf(BODY_WHEREABOUTS),
      place: text(300).optional(),
      /** A grave: cemetery section, row, plot, marker — what finds it again. */
      grave: text(500).optional(),
      latitude: z.number().min(-90).max(90).optional(),
      longitude: z.number().min(-180).max(180).optional(),
      since: isoDate.optional(),
      releasedTo: text(200).optional(),
    })
    .optional(),
  dnaSamples: z.array(remainsSampleSchema).max(20).optional(),
});
export type PostMortem = z.infer<typeof postMortemSchema>;
/** As stored and read: with the laboratory's comparison results, entered apart. */
export const postMortemStoredSchema = postMortemSchema.extend({
  dnaComparisons: z.array(dnaComparisonStoredSchema).optional(),
});
export type PostMortemStored = z.infer<typeof postMortemStoredSchema>;

export const anteMortemUpdateSchema = z.strictObject({ anteMortem: anteMortemSchema, version: versionSchema });
export const postMortemUpdateSchema = z.strictObject({ postMortem: postMortemSchema, version: versionSchema });

export const forensicStageSchema = oneOf(FORENSIC_STAGES);
export type ForensicStage = z.infer<typeof forensicStageSchema>;

/** One step of the forensic workflow of remains (decision 0147). */
export const forensicStepSchema = z.strictObject({
  step: z.enum([
    'examined',
    'candidates_reviewed',
    'propose_identification',
    'withdraw_proposal',
    'confirm_identification',
    'family_informed',
    'released',
  ]),
  /** The pair (report ↔ these remains) an identification step is about. */
  candidateId: z.string().uuid().optional(),
  /** How the family was told, or to whom the body was released. */
  method: z.enum(['in_person', 'phone', 'video', 'through_authority', 'other']).optional(),
  releasedTo: text(200).optional(),
  on: isoDate.optional(),
  note: text(2000).optional(),
  version: versionSchema,
});
export type ForensicStep = z.infer<typeof forensicStepSchema>;

export const forensicHistoryItemSchema = z.object({
  id: z.string(),
  step: z.string(),
  fromStage: z.string(),
  toStage: z.string(),
  actorAccountId: z.string().nullable(),
  at: z.string(),
  candidateId: z.string().nullable(),
  method: z.string().optional(),
  releasedTo: z.string().optional(),
  on: z.string().optional(),
  note: z.string().optional(),
});

/** A pair of these remains with a report of the organisation, as the workflow sees it. */
export const forensicPairSchema = z.object({
  candidateId: z.string(),
  reportId: z.string(),
  score: z.number(),
  reviewStatus: z.string(),
  confirmationProposedBy: z.string().nullable(),
  /** The report's case owner: the one who informs the family. */
  reportOwnerId: z.string().nullable(),
  reportName: z.string().optional(),
});

export const forensicStateSchema = z.object({
  foundId: z.string(),
  stage: forensicStageSchema,
  version: z.number().int(),
  examined: z.boolean(),
  pairs: z.array(forensicPairSchema),
  history: z.array(forensicHistoryItemSchema),
  /** The steps the reader may take now. */
  next: z.array(z.string()),
});
export type ForensicState = z.infer<typeof forensicStateSchema>;

/**
 * The ante-mortem and post-mortem records of a pair aligned for review: both records, the teeth
 * and body marks side by side with their verdicts, and the engine's reasons in both languages
 * (whether each speaks for or against, never its weight) and its exclusions with their rule.
 */
export const ampmSideBySideSchema = z.object({
  candidateId: z.string(),
  reportId: z.string(),
  /** The organisation's own remains record; null for another kind of candidate or a partner's. */
  foundId: z.string().nullable(),
  anteMortem: anteMortemSchema.nullable(),
  postMortem: postMortemStoredSchema.nullable(),
  /** The engine's words were kept when the AM/PM engine proposed the pair. */
  engineWords: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), agrees: z.boolean(), es: z.string(), en: z.string() })),
  exclusions: z.array(z.object({ rule: z.string(), es: z.string(), en: z.string() })),
  teeth: z.array(z.object({ tooth: z.number().int(), am: z.string(), pm: z.string().nullable(), verdict: z.string() })),
  tattoos: z.array(z.object({ am: tattooSchema.nullable(), pm: tattooSchema.nullable(), verdict: z.string() })),
  marks: z.array(
    z.object({
      kind: z.string(),
      where: z.string(),
      region: z.string().optional(),
      am: z.boolean(),
      pm: z.boolean(),
      verdict: z.string(),
    }),
  ),
  regions: z.record(z.string(), z.string()),
});
export type AmPmSideBySide = z.infer<typeof ampmSideBySideSchema>;
