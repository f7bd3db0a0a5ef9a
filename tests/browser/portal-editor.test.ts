// The portal's content in a real browser: every shipped guide opens in every language with the
// right <html lang> and title; an editor (coordinator) changes a guide in the staff app, sees it
// in the preview (HTML typed into the Markdown stays text), publishes it, and the public portal
// shows the new text; the translation table then shows the other languages as out of date. axe
// checks the staff pages as in the other browser journeys.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  repoRoot,
  screenshot,
  seriousAxeViolations,
} from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';
import { LANGUAGES } from '../../apps/web/src/portal/i18n.ts';
import { parseGuide } from '../../apps/web/src/portal/markdown.ts';

type Messages = { [key: string]: string | Messages };
const es = JSON.parse(readFileSync(`${repoRoot}apps/web/src/i18n/es.json`, 'utf8')) as Messages;
function tr(key: string, params: Record<string, string> = {}): string {
  let node: string | Messages | undefined = es;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no translation ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

const contentDir = `${repoRoot}apps/web/src/portal/content`;
const slugs = readdirSync(`${contentDir}/es`)
  .map((file) => file.replace(/\.md$/, ''))
  .sort();
const titleOf = (lang: string, slug: string) =>
  parseGuide(readFileSync(`${contentDir}/${lang}/${slug}.md`, 'utf8'), lang, slug).meta.title;

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED portal editor journeys: ${skip}`);

describe('portal content in the browser', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const editor = 'editora@red.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const orgId = await server.harness.createOrg('red');
    await server.harness.ctx.accounts.createAccount({
      orgId,
      email: editor,
      password: TEST_PASSWORD,
      role: 'coordinator',
      totpExempt: true,
    });
    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function newPage(locale = 'es-MX'): Promise<{ page: Page; errors: string[] }> {
    // No service worker: each journey sees the server as it is now.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale,
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  it('opens every guide in every language with the right <html lang> and title', async () => {
    const { page, errors } = await newPage();
    for (const lang of LANGUAGES) {
      for (const slug of slugs) {
        await page.goto(`${server.baseUrl}/${lang}/guides/${slug}`);
        const title = titleOf(lang, slug);
        await page.locator('main h1', { hasText: title }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), lang, `${lang}/${slug}`);
        assert.ok((await page.locator('ul.sources li').count()) > 0, `${lang}/${slug} cites sources`);
      }
    }
    assert.deepEqual(errors, []);
  });

  it('lets an editor change and publish a guide, and the public portal shows it', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByLabel(tr('login.email')).fill(editor);
    await page.getByLabel(tr('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: tr('login.submit') }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.portal') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('portal.title') }).waitFor();
    const detentionEs = page.getByRole('link', {
      name: tr('portal.cellLabel', {
        guide: titleOf('es', 'detention'),
        language: tr('portal.languages.es'),
        status: tr('portal.status.published'),
      }),
    });
    await detentionEs.waitFor();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the guide table');
    await screenshot(page, 'portal-editor-table');

    await detentionEs.click();
    await page
      .getByRole('heading', {
        level: 1,
        name: tr('portal.editor.title', { slug: 'detention', language: tr('portal.languages.es') }),
      })
      .waitFor();
    const source = page.getByLabel(tr('portal.editor.markdown'));
    const text = await source.inputValue();
    assert.match(text, /^---\ntitle: /);
    const changed = text.replace('Mantén la calma.', 'Mantén la calma y respira hondo. <script>alert(1)</script>');
    await source.fill(changed);
    const preview = page.locator('.guide-preview');
    await preview.getByText('Mantén la calma y respira hondo. <script>alert(1)</script>').waitFor();
    assert.equal(await preview.locator('script').count(), 0, 'HTML in Markdown stays text in the preview');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the editor');

    await page.getByRole('button', { name: tr('portal.editor.publish') }).click();
    await page.getByText(tr('portal.editor.published', { version: '2' })).waitFor();
    await page
      .getByText(`${tr('portal.editor.versionLabel', { version: '2' })} · ${tr('portal.status.published')}`)
      .waitFor();
    await screenshot(page, 'portal-editor-published');

    const { page: reader, errors: readerErrors } = await newPage('es-MX');
    await reader.goto(`${server.baseUrl}/es/guides/detention`);
    await reader.locator('article').getByText('Mantén la calma y respira hondo. <script>alert(1)</script>').waitFor();
    assert.equal(await reader.locator('article script').count(), 0);
    assert.equal(await reader.getAttribute('html', 'lang'), 'es');
    assert.deepEqual(await seriousAxeViolations(reader), [], 'axe on the published guide');

    await page.getByRole('link', { name: tr('portal.editor.back') }).click();
    const detentionEn = page.getByRole('link', {
      name: tr('portal.cellLabel', {
        guide: titleOf('es', 'detention'),
        language: tr('portal.languages.en'),
        status: tr('portal.status.out_of_date'),
      }),
    });
    await detentionEn.waitFor();
    await detentionEn.click();
    await page.getByText(tr('portal.editor.outOfDate', { from: '1', to: '2' }), { exact: false }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on an out-of-date translation');
    assert.deepEqual(errors, []);
    assert.deepEqual(readerErrors, []);
  });
});
