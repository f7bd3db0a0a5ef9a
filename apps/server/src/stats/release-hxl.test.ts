// HXL of release exports (decision 0127) validated against the HXL 1.1 core hashtags and
// attributes shipped in testdata/hxl-core-schema.json: every hashtag core, every attribute core or
// one of our documented custom ones; places split into country and admin-1; totals in their own
// table; the note in the file's language.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicators } from '@acompana/core';
import { releaseHxl, type HxlTable } from './release-hxl.ts';
import type { FrozenTable } from './releases.service.ts';

const schema = JSON.parse(readFileSync(new URL('./testdata/hxl-core-schema.json', import.meta.url), 'utf8')) as {
  version: string;
  source: string;
  hashtags: string[];
  attributes: string[];
};
const CUSTOM = /^(x_[a-z0-9_]+|age_\d+_\d*)$/;

/** Every problem with one hashtag spec, e.g. "#reached+num+f+age_18_29". */
export function hxlProblems(spec: string): string[] {
  const m = /^#([a-z][a-z0-9_]*)((?:\s*\+[a-z][a-z0-9_]*)*)$/.exec(spec.trim());
  if (!m) return [`"${spec}" is not an HXL hashtag spec`];
  const problems: string[] = [];
  if (!schema.hashtags.includes(m[1]!)) problems.push(`#${m[1]} is not a core hashtag`);
  for (const a of m[2]!
    .split('+')
    .map((s) => s.trim())
    .filter(Boolean))
    if (!schema.attributes.includes(a) && !CUSTOM.test(a))
      problems.push(`+${a} is neither core nor a documented custom attribute`);
  return problems;
}

const text = (es: string, en: string) => ({ es, en });
const acts: FrozenTable = {
  indicator: 'incidents.acts',
  title: text('Actos de violencia', 'Acts of violence'),
  unit: text('actos', 'acts'),
  valueHxl: '#indicator+num',
  dimensions: [
    {
      id: 'type',
      title: text('Tipo', 'Type'),
      hxl: '',
      categories: [{ key: 'extortion', label: text('Extorsión', 'Extortion') }],
    },
    {
      id: 'institution',
      title: text('Institución', 'Institution'),
      hxl: '',
      categories: [{ key: 'inm', label: text('INM', 'INM') }],
    },
    {
      id: 'state',
      title: text('Estado', 'State'),
      hxl: '',
      categories: [
        { key: 'GT', label: text('Guatemala', 'Guatemala') },
        { key: 'MX07', label: text('Chiapas', 'Chiapas') },
      ],
    },
  ],
  cells: [
    { keys: ['extortion', 'inm', 'GT'], count: null },
    { keys: ['extortion', 'inm', 'MX07'], count: 9 },
    { keys: ['extortion', 'inm', null], count: 12 },
    { keys: ['extortion', null, 'GT'], count: null },
    { keys: ['extortion', null, 'MX07'], count: 9 },
    { keys: ['extortion', null, null], count: 12 },
    { keys: [null, 'inm', 'GT'], count: null },
    { keys: [null, 'inm', 'MX07'], count: 9 },
    { keys: [null, 'inm', null], count: 12 },
    { keys: [null, null, 'GT'], count: null },
    { keys: [null, null, 'MX07'], count: 9 },
    { keys: [null, null, null], count: 12 },
  ],
};
const sexes = ['F', 'M'];
const ages = ['18-29', '30-59'];
const people: FrozenTable = {
  indicator: 'people.registered',
  title: text('Personas registradas', 'People registered'),
  unit: text('personas', 'people'),
  valueHxl: '#reached+num',
  dimensions: [
    {
      id: 'nationality',
      title: text('Nacionalidad', 'Nationality'),
      hxl: '',
      categories: [{ key: 'HN', label: text('Honduras', 'Honduras') }],
    },
    { id: 'sex', title: text('Sexo', 'Sex'), hxl: '', categories: sexes.map((k) => ({ key: k, label: text(k, k) })) },
    { id: 'age', title: text('Edad', 'Age'), hxl: '', categories: ages.map((k) => ({ key: k, label: text(k, k) })) },
  ],
  cells: ['HN', null].flatMap((n) =>
    [...sexes, null].flatMap((s) =>
      [...ages, null].map((a) => ({ keys: [n, s, a], count: s === 'M' && a === '30-59' ? null : 6 })),
    ),
  ),
};

