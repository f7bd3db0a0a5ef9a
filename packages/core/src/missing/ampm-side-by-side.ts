// The ante-mortem and post-mortem records aligned for the review screen (decision 0147): tooth by
// tooth with the verdict a forensic odontologist gives (the engine's rules, decision 0131: a tooth
// missing in life present after death, or a restoration gone, excludes; a restored tooth later lost
// or restored more extensively is explainable), and body mark by body mark (the same tattoo at the
// same place, seen on the other side, not seen…). The engine weighs; this only lines the records up.
import { mirrorLocation, RESTORATIONS } from '../matching/ampm/vocabulary.ts';
import { featuresOf } from './ampm-engine-records.ts';
import type { AnteMortem, MarkEntry, PostMortem, TattooEntry } from './ampm.schemas.ts';
import { PERMANENT_TEETH } from './ampm-vocabulary.ts';

export type ToothVerdict =
  | 'same'
  | 'explainable'
  | 'unusual'
  | 'excludes'
  | 'not-observable'
  /** The family does not know this tooth: nothing to compare. */
  | 'unknown'
  /** No dental chart was made of the remains. */
  | 'no-chart';

export interface ToothComparison {
  tooth: number;
  /** Ante-mortem state, '' when not known. */
  am: string;
  /** Post-mortem state, '' when seen present and sound, null when no chart. */
  pm: string | null;
  verdict: ToothVerdict;
}

const EXTENT: Readonly<Record<string, number>> = { filling: 1, 'root-canal': 2, crown: 3, 'crown-gold': 3 };

export function toothVerdict(am: string, pm: string | null): ToothVerdict {
  if (pm === null) return am ? 'no-chart' : 'unknown';
  if (!am) return 'unknown';
  if (pm === 'not-observable') return 'not-observable';
  if (am === pm) return 'same';
  if (am === 'missing') return 'excludes';
  if (pm === '' && RESTORATIONS.has(am)) return 'excludes';
  if (pm === 'missing' || (EXTENT[pm] ?? 0) > (EXTENT[am] ?? 0)) return 'explainable';
  if ((am === 'crown' && pm === 'crown-gold') || (am === 'crown-gold' && pm === 'crown')) return 'explainable';
  return 'unusual';
}

/** Every permanent tooth (and any milk tooth either record lists), in chart order. */
export function compareTeeth(am: AnteMortem | null | undefined, pm: PostMortem | null | undefined): ToothComparison[] {
  const amBy = new Map((am?.dental ?? []).map((d) => [d.tooth, d.state]));
  const charted = pm?.dentalCharted === true;
  const pmBy = new Map((pm?.dental ?? []).map((d) => [d.tooth, d.state]));
  const teeth = [...PERMANENT_TEETH.flat()];
  for (const t of [...amBy.keys(), ...pmBy.keys()]) if (!teeth.includes(t)) teeth.push(t);
  return teeth.map((tooth) => {
    const a = amBy.get(tooth) ?? '';
    const p = charted ? (pmBy.get(tooth) ?? '') : null;
    return { tooth, am: a, pm: p, verdict: toothVerdict(a, p) };
  });
}

export type TattooVerdict = 'same' | 'mirrored' | 'elsewhere' | 'other-motif' | 'not-seen' | 'unlisted';
export interface TattooComparison {
  am: TattooEntry | null;
  pm: TattooEntry | null;
  verdict: TattooVerdict;
}

