import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRule } from '../deadlines/index.ts';
import { alarmTrigger, foldIcalLine, renderIcalCalendar } from './ical-calendar.ts';
import { findProcedureType, procedureTypes } from './procedure-types.ts';
import { procedureStageLabels } from './procedure-stages.ts';

describe('procedure types', () => {
  it('name only deadline rules that the engine knows', () => {
    for (const type of procedureTypes) {
      for (const step of type.steps)
        if (step.ruleId) assert.ok(getRule(step.ruleId), `${type.id}/${step.key}: unknown rule ${step.ruleId}`);
    }
  });

  it('have unique step keys and titles in Spanish and English', () => {
    for (const type of procedureTypes) {
      const keys = type.steps.map((s) => s.key);
      assert.equal(new Set(keys).size, keys.length, type.id);
      for (const step of type.steps) assert.ok(step.title.es && step.title.en && step.trigger.es && step.trigger.en);
    }
  });

  it('have a Spanish and English name for every stage', () => {
    for (const type of procedureTypes)
      for (const stage of type.stages)
        assert.ok(procedureStageLabels[stage]?.es && procedureStageLabels[stage]?.en, `${type.id}: ${stage}`);
  });

  it('cover the procedures lawyers in Mexico and the US run', () => {
    for (const id of [
      'mx.comar.refugee_status',
      'mx.revision',
      'mx.amparo',
      'mx.inm.tvrh',
      'mx.inm.detention',
      'us.asylum.defensive',
      'us.credible_fear',
      'us.mpp',
      'us.cbp_one',
      'us.tps',
      'us.daca',
    ]) {
      assert.ok(findProcedureType(id), id);
    }
    assert.ok(findProcedureType('us.cbp_one')?.stages.includes('cancelled_by_policy'));
  });
});

describe('iCal feed', () => {
  it('writes an all-day deadline as a one-day event and escapes text', () => {
    const ics = renderIcalCalendar('Plazos', [
      { uid: 'a@acompana', start: '2025-04-22', summary: 'COMAR; solicitud, plazo', stamp: '2025-03-10T12:00:00Z' },
    ]);
    assert.match(ics, /DTSTART;VALUE=DATE:20250422\r\nDTEND;VALUE=DATE:20250423\r\n/);
    assert.match(ics, /SUMMARY:COMAR\\; solicitud\\, plazo\r\n/);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });

  it('reminds 7, 3 and 1 days before: at 09:00 of those days for an all-day deadline', () => {
    const ics = renderIcalCalendar('Plazos', [
      {
        uid: 'b@acompana',
        start: '2025-04-22',
        summary: 'Solicitud',
        stamp: '2025-03-10T12:00:00Z',
        alarmDaysBefore: [7, 3, 1],
      },
    ]);
    assert.deepEqual(
      [...ics.matchAll(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:(\S+)\r\n/g)].map((m) => m[1]),
      ['-P6DT15H', '-P2DT15H', '-PT15H'],
    );
    assert.match(ics, /DESCRIPTION:En 7 días: Solicitud\r\nEND:VALARM/);
    assert.equal(alarmTrigger(3, false), '-P3D');
    assert.throws(() => alarmTrigger(0, true), RangeError);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldIcalLine(`DESCRIPTION:${'ñ'.repeat(100)}`);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), `DESCRIPTION:${'ñ'.repeat(100)}`);
  });
});
