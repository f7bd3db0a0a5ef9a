// The Missing Migrants Project export of a published release (decision 0141): MMP's own columns in
// its order; one cumulative row per place with a death or a disappearance; hidden cells stay
// empty (and so does a total one of them would reveal); made from the frozen release only, so
// a restricted death is never in it and a write after publication leaves the file unchanged.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { recordIncident } from './releases.testkit.ts';
import { MMP_COLUMNS, releaseMmpCsv } from './release-mmp.ts';
import type { FrozenTable, ReleaseDocument } from './releases.service.ts';

const text = (es: string, en: string) => ({ es, en });
const cat = (key: string, es: string, en = es) => ({ key, label: text(es, en) });

function document(cells: FrozenTable['cells']): ReleaseDocument {
  return {
    id: '0b7c9d2e-1111-4222-8333-944455556666',
    title: 'Violencia contra personas en movilidad, octubre de 2026',
    periodFrom: '2026-10',
    periodTo: '2026-10',
    publishedAt: '2026-11-20T10:00:00.000Z',
    threshold: 5,
    organisations: [{ id: 'o1', name: 'Casa del Migrante Soconusco' }],
    method: text('', ''),
    contentHash: 'x',
    tables: [
      {
        indicator: 'incidents.acts',
        title: text('Actos', 'Acts'),
        unit: text('actos', 'acts'),
        valueHxl: '#indicator+num',
        dimensions: [
          {
            id: 'type',
            title: text('Tipo', 'Type'),
            hxl: '',
            categories: [cat('death', 'Muerte', 'Death'), cat('disappearance', 'Desaparición', 'Disappearance')],
          },
          { id: 'institution', title: text('Institución', 'Institution'), hxl: '', categories: [cat('inm', 'INM')] },
          {
            id: 'state',
            title: text('Estado', 'State'),
            hxl: '',
            categories: [cat('GT-16', 'Alta Verapaz'), cat('MX07', 'Chiapas'), cat('MX26', 'Sonora')],
          },
        ],
        cells,
      },
    ],
  };
}

/** RFC 4180 rows (quoted fields may hold commas). */
function csvRows(csv: string): string[][] {
  return csv
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')),
    );
}

describe('Missing Migrants Project export', () => {
  it('writes MMP columns and one cumulative row per place, hidden figures empty', () => {
    const csv = releaseMmpCsv(
      document([
        { keys: ['death', null, 'MX07'], count: 6 },
        { keys: ['disappearance', null, 'MX07'], count: 5 },
        { keys: ['death', null, 'MX26'], count: null },
        { keys: ['disappearance', null, 'MX26'], count: 7 },
        { keys: ['death', null, 'GT-16'], count: 0 },
        { keys: ['disappearance', null, 'GT-16'], count: 0 },
      ]),
    );
    const rows = csvRows(csv);
    assert.deepEqual(rows[0], [...MMP_COLUMNS]);
    assert.equal(rows.length, 3, 'Alta Verapaz, with nothing, has no row; no hashtag row');
    const col = (row: string[], name: (typeof MMP_COLUMNS)[number]) => row[MMP_COLUMNS.indexOf(name)];
    const chiapas = rows[1]!;
    assert.equal(col(chiapas, 'Incident Type'), 'Cumulative Incident');
    assert.equal(col(chiapas, 'Incident Date'), '2026-10-31');
    assert.equal(col(chiapas, 'Reported Month'), 'October');
    assert.equal(col(chiapas, 'Region of Incident'), 'Central America');
    assert.equal(col(chiapas, 'Country of Incident'), 'Mexico');
    assert.equal(col(chiapas, 'Number of Dead'), '6');
    assert.equal(col(chiapas, 'Minimum Estimated Number of Missing'), '5');
    assert.equal(col(chiapas, 'Total Number of Dead and Missing'), '11');
    assert.equal(col(chiapas, 'Coordinates'), '', 'no point is ever published');
    assert.equal(col(chiapas, 'Source Quality'), '3');
    assert.match(col(chiapas, 'Location of Incident')!, /^Chiapas, Mexico/);
    const sonora = rows[2]!;
    assert.equal(col(sonora, 'Number of Dead'), '', 'a hidden cell stays hidden');
    assert.equal(col(sonora, 'Minimum Estimated Number of Missing'), '7');
    assert.equal(col(sonora, 'Total Number of Dead and Missing'), '', 'the total would reveal the hidden deaths');
  });

  it('refuses a release without the acts table, naming the table', () => {
    const doc = { ...document([]), tables: [] };
    assert.throws(() => releaseMmpCsv(doc), { code: 'stats.unknown_indicator' });
  });
});

describeOnBothDatabases('Missing Migrants Project export of a published release', (h) => {
  let admin: ApiClient;
  let doc: ApiClient;
  let orgId: string;

  before(async () => {
    h().clock.now = new Date('2026-12-07T16:00:00Z');
    orgId = await h().createOrg('casa-mmp');
    await h().createAccount({ org: 'casa-mmp', email: 'admin@mmp.example', role: 'admin' });
    await h().createAccount({ org: 'casa-mmp', email: 'doc@mmp.example', role: 'documentation_officer' });
    admin = await h().login('admin@mmp.example');
    doc = await h().login('doc@mmp.example');
    await recordIncident(doc, { date: '2026-10-05', state: '07', acts: [['death', 'organised_crime', 6]] });
    await recordIncident(doc, { date: '2026-10-09', state: '07', acts: [['disappearance', 'organised_crime', 5]] });
    await recordIncident(doc, {
      date: '2026-10-14',
      state: '26',
      acts: [['death', 'prosecutors_mx', 1]],
      confidentiality: 'restricted',
    });
  });

  it('is made from the frozen release: a restricted death is absent and later writes change nothing', async () => {
    const published = await admin.post('/api/stats/releases', {
      title: 'Boletín de prueba',
      periodFrom: '2026-10',
      periodTo: '2026-10',
      tables: ['incidents.acts'],
      orgIds: [orgId],
    });
    assert.equal(published.statusCode, 201, published.body);
    const id = (published.json() as ReleaseDocument).id!;
    const url = `/api/public/releases/${id}/download?format=mmp`;
    const first = await h().app.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 200, first.body);
    assert.match(String(first.headers['content-type']), /^text\/csv/);
    assert.match(String(first.headers['content-disposition']), /missing-migrants\.csv/);
    const rows = csvRows(first.body);
    assert.equal(rows.length, 2, first.body);
    assert.ok(!first.body.includes('Sonora'), 'the restricted death in Sonora is never exported');
    assert.ok(rows[1]!.includes('6') && rows[1]!.includes('11'), first.body);
    await recordIncident(doc, { date: '2026-10-20', state: '07', acts: [['death', 'organised_crime', 3]] });
    const again = await h().app.inject({ method: 'GET', url });
    assert.equal(again.body, first.body, 'the file of a published release never changes');
  });
});
