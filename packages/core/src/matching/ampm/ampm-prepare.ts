// AM/PM records folded once into typed forms the comparison reads fast (interned codes, a dental
// chart indexed by tooth, days since epoch), and the frequencies of every feature in the files
// being linked: an agreement is worth as much as the feature is rare there (docs/decisions/0131).
import { nameTokens } from '../text-normalise.ts';
import { spanishPhonetic } from '../spanish-phonetic.ts';
import { parsePartialDate, type PartialDate } from '../person-dates.ts';
import type { AmPmRecord } from './ampm-record.ts';
import { distanceKm, placeCoordinates } from './route-places.ts';
import { DISTANCE_BINS_KM, SOUTH_KM } from './ampm-evidence.ts';
import { seededRandom } from '../../util/seeded-random.ts';
import { TOOTH_SLOTS, toothIndex } from './vocabulary.ts';

export const DENTAL_CODES = ['', 'missing', 'filling', 'root-canal', 'crown', 'crown-gold', 'not-observable'];
export const D_MISSING = 1;
export const D_NOT_OBSERVABLE = 6;

const codes = new Map<string, number>();
const codeNames: string[] = [];
/** Interned id of a vocabulary code (shared by every run; codes are few). */
export function codeId(s: string): number {
  let id = codes.get(s);
  if (id === undefined) {
    id = codeNames.length;
    codeNames.push(s);
    codes.set(s, id);
  }
  return id;
}
export function codeName(id: number): string {
  return codeNames[id] ?? '';
}

export interface PreparedAmPm {
  index: number;
  id: string;
  /** 1 = F, 2 = M, 0 = unknown or not determinable. */
  sex: number;
  statMin: number;
  statMax: number;
  birth: PartialDate | null;
  ageMin: number;
  ageMax: number;
  eventDay: number;
  lat: number;
  lon: number;
  deathMin: number;
  deathMax: number;
  /** Tattoo codes: location id × 65536 + motif id. */
  tattoos: number[];
  /** PM chart by tooth slot (state code, 0 = seen sound), or null when no chart; AM list as pairs. */
  chart: Uint8Array | null;
  teeth: number[];
  /** Clothing as garment, colour, brand ids (brand 0 = none) in threes. */
  clothing: number[];
  /** Features as kind id × 65536 + where id. */
  features: number[];
  /** Hair colour id, -1 when not recorded. */
  hair: number;
  /** Recovery / last-seen place id in the route list, -1 when unknown. */
  place: number;
  /** Death window as y*10000+m*100+d, for ages at death without Date objects. */
  deathMinYmd: number;
  deathMaxYmd: number;
  given: string[];
  givenPhon: string[];
  sur: string[];
  surPhon: string[];
  nationality: string;
  document: string;
}

const day = (s: string | undefined): number => {
  if (!s) return Number.NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : Number.NaN;
};
const ymd = (s: string | undefined): number => (s ? Number(s.slice(0, 10).replace(/-/g, '')) : Number.NaN);
const places = new Map<string, number>();
function placeId(c: readonly [number, number]): number {
  const key = `${c[0]},${c[1]}`;
  let id = places.get(key);
  if (id === undefined) places.set(key, (id = places.size));
  return id;
}
const num = (v: number | null | undefined): number => (v == null ? Number.NaN : v);

