// Benchmark of the deadline engine: 100k random (rule, trigger) pairs across the shipped
// day-based rules, computed with the bitset engine and with a naive day-by-day walk over a set of
// holiday dates. Prints ONE JSON line.
//   node --import tsx bench/deadlines/deadlines.bench.ts [N]
import { performance } from 'node:perf_hooks';
import { computeDeadline, computeDueDate, getCalendar, listRules, resolveRule } from '@acompana/core';
import { NaiveCalendar } from '../../packages/core/src/deadlines/naive-walk.reference.ts';
import {
  addMonthsClamped,
  dayNumberOf,
  formatDay,
  parsePlainDate,
} from '../../packages/core/src/deadlines/plain-date.util.ts';
import { seededRandom as rng } from '../../packages/core/src/util/seeded-random.ts';

const N = Number(process.argv[2] ?? 100_000);

const rules = listRules()
  .filter((r) => r.versions.every((v) => v.computation.kind === 'period' && v.computation.unit !== 'hours'))
  .map((r) => r.id);
const random = rng(20250310);
const first = dayNumberOf(2017, 1, 1);
const span = dayNumberOf(2038, 12, 31) - first;
const cases = Array.from({ length: N }, () => ({
  ruleId: rules[Math.floor(random() * rules.length)]!,
  trigger: formatDay(first + Math.floor(random() * span)),
}));

const naiveCalendars = new Map<string, NaiveCalendar>();
function naiveDue(ruleId: string, trigger: string): string {
  const rule = resolveRule(ruleId, trigger);
  const c = rule.computation;
  if (c.kind !== 'period') throw new Error('bench covers period rules only');
  let cal = naiveCalendars.get(rule.calendarId);
  if (!cal) naiveCalendars.set(rule.calendarId, (cal = new NaiveCalendar(getCalendar(rule.calendarId))));
  const t = parsePlainDate(trigger);
  const sign = c.direction === 'forward' ? 1 : -1;
  if (c.unit === 'working_days')
    return formatDay(sign > 0 ? cal.addWorkingDays(t, c.amount) : cal.subtractWorkingDays(t, c.amount));
  const months = c.unit === 'years' ? 12 * c.amount : c.unit === 'months' ? c.amount : 0;
  const raw = months > 0 ? addMonthsClamped(t, sign * months) : t + sign * c.amount;
  if (c.roll === 'next_working_day') return formatDay(cal.nextWorkingDayOnOrAfter(raw));
  if (c.roll === 'previous_working_day') return formatDay(cal.previousWorkingDayOnOrBefore(raw));
  return formatDay(raw);
}

function time(label: string, count: number, fn: (i: number) => unknown): { perSecond: number; ms: number } {
  for (let i = 0; i < Math.min(count, 2000); i++) fn(i); // warm-up (JIT, year bitsets, caches)
  const started = performance.now();
  for (let i = 0; i < count; i++) fn(i);
  const ms = performance.now() - started;
  return { perSecond: Math.round((count / ms) * 1000), ms: Math.round(ms) };
}

let mismatches = 0;
const engineDue: string[] = new Array(N);
const engine = time('engine', N, (i) => (engineDue[i] = computeDueDate(cases[i]!)!));
const naive = time('naive', N, (i) => {
  if (naiveDue(cases[i]!.ruleId, cases[i]!.trigger) !== engineDue[i]) mismatches++;
});
// The same comparison restricted to working-day rules, where the bitset walk replaces a loop.
const working = cases.filter((c) => {
  const k = resolveRule(c.ruleId, c.trigger).computation;
  return k.kind === 'period' && k.unit === 'working_days';
});
const workingEngine = time('engine-working', working.length, (i) => computeDueDate(working[i]!));
const workingNaive = time('naive-working', working.length, (i) => naiveDue(working[i]!.ruleId, working[i]!.trigger));
// Full results (skipped days with reasons + es/en explanation) on a tenth of the sample.
const fullCount = Math.max(1, Math.floor(N / 10));
const full = time('full', fullCount, (i) => computeDeadline(cases[i]!));

console.log(
  JSON.stringify({
    bench: 'deadlines',
    triggers: N,
    rules: rules.length,
    dueDatesPerSecond: engine.perSecond,
    naiveDueDatesPerSecond: naive.perSecond,
    speedupVsNaive: Number((engine.perSecond / naive.perSecond).toFixed(2)),
    workingDayTriggers: working.length,
    workingDayDueDatesPerSecond: workingEngine.perSecond,
    workingDaySpeedupVsNaive: Number((workingEngine.perSecond / workingNaive.perSecond).toFixed(2)),
    fullResultsPerSecond: full.perSecond,
    mismatchesVsNaive: mismatches,
    engineMs: engine.ms,
    naiveMs: naive.ms,
    node: process.version,
  }),
);
