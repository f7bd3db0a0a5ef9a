// The tile map's places (issue 10, item 2): every Mexican state and every Central American
// first-level unit of ISO 3166-2 exactly once, no two squares on the same spot, and the place keys
// the statistics produce ("MX07", "GT-16", "GT" when coarsened) land where they should.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { categoryLabel, mexicanStates } from './indicator-labels.ts';
import { centralAmericanSubdivisions, subdivisionCode } from './central-america.ts';
import { coarsenPlaceKey, countryOfPlace, regionTiles, tileKeyOf } from './region-tiles.ts';

// The first level of each country as ISO 3166-2 lists it (Guatemala numeric since 2021-11-25,
// Panama with Naso Tjër Di since 2020).
const expected: Record<string, string[]> = {
  GT: Array.from({ length: 22 }, (_, i) => String(i + 1).padStart(2, '0')),
  HN: ['AT', 'CH', 'CL', 'CM', 'CP', 'CR', 'EP', 'FM', 'GD', 'IB', 'IN', 'LE', 'LP', 'OC', 'OL', 'SB', 'VA', 'YO'],
  SV: ['AH', 'CA', 'CH', 'CU', 'LI', 'MO', 'PA', 'SA', 'SM', 'SO', 'SS', 'SV', 'UN', 'US'],
  NI: ['AN', 'AS', 'BO', 'CA', 'CI', 'CO', 'ES', 'GR', 'JI', 'LE', 'MD', 'MN', 'MS', 'MT', 'NS', 'RI', 'SJ'],
  CR: ['A', 'C', 'G', 'H', 'L', 'P', 'SJ'],
  PA: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'EM', 'KY', 'NB', 'NT'],
  BZ: ['BZ', 'CY', 'CZL', 'OW', 'SC', 'TOL'],
};

describe('region tiles', () => {
  it('has every Mexican state and every Central American unit once', () => {
    const keys = regionTiles.map((t) => t.key);
    assert.equal(new Set(keys).size, keys.length, 'a key appears twice');
    const want = [
      ...Object.keys(mexicanStates).map((c) => `MX${c}`),
      ...Object.entries(expected).flatMap(([country, codes]) => codes.map((c) => `${country}-${c}`)),
    ].sort();
    assert.deepEqual([...keys].sort(), want);
    assert.equal(centralAmericanSubdivisions.length, 22 + 18 + 14 + 17 + 7 + 14 + 6);
  });

  it('puts no two tiles on the same square and keeps the grid printable', () => {
    const seen = new Map<string, string>();
    for (const t of regionTiles) {
      const at = `${t.col},${t.row}`;
      assert.ok(!seen.has(at), `${t.key} overlaps ${seen.get(at)} at ${at}`);
      seen.set(at, t.key);
      assert.ok(Number.isInteger(t.col) && Number.isInteger(t.row) && t.col >= 0 && t.row >= 0, t.key);
    }
    // The PDF report draws the grid at 37 pt a square on a Letter page inside 56 pt margins
    // (500 × 680 pt); the Central American panel of the dashboard is at most 9 squares wide.
    assert.ok(Math.max(...regionTiles.map((t) => t.col)) + 1 <= 13);
    assert.ok(Math.max(...regionTiles.map((t) => t.row)) + 1 <= 18);
    // The dashboard draws the country totals in the corner south-west of Nicaragua (columns 0-3,
    // rows 9-10 of the Central American panel).
    const ca = regionTiles.filter((t) => t.country !== 'MX');
    const left = Math.min(...ca.map((t) => t.col));
    const top = Math.min(...ca.map((t) => t.row));
    assert.ok(Math.max(...ca.map((t) => t.col)) - left + 1 <= 9);
    for (const t of ca) {
      const x = t.col - left;
      const y = t.row - top;
      assert.ok(!(x <= 3 && (y === 9 || y === 10)), `${t.key} is in the country-totals corner`);
    }
    // A label fits its square at 360 px.
    for (const t of regionTiles) assert.ok(t.abbr.length >= 1 && t.abbr.length <= 5, t.key);
  });

  it('places statistics keys on tiles and names them in both languages', () => {
    assert.equal(tileKeyOf('MX07'), 'MX07');
    assert.equal(tileKeyOf('GT-16'), 'GT-16');
    assert.equal(tileKeyOf('GT'), null);
    assert.equal(tileKeyOf('unknown'), null);
    assert.equal(categoryLabel('state', 'GT-16', 'es'), 'Alta Verapaz');
    assert.equal(categoryLabel('state', 'HN-IB', 'es'), 'Islas de la Bahía');
    assert.equal(categoryLabel('state', 'HN-IB', 'en'), 'Bay Islands');
    assert.equal(categoryLabel('state', 'MX07', 'en'), 'Chiapas');
    assert.equal(categoryLabel('state', 'GT', 'es'), 'Guatemala');
    assert.equal(subdivisionCode('GT', '16'), 'GT-16');
    assert.equal(subdivisionCode('GT', 'GT-16'), 'GT-16');
    assert.equal(subdivisionCode('GT', 'AV'), null, 'the letter codes were withdrawn in 2021');
    assert.equal(subdivisionCode('HN', 'GT-16'), null);
    assert.equal(subdivisionCode('MX', '07'), null);
  });

  it('coarsens place keys to the country as configured', () => {
    assert.equal(countryOfPlace('MX07'), 'MX');
    assert.equal(countryOfPlace('BZ-CZL'), 'BZ');
    assert.equal(coarsenPlaceKey('GT-16', 'adm1'), 'GT-16');
    assert.equal(coarsenPlaceKey('GT-16', 'country'), 'GT');
    assert.equal(coarsenPlaceKey('MX07', 'country'), 'MX');
    assert.equal(coarsenPlaceKey('MX07', ['MX']), 'MX07');
    assert.equal(coarsenPlaceKey('PA-10', ['MX']), 'PA');
    assert.equal(coarsenPlaceKey('unknown', 'country'), 'unknown');
    assert.equal(coarsenPlaceKey('GT', 'country'), 'GT');
  });
});
