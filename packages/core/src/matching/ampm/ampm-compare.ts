// Compares one ante-mortem report with one post-mortem record by evidence (docs/decisions/0131):
// incompatible evidence excludes the pair under a named rule; everything else adds a likelihood
// ratio in bits (log2 m/u) with u estimated from the files, so rare features weigh more. With a
// sink, every rule and every weight is explained in Spanish and English for the review screen.
import { ageAt, type PartialDate } from '../person-dates.ts';
import type { AmPmFrequencies, PreparedAmPm } from './ampm-prepare.ts';
import { bits, exclude, said, type AmPmSink } from './ampm-reasons.ts';
import { compareBody, compareClothing, compareTattoos } from './ampm-compare-body.ts';
import { compareDental } from './ampm-compare-dental.ts';
import { compareIdentity, compareRoute } from './ampm-compare-identity.ts';
import * as E from './ampm-evidence.ts';

export type { AmPmReason, AmPmExclusion, AmPmSink } from './ampm-reasons.ts';

const isoDay = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Sex, time, age and stature: cheap numeric evidence (and most of the exclusions). */
function compareProfile(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  let w = 0;
  if (am.sex && pm.sex) {
    if (am.sex !== pm.sex) {
      if (!sink) return Number.NEGATIVE_INFINITY;
      w += exclude(sink, 'sex.different', () => [
        'El sexo determinado en los restos es distinto del de la persona buscada',
        'The sex determined on the remains differs from the missing person’s',
      ]);
    } else {
      const u = ((f.sexCount[pm.sex] as number) + 0.5) / (f.sexKnown + 1);
      const x = bits(E.SEX_SAME, u);
      w += x;
      if (sink) said(sink, 'sex.same', x, () => ['Mismo sexo', 'Same sex']);
    }
  }
  const seen = am.eventDay;
  if (!Number.isNaN(seen) && !Number.isNaN(pm.deathMax)) {
    if (seen > pm.deathMax) {
      if (!sink) return Number.NEGATIVE_INFINITY;
      w += exclude(sink, 'time.seen-after-death', () => [
        `Visto con vida el ${isoDay(seen)}, después del fin del intervalo de muerte (${isoDay(pm.deathMax)})`,
        `Seen alive on ${isoDay(seen)}, after the death window closed (${isoDay(pm.deathMax)})`,
      ]);
    } else {
      const m = E.deathDelayCdf(pm.deathMax - seen) - E.deathDelayCdf(pm.deathMin - seen);
      const u = (pm.deathMax - pm.deathMin + 1) / f.deathSpanDays;
      const wait = Math.max(0, Math.round(pm.deathMin - seen));
      const x = bits(m, u);
      w += x;
      if (sink)
        said(sink, 'time.window', x, () => [
          wait > 0
            ? `Muerte estimada a partir de ${wait} días después de la última vez que fue visto`
            : `Visto por última vez dentro del intervalo de muerte estimado`,
          wait > 0
            ? `Death estimated from ${wait} days after last seen`
            : `Last seen within the estimated death window`,
        ]);
    }
  }
  w += compareAge(am, pm, sink);
  if (!sink && w === Number.NEGATIVE_INFINITY) return w;
  if (!Number.isNaN(am.statMin) && !Number.isNaN(pm.statMin)) {
    const gap = Math.max(0, pm.statMin - am.statMax, am.statMin - pm.statMax);
    if (gap > E.STATURE_EXCLUDE_CM) {
      if (!sink) return Number.NEGATIVE_INFINITY;
      w += exclude(sink, 'stature.outside', () => [
        `Estatura ${am.statMin}–${am.statMax} cm a ${gap} cm de la estimación ${pm.statMin}–${pm.statMax} cm`,
        `Stature ${am.statMin}–${am.statMax} cm is ${gap} cm outside the estimate ${pm.statMin}–${pm.statMax} cm`,
      ]);
    } else {
      const known = Math.max(1, f.statureKnown);
      const lo = Math.max(0, Math.min(300, Math.floor(am.statMax)));
      const hi = Math.max(0, Math.min(300, Math.ceil(am.statMin)));
      const overlap = Math.max(0.01, (known - (f.statureStartsAbove[lo] ?? 0) - (f.statureEndsBelow[hi] ?? 0)) / known);
      const x =
        gap === 0
          ? bits(E.STATURE_OVERLAP, overlap)
          : bits((1 - E.STATURE_OVERLAP) * (1 - E.STATURE_DECAY) * E.STATURE_DECAY ** (gap - 1), 1 - overlap);
      w += x;
      if (sink)
        said(sink, gap === 0 ? 'stature.overlap' : 'stature.near', x, () =>
          gap === 0
            ? ['La estatura coincide con la estimación', 'Stature within the estimate']
            : [`Estatura a ${gap} cm de la estimación`, `Stature ${gap} cm outside the estimate`],
        );
    }
  }
  return w;
}

