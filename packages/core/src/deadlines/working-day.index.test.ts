import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getCalendar, getWorkingDayIndex } from './calendar.registry.ts';
import { NaiveCalendar } from './naive-walk.reference.ts';
import { dayNumberOf, formatDay, parsePlainDate } from './plain-date.util.ts';
import { popcount32, WorkingDayIndex } from './working-day.index.ts';

const CALENDARS = ['mx-federal-admin', 'mx-amparo', 'us-federal', 'us-federal-dc'] as const;
const naive = new Map(CALENDARS.map((id) => [id, new NaiveCalendar(getCalendar(id))]));
// Days from 2002-01-01 to 2038-12-31, so that walks of up to 400 working days (about 19 months)
// either way stay inside the 2000–2040 data.
const dayArb = fc.integer({ min: dayNumberOf(2002, 1, 1), max: dayNumberOf(2038, 12, 31) });
const calendarArb = fc.constantFrom(...CALENDARS);

describe('working-day bitset index', () => {
  it('counts bits like a loop does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        let expected = 0;
        for (let i = 0; i < 32; i++) expected += (v >>> i) & 1;
        assert.equal(popcount32(v), expected);
      }),
    );
  });

  it('has 252 working days in 2025 for the LFPA calendar and 250 for the US federal one', () => {
    // 2025 starts on a Wednesday and has 365 days: 52 weeks + 1 weekday = 261 weekdays.
    // LFPA art. 28 days of 2025 all fall on weekdays (Wed 1 Jan, Wed 5 Feb, Fri 21 Mar, Thu 1 May,
    // Mon 5 May, Mon 1 Sep, Tue 16 Sep, Thu 20 Nov, Thu 25 Dec): 261 - 9 = 252.
    assert.equal(getWorkingDayIndex('mx-federal-admin').yearBits(2025).total, 261 - 9);
    // The eleven US federal holidays of 2025 all fall on weekdays: 261 - 11 = 250.
    assert.equal(getWorkingDayIndex('us-federal').yearBits(2025).total, 261 - 11);
  });

  it('adds working days exactly like a day-by-day walk', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 400 }), (id, day, n) => {
        assert.equal(
          getWorkingDayIndex(id).addWorkingDays(day, n),
          naive.get(id)!.addWorkingDays(day, n),
          `${id} ${formatDay(day)} +${n}`,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('counts working days backwards exactly like a day-by-day walk', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 400 }), (id, day, n) => {
        assert.equal(
          getWorkingDayIndex(id).subtractWorkingDays(day, n),
          naive.get(id)!.subtractWorkingDays(day, n),
          `${id} ${formatDay(day)} -${n}`,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('never lands a working-day count on a non-working day', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 300 }), (id, day, n) => {
        const index = getWorkingDayIndex(id);
        assert.ok(index.isWorkingDay(index.addWorkingDays(day, n)));
        assert.ok(index.isWorkingDay(index.subtractWorkingDays(day, n)));
      }),
    );
  });

  it('gets back to the trigger (or the working day before it) when counting N back from trigger + N', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 300 }), (id, day, n) => {
        const index = getWorkingDayIndex(id);
        assert.equal(
          index.subtractWorkingDays(index.addWorkingDays(day, n), n),
          index.previousWorkingDayOnOrBefore(day),
        );
      }),
    );
  });

  it('counts exactly N working days between a trigger and trigger + N', () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 300 }), (id, day, n) => {
        const index = getWorkingDayIndex(id);
        const due = index.addWorkingDays(day, n);
        assert.equal(index.countWorkingDays(day, due), n);
        assert.equal(index.countWorkingDays(due, day) + n, 0);
      }),
    );
  });

  it('is monotonic: a later trigger never gives an earlier due date', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dayArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 200 }),
        (id, day, gap, n) => {
          const index = getWorkingDayIndex(id);
          assert.ok(index.addWorkingDays(day, n) <= index.addWorkingDays(day + gap, n));
        },
      ),
    );
  });

  it('walks across 31 December and 1 January in both directions', () => {
    const index = getWorkingDayIndex('mx-federal-admin');
    // Wed 2025-12-31 + 1 working day: 1 Jan is a holiday -> Fri 2026-01-02.
    assert.equal(formatDay(index.addWorkingDays(parsePlainDate('2025-12-31'), 1)), '2026-01-02');
    assert.equal(formatDay(index.subtractWorkingDays(parsePlainDate('2026-01-02'), 1)), '2025-12-31');
    // 2025-01-01 (holiday) back 1 -> Tue 2024-12-31.
    assert.equal(formatDay(index.subtractWorkingDays(parsePlainDate('2025-01-01'), 1)), '2024-12-31');
    // A whole year of working days from 2024-12-31 lands on the last working day of 2025.
    assert.equal(formatDay(index.addWorkingDays(parsePlainDate('2024-12-31'), 252)), '2025-12-31');
  });

  it('treats extra declared days as non-working and reports their reason', () => {
    const index = new WorkingDayIndex(getCalendar('mx-federal-admin'), [
      { date: '2025-04-17', reason: { es: 'Jueves Santo', en: 'Holy Thursday' }, source: 'Acuerdo DOF (ejemplo)' },
    ]);
    const day = parsePlainDate('2025-04-17');
    assert.equal(index.isWorkingDay(day), false);
    assert.deepEqual(index.reasonsFor(day), [
      { kind: 'extra', reason: { es: 'Jueves Santo', en: 'Holy Thursday' }, source: 'Acuerdo DOF (ejemplo)' },
    ]);
    assert.equal(getWorkingDayIndex('mx-federal-admin').isWorkingDay(day), true);
  });

  it('explains a weekend holiday with both reasons, weekend first', () => {
    const reasons = getWorkingDayIndex('mx-amparo').reasonsFor(parsePlainDate('2025-09-14'));
    assert.deepEqual(
      reasons.map((r) => r.kind),
      ['weekend', 'holiday'],
    );
  });
});