export function prepareAmPm(r: AmPmRecord, index: number, postMortem: boolean): PreparedAmPm {
  const coords = placeCoordinates(r.eventPlace);
  let chart: Uint8Array | null = null;
  const teeth: number[] = [];
  if (r.dental?.length || (postMortem && r.dental)) {
    if (postMortem) chart = new Uint8Array(TOOTH_SLOTS);
    for (const d of r.dental ?? []) {
      const state = DENTAL_CODES.indexOf(d.state);
      if (chart) chart[toothIndex(d.tooth)] = state;
      else teeth.push(d.tooth, state);
    }
  }
  const given = nameTokens(r.givenNames);
  const hair = (r.features ?? []).find((x) => x.kind === 'hair');
  const sur = nameTokens(r.surnames);
  return {
    index,
    id: r.id,
    sex: r.sex === 'F' ? 1 : r.sex === 'M' ? 2 : 0,
    statMin: num(r.statureMinCm ?? r.statureMaxCm),
    statMax: num(r.statureMaxCm ?? r.statureMinCm),
    birth: parsePartialDate(r.birthDate),
    ageMin: num(r.ageMin ?? r.ageMax),
    ageMax: num(r.ageMax ?? r.ageMin),
    eventDay: day(r.eventDate),
    lat: coords ? coords[0] : Number.NaN,
    lon: coords ? coords[1] : Number.NaN,
    deathMin: day(r.deathDateMin || r.deathDateMax),
    deathMax: day(r.deathDateMax || r.deathDateMin),
    tattoos: (r.tattoos ?? []).map((t) => codeId(t.location) * 65536 + codeId(t.motif)),
    chart,
    teeth,
    clothing: (r.clothing ?? []).flatMap((c) => [codeId(c.garment), codeId(c.colour), c.brand ? codeId(c.brand) : 0]),
    features: (r.features ?? []).map((f) => codeId(f.kind) * 65536 + codeId(f.where)),
    hair: hair ? codeId(hair.where) : -1,
    place: coords ? placeId(coords) : -1,
    deathMinYmd: ymd(r.deathDateMin || r.deathDateMax),
    deathMaxYmd: ymd(r.deathDateMax || r.deathDateMin),
    given,
    givenPhon: given.map(spanishPhonetic),
    sur,
    surPhon: sur.map(spanishPhonetic),
    nationality: (r.nationality ?? '').trim().toUpperCase(),
    document: (r.documentId ?? '').replace(/[^0-9a-z]/gi, '').toUpperCase(),
  };
}

/** How often each feature occurs in the files being linked (counts of records that show it). */
export interface AmPmFrequencies {
  remains: number;
  tattoo: Map<number, number>;
  tattooMotif: Map<number, number>;
  tattooLocation: Map<number, number>;
  /** dental[slot * 8 + state]: charts with that state; observed[slot]: charts that could see it. */
  dental: Float64Array;
  dentalObserved: Float64Array;
  withClothing: number;
  garment: Map<number, number>;
  garmentColour: Map<number, number>;
  garmentBrand: Map<number, number>;
  withFeatures: number;
  feature: Map<number, number>;
  hairKnown: number;
  sexKnown: number;
  sexCount: [number, number, number];
  /** statureOver[cm]: remains whose stature range starts above cm; statureUnder: ends below cm. */
  statureStartsAbove: Float64Array;
  statureEndsBelow: Float64Array;
  statureKnown: number;
  deathSpanDays: number;
  reports: number;
  givenToken: Map<string, number>;
  surToken: Map<string, number>;
  nationality: Map<string, number>;
  /** Share of random report × remains pairs in each route bin (see routeBin). */
  routeShare: Float64Array;
}

const bump = <K>(m: Map<K, number>, k: K): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

