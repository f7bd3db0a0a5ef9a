// Links families' reports (AM) to unidentified remains (PM) (docs/decisions/0131). Candidates come
// from time: remains whose death window closed before the person was last seen are excluded, and
// windows opening years after it are too unlikely to list. Each candidate's likelihood ratio turns
// into a posterior over all the remains at once — prior odds spread over every record compared, the
// share of reports whose remains are in the file estimated from the data — so that a `match` means
// the same whatever the size of the file, and two close candidates both stay `possible`.
import type { LinkRow } from '../linker.ts';
import type { AmPmRecord } from './ampm-record.ts';
import { amPmFrequencies, prepareAmPm, type AmPmFrequencies, type PreparedAmPm } from './ampm-prepare.ts';
import { compareAmPm, type AmPmExclusion, type AmPmReason } from './ampm-compare.ts';

/** Posterior at or above which the engine says `match`: the engine must be sure (decision 0131). */
export const AMPM_MATCH_POSTERIOR = 0.99;
/** Posterior below which a candidate is not shown for review. */
export const AMPM_POSSIBLE_POSTERIOR = 1e-5;
/**
 * Remains whose death window opens this long after the last sighting are not compared: under the
 * delay model (ampm-evidence.ts) under 2 % of true pairs lie beyond, and their time evidence
 * would weigh against them anyway.
 */
const HORIZON_DAYS = 365;

export interface AmPmLinkOptions {
  top?: number;
  onProgress?: (done: number, total: number) => void;
  /** Share of reports whose remains are in the file; estimated from the data when not given. */
  matchShare?: number;
}

export interface AmPmLinkResult {
  rows: LinkRow[];
  /** Estimated share of reports whose remains are in the file (the prior). */
  matchShare: number;
  /** Pairs compared in full (after the time window). */
  pairsCompared: number;
}

/**
 * Remains ordered by the start of their death window. A window is at most `longest` days long, so
 * every window still open when the person was last seen starts after `seen - longest`.
 */
interface TimeIndex {
  order: Int32Array;
  starts: Float64Array;
  ends: Float64Array;
  longest: number;
  undated: number[];
}

function timeIndex(remains: readonly PreparedAmPm[]): TimeIndex {
  const dated = remains.filter((r) => !Number.isNaN(r.deathMin)).map((r) => r.index);
  dated.sort((a, b) => remains[a]!.deathMin - remains[b]!.deathMin);
  let longest = 0;
  for (const i of dated) longest = Math.max(longest, remains[i]!.deathMax - remains[i]!.deathMin);
  return {
    order: Int32Array.from(dated),
    starts: Float64Array.from(dated, (i) => remains[i]!.deathMin),
    ends: Float64Array.from(dated, (i) => remains[i]!.deathMax),
    longest,
    undated: remains.filter((r) => Number.isNaN(r.deathMin)).map((r) => r.index),
  };
}

