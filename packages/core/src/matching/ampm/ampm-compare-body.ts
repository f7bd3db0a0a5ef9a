// What the body shows besides teeth: tattoos, clothing and marks (docs/decisions/0131). Each item a
// family lists has a few possible outcomes on the remains (seen the same, faded, mirrored, not
// seen…); their weights depend only on the item and the files, so they are computed once per report
// and a comparison only finds the outcome. Words are built only when an explanation is wanted.
import { codeId, codeName, share, type AmPmFrequencies, type PreparedAmPm } from './ampm-prepare.ts';
import { bits, said, type AmPmSink } from './ampm-reasons.ts';
import * as E from './ampm-evidence.ts';
import { FADED_COLOURS, FEATURE_KINDS, labelOf, mirrorLocation, SIMILAR_HAIR, TATTOO_LOCATIONS } from './vocabulary.ts';

export const HAIR = codeId('hair');
const TATTOO_OUTCOMES = 5;
const CLOTHING_OUTCOMES = 6;
const FEATURE_OUTCOMES = 3;

/** Weights of every outcome of every item of one report, for one set of frequencies. */
export interface ReportWeights {
  freq: AmPmFrequencies;
  tattoo: Float64Array;
  mirror: Int32Array;
  clothing: Float64Array;
  fades: number[][];
  feature: Float64Array;
  similarHair: number[][];
}

const weightCache = new WeakMap<PreparedAmPm, ReportWeights>();

const ids = (codes: readonly string[]): number[] => codes.map(codeId);

export function reportWeights(am: PreparedAmPm, f: AmPmFrequencies): ReportWeights {
  const known = weightCache.get(am);
  if (known && known.freq === f) return known;
  const tattoo = new Float64Array(am.tattoos.length * TATTOO_OUTCOMES);
  const mirror = new Int32Array(am.tattoos.length);
  am.tattoos.forEach((t, i) => {
    const loc = t >>> 16;
    const motif = t & 0xffff;
    mirror[i] = codeId(mirrorLocation(codeName(loc))) * 65536 + motif;
    const o = i * TATTOO_OUTCOMES;
    tattoo[o] = bits(E.TATTOO_SEEN, share(f.tattoo.get(t), f.remains));
    tattoo[o + 1] = bits(E.TATTOO_MIRRORED, share(f.tattoo.get(mirror[i] as number), f.remains));
    tattoo[o + 2] = bits(E.TATTOO_ELSEWHERE, share(f.tattooMotif.get(motif), f.remains));
    tattoo[o + 3] = bits(E.TATTOO_OTHER_MOTIF, share(f.tattooLocation.get(loc), f.remains));
    tattoo[o + 4] = bits(E.TATTOO_NOT_SEEN, 1 - share(f.tattoo.get(t), f.remains));
  });
  const items = am.clothing.length / 3;
  const clothing = new Float64Array(items * CLOTHING_OUTCOMES);
  const fades: number[][] = [];
  const n = f.withClothing;
  for (let i = 0; i < items; i++) {
    const g = am.clothing[i * 3] as number;
    const c = am.clothing[i * 3 + 1] as number;
    const b = am.clothing[i * 3 + 2] as number;
    const fade = ids(FADED_COLOURS[codeName(c)] ?? []);
    fades.push(fade);
    let faded = 0;
    for (const fc of fade) faded += share(f.garmentColour.get(g * 65536 + fc), n);
    const brand = share(f.garmentBrand.get(g * 65536 + b), f.garment.get(g) ?? 0);
    const o = i * CLOTHING_OUTCOMES;
    clothing[o] = bits(E.GARMENT_SAME_COLOUR, share(f.garmentColour.get(g * 65536 + c), n));
    clothing[o + 1] = bits(E.GARMENT_FADED, faded);
    clothing[o + 2] = bits(E.GARMENT_OTHER_COLOUR, share(f.garment.get(g), n));
    clothing[o + 3] = bits(E.GARMENT_NOT_FOUND, 1 - share(f.garment.get(g), n));
    clothing[o + 4] = bits(E.BRAND_SAME, brand);
    clothing[o + 5] = bits(1 - E.BRAND_SAME, 1 - brand);
  }
  const feature = new Float64Array(am.features.length * FEATURE_OUTCOMES);
  const similarHair: number[][] = [];
  am.features.forEach((x, i) => {
    const o = i * FEATURE_OUTCOMES;
    if (x >>> 16 === HAIR) {
      const similar = ids(SIMILAR_HAIR[codeName(x & 0xffff)] ?? []);
      similarHair.push(similar);
      const same = share(f.feature.get(x), f.hairKnown);
      let near = 0;
      for (const h of similar) near += share(f.feature.get(HAIR * 65536 + h), f.hairKnown);
      feature[o] = bits(E.HAIR_SAME, same);
      feature[o + 1] = bits(E.HAIR_SIMILAR, near);
      feature[o + 2] = bits(E.HAIR_OTHER, 1 - near - same);
    } else {
      similarHair.push([]);
      const u = share(f.feature.get(x), f.remains);
      feature[o] = bits(E.FEATURE_FOUND, u);
      feature[o + 1] = bits(1 - E.FEATURE_FOUND, 1 - u);
    }
  });
  const weights = { freq: f, tattoo, mirror, clothing, fades, feature, similarHair };
  weightCache.set(am, weights);
  return weights;
}

