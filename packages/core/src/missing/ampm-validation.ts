// Checks of the ante-mortem and post-mortem data that need two values or a clock (decision 0147):
// a range the wrong way round (stature, age, the death window), the same tooth twice, a date in the
// future. Each issue names its field by its path in the payload, as the other missing-person checks do.
import type { AnteMortem, PostMortem } from './ampm.schemas.ts';

export type AmPmIssueCode =
  | 'missing.stature_range_inverted'
  | 'missing.age_range_inverted'
  | 'missing.death_window_inverted'
  | 'missing.tooth_twice'
  | 'missing.date_in_future';
export interface AmPmIssue {
  code: AmPmIssueCode;
  field: string;
}

function teeth(list: readonly { tooth: number }[] | undefined, field: string, issues: AmPmIssue[]): void {
  const seen = new Set<number>();
  (list ?? []).forEach((d, i) => {
    if (seen.has(d.tooth)) issues.push({ code: 'missing.tooth_twice', field: `${field}.${i}.tooth` });
    seen.add(d.tooth);
  });
}

function future(value: string | undefined, field: string, today: string, issues: AmPmIssue[]): void {
  if (value && value > today) issues.push({ code: 'missing.date_in_future', field });
}

function custody(
  samples: readonly { custody?: { on: string }[] | undefined }[] | undefined,
  field: string,
  today: string,
  issues: AmPmIssue[],
): void {
  (samples ?? []).forEach((s, i) =>
    (s.custody ?? []).forEach((c, j) => future(c.on, `${field}.${i}.custody.${j}.on`, today, issues)),
  );
}

export function validateAnteMortem(am: AnteMortem, today: string, prefix = 'anteMortem'): AmPmIssue[] {
  const issues: AmPmIssue[] = [];
  if (am.statureMinCm !== undefined && am.statureMaxCm !== undefined && am.statureMinCm > am.statureMaxCm)
    issues.push({ code: 'missing.stature_range_inverted', field: `${prefix}.statureMaxCm` });
  teeth(am.dental, `${prefix}.dental`, issues);
  (am.dnaReferenceSamples ?? []).forEach((s, i) =>
    future(s.collectedOn, `${prefix}.dnaReferenceSamples.${i}.collectedOn`, today, issues),
  );
  custody(am.dnaReferenceSamples, `${prefix}.dnaReferenceSamples`, today, issues);
  return issues;
}

export function validatePostMortem(pm: PostMortem, today: string, prefix = 'postMortem'): AmPmIssue[] {
  const issues: AmPmIssue[] = [];
  if (pm.stature && pm.stature.minCm > pm.stature.maxCm)
    issues.push({ code: 'missing.stature_range_inverted', field: `${prefix}.stature.maxCm` });
  if (pm.ageEstimate && pm.ageEstimate.min > pm.ageEstimate.max)
    issues.push({ code: 'missing.age_range_inverted', field: `${prefix}.ageEstimate.max` });
  if (pm.deathWindow && pm.deathWindow.to < pm.deathWindow.from)
    issues.push({ code: 'missing.death_window_inverted', field: `${prefix}.deathWindow.to` });
  future(pm.deathWindow?.from, `${prefix}.deathWindow.from`, today, issues);
  future(pm.deathWindow?.to, `${prefix}.deathWindow.to`, today, issues);
  future(pm.examinedOn, `${prefix}.examinedOn`, today, issues);
  future(pm.whereabouts?.since, `${prefix}.whereabouts.since`, today, issues);
  teeth(pm.dental, `${prefix}.dental`, issues);
  (pm.dnaSamples ?? []).forEach((s, i) => future(s.takenOn, `${prefix}.dnaSamples.${i}.takenOn`, today, issues));
  custody(pm.dnaSamples, `${prefix}.dnaSamples`, today, issues);
  return issues;
}
