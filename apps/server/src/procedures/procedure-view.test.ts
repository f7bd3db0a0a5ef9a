// A step's status is unknown (null) only when the engine honestly lacks the data; any other error
// of the engine is a fault and reaches the caller instead of a silently missing status.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepStatus } from './procedure-view.ts';

const step = (overrides: Partial<Parameters<typeof stepStatus>[0]> = {}) => ({
  due_date: '2027-01-18',
  completed_on: null,
  trigger_value: '2026-12-01',
  calendar_id: 'mx-federal-admin',
  ...overrides,
});

describe('a procedure step status', () => {
  it('counts working days left on a loaded calendar', () => {
    const status = stepStatus(step(), '2027-01-11');
    assert.equal(status?.status, 'at_risk');
    assert.ok((status?.workingDaysLeft ?? 0) > 0);
  });

  it('is unknown, never guessed, when the calendar year is not loaded', () => {
    assert.equal(stepStatus(step({ due_date: '2045-03-01', trigger_value: '2045-01-02' }), '2045-02-01'), null);
  });

  it('surfaces an engine error that is not a gap in its data', () => {
    assert.throws(() => stepStatus(step({ due_date: '2027-02-30' }), '2027-01-11'), { code: 'INVALID_DATE' });
  });
});
