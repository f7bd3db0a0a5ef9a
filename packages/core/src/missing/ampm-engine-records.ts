// From the records' structured ante-mortem and post-mortem data to the AM/PM matching engine
// (decision 0131) as the application's matching runs it (decision 0147): one report against the
// remains its organisation may search. Two things differ from linking two files:
// - Rarity (u) is estimated from the remains compared, but an organisation may hold only a few:
//   with one remains record, a tattoo "seen on every record" would weigh against a true pair. Until
//   the remains number MIN_REFERENCE_REMAINS, the rest of the reference population is taken as
//   records without that tattoo or mark (in the public sample no tattoo at a place with a motif is
//   on more than 4 % of remains). Only tattoos and marks are counted over all remains; teeth,
//   clothing, hair, sex and stature are counted over the records that show them, and are unchanged.
// - The prior share of reports whose remains are among those compared cannot be estimated from one
//   report: it is fixed at the share measured on the public sample (0.3).
import type { AmPmRecord, BodyFeature } from '../matching/ampm/ampm-record.ts';
import { explainAmPm, linkAmPmModel, prepareAmPmModel, type AmPmExplanation } from '../matching/ampm/ampm-link.ts';
import type { AnteMortem, PostMortem } from './ampm.schemas.ts';

export const MIN_REFERENCE_REMAINS = 100;
export const AMPM_PRIOR_SHARE = 0.3;

/** What both kinds of record say besides the structured data (from the report or the found record). */
export interface AmPmSubject {
  id: string;
  givenNames?: string | undefined;
  surnames?: string | undefined;
  sex?: string | undefined;
  birthDate?: string | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  nationality?: string | undefined;
  /** Last seen (report) or recovered (remains), YYYY-MM-DD when known to the day. */
  eventDate?: string | undefined;
  eventPlace?: string | undefined;
}

type Body = Pick<
  AnteMortem,
  'tattoos' | 'marks' | 'fractures' | 'surgeries' | 'prostheses' | 'hairColour' | 'clothing'
>;

/** Marks, old fractures, surgery and prostheses as the engine's `kind:where` features (hair too). */
export function featuresOf(b: Body): BodyFeature[] {
  const out = new Map<string, BodyFeature>();
  const add = (kind: string, where: string) => out.set(`${kind}:${where}`, { kind, where });
  if (b.hairColour) add('hair', b.hairColour);
  for (const m of b.marks ?? []) add(m.kind, m.region);
  for (const f of b.fractures ?? []) add('fracture', f.bone);
  // "Other" says nothing comparable: two different operations would agree.
  for (const s of b.surgeries ?? []) if (s.procedure !== 'other') add('surgery', s.procedure);
  for (const p of b.prostheses ?? []) if (p.kind !== 'other') add('prosthesis', p.kind);
  return [...out.values()];
}

function bodyOf(b: Body) {
  const tattoos = new Map<string, { location: string; motif: string }>();
  for (const t of b.tattoos ?? []) tattoos.set(`${t.location}:${t.motif}`, { location: t.location, motif: t.motif });
  return {
    tattoos: [...tattoos.values()],
    clothing: (b.clothing ?? []).map((c) => ({ garment: c.garment, colour: c.colour, brand: c.brand ?? '' })),
    features: featuresOf(b),
  };
}

const sexOf = (s: string | undefined): 'F' | 'M' | 'X' | '' => (s === 'F' || s === 'M' || s === 'X' ? s : '');
const fullDate = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);

function subjectFields(s: AmPmSubject): AmPmRecord {
  return {
    id: s.id,
    givenNames: s.givenNames ?? '',
    surnames: s.surnames ?? '',
    sex: sexOf(s.sex),
    birthDate: s.birthDate ?? '',
    ageMin: s.ageMin ?? null,
    ageMax: s.ageMax ?? null,
    nationality: s.nationality ?? '',
    eventDate: fullDate(s.eventDate) ?? '',
    eventPlace: s.eventPlace ?? '',
  };
}

/** A report's ante-mortem data for the engine. */
export function anteMortemRecord(subject: AmPmSubject, am: AnteMortem): AmPmRecord {
  return {
    ...subjectFields(subject),
    statureMinCm: am.statureMinCm ?? am.statureMaxCm ?? null,
    statureMaxCm: am.statureMaxCm ?? am.statureMinCm ?? null,
    dental: (am.dental ?? []).map((d) => ({ tooth: d.tooth, state: d.state })),
    ...bodyOf(am),
  };
}

