import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineStatus, instantDeadlineStatus } from './deadline-status.service.ts';

describe('deadline status for views', () => {
  const base = { dueDate: '2025-04-22', startDate: '2025-03-10', calendarId: 'mx-federal-admin' };

  it('is overdue the day after the due date', () => {
    assert.equal(deadlineStatus({ ...base, today: '2025-04-23' }).status, 'overdue');
  });

  it('is due today on the due date', () => {
    assert.equal(deadlineStatus({ ...base, today: '2025-04-22' }).status, 'due_today');
  });

  it('is at risk with 5 working days or fewer left', () => {
    // After Tue 15 Apr 2025: 16, 17, 18, 21, 22 = 5 working days left.
    const view = deadlineStatus({ ...base, today: '2025-04-15' });
    assert.equal(view.workingDaysLeft, 5);
    assert.equal(view.status, 'at_risk');
    // The reason is the rule as applied, for the words beside the badge.
    assert.deepEqual(view.atRiskBecause, { rule: 'working_days', limit: 5 });
    // After Mon 14 Apr: 6 left, and 8 of 43 calendar days (19%) remain -> still at risk by share.
    const byShare = deadlineStatus({ ...base, today: '2025-04-14' });
    assert.equal(byShare.status, 'at_risk');
    assert.deepEqual(byShare.atRiskBecause, { rule: 'share_of_period', limit: 0.25 });
    // A threshold given by the caller is the one reported.
    assert.deepEqual(deadlineStatus({ ...base, today: '2025-04-14', atRiskWorkingDays: 6 }).atRiskBecause, {
      rule: 'working_days',
      limit: 6,
    });
    assert.equal(deadlineStatus({ ...base, today: '2025-03-20' }).atRiskBecause, undefined);
  });

  it('is on track with time to spare', () => {
    const view = deadlineStatus({ ...base, today: '2025-03-20' });
    assert.equal(view.status, 'on_track');
    assert.equal(view.calendarDaysLeft, 33);
  });

  it('turns a one-year deadline amber when a quarter of the year is left', () => {
    const year = { dueDate: '2026-01-15', startDate: '2025-01-15', calendarId: 'us-federal' };
    assert.equal(deadlineStatus({ ...year, today: '2025-09-01' }).status, 'on_track');
    assert.equal(deadlineStatus({ ...year, today: '2025-10-20' }).status, 'at_risk');
  });

  it('is met when a completion date is given, and says whether it was late', () => {
    assert.deepEqual(deadlineStatus({ ...base, today: '2025-05-30', completedOn: '2025-04-20' }), {
      status: 'met',
      late: false,
      calendarDaysLeft: -38,
    });
    assert.equal(deadlineStatus({ ...base, today: '2025-05-30', completedOn: '2025-04-25' }).late, true);
  });

  it('uses calendar days when no calendar is given', () => {
    assert.equal(deadlineStatus({ dueDate: '2025-04-22', today: '2025-04-15' }).status, 'at_risk');
    assert.deepEqual(deadlineStatus({ dueDate: '2025-04-22', today: '2025-04-15' }).atRiskBecause, {
      rule: 'calendar_days',
      limit: 7,
    });
    assert.equal(deadlineStatus({ dueDate: '2025-04-22', today: '2025-04-14' }).status, 'on_track');
  });

  it('rejects bad dates', () => {
    assert.throws(() => deadlineStatus({ dueDate: '2025-04-31', today: '2025-04-01' }), /dueDate/);
    assert.throws(
      () => deadlineStatus({ dueDate: '2025-04-22', today: '2025-04-01', startDate: '2025-05-01' }),
      /startDate/,
    );
  });

  it('tracks the 36-hour detention limit by the hour', () => {
    const limit = {
      dueInstant: '2025-03-12T02:00:00.000Z',
      startInstant: '2025-03-10T14:00:00.000Z',
      timeZone: 'America/Mexico_City',
    };
    assert.equal(instantDeadlineStatus({ ...limit, now: '2025-03-10T20:00:00Z' }), 'on_track');
    // 20:00Z on 11 Mar is 14:00 local, limit 20:00 local the same day.
    assert.equal(instantDeadlineStatus({ ...limit, now: '2025-03-11T20:00:00Z' }), 'due_today');
    // 05:00Z on 11 Mar is 23:00 local on 10 Mar: 21 of 36 hours left and the limit is tomorrow.
    assert.equal(instantDeadlineStatus({ ...limit, now: '2025-03-11T05:00:00Z' }), 'on_track');
    assert.equal(instantDeadlineStatus({ ...limit, now: '2025-03-12T02:00:01Z' }), 'overdue');
    assert.equal(
      instantDeadlineStatus({ ...limit, now: '2025-03-12T03:00:00Z', completedAt: '2025-03-11T18:00:00Z' }),
      'met',
    );
  });
});