describe('HXL of release exports', () => {
  it('ships the core list with its source and version', () => {
    assert.equal(schema.version, '1.1');
    assert.match(schema.source, /hxlstandard\.org/);
    assert.ok(schema.hashtags.includes('adm1') && !schema.hashtags.includes('sex'));
    assert.deepEqual(hxlProblems('#sex'), ['#sex is not a core hashtag']);
    assert.deepEqual(hxlProblems('#age+group'), [
      '#age is not a core hashtag',
      '+group is neither core nor a documented custom attribute',
    ]);
  });

  it('uses only core hashtags and known attributes, in every table, part and language', () => {
    for (const table of [acts, people])
      for (const part of ['cells', 'totals'] as const)
        for (const locale of ['es', 'en'] as const) {
          const long = releaseHxl(table, locale, part);
          assert.equal(long.header.length, long.hashtags.length);
          for (const tag of long.hashtags)
            assert.deepEqual(hxlProblems(tag), [], `${table.indicator} ${part} ${locale}: ${tag}`);
        }
  });

  it('gives every dimension of every indicator core tags in staff exports too (one definition)', () => {
    for (const indicator of indicators)
      for (const dim of indicator.dimensions) {
        const table: HxlTable = {
          indicator: indicator.id,
          title: indicator.title,
          unit: indicator.unit,
          valueHxl: '',
          dimensions: [{ id: dim.id, title: dim.title, hxl: '', categories: [{ key: 'k', label: text('k', 'k') }] }],
          cells: [
            { keys: ['k'], count: 3, flag: 'small' },
            { keys: [null], count: null, flag: 'not_additive' },
          ],
        };
        for (const part of ['cells', 'totals'] as const) {
          const long = releaseHxl(table, 'es', part);
          for (const tag of long.hashtags)
            assert.deepEqual(hxlProblems(tag), [], `${indicator.id} by ${dim.id}, ${part}: ${tag}`);
        }
        const notes = releaseHxl(table, 'es', 'totals').rows.map((r) => r.at(-1));
        assert.ok(
          notes.every((n) => typeof n === 'string' && !/[a-z]+ additive|suppressed/.test(n)),
          'notes in Spanish',
        );
      }
  });

  it('puts a country under #country, never under #adm1, and keeps totals out of the cells', () => {
    const long = releaseHxl(acts, 'es', 'cells');
    const col = (tag: string) => long.hashtags.indexOf(tag);
    const gt = long.rows.find((r) => r[col('#country+code')] === 'GT')!;
    assert.equal(gt[col('#adm1+code')], '');
    assert.equal(gt[col('#adm1+name')], '');
    const chiapas = long.rows.find((r) => r[col('#adm1+code')] === 'MX07')!;
    assert.equal(chiapas[col('#country+code')], 'MX');
    assert.equal(long.rows.length, 2, 'inner cells only');
    assert.ok(!JSON.stringify(long.rows).includes('Total'));
    assert.equal(gt[col('#description')], 'oculto');
    const totals = releaseHxl(acts, 'en', 'totals');
    assert.equal(totals.rows.length, 10);
    assert.ok(totals.rows.every((r) => r.includes('Total')));
    assert.ok(!JSON.stringify(totals).includes('oculto'), 'the English file has English notes');
  });

  it('disaggregates people by sex and age through attributes of the count', () => {
    const long = releaseHxl(people, 'en', 'cells');
    assert.deepEqual(long.hashtags.slice(2), [
      '#reached+num+f+adults+age_18_29',
      '#reached+num+f+adults+age_30_59',
      '#reached+num+m+adults+age_18_29',
      '#reached+num+m+adults+age_30_59',
      '#description',
    ]);
    assert.deepEqual(long.rows[0]!.slice(0, 6), ['HN', 'Honduras', 6, 6, 6, null]);
    const totals = releaseHxl(people, 'es', 'totals');
    assert.ok(totals.rows.some((r) => r.includes('#reached+num+f') && r.includes(6)));
  });
});
