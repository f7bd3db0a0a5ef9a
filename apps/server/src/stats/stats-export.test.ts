// Exports of statistics (issue 10, item 4): the XLSX opens (it is unzipped with Info-ZIP and its
// sheet XML read), a label that a spreadsheet would run as a formula stays text, CSV keeps HXL
// hashtags, JSON parses; only roles allowed to export get the file.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { longForm, toXlsx } from './stats-export.ts';
import type { StatsTable } from './stats.service.ts';

function unzipped(bytes: Buffer, entry: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, bytes);
  execFileSync('unzip', ['-tq', file]); // throws when the archive or a CRC is broken
  return execFileSync('unzip', ['-p', file, entry]).toString('utf8');
}

const table: StatsTable = {
  indicator: 'incidents.acts',
  title: 'Acts',
  unit: 'acts',
  scope: 'organisation',
  filters: [],
  period: { from: null, to: null },
  threshold: 5,
  institutionLevel: null,
  dimensions: [
    {
      id: 'state',
      title: 'State',
      hxl: '#adm1+name',
      categories: [
        { key: 'MX07', label: 'Chiapas' },
        { key: 'x', label: '=HYPERLINK("http://evil.example","click")' },
      ],
    },
  ],
  cells: [
    { keys: ['MX07'], count: 8, flag: null },
    { keys: ['x'], count: null, flag: 'suppressed' },
    { keys: [null], count: null, flag: 'suppressed' },
  ],
  method: '',
};

describe('XLSX export', () => {
  it('writes a workbook that unzips, with counts as numbers and a formula-like label as plain text', () => {
    const sheet = unzipped(toXlsx(longForm(table, 'en'), 'incidents.acts'), 'xl/worksheets/sheet1.xml');
    assert.match(sheet, /<c r="E3"><v>8<\/v><\/c>/);
    assert.match(
      sheet,
      /<c r="B4" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/evil.example&quot;,&quot;click&quot;\)<\/t><\/is><\/c>/,
    );
    assert.doesNotMatch(sheet, /<f>/, 'no formula element anywhere');
    assert.match(sheet, /<c r="F4" t="inlineStr"><is><t xml:space="preserve">hidden<\/t>/);
    assert.doesNotMatch(sheet, /<c r="B4">/, 'a hidden count is an empty cell');
    const workbook = unzipped(toXlsx(longForm(table, 'en'), 'incidents.acts'), 'xl/workbook.xml');
    assert.match(workbook, /<sheet name="incidents.acts"/);
  });
});

describeOnBothDatabases('statistics exports', (h) => {
  let analyst: ApiClient;
  let caseworker: ApiClient;

  before(async () => {
    const org = await h().createOrg('export-org');
    for (const [email, role] of [
      ['an@x.example', 'analyst'],
      ['cw@x.example', 'caseworker'],
    ] as const) {
      await h().ctx.accounts.createAccount({ orgId: org, email, password: TEST_PASSWORD, role, totpExempt: true });
    }
    analyst = await h().login('an@x.example');
    caseworker = await h().login('cw@x.example');
    for (let i = 0; i < 7; i++)
      await h().ctx.db.query(
        `INSERT INTO missing_reports (org_id, status, nationality, created_at) VALUES ($1, $2, 'HN', '2025-10-10T12:00:00Z')`,
        [org, i < 6 ? 'open' : 'closed'],
      );
  });

  it('gives an analyst the table as XLSX, CSV with HXL hashtags and JSON, each export audited', async () => {
    const x = await analyst.request({
      method: 'GET',
      url: '/api/stats/missing.reports/export?format=xlsx&by=status&from=2025-10&to=2025-10&lang=en',
    });
    assert.equal(x.statusCode, 200, x.body);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    const sheet = unzipped(x.rawPayload, 'xl/worksheets/sheet1.xml');
    assert.match(sheet, />Open<\/t><\/is><\/c><c r="C3"><v>6<\/v>/);
    // The same hashtags as the release files (one definition), totals in a table of their own.
    const csv = await analyst.get('/api/stats/missing.reports/export?format=csv&by=status&lang=en');
    assert.deepEqual(csv.body.split('\r\n')[1]?.split(','), [
      '#status+code',
      '#status+name',
      '#indicator+num',
      '#description',
    ]);
    assert.ok(!csv.body.includes('Total'));
    const totals = await analyst.get('/api/stats/missing.reports/export?format=csv&part=totals&by=status&lang=es');
    assert.ok(totals.body.includes(',Total,#indicator+num,Todas las personas,7,'), totals.body);
    const json = JSON.parse((await analyst.get('/api/stats/missing.reports/export?format=json&by=status')).body) as {
      cells: unknown[];
      long: { rows: unknown[] };
    };
    assert.equal(json.cells.length, 3);
    const { rows } = await h().ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'statistics.export'`,
    );
    assert.equal(rows[0]?.n, 4);
  });

  it('publishes the protected table as XLSX without login: the hidden cells are empty', async () => {
    const r = await analyst.get(
      '/api/stats/missing.reports/export?format=xlsx&scope=network&by=status&from=2025-10&to=2025-10&lang=en',
    );
    assert.equal(r.statusCode, 200, r.body);
    const sheet = unzipped(r.rawPayload, 'xl/worksheets/sheet1.xml');
    assert.doesNotMatch(sheet, /<v>1<\/v>/, 'the single closed report is never a number');
    assert.match(sheet, />hidden</);
  });

  it('refuses the file to a caseworker, who may only read statistics', async () => {
    const r = await caseworker.get('/api/stats/missing.reports/export?format=csv');
    assert.equal(r.statusCode, 403);
  });
});
