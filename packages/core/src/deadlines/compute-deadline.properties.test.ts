// Properties of computed deadlines over every shipped rule and random triggers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getWorkingDayIndex } from './calendar.registry.ts';
import { computeDeadline, computeDueDate } from './compute-deadline.service.ts';
import { dayNumberOf, formatDay, parsePlainDate } from './plain-date.util.ts';
import { listRules, resolveRule } from './rule.registry.ts';

// Triggers from 2017 to 2038: every rule has a version in force and every period stays in 2000–2040.
const triggerArb = fc.integer({ min: dayNumberOf(2017, 1, 1), max: dayNumberOf(2038, 12, 31) }).map(formatDay);
const dayRules = listRules()
  .filter((r) => r.versions.every((v) => v.computation.kind === 'period' && v.computation.unit !== 'hours'))
  .map((r) => r.id);
const ruleArb = fc.constantFrom(...dayRules);

describe('deadline properties', () => {
  it('never lands a working-day or rolled deadline on a non-working day', () => {
    fc.assert(
      fc.property(ruleArb, triggerArb, (ruleId, trigger) => {
        const result = computeDeadline({ ruleId, trigger });
        const c = resolveRule(ruleId, trigger).computation;
        if (c.kind !== 'period') return;
        const working = getWorkingDayIndex(result.calendarId).isWorkingDay(parsePlainDate(result.dueDate!));
        if (c.unit === 'working_days' || c.roll !== 'none')
          assert.ok(working, `${ruleId} ${trigger} -> ${result.dueDate}`);
        else assert.equal(result.endsOnNonWorkingDay, !working);
      }),
      { numRuns: 600 },
    );
  });

  it('puts forward deadlines after the trigger and backward ones before the event', () => {
    fc.assert(
      fc.property(ruleArb, triggerArb, (ruleId, trigger) => {
        const result = computeDeadline({ ruleId, trigger });
        const c = resolveRule(ruleId, trigger).computation;
        if (c.kind !== 'period') return;
        if (c.direction === 'forward') assert.ok(result.dueDate! > trigger);
        else assert.ok(result.dueDate! < trigger);
      }),
      { numRuns: 400 },
    );
  });

  it('is monotonic: a later trigger never gives an earlier due date (same rule version)', () => {
    fc.assert(
      fc.property(ruleArb, triggerArb, fc.integer({ min: 1, max: 60 }), (ruleId, trigger, gap) => {
        const later = formatDay(parsePlainDate(trigger) + gap);
        const v = resolveRule(ruleId, trigger).version;
        const a = computeDueDate({ ruleId, trigger, version: v })!;
        const b = computeDueDate({ ruleId, trigger: later, version: v })!;
        assert.ok(a <= b, `${ruleId}: ${trigger} -> ${a} but ${later} -> ${b}`);
      }),
      { numRuns: 600 },
    );
  });

  it('gets back to the trigger when counting the same working days back from a working-day due date', () => {
    const workingRules = dayRules.filter((id) => resolveRule(id, '2025-01-01').computation.kind === 'period');
    fc.assert(
      fc.property(fc.constantFrom(...workingRules), triggerArb, (ruleId, trigger) => {
        const rule = resolveRule(ruleId, trigger);
        const c = rule.computation;
        if (c.kind !== 'period' || c.unit !== 'working_days') return;
        const index = getWorkingDayIndex(rule.calendarId);
        const due = parsePlainDate(computeDueDate({ ruleId, trigger })!);
        const back =
          c.direction === 'forward' ? index.subtractWorkingDays(due, c.amount) : index.addWorkingDays(due, c.amount);
        const t = parsePlainDate(trigger);
        assert.equal(
          back,
          c.direction === 'forward' ? index.previousWorkingDayOnOrBefore(t) : index.nextWorkingDayOnOrAfter(t),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('computes the same due date on the fast path and in the full computation', () => {
    fc.assert(
      fc.property(ruleArb, triggerArb, (ruleId, trigger) => {
        assert.equal(computeDueDate({ ruleId, trigger }), computeDeadline({ ruleId, trigger }).dueDate);
      }),
      { numRuns: 300 },
    );
  });

  it('lists as skipped exactly the non-working days inside a working-day period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('mx.comar.application', 'mx.amparo', 'mx.revision'),
        triggerArb,
        (ruleId, trigger) => {
          const result = computeDeadline({ ruleId, trigger });
          const index = getWorkingDayIndex(result.calendarId);
          const from = parsePlainDate(trigger) + 1;
          const to = parsePlainDate(result.dueDate!);
          let expected = 0;
          for (let d = from; d < to; d++) if (!index.isWorkingDay(d)) expected++;
          assert.equal(result.skippedDays.length, expected);
          assert.ok(result.skippedDays.every((d) => d.reasons.length > 0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('only moves deadlines later when an administrator adds non-working days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('mx.comar.application', 'mx.revision', 'mx.comar.resolution'),
        triggerArb,
        fc.integer({ min: 0, max: 60 }),
        (ruleId, trigger, offset) => {
          const extra = formatDay(parsePlainDate(trigger) + offset);
          const plain = computeDueDate({ ruleId, trigger })!;
          const withExtra = computeDueDate({
            ruleId,
            trigger,
            extraDays: [{ date: extra, reason: 'cierre', source: 'DOF (prueba)' }],
          })!;
          assert.ok(withExtra >= plain);
        },
      ),
      { numRuns: 200 },
    );
  });
});