const tattooText = (code: number, lang: 'es' | 'en'): string =>
  `${codeName(code & 0xffff).replace(/-/g, ' ')} (${labelOf(TATTOO_LOCATIONS, codeName(code >>> 16), lang)})`;

const TATTOO_REASONS = ['tattoo.same', 'tattoo.mirrored', 'tattoo.elsewhere', 'tattoo.other-motif', 'tattoo.not-seen'];
function tattooWords(outcome: number, t: number): [string, string] {
  const es = tattooText(t, 'es');
  const en = tattooText(t, 'en');
  return (
    [
      [`Mismo tatuaje: ${es}`, `Same tattoo: ${en}`],
      [`Tatuaje ${es} visto del otro lado del cuerpo`, `Tattoo ${en} seen on the other side of the body`],
      [`Tatuaje ${es} visto en otro lugar`, `Tattoo ${en} seen elsewhere on the body`],
      [`Otro tatuaje en el lugar de ${es}`, `Another tattoo where ${en} was`],
      [`Tatuaje ${es} no visto en el cuerpo`, `Tattoo ${en} not seen on the remains`],
    ] as [string, string][]
  )[outcome] as [string, string];
}

export function compareTattoos(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  if (!am.tattoos.length) return 0;
  const k = reportWeights(am, f);
  let w = 0;
  // Bit j set: the remains' j-th tattoo answered one the family listed.
  let used = 0;
  for (let i = 0; i < am.tattoos.length; i++) {
    const t = am.tattoos[i] as number;
    let outcome = 4;
    const same = pm.tattoos.indexOf(t);
    const mirrored = same < 0 && k.mirror[i] !== t ? pm.tattoos.indexOf(k.mirror[i] as number) : -1;
    if (same >= 0) {
      used |= 1 << same;
      outcome = 0;
    } else if (mirrored >= 0) {
      used |= 1 << mirrored;
      outcome = 1;
    } else {
      for (const x of pm.tattoos) {
        if ((x & 0xffff) === (t & 0xffff)) outcome = 2;
        else if (x >>> 16 === t >>> 16 && outcome === 4) outcome = 3;
      }
    }
    const x = k.tattoo[i * TATTOO_OUTCOMES + outcome] as number;
    w += x;
    if (sink) said(sink, TATTOO_REASONS[outcome] as string, x, () => tattooWords(outcome, t));
  }
  for (let j = 0; j < pm.tattoos.length; j++) {
    const x = pm.tattoos[j] as number;
    if (used & (1 << j) || am.tattoos.includes(x)) continue;
    w += Math.log2(E.TATTOO_UNLISTED);
    if (sink)
      said(sink, 'tattoo.unlisted', Math.log2(E.TATTOO_UNLISTED), () => [
        `Tatuaje ${tattooText(x, 'es')} en el cuerpo que la familia no mencionó`,
        `Tattoo ${tattooText(x, 'en')} on the remains that the family did not list`,
      ]);
  }
  return w;
}

const CLOTHING_REASONS = [
  'clothing.same',
  'clothing.faded',
  'clothing.other-colour',
  'clothing.not-found',
  'clothing.brand',
  'clothing.other-brand',
];
function clothingWords(outcome: number, g: number, c: number, b: number, pb: number): [string, string] {
  const item = `${codeName(g).replace(/-/g, ' ')} ${codeName(c).replace(/-/g, ' ')}`;
  return (
    [
      [`Misma prenda y color: ${item}`, `Same garment and colour: ${item}`],
      [`Prenda ${item} hallada con el color desvaído`, `Garment ${item} found with a faded colour`],
      [`Prenda ${item} hallada de otro color`, `Garment ${item} found in another colour`],
      [`Prenda ${item} no hallada`, `Garment ${item} not found`],
      [`Misma marca: ${codeName(b)}`, `Same brand: ${codeName(b)}`],
      [
        `Otra marca: ${codeName(pb)} en vez de ${codeName(b)}`,
        `Another brand: ${codeName(pb)} instead of ${codeName(b)}`,
      ],
    ] as [string, string][]
  )[outcome] as [string, string];
}

