// Worked US examples, checked by hand against a printed calendar and 5 U.S.C. 6103 observed days.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './compute-deadline.service.ts';
import { DeadlineError } from './deadline.errors.ts';

const due = (ruleId: string, trigger: string, extra: Partial<Parameters<typeof computeDeadline>[0]> = {}) =>
  computeDeadline({ ruleId, trigger, ...extra }).dueDate;

describe('US deadlines', () => {
  it('moves a BIA appeal due on Thanksgiving to the Friday', () => {
    // Decision Tue 28 Oct 2025 + 30 days = Thu 27 Nov 2025, Thanksgiving (4th Thursday) -> Fri 28 Nov.
    const result = computeDeadline({ ruleId: 'us.bia.appeal', trigger: '2025-10-28' });
    assert.equal(result.dueDate, '2025-11-28');
    assert.equal(result.rolled, true);
    assert.equal(result.unrolledDate, '2025-11-27');
    assert.deepEqual(
      result.skippedDays.map((d) => d.date),
      ['2025-11-27'],
    );
    assert.match(result.explanation.en, /Thanksgiving Day/);
    assert.match(result.explanation.en, /moves to the next working day: Friday, November 28, 2025/);
    assert.match(result.explanation.es, /se recorre al siguiente día hábil/);
  });

  it('moves a BIA appeal due on a Saturday to the Monday', () => {
    // Thu 2 Jan 2025 + 30 = Sat 1 Feb -> Mon 3 Feb.
    assert.equal(due('us.bia.appeal', '2025-01-02'), '2025-02-03');
  });

  it('keeps a BIA appeal due on a plain weekday', () => {
    // Mon 3 Mar 2025 + 30 = Wed 2 Apr 2025.
    const result = computeDeadline({ ruleId: 'us.bia.appeal', trigger: '2025-03-03' });
    assert.equal(result.dueDate, '2025-04-02');
    assert.equal(result.rolled, false);
    assert.deepEqual(result.skippedDays, []);
  });

  it('moves a deadline on the observed Juneteenth (Friday 18 June 2027) to Monday 21 June', () => {
    // 19 June 2027 is a Saturday, observed Fri 18 June. Wed 19 May 2027 + 30 = Fri 18 June -> Mon 21.
    assert.equal(due('us.bia.appeal', '2027-05-19'), '2027-06-21');
  });

  it('moves a motion to reconsider due on 31 December 2027 (observed New Year) into 2028', () => {
    // Wed 1 Dec 2027 + 30 = Fri 31 Dec 2027, observed for Sat 1 Jan 2028 -> Mon 3 Jan 2028.
    const result = computeDeadline({ ruleId: 'us.motion.reconsider', trigger: '2027-12-01' });
    assert.equal(result.dueDate, '2028-01-03');
    assert.deepEqual(
      result.skippedDays.map((d) => d.date),
      ['2027-12-31', '2028-01-01', '2028-01-02'],
    );
  });

  it('moves a deadline on Sunday Christmas 2022 past the observed Monday to Tuesday 27 December', () => {
    // Fri 25 Nov 2022 + 30 = Sun 25 Dec; Mon 26 is the observed holiday -> Tue 27.
    assert.equal(due('us.bia.appeal', '2022-11-25'), '2022-12-27');
  });

  it('gives a motion to reopen 90 days: 2 January 2025 -> 2 April 2025', () => {
    // Jan has 29 days after the 2nd, Feb 28 (57), Mar 31 (88), +2 -> Wed 2 Apr.
    assert.equal(due('us.motion.reopen', '2025-01-02'), '2025-04-02');
  });

  it('gives the one-year asylum deadline on the anniversary of the last arrival, rolled', () => {
    // Arrival 4 July 2024 -> Fri 4 July 2025, Independence Day -> Mon 7 July.
    assert.equal(due('us.asylum.one_year', '2024-07-04'), '2025-07-07');
    // Arrival 29 Feb 2024 -> 28 Feb 2025 (no 29th; the earlier day is the safe reading), a Friday.
    assert.equal(due('us.asylum.one_year', '2024-02-29'), '2025-02-28');
    // Arrival 15 Jan 2025 -> Thu 15 Jan 2026.
    assert.equal(due('us.asylum.one_year', '2025-01-15'), '2026-01-15');
  });

  it('moves a filing due 15 days before a master hearing EARLIER when it lands on Veterans Day', () => {
    // Hearing Wed 26 Nov 2025 is day 0; day 15 is Tue 11 Nov, Veterans Day -> Mon 10 Nov.
    const result = computeDeadline({ ruleId: 'us.eoir.filing.master', trigger: '2025-11-26' });
    assert.equal(result.dueDate, '2025-11-10');
    assert.equal(result.unrolledDate, '2025-11-11');
    assert.equal(result.rolled, true);
    assert.equal(result.needsLegalReview, true);
    assert.match(result.explanation.en, /moves to the previous working day/);
  });

  it('moves a filing due 30 days before an individual hearing from a Saturday to the Friday', () => {
    // Hearing Mon 17 Mar 2025; day 30 is Sat 15 Feb -> Fri 14 Feb (Mon 17 Feb is Presidents Day, irrelevant backwards).
    const result = computeDeadline({ ruleId: 'us.eoir.filing.individual', trigger: '2025-03-17' });
    assert.equal(result.ruleVersion, 2);
    assert.equal(result.dueDate, '2025-02-14');
  });

  it('uses the 15-day individual-hearing rule for hearings before 23 December 2020', () => {
    // Hearing Mon 3 Jun 2019; day 15 is Sun 19 May -> Fri 17 May.
    const result = computeDeadline({ ruleId: 'us.eoir.filing.individual', trigger: '2019-06-03' });
    assert.equal(result.ruleVersion, 1);
    assert.equal(result.dueDate, '2019-05-17');
  });

  it('lands a filing on the hearing-day-minus-N date when that is a business day', () => {
    // Hearing Thu 12 Jun 2025; minus 15 = Wed 28 May 2025.
    const result = computeDeadline({ ruleId: 'us.eoir.filing.master', trigger: '2025-06-12' });
    assert.equal(result.dueDate, '2025-05-28');
    assert.equal(result.rolled, false);
  });

  it('gives the DACA renewal window 150 to 120 days before expiry', () => {
    // Expiry 1 Jun 2026: -120 = 1 Feb 2026 (May 31 back to Feb 1), -150 = 2 Jan 2026.
    const result = computeDeadline({ ruleId: 'us.daca.renewal_window', trigger: '2026-06-01' });
    assert.deepEqual(result.window, { opens: '2026-01-02', closes: '2026-02-01' });
    assert.equal(result.dueDate, '2026-02-01');
    assert.equal(result.endsOnNonWorkingDay, true); // a Sunday: USCIS guidance is not a statute; not rolled
  });

  it('takes the TPS re-registration window from the Federal Register notice', () => {
    const result = computeDeadline({
      ruleId: 'us.tps.reregistration',
      trigger: '2025-01-17',
      window: { opens: '2025-01-17', closes: '2025-03-18' },
    });
    assert.deepEqual(result.window, { opens: '2025-01-17', closes: '2025-03-18' });
    assert.equal(result.dueDate, '2025-03-18');
    assert.throws(
      () => due('us.tps.reregistration', '2025-01-17'),
      (e: unknown) => e instanceof DeadlineError && e.code === 'INVALID_INPUT',
    );
    assert.throws(
      () => due('us.tps.reregistration', '2025-01-17', { window: { opens: '2025-03-18', closes: '2025-01-17' } }),
      /closes before it opens/,
    );
    assert.throws(
      () => due('us.tps.reregistration', '2025-01-17', { window: { opens: '2025-01-17', closes: '2025-02-30' } }),
      /window.closes/,
    );
  });

  it('does not roll the judge’s 7-day credible-fear review', () => {
    // Sat 27 Dec 2025 + 7 = Sat 3 Jan 2026: a limit on the judge, not rolled.
    const result = computeDeadline({ ruleId: 'us.credible_fear.review', trigger: '2025-12-27' });
    assert.equal(result.dueDate, '2026-01-03');
    assert.equal(result.rolled, false);
  });

  it('gives 5 days for a change of address, rolled past a Sunday', () => {
    // Tue 1 Jul 2025 + 5 = Sun 6 Jul -> Mon 7 Jul.
    assert.equal(due('us.eoir.change_of_address', '2025-07-01'), '2025-07-07');
  });

  it('extends a BIA deadline over Inauguration Day only with the DC-area calendar', () => {
    // Tue 21 Dec 2032 + 30 = Thu 20 Jan 2033, Inauguration Day (5 U.S.C. 6103(c)).
    assert.equal(due('us.bia.appeal', '2032-12-21'), '2033-01-20');
    assert.equal(due('us.bia.appeal', '2032-12-21', { calendarId: 'us-federal-dc' }), '2033-01-21');
  });

  it('reads the decision date of an instant in Eastern time for the BIA', () => {
    // 02:00Z on 29 Oct 2025 is still 28 October (22:00 EDT) in New York.
    assert.equal(due('us.bia.appeal', '2025-10-29T02:00:00Z'), '2025-11-28');
  });
});
