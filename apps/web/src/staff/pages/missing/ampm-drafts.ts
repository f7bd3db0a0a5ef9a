// The ante-mortem and post-mortem forms' values and the payloads they make (decision 0147): one
// string per input (as typed), lists as rows, the dental chart as tooth → state. Empty inputs are
// left out, numbers parsed; the server checks the rest and names the field of any problem.
// Type-only imports of core (no schema code in the bundle).
import type {
  AnteMortem,
  MarkEntry,
  PostMortem,
  PostMortemStored,
  TattooEntry,
} from '../../../../../../packages/core/src/missing/ampm.schemas.ts';

export type Row = Record<string, string>;
export interface Custody {
  event: string;
  on: string;
  by: string;
  to: string;
}
export type SampleRow = Row & { custody?: Custody[] };

export interface AmPmDraft {
  /** Scalar inputs by their payload name ('statureMinCm', 'deathWindow.from'…). */
  values: Record<string, string>;
  tattoos: TattooEntry[];
  marks: MarkEntry[];
  fractures: Row[];
  surgeries: Row[];
  prostheses: Row[];
  clothing: Row[];
  recordHolders: Row[];
  samples: SampleRow[];
  /** tooth → state; '' or absent: not known (AM) or sound (PM). */
  chart: Record<number, string>;
  /** Post mortem: a full dental chart was made. */
  charted: boolean;
}

export const emptyDraft = (): AmPmDraft => ({
  values: {},
  tattoos: [],
  marks: [],
  fractures: [],
  surgeries: [],
  prostheses: [],
  clothing: [],
  recordHolders: [],
  samples: [],
  chart: {},
  charted: false,
});

const s = (v: string | undefined) => (v ?? '').trim();
const n = (v: string | undefined) => (s(v) ? Number(s(v).replace(',', '.')) : undefined);
/** Drops empty strings, undefined and empty lists. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}
const rows = (list: Row[], required: string, numbers: string[] = []) =>
  list
    .filter((r) => s(r[required]))
    .map((r) =>
      clean(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numbers.includes(k) ? n(v) : s(v) || undefined]))),
    );
const teeth = (chart: Record<number, string>) =>
  Object.entries(chart)
    .filter(([, state]) => state)
    .map(([tooth, state]) => ({ tooth: Number(tooth), state }))
    .sort((a, b) => a.tooth - b.tooth);
const custody = (list: Custody[] | undefined) =>
  (list ?? [])
    .filter((c) => s(c.on))
    .map((c) => clean({ event: c.event || 'collected', on: s(c.on), by: s(c.by), to: s(c.to) }));
const samples = (list: SampleRow[], required: string) =>
  list
    .filter((r) => s(r[required]) || s(r.laboratory))
    .map((r) => {
      const { custody: chain, ...rest } = r;
      const base = Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, k === 'consentSigned' ? v === 'yes' : s(v) || undefined]),
      );
      return clean({ ...base, custody: custody(chain) });
    });

/** Is anything filled in? (an untouched section sends nothing) */
export function draftIsEmpty(d: AmPmDraft): boolean {
  return JSON.stringify({ ...d, charted: false }) === JSON.stringify({ ...emptyDraft(), charted: false }) && !d.charted;
}

export function anteMortemOf(d: AmPmDraft): AnteMortem {
  const v = d.values;
  return clean({
    statureMinCm: n(v.statureMinCm),
    statureMaxCm: n(v.statureMaxCm),
    build: s(v.build) || undefined,
    hairColour: s(v.hairColour) || undefined,
    hairNotes: s(v.hairNotes) || undefined,
    eyeColour: s(v.eyeColour) || undefined,
    tattoos: d.tattoos,
    marks: d.marks,
    fractures: rows(d.fractures, 'bone'),
    surgeries: rows(d.surgeries, 'procedure', ['year']),
    prostheses: rows(d.prostheses, 'kind'),
    dental: teeth(d.chart),
    dentalNotes: s(v.dentalNotes) || undefined,
    clothing: rows(d.clothing, 'garment'),
    belongings: s(v.belongings) || undefined,
    medicalConditions: s(v.medicalConditions) || undefined,
    recordHolders: rows(d.recordHolders, 'name'),
    dnaReferenceSamples: samples(d.samples, 'donorName'),
  }) as AnteMortem;
}