/** Each tattoo the family listed with what the remains show, then the remains' tattoos left over. */
export function compareTattoos(
  am: readonly TattooEntry[] | undefined,
  pm: readonly TattooEntry[] | undefined,
): TattooComparison[] {
  const left = [...(pm ?? [])];
  const out: TattooComparison[] = [];
  const take = (i: number) => left.splice(i, 1)[0] ?? null;
  for (const t of am ?? []) {
    let i = left.findIndex((p) => p.location === t.location && p.motif === t.motif);
    if (i >= 0) {
      out.push({ am: t, pm: take(i), verdict: 'same' });
      continue;
    }
    i = left.findIndex((p) => p.motif === t.motif && p.location === mirrorLocation(t.location));
    if (i >= 0) {
      out.push({ am: t, pm: take(i), verdict: 'mirrored' });
      continue;
    }
    i = left.findIndex((p) => p.motif === t.motif);
    if (i >= 0) {
      out.push({ am: t, pm: take(i), verdict: 'elsewhere' });
      continue;
    }
    const there = (pm ?? []).find((p) => p.location === t.location);
    out.push({ am: t, pm: there ?? null, verdict: there ? 'other-motif' : 'not-seen' });
  }
  for (const p of left)
    if (!out.some((o) => o.pm === p && o.verdict === 'other-motif')) out.push({ am: null, pm: p, verdict: 'unlisted' });
  return out;
}

export type MarkVerdict = 'same' | 'not-found' | 'unlisted';
export interface MarkComparison {
  /** The engine's feature: kind (scar, fracture, surgery, prosthesis…) and where. */
  kind: string;
  where: string;
  /** The body-map region, for a mark placed on the map. */
  region?: string;
  am: boolean;
  pm: boolean;
  verdict: MarkVerdict;
}

type BodyData = Pick<AnteMortem, 'marks' | 'fractures' | 'surgeries' | 'prostheses' | 'tattoos' | 'clothing'>;

/** Marks, old fractures, surgery and prostheses (not hair: the review shows it with the profile). */
export function compareMarks(am: BodyData | null | undefined, pm: BodyData | null | undefined): MarkComparison[] {
  const strip = (b: BodyData | null | undefined) => (b ? featuresOf({ ...b, hairColour: undefined }) : []);
  const a = strip(am);
  const p = strip(pm);
  const key = (f: { kind: string; where: string }) => `${f.kind}:${f.where}`;
  const regionOf = (f: { kind: string; where: string }, marks: readonly MarkEntry[] | undefined) =>
    marks?.find((m) => m.kind === f.kind && m.region === f.where)?.region;
  const out: MarkComparison[] = a.map((f) => {
    const found = p.some((x) => key(x) === key(f));
    const region = regionOf(f, am?.marks);
    return {
      kind: f.kind,
      where: f.where,
      ...(region ? { region } : {}),
      am: true,
      pm: found,
      verdict: found ? 'same' : 'not-found',
    };
  });
  for (const f of p) {
    if (a.some((x) => key(x) === key(f))) continue;
    const region = regionOf(f, pm?.marks);
    out.push({ kind: f.kind, where: f.where, ...(region ? { region } : {}), am: false, pm: true, verdict: 'unlisted' });
  }
  return out;
}

export type RegionVerdict = 'agrees' | 'differs' | 'am-only' | 'pm-only';

/**
 * What each body region says on the two maps: something agrees there (a same tattoo or mark), the
 * two differ there, or only one record has something there. Regions with nothing are left out.
 */
export function compareRegions(tattoos: readonly TattooComparison[], marks: readonly MarkComparison[]) {
  const out = new Map<string, RegionVerdict>();
  const mark = (region: string | undefined, v: RegionVerdict) => {
    if (!region) return;
    const was = out.get(region);
    if (was === 'agrees' || v === 'agrees') out.set(region, 'agrees');
    else if (was && was !== v) out.set(region, 'differs');
    else out.set(region, v);
  };
  for (const t of tattoos) {
    if (t.verdict === 'same') mark(t.am?.location, 'agrees');
    else if (t.verdict === 'mirrored' || t.verdict === 'elsewhere') {
      mark(t.am?.location, 'differs');
      mark(t.pm?.location, 'differs');
    } else if (t.verdict === 'other-motif') mark(t.am?.location, 'differs');
    else if (t.verdict === 'not-seen') mark(t.am?.location, 'am-only');
    else mark(t.pm?.location, 'pm-only');
  }
  for (const m of marks)
    mark(m.region, m.verdict === 'same' ? 'agrees' : m.verdict === 'not-found' ? 'am-only' : 'pm-only');
  return Object.fromEntries(out) as Record<string, RegionVerdict>;
}