export function compareClothing(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  if (!am.clothing.length || !pm.clothing.length) return 0;
  const k = reportWeights(am, f);
  let w = 0;
  for (let i = 0; i * 3 < am.clothing.length; i++) {
    const g = am.clothing[i * 3] as number;
    const c = am.clothing[i * 3 + 1] as number;
    const b = am.clothing[i * 3 + 2] as number;
    let sameColour = -1;
    let outcome = 3;
    const fades = k.fades[i] as number[];
    for (let j = 0; j < pm.clothing.length; j += 3) {
      if (pm.clothing[j] !== g) continue;
      const pc = pm.clothing[j + 1] as number;
      if (pc === c) {
        if (sameColour < 0 || pm.clothing[j + 2] === b) sameColour = j;
        outcome = 0;
      } else if (outcome > 1 && fades.includes(pc)) outcome = 1;
      else if (outcome > 2) outcome = 2;
    }
    const x = k.clothing[i * CLOTHING_OUTCOMES + outcome] as number;
    w += x;
    if (sink) said(sink, CLOTHING_REASONS[outcome] as string, x, () => clothingWords(outcome, g, c, b, 0));
    const pb = sameColour >= 0 ? (pm.clothing[sameColour + 2] as number) : 0;
    if (b && pb) {
      const brand = pb === b ? 4 : 5;
      const y = k.clothing[i * CLOTHING_OUTCOMES + brand] as number;
      w += y;
      if (sink) said(sink, CLOTHING_REASONS[brand] as string, y, () => clothingWords(brand, g, c, b, pb));
    }
  }
  return w;
}

const FEATURE_REASONS = ['feature.same', 'feature.not-found'];
const HAIR_REASONS = ['hair.same', 'hair.similar', 'hair.other'];
function featureWords(outcome: number, x: number, pmHair: number): [string, string] {
  const where = codeName(x & 0xffff).replace(/-/g, ' ');
  const kind = codeName(x >>> 16);
  const es = `${labelOf(FEATURE_KINDS, kind, 'es')}: ${where}`;
  const en = `${labelOf(FEATURE_KINDS, kind, 'en')}: ${where}`;
  const other = codeName(pmHair).replace(/-/g, ' ');
  if (x >>> 16 === HAIR)
    return (
      [
        [`Mismo ${es}`, `Same ${en}`],
        [`Cabello de tono cercano: ${where} y ${other}`, `Hair of a near shade: ${where} and ${other}`],
        [`Cabello de otro color: ${where} y ${other}`, `Hair of another colour: ${where} and ${other}`],
      ] as [string, string][]
    )[outcome] as [string, string];
  return outcome === 0
    ? [`Misma seña: ${es}`, `Same mark: ${en}`]
    : [`Seña no hallada en el cuerpo: ${es}`, `Mark not found on the remains: ${en}`];
}

export function compareBody(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  if (!am.features.length) return 0;
  const k = reportWeights(am, f);
  let w = 0;
  for (let i = 0; i < am.features.length; i++) {
    const x = am.features[i] as number;
    let outcome: number;
    if (x >>> 16 === HAIR) {
      if (pm.hair < 0) continue;
      outcome = pm.hair === (x & 0xffff) ? 0 : (k.similarHair[i] as number[]).includes(pm.hair) ? 1 : 2;
    } else outcome = pm.features.includes(x) ? 0 : 1;
    const y = k.feature[i * FEATURE_OUTCOMES + outcome] as number;
    w += y;
    if (sink)
      said(sink, ((x >>> 16 === HAIR ? HAIR_REASONS : FEATURE_REASONS)[outcome] as string) ?? '', y, () =>
        featureWords(outcome, x, pm.hair),
      );
  }
  for (const x of pm.features) {
    if (x >>> 16 === HAIR || am.features.includes(x)) continue;
    w += UNLISTED_BITS;
    if (sink)
      said(sink, 'feature.unlisted', UNLISTED_BITS, () => {
        const [es, en] = featureWords(0, x, -1);
        return [
          `${es.replace('Misma seña', 'Seña en el cuerpo que la familia no mencionó')}`,
          `${en.replace('Same mark', 'Mark on the remains that the family did not list')}`,
        ];
      });
  }
  return w;
}

const UNLISTED_BITS = Math.log2(E.FEATURE_UNLISTED);