/** Remains' post-mortem examination for the engine; the estimates replace the record's coarse fields. */
export function postMortemRecord(subject: AmPmSubject, pm: PostMortem): AmPmRecord {
  const sex = pm.sexEstimate ? (pm.sexEstimate.sex === 'undetermined' ? '' : sexOf(pm.sexEstimate.sex)) : undefined;
  return {
    ...subjectFields(subject),
    ...(sex !== undefined ? { sex } : {}),
    ageMin: pm.ageEstimate?.min ?? subject.ageMin ?? null,
    ageMax: pm.ageEstimate?.max ?? subject.ageMax ?? null,
    statureMinCm: pm.stature?.minCm ?? null,
    statureMaxCm: pm.stature?.maxCm ?? null,
    deathDateMin: pm.deathWindow?.from ?? '',
    deathDateMax: pm.deathWindow?.to ?? '',
    // No chart: nothing is known of the teeth. A chart: every tooth not listed was seen sound.
    ...(pm.dentalCharted ? { dental: (pm.dental ?? []).map((d) => ({ tooth: d.tooth, state: d.state })) } : {}),
    ...bodyOf(pm),
  };
}

/** Does the ante-mortem data hold anything the engine compares beyond the report's own fields? */
export function anteMortemHasEvidence(am: AnteMortem | undefined | null): boolean {
  if (!am) return false;
  return Boolean(
    am.statureMinCm ||
    am.statureMaxCm ||
    am.dental?.length ||
    am.tattoos?.length ||
    am.clothing?.length ||
    featuresOf(am).length,
  );
}

export interface AmPmCandidate {
  /** Index in the remains given. */
  index: number;
  score: number;
  decision: 'match' | 'possible';
  explanation: AmPmExplanation;
}

/**
 * One report against remains: the best `top` candidates, best first, each with its explanation.
 * `explain(i)` explains any remains record, proposed or not (an excluded pair says its rules).
 */
export function linkReportToRemains(
  report: AmPmRecord,
  remains: readonly AmPmRecord[],
  top = 10,
): { candidates: AmPmCandidate[]; explain: (index: number) => AmPmExplanation } {
  const pad = Math.max(0, MIN_REFERENCE_REMAINS - remains.length);
  const reference: AmPmRecord[] = Array.from({ length: pad }, (_, i) => ({ id: `reference:${i}` }));
  const full = prepareAmPmModel([report], [...remains, ...reference]);
  const model = { reports: full.reports, remains: full.remains.slice(0, remains.length), freq: full.freq };
  const explain = (index: number) => explainAmPm(model, 0, index);
  if (remains.length === 0) return { candidates: [], explain };
  const { rows } = linkAmPmModel(model, { top, matchShare: AMPM_PRIOR_SHARE });
  return {
    candidates: rows.map((r) => ({
      index: r.rightIndex,
      score: Math.min(1, Math.max(0, r.score)),
      decision: r.decision === 'match' ? 'match' : 'possible',
      explanation: explain(r.rightIndex),
    })),
    explain,
  };
}

/**
 * Reason codes grouped for the stored explanation (in clear: codes and weights only, never a
 * value), as `fields` the review screen words: field `ampm_<group>`, level = position of the code.
 */
export const AMPM_REASON_GROUPS: Readonly<Record<string, readonly string[]>> = {
  ampm_dental: ['dental.same', 'dental.explainable', 'dental.unusual'],
  ampm_tattoo: [
    'tattoo.same',
    'tattoo.mirrored',
    'tattoo.elsewhere',
    'tattoo.other-motif',
    'tattoo.not-seen',
    'tattoo.unlisted',
  ],
  ampm_mark: ['feature.same', 'feature.not-found', 'feature.unlisted'],
  ampm_hair: ['hair.same', 'hair.similar', 'hair.other'],
  ampm_clothing: [
    'clothing.same',
    'clothing.faded',
    'clothing.other-colour',
    'clothing.not-found',
    'clothing.brand',
    'clothing.other-brand',
  ],
  ampm_sex: ['sex.same'],
  ampm_time: ['time.window'],
  ampm_age: ['age.inside', 'age.near'],
  ampm_stature: ['stature.overlap', 'stature.near'],
  ampm_route: ['route.distance', 'route.south'],
  ampm_name: ['name.surname', 'name.other-surname', 'name.given', 'name.other-given'],
  ampm_nationality: ['nationality.same', 'nationality.other'],
  ampm_document: ['document.same', 'document.other'],
};

export interface AmPmField {
  field: string;
  level: number;
  label: string;
  weight: number;
  frequencyAdjusted: boolean;
}

/** The explanation's reasons as code-level fields (weights summed per code), strongest first. */
export function amPmFields(e: AmPmExplanation): AmPmField[] {
  const byCode = new Map<string, number>();
  for (const r of e.reasons) byCode.set(r.code, (byCode.get(r.code) ?? 0) + r.weight);
  const out: AmPmField[] = [];
  for (const [code, weight] of byCode) {
    for (const [field, list] of Object.entries(AMPM_REASON_GROUPS)) {
      const i = list.indexOf(code);
      if (i < 0) continue;
      out.push({ field, level: i + 1, label: code, weight: Math.round(weight * 100) / 100, frequencyAdjusted: true });
    }
  }
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}
