// The bulletin PDF of a frozen release (decision 0127), read back: title, period, the method note
// in the reader's language, the charts' and tables' labels, hidden figures written as such, the
// map of Mexico and Central America on one page, and the same bytes every time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pdfPageCount, pdfText } from '../incidents/pdf-text.ts';
import { renderReleaseBulletin } from './release-bulletin.pdf.ts';
import type { ReleaseDocument } from '../stats/releases.service.ts';

const text = (es: string, en: string) => ({ es, en });
const types = [
  ['extortion', 'Extorsión', 'Extortion', 40],
  ['robbery', 'Robo', 'Robbery', null],
] as const;
const states = [
  ['MX07', 'Chiapas', 30],
  ['MX30', 'Veracruz', null],
  ['GT', 'Guatemala', 0],
] as const;
const release: ReleaseDocument = {
  id: '6f1c1f8e-0000-4000-8000-000000000001',
  title: 'Violencia contra personas en movilidad, octubre de 2026',
  periodFrom: '2026-10',
  periodTo: '2026-10',
  publishedAt: '2026-12-07T16:00:00.000Z',
  threshold: 5,
  organisations: [{ id: 'a', name: 'Casa Refugio (demo)' }],
  method: text('Se ocultan las celdas con menos de 5.', 'Cells under 5 are hidden.'),
  contentHash: 'f'.repeat(64),
  tables: [
    {
      indicator: 'incidents.acts',
      title: text('Actos de violencia', 'Acts of violence'),
      unit: text('actos', 'acts'),
      valueHxl: '#indicator+num',
      dimensions: [
        {
          id: 'type',
          title: text('Tipo de acto', 'Act type'),
          hxl: '',
          categories: types.map(([key, es, en]) => ({ key, label: text(es, en) })),
        },
        {
          id: 'state',
          title: text('Estado', 'State'),
          hxl: '',
          categories: states.map(([key, name]) => ({ key, label: text(name, name) })),
        },
      ],
      cells: [
        ...types.map(([key, , , n]) => ({ keys: [key, null], count: n })),
        ...states.map(([key, , n]) => ({ keys: [null, key], count: n })),
        { keys: [null, null], count: 52 },
      ],
    },
  ],
};

describe('bulletin PDF of a release', () => {
  it('reads back in Spanish: title, period, method, charts, hidden figures, the map on one page', async () => {
    const pdf = await renderReleaseBulletin(release, 'es');
    const body = pdfText(pdf);
    for (const expected of [
      release.title,
      'Periodo: 2026-10',
      'Organizaciones participantes: Casa Refugio (demo)',
      'Método',
      'Se ocultan las celdas con menos de 5.',
      'Actos de violencia por tipo de acto',
      'Extorsión',
      'oculto',
      'Mapa: actos por estado',
      'CHIS',
      'Página 1 de',
    ])
      assert.ok(body.includes(expected), `missing "${expected}"`);
    assert.ok(!body.includes('Cells under 5'), 'no English method in the Spanish bulletin');
    // Title page, the map alone on its page (no overflow onto a third), nothing more.
    assert.equal(pdfPageCount(pdf), 2);
  });

  it('reads back in English, and is the same file every time', async () => {
    const pdf = await renderReleaseBulletin(release, 'en');
    const body = pdfText(pdf);
    for (const expected of ['Period: 2026-10', 'Method', 'Cells under 5 are hidden.', 'hidden', 'Page 1 of'])
      assert.ok(body.includes(expected), `missing "${expected}"`);
    assert.ok(!body.includes('Método'));
    assert.ok((await renderReleaseBulletin(release, 'en')).equals(pdf), 'same release, same bytes');
  });
});
