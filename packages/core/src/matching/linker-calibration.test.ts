import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { competingPosterior, linkRecords } from './linker.ts';
import type { PersonRecord } from './person-record.types.ts';

const person: PersonRecord = {
  id: 'r',
  givenNames: 'Xiomara Yaneth',
  surnames: 'Tzul Ixcot',
  sex: 'F',
  birthDate: '1991-04-17',
  nationality: 'GT',
  originPlace: 'Totonicapán',
};

// Other people in the file, so that the model has something to estimate u from.
const crowd: PersonRecord[] = Array.from({ length: 300 }, (_, i) => ({
  id: `c${i}`,
  givenNames: ['José', 'María', 'Juan', 'Ana', 'Luis'][i % 5],
  surnames: ['García López', 'Pérez Cruz', 'Hernández Ramos'][i % 3],
  sex: i % 2 ? 'M' : 'F',
  birthDate: `${1960 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
  nationality: 'MX',
}));

describe('match decisions calibrated to the candidates compared', () => {
  it('says match for one clear candidate but possible for two equally good ones', () => {
    const one = linkRecords([{ ...person, id: 'q' }], [...crowd, person]);
    assert.equal(one[0]?.rightId, 'r');
    assert.equal(one[0]?.decision, 'match');
    const two = linkRecords([{ ...person, id: 'q' }], [...crowd, person, { ...person, id: 'r2' }]);
    assert.deepEqual(
      two.slice(0, 2).map((r) => r.decision),
      ['possible', 'possible'],
    );
    assert.ok((two[0]?.score ?? 1) < 0.5);
  });

  it('spreads the posterior over competitors and keeps the no-match share', () => {
    assert.ok(Math.abs(competingPosterior(0.9, 9, 0.5) - 9 / 9.5) < 1e-9);
    assert.ok(Math.abs(competingPosterior(0.9, 18, 0.5) - 9 / 18.5) < 1e-9);
    // With at least one match expected per report, some mass still stays with "none of these".
    assert.ok(competingPosterior(0.9, 9, 3) < 1);
  });
});
