// Identity clues found with the remains (a name on a document or letter, often misspelled; a
// nationality; a document number) and the route: where remains were recovered against where the
// person was last seen (docs/decisions/0131).
import { jaroWinkler } from '../jaro-winkler.ts';
import { routeBin, share, type AmPmFrequencies, type PreparedAmPm } from './ampm-prepare.ts';
import { bits, said, type AmPmSink } from './ampm-reasons.ts';
import * as E from './ampm-evidence.ts';
import { distanceKm } from './route-places.ts';

/** The first token of `a` that agrees with one of `b`: exactly, by sound, or by spelling. */
function agreeingToken(a: string[], aPhon: string[], b: string[], bPhon: string[]): string | null {
  for (let i = 0; i < a.length; i++) {
    const t = a[i] as string;
    for (let j = 0; j < b.length; j++) {
      const o = b[j] as string;
      // Spelling slips keep the first letter far more often than not; sound keys catch the rest.
      if (t === o || (aPhon[i] && aPhon[i] === bPhon[j])) return t;
      if (t.length > 3 && t[0] === o[0] && jaroWinkler(t, o) >= 0.9) return t;
    }
  }
  return null;
}

export function compareIdentity(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  let w = 0;
  if (pm.sur.length && am.sur.length) {
    const t = agreeingToken(am.sur, am.surPhon, pm.sur, pm.surPhon);
    w += t
      ? said(sink, 'name.surname', bits(E.NAME_AGREES, share(f.surToken.get(t), f.reports)), () => [
          `El apellido hallado con el cuerpo concuerda: ${t}`,
          `The surname found with the remains agrees: ${t}`,
        ])
      : said(sink, 'name.other-surname', bits(1 - E.NAME_AGREES, 1), () => [
          'Se halló con el cuerpo otro apellido',
          'Another surname was found with the remains',
        ]);
  }
  if (pm.given.length && am.given.length) {
    const t = agreeingToken(am.given, am.givenPhon, pm.given, pm.givenPhon);
    w += t
      ? said(sink, 'name.given', bits(E.NAME_AGREES, share(f.givenToken.get(t), f.reports)), () => [
          `El nombre hallado con el cuerpo concuerda: ${t}`,
          `The given name found with the remains agrees: ${t}`,
        ])
      : said(sink, 'name.other-given', bits(1 - E.NAME_AGREES, 1), () => [
          'Se halló con el cuerpo otro nombre',
          'Another given name was found with the remains',
        ]);
  }
  if (pm.nationality && am.nationality) {
    const u = share(f.nationality.get(am.nationality), f.reports);
    w +=
      pm.nationality === am.nationality
        ? said(sink, 'nationality.same', bits(E.NATIONALITY_AGREES, u), () => [
            'Misma nacionalidad',
            'Same nationality',
          ])
        : said(sink, 'nationality.other', bits(1 - E.NATIONALITY_AGREES, 1 - u), () => [
            'Otra nacionalidad',
            'Another nationality',
          ]);
  }
  if (pm.document && am.document) {
    w +=
      pm.document === am.document
        ? said(sink, 'document.same', bits(E.DOCUMENT_AGREES, 1 / Math.max(2, f.reports)), () => [
            'Mismo número de documento',
            'Same document number',
          ])
        : said(sink, 'document.other', bits(1 - E.DOCUMENT_AGREES, 1), () => [
            'Otro número de documento',
            'Another document number',
          ]);
  }
  return w;
}

export function compareRoute(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  if (am.place < 0 || pm.place < 0) return 0;
  const x = routeWeight(am, pm, f);
  if (!sink) return x;
  const south = routeBin(am, pm) % 2 === 1;
  const km = Math.round(distanceKm([am.lat, am.lon], [pm.lat, pm.lon]));
  return said(sink, south ? 'route.south' : 'route.distance', x, () =>
    south
      ? [`Hallado a ${km} km al sur de donde fue visto por última vez`, `Recovered ${km} km south of where last seen`]
      : [`Hallado a ${km} km de donde fue visto por última vez`, `Recovered ${km} km from where last seen`],
  );
}

const routeWeights = new WeakMap<AmPmFrequencies, Map<number, number>>();

/** Weight of the route from where a report was last seen to where remains were recovered (cached). */
function routeWeight(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies): number {
  let table = routeWeights.get(f);
  if (!table) routeWeights.set(f, (table = new Map()));
  const key = am.place * 65536 + pm.place;
  const known = table.get(key);
  if (known !== undefined) return known;
  const bin = routeBin(am, pm);
  // Only pairs at least SOUTH_KM apart can be "south"; nearer bins keep their whole share.
  const splits = (E.DISTANCE_BINS_KM[bin >> 1] as number) > E.SOUTH_KM;
  const south = bin % 2 === 1;
  const m = (E.DISTANCE_SAME[bin >> 1] as number) * (!splits ? 1 : south ? E.SOUTH_SAME : 1 - E.SOUTH_SAME);
  const w = bits(m, f.routeShare[bin] as number);
  table.set(key, w);
  return w;
}
