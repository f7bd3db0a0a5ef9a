import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pcodeToAdm1, toAgeGroup, toMonth, toQuarter, toStateLevel } from './coarsening.util.ts';
import { StatisticsError } from './statistics.errors.ts';

describe('coarsening', () => {
  it('turns dates into months and quarters', () => {
    assert.equal(toMonth('2024-03-17'), '2024-03');
    assert.equal(toQuarter('2024-03-31'), '2024-Q1');
    assert.equal(toQuarter('2024-04-01'), '2024-Q2');
    assert.equal(toQuarter('2024-12-31'), '2024-Q4');
    for (const bad of ['2024-13-01', '17/03/2024', '2024-03-17T23:30:00Z', '']) {
      assert.throws(
        () => toMonth(bad),
        (e: unknown) => e instanceof StatisticsError && e.code === 'INVALID_DATE',
        bad,
      );
    }
  });

  it('puts ages in the humanitarian bands, edges included', () => {
    const cases: [number, string][] = [
      [0, '0-4'],
      [4, '0-4'],
      [5, '5-11'],
      [11, '5-11'],
      [12, '12-17'],
      [17, '12-17'],
      [18, '18-29'],
      [29, '18-29'],
      [30, '30-59'],
      [59, '30-59'],
      [60, '60+'],
      [97, '60+'],
      [4.9, '0-4'],
    ];
    for (const [age, band] of cases) assert.equal(toAgeGroup(age), band, String(age));
    assert.equal(toAgeGroup(null), 'unknown');
    assert.throws(() => toAgeGroup(-1), StatisticsError);
  });

  it('age bands never go down as age goes up', () => {
    const order = ['0-4', '5-11', '12-17', '18-29', '30-59', '60+'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 129 }),
        (a) => order.indexOf(toAgeGroup(a)) <= order.indexOf(toAgeGroup(a + 1)),
      ),
    );
  });

  it('keeps places at state level', () => {
    assert.deepEqual(toStateLevel({ country: 'MX', adm1: 'MX08', adm2: 'MX08037', locality: 'Anapra' }), {
      country: 'MX',
      adm1: 'MX08',
    });
    assert.equal(pcodeToAdm1('MX08037'), 'MX08');
    assert.equal(pcodeToAdm1('GT0101'), 'GT01');
    assert.equal(pcodeToAdm1('08037'), '08');
    assert.throws(() => pcodeToAdm1('Juárez'), StatisticsError);
  });
});