export function postMortemOf(d: AmPmDraft): PostMortem {
  const v = d.values;
  const pair = <T>(a: string, b: string, make: () => T) => (s(v[a]) || s(v[b]) ? make() : undefined);
  return clean({
    examinedOn: s(v.examinedOn) || undefined,
    examiner: s(v.examiner) || undefined,
    sexEstimate: s(v['sexEstimate.sex'])
      ? clean({ sex: s(v['sexEstimate.sex']), method: s(v['sexEstimate.method']) || undefined })
      : undefined,
    ageEstimate: pair('ageEstimate.min', 'ageEstimate.max', () =>
      clean({
        min: n(v['ageEstimate.min']),
        max: n(v['ageEstimate.max']),
        method: s(v['ageEstimate.method']) || undefined,
      }),
    ),
    stature: pair('stature.minCm', 'stature.maxCm', () =>
      clean({
        minCm: n(v['stature.minCm']),
        maxCm: n(v['stature.maxCm']),
        method: s(v['stature.method']) || undefined,
      }),
    ),
    deathWindow: pair('deathWindow.from', 'deathWindow.to', () =>
      clean({
        from: s(v['deathWindow.from']),
        to: s(v['deathWindow.to']),
        method: s(v['deathWindow.method']) || undefined,
      }),
    ),
    condition: s(v.condition) || undefined,
    conditionNotes: s(v.conditionNotes) || undefined,
    hairColour: s(v.hairColour) || undefined,
    eyeColour: s(v.eyeColour) || undefined,
    tattoos: d.tattoos,
    marks: d.marks,
    fractures: rows(d.fractures, 'bone'),
    surgeries: rows(d.surgeries, 'procedure', ['year']),
    prostheses: rows(d.prostheses, 'kind'),
    dentalCharted: d.charted,
    dental: d.charted ? teeth(d.chart) : [],
    dentalNotes: s(v.dentalNotes) || undefined,
    clothing: rows(d.clothing, 'garment'),
    belongings: s(v.belongings) || undefined,
    whereabouts: s(v['whereabouts.status'])
      ? clean({
          status: s(v['whereabouts.status']),
          place: s(v['whereabouts.place']) || undefined,
          grave: s(v['whereabouts.grave']) || undefined,
          since: s(v['whereabouts.since']) || undefined,
          releasedTo: s(v['whereabouts.releasedTo']) || undefined,
        })
      : undefined,
    dnaSamples: samples(d.samples, 'tissue'),
  }) as PostMortem;
}

const str = (x: unknown) => (x === undefined || x === null ? '' : String(x));
const toRows = (list: readonly object[] | undefined): Row[] =>
  (list ?? []).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, str(v)])));
const toSamples = (list: readonly ({ custody?: readonly object[] } & object)[] | undefined): SampleRow[] =>
  (list ?? []).map((r) => {
    const { custody: chain, ...rest } = r as { custody?: Custody[] } & Record<string, unknown>;
    return {
      ...Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : '') : str(v)]),
      ),
      custody: (chain ?? []).map((c) => ({ event: str(c.event), on: str(c.on), by: str(c.by), to: str(c.to) })),
    } as SampleRow;
  });
const chartOf = (list: readonly { tooth: number; state: string }[] | undefined) =>
  Object.fromEntries((list ?? []).map((d) => [d.tooth, d.state]));

export function draftOfAnteMortem(am: AnteMortem | undefined | null): AmPmDraft {
  if (!am) return emptyDraft();
  return {
    values: Object.fromEntries(
      (
        [
          'statureMinCm',
          'statureMaxCm',
          'build',
          'hairColour',
          'hairNotes',
          'eyeColour',
          'dentalNotes',
          'belongings',
          'medicalConditions',
        ] as const
      ).map((k) => [k, str(am[k])]),
    ),
    tattoos: [...(am.tattoos ?? [])],
    marks: [...(am.marks ?? [])],
    fractures: toRows(am.fractures),
    surgeries: toRows(am.surgeries),
    prostheses: toRows(am.prostheses),
    clothing: toRows(am.clothing),
    recordHolders: toRows(am.recordHolders),
    samples: toSamples(am.dnaReferenceSamples),
    chart: chartOf(am.dental),
    charted: false,
  };
}

export function draftOfPostMortem(pm: PostMortemStored | PostMortem | undefined | null): AmPmDraft {
  if (!pm) return emptyDraft();
  const values: Record<string, string> = {
    examinedOn: str(pm.examinedOn),
    examiner: str(pm.examiner),
    'sexEstimate.sex': str(pm.sexEstimate?.sex),
    'sexEstimate.method': str(pm.sexEstimate?.method),
    'ageEstimate.min': str(pm.ageEstimate?.min),
    'ageEstimate.max': str(pm.ageEstimate?.max),
    'ageEstimate.method': str(pm.ageEstimate?.method),
    'stature.minCm': str(pm.stature?.minCm),
    'stature.maxCm': str(pm.stature?.maxCm),
    'stature.method': str(pm.stature?.method),
    'deathWindow.from': str(pm.deathWindow?.from),
    'deathWindow.to': str(pm.deathWindow?.to),
    'deathWindow.method': str(pm.deathWindow?.method),
    condition: str(pm.condition),
    conditionNotes: str(pm.conditionNotes),
    hairColour: str(pm.hairColour),
    eyeColour: str(pm.eyeColour),
    dentalNotes: str(pm.dentalNotes),
    belongings: str(pm.belongings),
    'whereabouts.status': str(pm.whereabouts?.status),
    'whereabouts.place': str(pm.whereabouts?.place),
    'whereabouts.grave': str(pm.whereabouts?.grave),
    'whereabouts.since': str(pm.whereabouts?.since),
    'whereabouts.releasedTo': str(pm.whereabouts?.releasedTo),
  };
  return {
    values,
    tattoos: [...(pm.tattoos ?? [])],
    marks: [...(pm.marks ?? [])],
    fractures: toRows(pm.fractures),
    surgeries: toRows(pm.surgeries),
    prostheses: toRows(pm.prostheses),
    clothing: toRows(pm.clothing),
    recordHolders: [],
    samples: toSamples(pm.dnaSamples),
    chart: chartOf(pm.dental),
    charted: pm.dentalCharted === true,
  };
}
