import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePartialDate, ageAt } from './person-dates.ts';
import { compareBirth } from './field-compare.ts';
import { prepareRecord } from './record-prepare.ts';
import type { PersonRecord } from './person-record.types.ts';

const birthLevel = (a: Partial<PersonRecord>, b: Partial<PersonRecord>): number =>
  compareBirth(prepareRecord({ id: 'a', ...a }, 0), prepareRecord({ id: 'b', ...b }, 1));

describe('reading birth dates as people write them', () => {
  it('reads ISO, partial, day-first and written-out dates', () => {
    assert.deepEqual(parsePartialDate('1990-08-15'), { year: 1990, month: 8, day: 15 });
    assert.deepEqual(parsePartialDate('15/08/1990'), { year: 1990, month: 8, day: 15 });
    assert.deepEqual(parsePartialDate('agosto 1990'), { year: 1990, month: 8, day: 0 });
    assert.deepEqual(parsePartialDate('15 de agosto de 1990'), { year: 1990, month: 8, day: 15 });
    assert.deepEqual(parsePartialDate('1990-08'), { year: 1990, month: 8, day: 0 });
    assert.deepEqual(parsePartialDate('1990'), { year: 1990, month: 0, day: 0 });
  });

  it('reads a US-style date when day-first is impossible', () => {
    assert.deepEqual(parsePartialDate('08/25/1990'), { year: 1990, month: 8, day: 25 });
  });

  it('treats unreadable text as unknown, never as an error', () => {
    assert.equal(parsePartialDate('no sabe'), null);
    assert.equal(parsePartialDate('1990-02-31'), null);
  });

  it('computes age on a given day', () => {
    const day = Date.UTC(2020, 5, 1) / 86_400_000;
    assert.equal(ageAt({ year: 1990, month: 8, day: 15 }, day), 29);
  });
});

describe('comparing birth information', () => {
  it('sees a day/month swap as a near agreement', () => {
    assert.equal(birthLevel({ birthDate: '1980-05-09' }, { birthDate: '1980-09-05' }), 2);
  });

  it('accepts a year-only date that agrees', () => {
    assert.equal(birthLevel({ birthDate: '1984-09-14' }, { birthDate: '1984' }), 3);
  });

  it('fits an age range estimated at the event date against a birth date', () => {
    const remains = { ageMin: 30, ageMax: 40, eventDate: '2021-06-15' };
    assert.equal(birthLevel({ birthDate: '1986-02-01' }, remains), 4);
    assert.equal(birthLevel({ birthDate: '1940-02-01' }, remains), 7);
  });

  it('tolerates age bounds written the wrong way round', () => {
    assert.equal(birthLevel({ birthDate: '2009-08-14' }, { ageMin: 12, ageMax: 10, eventDate: '2019-11-18' }), 4);
  });

  it('keeps a mistyped year (1952 / 1925) apart from a truly different person', () => {
    assert.equal(birthLevel({ birthDate: '1952-03-01' }, { birthDate: '1925-07-07' }), 6);
    assert.equal(birthLevel({ birthDate: '1952-03-01' }, { birthDate: '1995-07-07' }), 7);
  });
});
