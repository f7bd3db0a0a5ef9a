// Reasons and exclusions of an AM/PM comparison, in Spanish and English (docs/decisions/0131), and
// the bounded log-likelihood ratio every piece of evidence is weighed with.
import { MAX_BITS } from './ampm-evidence.ts';

export interface AmPmReason {
  /** Stable code, e.g. `tattoo.same`, `dental.same`, `time.window`. */
  code: string;
  /** Evidence in bits: positive for the same person, negative against. */
  weight: number;
  es: string;
  en: string;
}

export interface AmPmExclusion {
  /** The rule that makes the pair impossible, e.g. `dental.missing-present`. */
  rule: string;
  es: string;
  en: string;
}

/** Collects reasons and exclusions when an explanation is wanted (null in bulk scoring). */
export interface AmPmSink {
  reasons: AmPmReason[];
  exclusions: AmPmExclusion[];
}

export const bits = (m: number, u: number): number =>
  Math.max(-MAX_BITS, Math.min(MAX_BITS, Math.log2(Math.max(m, 1e-9) / Math.min(Math.max(u, 1e-9), 1))));

/** Text of a reason in Spanish and English, built only when an explanation is wanted. */
export type Words = () => [es: string, en: string];

export function said(sink: AmPmSink | null, code: string, weight: number, words: Words): number {
  if (sink) {
    const [es, en] = words();
    sink.reasons.push({ code, weight: Math.round(weight * 100) / 100, es, en });
  }
  return weight;
}

export function exclude(sink: AmPmSink | null, rule: string, words: Words): number {
  if (sink) {
    const [es, en] = words();
    sink.exclusions.push({ rule, es, en });
  }
  return Number.NEGATIVE_INFINITY;
}
