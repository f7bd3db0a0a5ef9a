import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mexicanMunicipalityLines } from './mx-municipalities.data.ts';
import { findPlace, isKnownMunicipality, placeLabel, placeSources, searchPlaces } from './index.ts';
import { centralAmericanSubdivisions } from '../indicators/central-america.ts';

describe('place catalogue', () => {
  it('finds a municipality by the start of its name, accents and case ignored', () => {
    const [first] = searchPlaces({ q: 'huixtla' });
    assert.equal(first?.municipalityCode, '07040');
    assert.equal(first?.name, 'Huixtla');
    assert.equal(first?.stateName, 'Chiapas');
    assert.equal(searchPlaces({ q: 'TAPACHULA' })[0]?.municipalityCode, '07089');
    assert.equal(searchPlaces({ q: 'juchitan zaragoza' })[0]?.municipalityCode, '20043');
  });

  it('narrows by state words and by country', () => {
    const hits = searchPlaces({ q: 'ciudad hidalgo' });
    assert.ok(hits.length > 0);
    const chiapas = searchPlaces({ q: 'huixtla chiapas' });
    assert.deepEqual(
      chiapas.map((p) => p.id),
      ['MX-07040'],
    );
    assert.deepEqual(
      searchPlaces({ q: 'alta vera', countries: ['GT'] }).map((p) => p.id),
      ['GT-16'],
    );
    assert.equal(searchPlaces({ q: 'cortes', countries: ['HN'] })[0]?.id, 'HN-CR');
  });

  it('ships the whole INEGI municipal catalogue', () => {
    const codes = Object.entries(mexicanMunicipalityLines).flatMap(([state, line]) =>
      line.split('|').map((entry) => `${state}${entry.slice(0, 3)}`),
    );
    assert.equal(codes.length, placeSources.mexicoMunicipalities.count);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(Object.keys(mexicanMunicipalityLines).length, 32);
    assert.ok(codes.every((c) => /^\d{5}$/.test(c) && isKnownMunicipality(c)));
    // Prefix search: "huixt" offers Huixtán before Huixtla (shorter), both in Chiapas.
    assert.deepEqual(
      searchPlaces({ q: 'huixt', stateCode: '07' }).map((p) => p.municipalityCode),
      ['07038', '07040'],
    );
    assert.ok(isKnownMunicipality('07040'));
    assert.ok(!isKnownMunicipality('07999'));
  });

  it('lets every department of Honduras, Guatemala and El Salvador be chosen by its name (their municipalities are not shipped)', () => {
    const units = centralAmericanSubdivisions.filter((u) => ['HN', 'GT', 'SV'].includes(u.country));
    assert.deepEqual(
      ['HN', 'GT', 'SV'].map((c) => units.filter((u) => u.country === c).length),
      [18, 22, 14],
    );
    for (const unit of units) {
      const hits = searchPlaces({ q: unit.es, countries: [unit.country] });
      assert.ok(
        hits.some((h) => h.id === unit.code && h.level === 'state'),
        `${unit.es} (${unit.code}) found by name`,
      );
    }
    assert.equal(searchPlaces({ q: 'choloma', countries: ['HN'] }).length, 0, 'no municipality invented');
    assert.deepEqual(placeSources.missing, ['Central American municipalities']);
  });

  it('turns recorded codes into words', () => {
    assert.equal(placeLabel({ country: 'MX', stateCode: '07', municipalityCode: '07040' }), 'Huixtla, Chiapas');
    assert.equal(placeLabel({ country: 'MX', stateCode: '09' }, 'en'), 'Mexico City');
    assert.equal(placeLabel({ country: 'GT', stateCode: 'GT-16' }), 'Alta Verapaz');
    assert.equal(placeLabel({ country: 'HN', stateCode: 'CR' }), 'Cortés');
    assert.equal(placeLabel({ country: 'MX', municipalityCode: '99999' }), null);
    assert.equal(findPlace({ country: 'US' }), undefined);
  });
});
