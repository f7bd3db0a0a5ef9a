// Teeth, compared the way a forensic odontologist would (docs/decisions/0131): unexplainable
// discrepancies (a tooth missing in life present after death, a restoration gone) exclude;
// explainable ones (a restored tooth lost or restored again later) only weigh against.
import { D_MISSING, D_NOT_OBSERVABLE, type AmPmFrequencies, type PreparedAmPm } from './ampm-prepare.ts';
import { bits, exclude, said, type AmPmSink } from './ampm-reasons.ts';
import * as E from './ampm-evidence.ts';
import { DENTAL_STATES, toothIndex, type DentalState } from './vocabulary.ts';

const D_CROWN = 4;
const D_CROWN_GOLD = 5;
// How extensive a restoration is: filling < root canal < crown (gold or not).
const EXTENT = [0, 0, 1, 2, 3, 3, 0];

const dentalLabel = (state: number, lang: 'es' | 'en'): string =>
  DENTAL_STATES[(['', 'missing', 'filling', 'root-canal', 'crown', 'crown-gold'][state] ?? '') as DentalState]?.[
    lang
  ] ?? 'sano';

export function compareDental(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  const chart = pm.chart;
  if (!chart || !am.teeth.length) return 0;
  let w = 0;
  for (let i = 0; i < am.teeth.length; i += 2) {
    const tooth = am.teeth[i] as number;
    const s = am.teeth[i + 1] as number;
    const slot = toothIndex(tooth);
    const p = chart[slot] as number;
    if (p === D_NOT_OBSERVABLE) continue;
    const u = (f.dental[slot * 8 + p]! + 0.5) / (f.dentalObserved[slot]! + 1);
    const es = !sink
      ? ''
      : `diente ${tooth}: ${dentalLabel(s, 'es')} en vida, ${p ? dentalLabel(p, 'es') : 'presente y sano'} en el cuerpo`;
    const en = !sink
      ? ''
      : `tooth ${tooth}: ${dentalLabel(s, 'en')} in life, ${p ? dentalLabel(p, 'en') : 'present and sound'} after death`;
    if (p === s) {
      w += said(sink, 'dental.same', bits(E.DENTAL_SAME, u), () => [`Coincide ${es}`, `Agrees ${en}`]);
    } else if (s === D_MISSING) {
      if (!sink) return Number.NEGATIVE_INFINITY;
      w += exclude(sink, 'dental.missing-present', () => [
        `Ausente en vida y presente en el cuerpo: ${es}`,
        `Missing in life but present after death: ${en}`,
      ]);
    } else if (p === 0) {
      if (!sink) return Number.NEGATIVE_INFINITY;
      w += exclude(sink, 'dental.restoration-absent', () => [
        `Restauración en vida que no está en el cuerpo: ${es}`,
        `A restoration in life absent after death: ${en}`,
      ]);
    } else if (p === D_MISSING || EXTENT[p]! > EXTENT[s]!) {
      w += said(sink, 'dental.explainable', bits(E.DENTAL_EXPLAINABLE, u), () => [
        `Diferencia explicable, ${es}`,
        `Explainable difference, ${en}`,
      ]);
    } else {
      const m =
        (p === D_CROWN_GOLD && s === D_CROWN) || (p === D_CROWN && s === D_CROWN_GOLD)
          ? E.DENTAL_EXPLAINABLE
          : E.DENTAL_UNUSUAL;
      w += said(sink, 'dental.unusual', bits(m, u), () => [
        `Diferencia poco habitual, ${es}`,
        `Unusual difference, ${en}`,
      ]);
    }
  }
  return w;
}