/** Calls `visit` for each remains record the report could be: time-compatible or undated. */
function forCandidates(ix: TimeIndex, count: number, am: PreparedAmPm, visit: (i: number) => void): void {
  const seen = am.eventDay;
  if (Number.isNaN(seen)) {
    for (let i = 0; i < count; i++) visit(i);
    return;
  }
  const from = seen - ix.longest;
  let lo = 0;
  let hi = ix.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ix.starts[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const latest = seen + HORIZON_DAYS;
  for (let k = lo; k < ix.order.length && (ix.starts[k] as number) <= latest; k++) {
    if ((ix.ends[k] as number) >= seen) visit(ix.order[k] as number);
  }
  for (const i of ix.undated) visit(i);
}

/** Share of reports with their remains in the file: fixed point of the mean posterior (EM for λ). */
function estimateMatchShare(sums: Float64Array, remains: number): number {
  let pi = 0.5;
  for (let it = 0; it < 200; it++) {
    let total = 0;
    for (const s of sums) {
      const odds = (pi * s) / remains;
      total += odds / (1 - pi + odds);
    }
    const next = Math.min(0.99, Math.max(1e-4, total / Math.max(1, sums.length)));
    if (Math.abs(next - pi) < 1e-7) return next;
    pi = next;
  }
  return pi;
}

export interface AmPmModel {
  reports: PreparedAmPm[];
  remains: PreparedAmPm[];
  freq: AmPmFrequencies;
}

export function prepareAmPmModel(left: readonly AmPmRecord[], right: readonly AmPmRecord[]): AmPmModel {
  const reports = left.map((r, i) => prepareAmPm(r, i, false));
  const remains = right.map((r, i) => prepareAmPm(r, i, true));
  return { reports, remains, freq: amPmFrequencies(reports, remains) };
}

/** Links every report to its most likely remains, best first, at most `top` each. */
export function linkAmPm(
  left: readonly AmPmRecord[],
  right: readonly AmPmRecord[],
  options: AmPmLinkOptions = {},
): AmPmLinkResult {
  return linkAmPmModel(prepareAmPmModel(left, right), options);
}

export function linkAmPmModel(model: AmPmModel, options: AmPmLinkOptions = {}): AmPmLinkResult {
  const { reports, remains, freq } = model;
  const top = options.top ?? 10;
  const ix = timeIndex(remains);
  const best: { index: number; w: number }[][] = [];
  const sums = new Float64Array(reports.length);
  let pairs = 0;
  for (let r = 0; r < reports.length; r++) {
    const am = reports[r] as PreparedAmPm;
    const list: { index: number; w: number }[] = [];
    let sum = 0;
    let floor = Number.NEGATIVE_INFINITY;
    forCandidates(ix, remains.length, am, (i) => {
      pairs++;
      const w = compareAmPm(am, remains[i] as PreparedAmPm, freq, null);
      if (w === Number.NEGATIVE_INFINITY) return;
      sum += 2 ** w;
      if (list.length === top && w <= floor) return;
      let pos = list.length < top ? list.length : top - 1;
      while (pos > 0 && (list[pos - 1] as { w: number }).w < w) pos--;
      list.splice(pos, 0, { index: i, w });
      if (list.length > top) list.pop();
      if (list.length === top) floor = (list[top - 1] as { w: number }).w;
    });
    best.push(list);
    sums[r] = sum;
    if (options.onProgress && ((r + 1) % 1000 === 0 || r + 1 === reports.length))
      options.onProgress(r + 1, reports.length);
  }
  const pi = options.matchShare ?? estimateMatchShare(sums, remains.length);
  const rows: LinkRow[] = [];
  for (let r = 0; r < reports.length; r++) {
    const am = reports[r] as PreparedAmPm;
    const denominator = 1 - pi + (pi * (sums[r] as number)) / remains.length;
    for (const b of best[r] ?? []) {
      const score = (pi * 2 ** b.w) / remains.length / denominator;
      if (score < AMPM_POSSIBLE_POSTERIOR) continue;
      rows.push({
        leftId: am.id,
        rightId: remains[b.index]!.id,
        leftIndex: r,
        rightIndex: b.index,
        score,
        decision: score >= AMPM_MATCH_POSTERIOR ? 'match' : 'possible',
      });
    }
  }
  return { rows, matchShare: pi, pairsCompared: pairs };
}

export interface AmPmExplanation {
  /** Sum of the weights in bits (log2 likelihood ratio); -Infinity when excluded. */
  totalWeight: number;
  excluded: boolean;
  exclusions: AmPmExclusion[];
  reasons: AmPmReason[];
}

/** Why a report and remains are or are not the same person: every weight and every rule. */
export function explainAmPm(model: AmPmModel, reportIndex: number, remainsIndex: number): AmPmExplanation {
  const sink = { reasons: [] as AmPmReason[], exclusions: [] as AmPmExclusion[] };
  const w = compareAmPm(model.reports[reportIndex]!, model.remains[remainsIndex]!, model.freq, sink);
  return {
    totalWeight: sink.exclusions.length ? Number.NEGATIVE_INFINITY : Math.round(w * 100) / 100,
    excluded: sink.exclusions.length > 0,
    exclusions: sink.exclusions,
    reasons: sink.reasons,
  };
}
