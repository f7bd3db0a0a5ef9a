// Portal content through the API: the shipped guides are imported once as published version 1;
// editors save drafts and publish; drafts never reach the public API; a translation made from an
// older Spanish version shows as out of date; images are sniffed by content and public only once
// published; a caseworker cannot edit; HTML in Markdown stays text.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { importShippedGuides, shippedContentDir } from './portal-import.ts';

interface Cell {
  status: string;
  publishedVersion: number | null;
  latestVersion: number | null;
  sourceVersion: number | null;
  hasDraft: boolean;
}
interface Overview {
  languages: string[];
  guides: { slug: string; title: string; cells: Record<string, Cell> }[];
}
interface Version {
  version: number;
  status: string;
  markdown: string;
  sourceVersion: number | null;
  authorEmail: string | null;
}
interface PublicList {
  items: { meta: { slug: string; title: string }; version: number }[];
}
interface PublicGuide {
  meta: { title: string };
  blocks: unknown[];
  version: number;
}

const shipped = (lang: string, slug: string) => readFileSync(join(shippedContentDir, lang, `${slug}.md`), 'utf8');
const guide = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: Resumen\nlastReviewed: 2026-11-23\n${extra}sources:\n  - Ley de Migración | https://www.diputados.gob.mx/LeyesBiblio/pdf/LMigra.pdf\n---\n${body}\n`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describeOnBothDatabases('portal content', (h) => {
  let editor: ApiClient;
  const anonymous = (url: string) => h().app.inject({ method: 'GET', url });

  it('imports the shipped guides once, as published version 1 in every language', async () => {
    await h().createAccount({ org: 'red', email: 'coord@red.example', role: 'coordinator' });
    editor = await h().login('coord@red.example');
    const overview = (await editor.get('/api/portal/guides')).json() as Overview;
    const detention = overview.guides.find((g) => g.slug === 'detention');
    assert.ok(detention && overview.guides.length >= 10, JSON.stringify(overview.guides.map((g) => g.slug)));
    for (const lang of ['es', 'en', 'fr', 'pt', 'ht']) assert.equal(detention.cells[lang]?.status, 'published', lang);
    assert.equal(
      await importShippedGuides({ db: h().ctx.db, audit: h().ctx.audit, clock: () => h().clock.now }),
      0,
      'a second import changes nothing',
    );
    const list = (await anonymous('/api/public/portal/guides?lang=ht')).json() as PublicList;
    assert.ok(list.items.some((item) => item.meta.slug === 'asylum-mexico' && item.version === 1));
  });

  it('versions a guide: saving makes a draft that is never public until published', async () => {
    const url = '/api/portal/guides/detention/es/versions';
    const markdown = shipped('es', 'detention').replace('Mantén la calma.', 'Mantén la calma y respira.');
    const saved = await editor.post(url, { markdown });
    assert.equal(saved.statusCode, 201, saved.body);
    const draft = saved.json() as Version;
    assert.deepEqual([draft.version, draft.status, draft.authorEmail], [2, 'draft', 'coord@red.example']);
    const before = (await anonymous('/api/public/portal/guides/es/detention')).json() as PublicGuide;
    assert.equal(before.version, 1);
    assert.ok(!JSON.stringify(before.blocks).includes('respira'), 'a draft is not public');
    const published = await editor.post(`${url}/2/publish`);
    assert.equal(published.statusCode, 200, published.body);
    const after = (await anonymous('/api/public/portal/guides/es/detention')).json() as PublicGuide;
    assert.equal(after.version, 2);
    assert.ok(JSON.stringify(after.blocks).includes('respira'));
    assert.equal((await editor.post(`${url}/2/publish`)).statusCode, 409);
    const history = (await editor.get('/api/portal/guides/detention/es')).json() as { versions: Version[] };
    assert.deepEqual(
      history.versions.map((v) => [v.version, v.status]),
      [
        [2, 'published'],
        [1, 'published'],
      ],
    );
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_type = 'portal_content' ORDER BY seq",
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['portal.import', 'portal.save', 'portal.publish'],
    );
  });

  it('shows translations made from an older Spanish version as out of date until updated', async () => {
    const cells = async () =>
      ((await editor.get('/api/portal/guides')).json() as Overview).guides.find((g) => g.slug === 'detention')?.cells ??
      {};
    assert.equal((await cells()).en?.status, 'out_of_date');
    assert.equal((await cells()).en?.sourceVersion, 1);
    const saved = (
      await editor.post('/api/portal/guides/detention/en/versions', { markdown: shipped('en', 'detention') })
    ).json() as Version;
    assert.equal(saved.sourceVersion, 2, 'made from the current published Spanish version');
    assert.equal((await cells()).en?.status, 'out_of_date', 'still out of date while the update is a draft');
    assert.equal((await cells()).en?.hasDraft, true);
    await editor.post(`/api/portal/guides/detention/en/versions/${saved.version}/publish`);
    assert.equal((await cells()).en?.status, 'published');
    assert.equal((await cells()).fr?.status, 'out_of_date');
    assert.equal(
      (
        await editor.post('/api/portal/guides/detention/fr/versions', {
          markdown: shipped('fr', 'detention'),
          sourceVersion: 9,
        })
      ).statusCode,
      400,
    );
  });

  it('creates a new guide from its Spanish version; translations need it first; drafts have no public page', async () => {
    assert.equal(
      (await editor.post('/api/portal/guides/nueva-guia/en/versions', { markdown: guide('New', 'Text') })).json().code,
      'portal.translation_without_source',
    );
    const created = await editor.post('/api/portal/guides/nueva-guia/es/versions', {
      markdown: guide('Guía nueva', '## Uno\n\nTexto.'),
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await anonymous('/api/public/portal/guides/es/nueva-guia')).statusCode, 404);
    assert.ok(
      !((await anonymous('/api/public/portal/guides?lang=es')).json() as PublicList).items.some(
        (i) => i.meta.slug === 'nueva-guia',
      ),
    );
    const invalid = await editor.post('/api/portal/guides/nueva-guia/es/versions', {
      markdown: '---\ntitle: T\nsummary: S\nlastReviewed: 2026-11-23\n---\nNo sources',
    });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().code, 'portal.invalid_guide');
    const cell = ((await editor.get('/api/portal/guides')).json() as Overview).guides.find(
      (g) => g.slug === 'nueva-guia',
    )?.cells;
    assert.deepEqual([cell?.es?.status, cell?.en?.status], ['draft', 'missing']);
  });

  it('keeps script tags and unsafe links in Markdown as text', async () => {
    const markdown = guide(
      'Con HTML',
      '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1))',
    );
    const saved = (await editor.post('/api/portal/guides/html/es/versions', { markdown })).json() as Version;
    await editor.post(`/api/portal/guides/html/es/versions/${saved.version}/publish`);
    const response = await anonymous('/api/public/portal/guides/es/html');
    const { blocks } = response.json() as PublicGuide;
    assert.deepEqual(blocks, [
      { type: 'p', content: ['<script>alert(1)</script> <img src=x onerror=alert(1)>'] },
      { type: 'p', content: ['clic', ')'] },
    ]);
    assert.match(String(response.headers['content-type']), /application\/json/);
  });

  it('accepts PNG, JPEG and WebP images by content only, and serves them publicly once published', async () => {
    const put = (payload: Buffer, type: string) =>
      editor.request({
        method: 'PUT',
        url: '/api/portal/guides/nueva-guia/images',
        payload,
        headers: { 'content-type': type },
      });
    assert.equal(
      (await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png')).statusCode,
      415,
      'SVG renamed as PNG',
    );
    assert.equal((await put(Buffer.from('%PDF-1.7 ...'), 'application/octet-stream')).statusCode, 415);
    assert.equal((await put(PNG, 'image/jpeg')).json().code, 'portal.image_type_mismatch');
    assert.equal((await put(Buffer.alloc(0), 'image/png')).statusCode, 400);
    assert.equal((await put(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'image/png')).statusCode, 413);
    const uploaded = await put(PNG, 'image/png');
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const image = uploaded.json() as { id: string; url: string; contentType: string };
    assert.equal(image.contentType, 'image/png');
    assert.equal((await anonymous(image.url)).statusCode, 404, 'not public before a published version uses it');
    assert.equal(
      (await editor.get(`/api/portal/images/${image.id}`)).statusCode,
      200,
      'editors see it for the preview',
    );
    const saved = (
      await editor.post('/api/portal/guides/nueva-guia/es/versions', {
        markdown: guide('Guía nueva', `## Uno\n\n![Mapa de la oficina](${image.url})`),
      })
    ).json() as Version;
    await editor.post(`/api/portal/guides/nueva-guia/es/versions/${saved.version}/publish`);
    const served = await anonymous(image.url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.deepEqual(served.rawPayload, PNG);
    const { blocks } = (await anonymous('/api/public/portal/guides/es/nueva-guia')).json() as PublicGuide;
    assert.deepEqual(blocks[1], { type: 'img', src: image.url, alt: 'Mapa de la oficina' });
  });

  it('lets only editors (admin, coordinator) read or change portal content', async () => {
    await h().createAccount({ org: 'red', email: 'cw@red.example', role: 'caseworker' });
    const caseworker = await h().login('cw@red.example');
    assert.equal((await caseworker.get('/api/portal/guides')).statusCode, 403);
    assert.equal(
      (await caseworker.post('/api/portal/guides/detention/es/versions', { markdown: shipped('es', 'detention') }))
        .statusCode,
      403,
    );
    assert.equal((await caseworker.post('/api/portal/guides/detention/es/versions/1/publish')).statusCode, 403);
    assert.equal(
      (
        await caseworker.request({
          method: 'PUT',
          url: '/api/portal/guides/detention/images',
          payload: PNG,
          headers: { 'content-type': 'image/png' },
        })
      ).statusCode,
      403,
    );
    assert.equal((await h().app.inject({ method: 'GET', url: '/api/portal/guides' })).statusCode, 401);
    await h().createAccount({ org: 'otra', email: 'admin@otra.example', role: 'admin' });
    const admin = await h().login('admin@otra.example');
    assert.equal(
      (await admin.post('/api/portal/guides/detention/pt/versions', { markdown: shipped('pt', 'detention') }))
        .statusCode,
      201,
    );
  });
});
