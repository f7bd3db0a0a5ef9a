import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addMonthsClamped,
  civilOf,
  dayNumberOf,
  formatDay,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  parsePlainDate,
  tryParsePlainDate,
  weekdayOf,
} from './plain-date.util.ts';
import { DeadlineError } from './deadline.errors.ts';

describe('plain dates', () => {
  it('reads and writes YYYY-MM-DD dates', () => {
    assert.equal(formatDay(parsePlainDate('2025-03-10')), '2025-03-10');
    assert.equal(parsePlainDate('1970-01-01'), 0);
    assert.equal(formatDay(parsePlainDate('2024-02-29')), '2024-02-29');
  });

  it('rejects dates that do not exist or are written another way', () => {
    for (const bad of [
      '2025-02-30',
      '2025-02-29',
      '25/02/2025',
      '2025-2-3',
      '2025-13-01',
      '2025-00-10',
      '',
      '2025-03-10T10:00',
      ' 2025-03-10',
    ]) {
      assert.equal(tryParsePlainDate(bad), undefined, bad);
      assert.throws(
        () => parsePlainDate(bad),
        (e: unknown) => e instanceof DeadlineError && e.code === 'INVALID_DATE',
        bad,
      );
    }
  });

  it('knows the weekday of a date (1970-01-01 was a Thursday, 2025-03-10 a Monday)', () => {
    assert.equal(weekdayOf(0), 4);
    assert.equal(weekdayOf(parsePlainDate('2025-03-10')), 1);
    assert.equal(weekdayOf(parsePlainDate('1969-12-28')), 0);
  });

  it('agrees with the JavaScript UTC calendar for any day between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84006 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        assert.equal(formatDay(day), iso);
        assert.equal(weekdayOf(day), new Date(day * 86_400_000).getUTCDay());
        const c = civilOf(day);
        assert.equal(dayNumberOf(c.year, c.month, c.day), day);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    const add = (d: string, m: number) => formatDay(addMonthsClamped(parsePlainDate(d), m));
    assert.equal(add('2025-01-31', 1), '2025-02-28');
    assert.equal(add('2024-01-31', 1), '2024-02-29');
    assert.equal(add('2024-02-29', 12), '2025-02-28');
    assert.equal(add('2025-03-31', -1), '2025-02-28');
    assert.equal(add('2025-12-15', 1), '2026-01-15');
    assert.equal(add('2025-01-15', -1), '2024-12-15');
  });

  it('finds the n-th and the last weekday of a month (Thanksgiving 2025 is 27 November)', () => {
    assert.equal(formatDay(nthWeekdayOfMonth(2025, 11, 4, 4)), '2025-11-27');
    assert.equal(formatDay(nthWeekdayOfMonth(2025, 1, 1, 3)), '2025-01-20');
    assert.equal(formatDay(lastWeekdayOfMonth(2025, 5, 1)), '2025-05-26');
    assert.equal(formatDay(lastWeekdayOfMonth(2027, 5, 1)), '2027-05-31');
  });
});
