// Worked Mexican examples, each checked by hand against a printed calendar; the count is in the
// comment so a reviewer can redo it. "wd" = working day (día hábil).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './compute-deadline.service.ts';
import { DeadlineError } from './deadline.errors.ts';

const due = (ruleId: string, trigger: string, extra: Partial<Parameters<typeof computeDeadline>[0]> = {}) =>
  computeDeadline({ ruleId, trigger, ...extra }).dueDate;

describe('Mexican deadlines', () => {
  it('gives a COMAR application 30 working days from entry on Monday 10 March 2025: Tuesday 22 April', () => {
    // From Tue 11 Mar: 11-14 (4), 17-20 (8), Fri 21 Mar holiday (LFPA art. 28), 24-28 (13),
    // 31 Mar-4 Apr (18), 7-11 (23), 14-18 (28), Mon 21 (29), Tue 22 Apr (30).
    const result = computeDeadline({ ruleId: 'mx.comar.application', trigger: '2025-03-10' });
    assert.equal(result.dueDate, '2025-04-22');
    assert.equal(result.ruleVersion, 1);
    assert.equal(result.calendarId, 'mx-federal-admin');
    assert.equal(result.rolled, false);
    assert.ok(
      result.skippedDays.some((d) => d.date === '2025-03-21' && d.reasons.some((r) => r.source === 'LFPA art. 28')),
    );
    assert.match(result.explanation.es, /30 días hábiles desde el día siguiente a la entrada/);
    assert.match(result.explanation.es, /2025-03-21 \(Natalicio de Benito Juárez/);
    assert.match(result.explanation.en, /Due Tuesday, April 22, 2025/);
  });

  it('rolls a COMAR deadline past the 16 September holiday', () => {
    // Revision, 15 wd from Tue 26 Aug 2025. From Wed 27: 27-29 (3), Mon 1 Sep holiday (LFPA),
    // 2-5 (7), 8-12 (12), Mon 15 (13), Tue 16 Sep holiday, Wed 17 (14), Thu 18 Sep (15).
    const result = computeDeadline({ ruleId: 'mx.revision', trigger: '2025-08-26' });
    assert.equal(result.dueDate, '2025-09-18');
    assert.deepEqual(
      result.skippedDays.filter((d) => d.reasons.some((r) => r.kind === 'holiday')).map((d) => d.date),
      ['2025-09-01', '2025-09-16'],
    );
  });

  it('counts an amparo with the Ley de Amparo calendar (14 Sep and 12 Oct closed, 1 Sep open)', () => {
    // Trigger Tue 1 Sep 2026. Amparo from Wed 2: 2-4 (3), 7-11 (8), Mon 14 closed (art. 19),
    // 15 (9), 16 closed, 17-18 (11), 21-24 (15) -> Thu 24 Sep.
    assert.equal(due('mx.amparo', '2026-09-01'), '2026-09-24');
    // Same trigger, revisión under LFPA: 2-4 (3), 7-11 (8), 14-15 (10), 16 closed, 17-18 (12),
    // 21-23 (15) -> Wed 23 Sep.
    assert.equal(due('mx.revision', '2026-09-01'), '2026-09-23');
  });

  it('skips 1 October 2024, transmission of the federal executive', () => {
    // Revision from Fri 20 Sep 2024: 23-27 (5), Mon 30 (6), Tue 1 Oct closed, 2-4 (9), 7-11 (14), Mon 14 Oct (15).
    assert.equal(due('mx.revision', '2024-09-20'), '2024-10-14');
  });

  it('uses 5 February (fixed LFPA date), not the first Monday, for a ratification', () => {
    // 3 wd from Fri 31 Jan 2025: Mon 3 Feb (1, a working day under LFPA), Tue 4 (2), Wed 5 closed, Thu 6 Feb (3).
    assert.equal(due('mx.comar.ratification', '2025-01-31'), '2025-02-06');
  });

  it('carries a COMAR decision deadline across New Year', () => {
    // 45 wd from Mon 3 Nov 2025: 4-7 (4), 10-14 (9), 17-19 (12), Thu 20 Nov closed, 21 (13), 24-28 (18),
    // Dec 1-5 (23), 8-12 (28), 15-19 (33), 22-24 (36), Thu 25 closed, 26 (37), 29-31 (40),
    // Thu 1 Jan closed, Fri 2 (41), 5-8 Jan (45) -> Thu 8 Jan 2026.
    const result = computeDeadline({ ruleId: 'mx.comar.resolution', trigger: '2025-11-03' });
    assert.equal(result.dueDate, '2026-01-08');
    assert.equal(result.needsLegalReview, true);
  });

  it('moves a COMAR application later when an administrator declares Holy Week days', () => {
    // Same as the 22 April example, with Thu 17 and Fri 18 April 2025 declared: two more days -> Thu 24 April.
    const result = computeDeadline({
      ruleId: 'mx.comar.application',
      trigger: '2025-03-10',
      extraDays: [
        {
          date: '2025-04-17',
          reason: { es: 'Jueves Santo', en: 'Holy Thursday' },
          source: 'Acuerdo SEGOB, DOF (ejemplo)',
        },
        {
          date: '2025-04-18',
          reason: { es: 'Viernes Santo', en: 'Good Friday' },
          source: 'Acuerdo SEGOB, DOF (ejemplo)',
        },
      ],
    });
    assert.equal(result.dueDate, '2025-04-24');
    assert.match(result.explanation.es, /Jueves Santo/);
    assert.match(result.explanation.en, /2 non-working day\(s\) declared by an administrator/);
  });

  it('adds the COMAR closure of 29-31 May 2024 with the +segob calendar', () => {
    // Base: 30 wd from Tue 21 May 2024 -> Mon 1 July; three declared days push it to Thu 4 July.
    assert.equal(due('mx.comar.application', '2024-05-20'), '2024-07-01');
    const result = computeDeadline({
      ruleId: 'mx.comar.application',
      trigger: '2024-05-20',
      calendarId: 'mx-federal-admin+segob',
    });
    assert.equal(result.dueDate, '2024-07-04');
    assert.equal(result.needsLegalReview, true);
    assert.ok(result.skippedDays.some((d) => d.date === '2024-05-29' && d.reasons[0]?.kind === 'declared'));
  });

  it('refuses to compute with the +segob calendar in a year whose declarations are not shipped', () => {
    assert.throws(
      () => due('mx.comar.application', '2025-05-20', { calendarId: 'mx-federal-admin+segob' }),
      (e: unknown) =>
        e instanceof DeadlineError &&
        e.code === 'CALENDAR_YEAR_NOT_LOADED' &&
        /mx-federal-admin\+segob has no data for year 2025/.test(e.message),
    );
  });

  it('reads a notice served at night in the office’s own time zone', () => {
    // 2025-03-11T06:30Z is 00:30 on 11 March in Mexico City (UTC-6) but 23:30 on 10 March in
    // Tijuana (UTC-7 since DST began on 9 March): the trigger dates differ by one day.
    assert.equal(due('mx.comar.application', '2025-03-11T06:30:00Z'), '2025-04-23');
    assert.equal(due('mx.comar.application', '2025-03-11T06:30:00Z', { timeZone: 'America/Tijuana' }), '2025-04-22');
  });

  it('limits immigration detention to 36 hours from the moment of detention', () => {
    // 08:00 on 10 March 2025 in Mexico City (UTC-6) + 36 h = 20:00 on 11 March local = 02:00Z on 12 March.
    const result = computeDeadline({ ruleId: 'mx.inm.detention.max', trigger: '2025-03-10T08:00' });
    assert.equal(result.ruleVersion, 2);
    assert.equal(result.dueInstant, '2025-03-12T02:00:00.000Z');
    assert.equal(result.dueLocalTime, '2025-03-11T20:00');
    assert.equal(result.dueDate, '2025-03-11');
    assert.match(result.explanation.es, /36 horas/);
  });

  it('counts the 36 hours in real time across the Tijuana daylight-saving change', () => {
    // Noon PST (UTC-8) on Sat 8 March 2025 = 20:00Z; +36 h = 08:00Z on 10 March = 01:00 PDT,
    // because clocks jumped from 02:00 to 03:00 on 9 March (37 hours of wall-clock time).
    const result = computeDeadline({
      ruleId: 'mx.inm.detention.max',
      trigger: '2025-03-08T12:00',
      timeZone: 'America/Tijuana',
    });
    assert.equal(result.dueInstant, '2025-03-10T08:00:00.000Z');
    assert.equal(result.dueLocalTime, '2025-03-10T01:00');
  });

  it('asks for a time when an hour rule gets only a date', () => {
    assert.throws(
      () => due('mx.inm.detention.max', '2025-03-10'),
      (e: unknown) => e instanceof DeadlineError && e.code === 'INVALID_INSTANT',
    );
  });

  it('applies the 15-working-day detention rule to detentions before the SCJN ruling of 15 March 2023', () => {
    // v1 (LM art. 111): from Fri 10 Mar 2023: 13-17 (5), Mon 20 (6), Tue 21 closed, 22-24 (9), 27-31 (14), Mon 3 Apr (15).
    const result = computeDeadline({ ruleId: 'mx.inm.detention.max', trigger: '2023-03-10' });
    assert.equal(result.ruleVersion, 1);
    assert.equal(result.dueDate, '2023-04-03');
  });

  it('does not roll a 20-calendar-day exit order ending on a Sunday, and warns', () => {
    // 1 Sep 2025 + 20 = Sun 21 Sep; rolling calendar-day periods in Mexico is [U], so it stands.
    const result = computeDeadline({ ruleId: 'mx.inm.exit_order', trigger: '2025-09-01' });
    assert.equal(result.dueDate, '2025-09-21');
    assert.equal(result.rolled, false);
    assert.equal(result.endsOnNonWorkingDay, true);
    assert.equal(result.needsLegalReview, true);
    assert.match(result.explanation.es, /no lo recorre/);
  });

  it('schedules weekly COMAR signings, moving a holiday signing to the working day before', () => {
    // Last signing Tue 9 Sep 2025; next Tue 16 Sep is Independence Day -> Mon 15; then 23, 30 Sep, 7 Oct.
    const result = computeDeadline({ ruleId: 'mx.comar.weekly_signing', trigger: '2025-09-09' });
    assert.equal(result.dueDate, '2025-09-15');
    assert.equal(result.rolled, true);
    assert.equal(result.unrolledDate, '2025-09-16');
    assert.deepEqual(result.occurrences, ['2025-09-15', '2025-09-23', '2025-09-30', '2025-10-07']);
    const later = computeDeadline({
      ruleId: 'mx.comar.weekly_signing',
      trigger: '2025-09-09',
      from: '2025-10-01',
      occurrences: 2,
    });
    assert.deepEqual(later.occurrences, ['2025-10-07', '2025-10-14']);
  });

  it('yields no deadline for an amparo against deportation, and says why', () => {
    const result = computeDeadline({ ruleId: 'mx.amparo.any_time', trigger: '2025-06-01' });
    assert.equal(result.dueDate, null);
    assert.equal(result.kind, 'no_deadline');
    assert.match(result.explanation.es, /cualquier tiempo/);
    assert.match(result.explanation.en, /at any time/);
  });

  it('picks the annulment-suit version in force at the notice date (45 days before the 2016 reform, 30 after)', () => {
    // v1, 45 wd from Wed 1 Jun 2016: Jun 2-3 (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-Jul 1 (22),
    // 4-8 (27), 11-15 (32), 18-22 (37), 25-29 (42), Aug 1-3 (45).
    assert.equal(computeDeadline({ ruleId: 'mx.tfja.nulidad', trigger: '2016-06-01' }).ruleVersion, 1);
    assert.equal(due('mx.tfja.nulidad', '2016-06-01'), '2016-08-03');
    // v2, 30 wd from Tue 14 Jun 2016: 15-17 (3), 20-24 (8), 27-Jul 1 (13), 4-8 (18), 11-15 (23), 18-22 (28), 25-26 (30).
    assert.equal(due('mx.tfja.nulidad', '2016-06-14'), '2016-07-26');
    // Pinning the old version for a new trigger.
    assert.equal(computeDeadline({ ruleId: 'mx.tfja.nulidad', trigger: '2016-06-14', version: 1 }).ruleVersion, 1);
  });

  it('refuses a period that runs past the last loaded year', () => {
    // 30 wd from 10 Dec 2040 end in January 2041, which no calendar has.
    assert.throws(
      () => due('mx.comar.application', '2040-12-10'),
      /cannot compute: calendar mx-federal-admin has no data for year 2041/,
    );
  });

  it('refuses far-past and far-future triggers with a clear error', () => {
    // Far past: no version of the rule was in force; far future: no calendar data.
    assert.throws(
      () => due('mx.revision', '1850-01-10'),
      (e: unknown) => e instanceof DeadlineError && e.code === 'NO_VERSION_IN_FORCE',
    );
    assert.throws(
      () => due('mx.revision', '2099-06-01'),
      /cannot compute: calendar mx-federal-admin has no data for year 2099/,
    );
  });

  it('refuses a trigger before the first version of a rule', () => {
    assert.throws(
      () => due('mx.amparo', '2010-05-03'),
      (e: unknown) => e instanceof DeadlineError && e.code === 'NO_VERSION_IN_FORCE',
    );
  });

  it('refuses a US calendar for a Mexican rule', () => {
    assert.throws(
      () => due('mx.revision', '2025-05-05', { calendarId: 'us-federal' }),
      (e: unknown) => e instanceof DeadlineError && e.code === 'INVALID_INPUT',
    );
  });

  it('refuses an unknown time zone', () => {
    assert.throws(
      () => due('mx.revision', '2025-05-05', { timeZone: 'Mexico/Tijuanaa' }),
      (e: unknown) => e instanceof DeadlineError && e.code === 'INVALID_TIME_ZONE',
    );
  });
});
