import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAmPmCsv } from './ampm-csv.ts';
import { runLinkCommand } from './link-command.ts';

const HEADER =
  'id,given_names,surnames,sex,birth_date,age_min,age_max,nationality,origin_place,address,document_id,event_date,event_place,description,stature_min_cm,stature_max_cm,death_date_min,death_date_max,tattoos,dental,clothing,features';
const REPORT =
  'AM1,Wilson,Alvarenga Mejía,M,1995-03-10,,,HN,Choloma,,,2021-05-01,"Reynosa, Tamaulipas",,163,169,,,left-forearm:rose,21:crown-gold;36:missing,jacket:red:nike,hair:black';
const OTHER = 'AM2,Rosa,López,F,1980-01-01,,,GT,,,,2020-01-01,Ciudad de México,,150,156,,,,,,';
const REMAINS =
  'PM1,,,M,,20,35,,,,,2021-08-02,"Brooks County, Texas",,160,172,2021-04-15,2021-07-20,left-forearm:rose,21:crown-gold;36:missing;18:not-observable,jacket:brown,hair:black';
const PLAIN = 'PM2,,,F,,30,50,,,,,2020-05-01,San Luis Potosí,,148,160,2020-01-10,2020-03-01,,,trousers:blue,';

function files(left: string[], right: string[]): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'ampm-link-'));
  const l = join(dir, 'left.csv');
  const r = join(dir, 'right.csv');
  writeFileSync(l, [HEADER, ...left].join('\n') + '\n');
  writeFileSync(r, [HEADER, ...right].join('\n') + '\n');
  return [l, r];
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runLinkCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('link on format v2 (reports against remains)', () => {
  it('applies the AM/PM engine and writes the usual output', () => {
    const [l, r] = files([REPORT, OTHER], [REMAINS, PLAIN]);
    const res = run([l, r, '--top', '5']);
    assert.equal(res.code, 0, res.err);
    const lines = res.out.trim().split('\n');
    assert.equal(lines[0], 'left_id,right_id,score,decision');
    assert.match(lines[1] ?? '', /^AM1,PM1,0\.\d{6},(match|possible)$/);
    assert.ok(!res.out.includes('AM1,PM2'), 'remains of a woman are excluded for a man');
    assert.match(res.err, /ante-mortem/);
  });

  const bad: [string, string, RegExp][] = [
    [
      'an unknown tooth number',
      REPORT.replace('21:crown-gold', '19:crown-gold'),
      /line 2, column 20 \(dental\).*tooth number "19"/,
    ],
    [
      'an unknown tattoo location',
      REPORT.replace('left-forearm:rose', 'left-elbow:rose'),
      /line 2, column 19 \(tattoos\).*location "left-elbow"/,
    ],
    [
      'an unknown dental state',
      REPORT.replace('36:missing', '36:broken'),
      /line 2, column 20 \(dental\).*state "broken"/,
    ],
    ['a stature of 30 cm', REPORT.replace(',163,169,', ',30,169,'), /line 2, column 15 \(stature_min_cm\).*30 cm/],
    ['a stature of 300 cm', REPORT.replace(',163,169,', ',163,300,'), /line 2, column 16 \(stature_max_cm\).*300 cm/],
  ];
  for (const [what, row, message] of bad) {
    it(`refuses ${what}, naming the line and column, and writes nothing`, () => {
      const [l, r] = files([row, OTHER], [REMAINS, PLAIN]);
      const res = run([l, r]);
      assert.equal(res.code, 1);
      assert.equal(res.out, '');
      assert.match(res.err, message);
      assert.match(res.err, /left\.csv/);
    });
  }

  it('refuses a death window that ends before it starts, in the remains file', () => {
    const [l, r] = files([REPORT], [PLAIN, REMAINS.replace('2021-04-15,2021-07-20', '2021-07-20,2021-04-15')]);
    const res = run([l, r]);
    assert.equal(res.code, 1);
    assert.equal(res.out, '');
    assert.match(res.err, /right\.csv: line 3, column 18 \(death_date_max\).*ends \(2021-04-15\) before it starts/);
  });

  it('accepts not-observable teeth only in a post-mortem chart', () => {
    const text = [HEADER, REMAINS].join('\n');
    assert.equal(readAmPmCsv(text, 'remains.csv', true)[0]?.dental?.length, 3);
    assert.throws(() => readAmPmCsv(text, 'reports.csv', false), /line 2, column 20 \(dental\).*not-observable/);
  });

  it('reads a v1 file as a v2 file without AM/PM data', () => {
    const v1 =
      'id,given_names,surnames,sex,birth_date,age_min,age_max,nationality,origin_place,address,document_id,event_date,event_place,description\nA,Ana,Pérez,F,,,,,,,,,,';
    const [rec] = readAmPmCsv(v1, 'v1.csv', false);
    assert.equal(rec?.givenNames, 'Ana');
    assert.deepEqual(rec?.tattoos, []);
  });
});
