// The engine's reasons name open-list codes as written in the exchange format ("Mismo tatuaje: rose
// (antebrazo izquierdo)", "Misma prenda y color: jeans blue"): the engine knows no words for them.
// For the review screen, the codes the two records hold are put in the reader's words from the
// vocabularies (decision 0147), by exact replacement of what the engine wrote — nothing else changes.
import { FEATURE_KINDS, labelOf, TATTOO_LOCATIONS } from '../matching/ampm/vocabulary.ts';
import { featuresOf } from './ampm-engine-records.ts';
import type { AnteMortem, PostMortem } from './ampm.schemas.ts';
import {
  BODY_REGIONS,
  BONES,
  COLOURS,
  GARMENTS,
  HAIR_COLOURS,
  labelIn,
  MARK_KINDS,
  PROSTHESES,
  SURGERIES,
  TATTOO_MOTIFS,
} from './ampm-vocabulary.ts';

type Lang = 'es' | 'en';
type Records = readonly (AnteMortem | PostMortem | null | undefined)[];
const spaced = (code: string) => code.replace(/-/g, ' ');

const WHERE_BY_KIND: Readonly<Record<string, Parameters<typeof labelIn>[0]>> = {
  hair: HAIR_COLOURS,
  fracture: BONES,
  surgery: SURGERIES,
  prosthesis: PROSTHESES,
};

/** Pairs [as the engine wrote it, in the reader's words] for the codes of these records. */
function replacements(records: Records, lang: Lang): [string, string][] {
  const out = new Map<string, string>();
  for (const r of records) {
    if (!r) continue;
    for (const t of r.tattoos ?? []) {
      const where = labelOf(TATTOO_LOCATIONS, t.location, lang);
      out.set(`${spaced(t.motif)} (${where})`, `${labelIn(TATTOO_MOTIFS, t.motif, lang)} (${where})`);
    }
    for (const c of r.clothing ?? [])
      out.set(
        `${spaced(c.garment)} ${spaced(c.colour)}`,
        `${labelIn(GARMENTS, c.garment, lang)} ${labelIn(COLOURS, c.colour, lang)}`,
      );
    for (const f of featuresOf(r)) {
      const kind = FEATURE_KINDS[f.kind] ? labelOf(FEATURE_KINDS, f.kind, lang) : labelIn(MARK_KINDS, f.kind, lang);
      out.set(
        `${labelOf(FEATURE_KINDS, f.kind, lang)}: ${spaced(f.where)}`,
        `${kind}: ${labelIn(WHERE_BY_KIND[f.kind] ?? BODY_REGIONS, f.where, lang)}`,
      );
    }
  }
  // Longest first, so that a code inside a longer one is not replaced in it.
  return [...out.entries()].filter(([a, b]) => a !== b).sort((x, y) => y[0].length - x[0].length);
}

/** A reason's words with the records' codes in the reader's words. */
export function inReadersWords<T extends { es: string; en: string }>(reason: T, records: Records): T {
  const put = (text: string, lang: Lang) =>
    replacements(records, lang).reduce((s, [from, to]) => s.split(from).join(to), text);
  return { ...reason, es: put(reason.es, 'es'), en: put(reason.en, 'en') };
}
