import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calendarYearTable, getCalendar, getWorkingDayIndex, listCalendars } from './calendar.registry.ts';
import { DeadlineError } from './deadline.errors.ts';
import { parsePlainDate } from './plain-date.util.ts';
import { inaugurationDayOf } from './us-federal.calendar.ts';
import { formatDay } from './plain-date.util.ts';

const dates = (calendarId: string, year: number) => calendarYearTable(calendarId, year).map((d) => d.date);
const working = (calendarId: string, date: string) => getWorkingDayIndex(calendarId).isWorkingDay(parsePlainDate(date));

describe('US federal calendar (5 U.S.C. 6103)', () => {
  it('lists the 2025 federal holidays on their dates', () => {
    assert.deepEqual(dates('us-federal', 2025), [
      '2025-01-01',
      '2025-01-20',
      '2025-02-17',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-10-13',
      '2025-11-11',
      '2025-11-27',
      '2025-12-25',
    ]);
  });

  it('observes a Saturday holiday on the Friday before and a Sunday holiday on the Monday after', () => {
    // 2026-07-04 is a Saturday -> Friday 3 July; 2022-12-25 is a Sunday -> Monday 26 December.
    assert.ok(dates('us-federal', 2026).includes('2026-07-03'));
    assert.ok(!dates('us-federal', 2026).includes('2026-07-04'));
    assert.ok(dates('us-federal', 2022).includes('2022-12-26'));
    assert.equal(working('us-federal', '2026-07-03'), false);
  });

  it('observes New Year 2022 and 2028 (Saturdays) on 31 December of the year before', () => {
    assert.ok(dates('us-federal', 2021).includes('2021-12-31'));
    assert.ok(dates('us-federal', 2027).includes('2027-12-31'));
    assert.ok(!dates('us-federal', 2022).includes('2022-01-01'));
    const row = calendarYearTable('us-federal', 2027).find((d) => d.date === '2027-12-31');
    assert.match(row?.reasons[0]?.source ?? '', /6103\(b\)/);
  });

  it('has Juneteenth only from 2021, first observed on Friday 18 June 2021', () => {
    assert.ok(!dates('us-federal', 2020).some((d) => d.startsWith('2020-06-1')));
    assert.ok(dates('us-federal', 2021).includes('2021-06-18'));
  });

  it('leaves Inauguration Day out of the nationwide calendar but in the DC-area one', () => {
    // 2033-01-20 is a Thursday: a holiday only in the Inauguration Day area (5 U.S.C. 6103(c)).
    assert.equal(working('us-federal', '2033-01-20'), true);
    assert.equal(working('us-federal-dc', '2033-01-20'), false);
    // 2013-01-20 was a Sunday: moved to Monday 21 January (also MLK day, one entry).
    assert.equal(formatDay(inaugurationDayOf(2013)!), '2013-01-21');
    assert.equal(dates('us-federal-dc', 2013).filter((d) => d === '2013-01-21').length, 1);
    assert.equal(inaugurationDayOf(2026), undefined);
  });
});

describe('Mexican federal administration calendar (LFPA art. 28)', () => {
  it('lists the fixed LFPA dates of 2025, not the LFT Mondays', () => {
    assert.deepEqual(dates('mx-federal-admin', 2025), [
      '2025-01-01',
      '2025-02-05',
      '2025-03-21',
      '2025-05-01',
      '2025-05-05',
      '2025-09-01',
      '2025-09-16',
      '2025-11-20',
      '2025-12-25',
    ]);
    // First Monday of February 2025 (LFT art. 74) is a working day under LFPA art. 28.
    assert.equal(working('mx-federal-admin', '2025-02-03'), true);
    assert.equal(working('mx-federal-admin', '2025-02-05'), false);
  });

  it('closes on 1 October 2024 and 2030 for the transmission of the federal executive', () => {
    assert.equal(working('mx-federal-admin', '2024-10-01'), false);
    assert.equal(working('mx-federal-admin', '2030-10-01'), false);
    assert.equal(working('mx-federal-admin', '2025-10-01'), true);
    // Before the 2014 reform the transmission was on 1 December (2006 was a Friday).
    assert.equal(working('mx-federal-admin', '2006-12-01'), false);
  });

  it('adds the SEGOB/COMAR declared days only in the +segob overlay, with their DOF source', () => {
    assert.equal(working('mx-federal-admin', '2024-05-29'), true);
    assert.equal(working('mx-federal-admin+segob', '2024-05-29'), false);
    const row = calendarYearTable('mx-federal-admin+segob', 2024).find((d) => d.date === '2024-05-30');
    assert.match(row?.reasons[0]?.source ?? '', /DOF/);
  });

  it('refuses a year of the +segob overlay whose declarations were not shipped', () => {
    assert.throws(
      () => getWorkingDayIndex('mx-federal-admin+segob').isWorkingDay(parsePlainDate('2025-05-29')),
      (e: unknown) =>
        e instanceof DeadlineError &&
        e.code === 'CALENDAR_YEAR_NOT_LOADED' &&
        e.message === 'cannot compute: calendar mx-federal-admin+segob has no data for year 2025',
    );
  });
});

describe('Amparo calendar (Ley de Amparo art. 19)', () => {
  it('closes on 14 September and 12 October, which the LFPA calendar keeps open', () => {
    // 2026-09-14 and 2026-10-12 are Mondays.
    assert.equal(working('mx-amparo', '2026-09-14'), false);
    assert.equal(working('mx-amparo', '2026-10-12'), false);
    assert.equal(working('mx-federal-admin', '2026-09-14'), true);
    assert.equal(working('mx-federal-admin', '2026-10-12'), true);
  });

  it('keeps 1 September open, unlike LFPA art. 28', () => {
    assert.equal(working('mx-amparo', '2026-09-01'), true);
    assert.equal(working('mx-federal-admin', '2026-09-01'), false);
  });
});

describe('calendar registry', () => {
  it('gives each calendar an IANA time zone and a legal basis', () => {
    for (const c of listCalendars()) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: c.timeZone }), c.id);
      assert.ok(c.legalBasis.length > 0, c.id);
    }
  });

  it('names the known calendars when asked for an unknown one', () => {
    assert.throws(
      () => getCalendar('mx-cdmx'),
      (e: unknown) => e instanceof DeadlineError && e.code === 'UNKNOWN_CALENDAR' && /mx-amparo/.test(e.message),
    );
  });

  it('supports generated calendars from 2000 to 2040 and refuses 1999 and 2041', () => {
    const index = getWorkingDayIndex('us-federal');
    assert.doesNotThrow(() => index.yearBits(2000));
    assert.doesNotThrow(() => index.yearBits(2040));
    assert.throws(() => index.yearBits(1999), /calendar us-federal has no data for year 1999/);
    assert.throws(() => index.yearBits(2041), /calendar us-federal has no data for year 2041/);
  });

  it('requires a source for each extra day an administrator declares', () => {
    assert.throws(
      () => getWorkingDayIndex('mx-federal-admin', [{ date: '2025-04-17', reason: 'Jueves Santo', source: ' ' }]),
      /needs a source/,
    );
    assert.throws(
      () => getWorkingDayIndex('mx-federal-admin', [{ date: '2025-04-31', reason: 'x', source: 'DOF' }]),
      /invalid extra non-working day/,
    );
  });
});