/** Whole years on a day written y*10000+m*100+d (unknown birth month or day: mid-year, first). */
function ageOn(birth: PartialDate, ymd: number): number {
  const y = Math.floor(ymd / 10000);
  const md = ymd % 10000;
  return y - birth.year - (md < (birth.month || 7) * 100 + (birth.day || 1) ? 1 : 0);
}

function compareAge(am: PreparedAmPm, pm: PreparedAmPm, sink: AmPmSink | null): number {
  if (Number.isNaN(pm.ageMin)) return 0;
  const from = Number.isNaN(pm.deathMin) ? pm.eventDay : pm.deathMin;
  const to = Number.isNaN(pm.deathMax) ? pm.eventDay : pm.deathMax;
  let lo: number;
  let hi: number;
  if (am.birth && !Number.isNaN(pm.deathMinYmd)) {
    lo = ageOn(am.birth, pm.deathMinYmd);
    hi = ageOn(am.birth, pm.deathMaxYmd);
  } else if (am.birth && !Number.isNaN(from)) {
    lo = ageAt(am.birth, from);
    hi = ageAt(am.birth, to);
  } else if (!Number.isNaN(am.ageMin) && !Number.isNaN(am.eventDay) && !Number.isNaN(from)) {
    lo = am.ageMin + Math.max(0, Math.floor((from - am.eventDay) / 365.25));
    hi = am.ageMax + Math.max(0, Math.ceil((to - am.eventDay) / 365.25));
  } else return 0;
  const gap = Math.max(0, pm.ageMin - hi, lo - pm.ageMax);
  if (gap > E.AGE_EXCLUDE_YEARS)
    return exclude(sink, 'age.outside', () => [
      `Edad al morir ${lo}–${hi} años, a ${gap} años de la estimación ${pm.ageMin}–${pm.ageMax}`,
      `Age at death ${lo}–${hi} years, ${gap} years outside the estimate ${pm.ageMin}–${pm.ageMax}`,
    ]);
  const u = Math.min(1, (pm.ageMax - pm.ageMin + 1) / E.AGE_SPREAD_YEARS);
  const x =
    gap === 0 ? bits(E.AGE_INSIDE, u) : bits((1 - E.AGE_INSIDE) * (1 - E.AGE_DECAY) * E.AGE_DECAY ** (gap - 1), 1 - u);
  if (!sink) return x;
  if (gap === 0)
    return said(sink, 'age.inside', x, () => [
      `Edad al morir (${lo}–${hi}) dentro de la estimación ${pm.ageMin}–${pm.ageMax}`,
      `Age at death (${lo}–${hi}) within the estimate ${pm.ageMin}–${pm.ageMax}`,
    ]);
  return said(sink, 'age.near', x, () => [
    `Edad al morir a ${gap} años de la estimación ${pm.ageMin}–${pm.ageMax}`,
    `Age at death ${gap} years outside the estimate ${pm.ageMin}–${pm.ageMax}`,
  ]);
}

/**
 * log2 likelihood ratio of "same person" for a report and remains, or -Infinity when a rule
 * excludes the pair. With a sink, all exclusions are collected (not only the first) and every
 * weight is explained.
 */
export function compareAmPm(am: PreparedAmPm, pm: PreparedAmPm, f: AmPmFrequencies, sink: AmPmSink | null): number {
  let w = compareProfile(am, pm, f, sink);
  if (!sink && w === Number.NEGATIVE_INFINITY) return w;
  w += compareDental(am, pm, f, sink);
  if (!sink && w === Number.NEGATIVE_INFINITY) return w;
  w += compareTattoos(am, pm, f, sink);
  w += compareClothing(am, pm, f, sink);
  w += compareBody(am, pm, f, sink);
  w += compareIdentity(am, pm, f, sink);
  w += compareRoute(am, pm, f, sink);
  return w;
}
