import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, neutraliseFormula, toHxlCsv } from './hxl-csv.export.ts';
import { suppressCounts } from './suppression.service.ts';

describe('HXL CSV export', () => {
  const table = suppressCounts({
    dimensions: [
      { name: 'State', categories: ['Chihuahua', '=HYPERLINK("http://x")'], hxl: '#adm1+name' },
      { name: 'Act', categories: ['Extortion', 'Robbery, armed'], hxl: '#event+type' },
    ],
    counts: [
      [3, 20],
      [12, 30],
    ],
  });
  const lines = toHxlCsv(table).split('\r\n');

  it('writes a header row, then the HXL hashtag row', () => {
    assert.equal(lines[0], 'State,Act,Count,Note');
    assert.equal(lines[1], '#adm1+name,#event+type,#indicator+num,#meta+note');
  });

  it('writes hidden cells as an empty count with a note, and published counts as numbers', () => {
    assert.equal(lines[2], 'Chihuahua,Extortion,,suppressed');
    assert.ok(lines.includes('Total,Total,65,'));
    const withReasons = toHxlCsv(table, { distinguishReasons: true });
    assert.match(withReasons, /Chihuahua,Extortion,,suppressed \(small count\)/);
  });

  it('neutralises formulas and quotes commas', () => {
    assert.ok(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://x"")",Extortion`)));
    assert.ok(lines.some((l) => l.includes('"Robbery, armed"')));
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseFormula(bad)[0], "'");
    assert.equal(csvField(-3), '-3');
    assert.equal(neutraliseFormula('Ciudad Juárez'), 'Ciudad Juárez');
  });

  it('can leave the totals out', () => {
    const rows = toHxlCsv(table, { includeTotals: false }).trim().split('\r\n');
    assert.equal(rows.length, 2 + 4);
  });
});