export function amPmFrequencies(reports: readonly PreparedAmPm[], remains: readonly PreparedAmPm[]): AmPmFrequencies {
  const f: AmPmFrequencies = {
    remains: remains.length,
    tattoo: new Map(),
    tattooMotif: new Map(),
    tattooLocation: new Map(),
    dental: new Float64Array(TOOTH_SLOTS * 8),
    dentalObserved: new Float64Array(TOOTH_SLOTS),
    withClothing: 0,
    garment: new Map(),
    garmentColour: new Map(),
    garmentBrand: new Map(),
    withFeatures: 0,
    feature: new Map(),
    hairKnown: 0,
    sexKnown: 0,
    sexCount: [0, 0, 0],
    statureStartsAbove: new Float64Array(301),
    statureEndsBelow: new Float64Array(301),
    statureKnown: 0,
    deathSpanDays: 365,
    reports: reports.length,
    givenToken: new Map(),
    surToken: new Map(),
    nationality: new Map(),
    routeShare: new Float64Array(ROUTE_BINS),
  };
  const hair = codeId('hair');
  let first = Infinity;
  let last = -Infinity;
  for (const r of remains) {
    for (const t of new Set(r.tattoos)) bump(f.tattoo, t);
    for (const m of new Set(r.tattoos.map((t) => t & 0xffff))) bump(f.tattooMotif, m);
    for (const l of new Set(r.tattoos.map((t) => t >>> 16))) bump(f.tattooLocation, l);
    if (r.chart)
      for (let s = 0; s < TOOTH_SLOTS; s++) {
        const st = r.chart[s] as number;
        if (st === D_NOT_OBSERVABLE) continue;
        f.dentalObserved[s] = (f.dentalObserved[s] as number) + 1;
        f.dental[s * 8 + st] = (f.dental[s * 8 + st] as number) + 1;
      }
    if (r.clothing.length) f.withClothing++;
    const g = new Set<number>();
    const gc = new Set<number>();
    const gb = new Set<number>();
    for (let i = 0; i < r.clothing.length; i += 3) {
      const garment = r.clothing[i] as number;
      g.add(garment);
      gc.add(garment * 65536 + (r.clothing[i + 1] as number));
      if (r.clothing[i + 2]) gb.add(garment * 65536 + (r.clothing[i + 2] as number));
    }
    g.forEach((x) => bump(f.garment, x));
    gc.forEach((x) => bump(f.garmentColour, x));
    gb.forEach((x) => bump(f.garmentBrand, x));
    if (r.features.length) f.withFeatures++;
    for (const x of new Set(r.features)) bump(f.feature, x);
    if (r.features.some((x) => x >>> 16 === hair)) f.hairKnown++;
    if (r.sex) {
      f.sexKnown++;
      f.sexCount[r.sex] = (f.sexCount[r.sex] as number) + 1;
    }
    if (!Number.isNaN(r.statMin)) {
      f.statureKnown++;
      for (let cm = 0; cm < Math.min(301, r.statMin); cm++)
        f.statureStartsAbove[cm] = (f.statureStartsAbove[cm] as number) + 1;
      for (let cm = Math.max(0, Math.ceil(r.statMax) + 1); cm < 301; cm++)
        f.statureEndsBelow[cm] = (f.statureEndsBelow[cm] as number) + 1;
    }
    if (!Number.isNaN(r.deathMin)) {
      first = Math.min(first, r.deathMin);
      last = Math.max(last, r.deathMax);
    }
  }
  if (last > first) f.deathSpanDays = Math.max(365, last - first);
  for (const r of reports) {
    for (const t of new Set(r.given)) bump(f.givenToken, t);
    for (const t of new Set(r.sur)) bump(f.surToken, t);
    if (r.nationality) bump(f.nationality, r.nationality);
  }
  estimateRouteShares(f, reports, remains);
  return f;
}

export const ROUTE_BINS = DISTANCE_BINS_KM.length * 2;

/** Route bin of a pair: distance bin, doubled when the remains lie well south of the last sighting. */
const routeBins = new Map<number, number>();
export function routeBin(am: PreparedAmPm, pm: PreparedAmPm): number {
  const key = am.place * 65536 + pm.place;
  const known = routeBins.get(key);
  if (known !== undefined) return known;
  const bin = computeRouteBin(am, pm);
  routeBins.set(key, bin);
  return bin;
}

function computeRouteBin(am: PreparedAmPm, pm: PreparedAmPm): number {
  const d = distanceKm([am.lat, am.lon], [pm.lat, pm.lon]);
  let bin = 0;
  while (d >= (DISTANCE_BINS_KM[bin] as number)) bin++;
  const south = (am.lat - pm.lat) * 111 > SOUTH_KM;
  return bin * 2 + (south ? 1 : 0);
}

/** u of each route bin from random pairs (fixed seed: the same files give the same model). */
function estimateRouteShares(
  f: AmPmFrequencies,
  reports: readonly PreparedAmPm[],
  remains: readonly PreparedAmPm[],
): void {
  const a = reports.filter((r) => !Number.isNaN(r.lat));
  const b = remains.filter((r) => !Number.isNaN(r.lat));
  const counts = f.routeShare;
  const next = seededRandom(0x5eed);
  const samples = a.length && b.length ? 20_000 : 0;
  for (let k = 0; k < samples; k++) {
    const x = a[Math.floor(next() * a.length)] as PreparedAmPm;
    const y = b[Math.floor(next() * b.length)] as PreparedAmPm;
    const bin = routeBin(x, y);
    counts[bin] = (counts[bin] as number) + 1;
  }
  for (let i = 0; i < counts.length; i++) counts[i] = (counts[i]! + 0.5) / (samples + counts.length * 0.5);
}

/** Share of records showing a feature, smoothed so that a feature seen once is not "impossible". */
export function share(count: number | undefined, total: number): number {
  return ((count ?? 0) + 0.5) / (total + 1);
}
