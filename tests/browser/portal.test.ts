// Browser journeys through the public portal, in Debian's Chromium against a real server:
// language from the browser, switching and keeping it, axe in every language, a 320/360 px phone,
// the offline journey of a man from Haiti (USER-JOURNEYS.md 7), the first-view size budget, and
// no request to any host but the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  launchChromium,
  repoRoot,
  screenshot,
  seriousAxeViolations,
  webDist,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { LANGUAGES, LANGUAGE_NAMES, MESSAGES, type Lang } from '../../apps/web/src/portal/i18n.ts';

const BUDGET_BYTES = 150 * 1024;
/** Every guide shipped with the portal (the same in every language: portal-content.test.ts). */
const GUIDES = readdirSync(`${repoRoot}apps/web/src/portal/content/es`)
  .map((file) => file.replace(/\.md$/, ''))
  .sort();

/** The portal is part of the web build; build it when the build there predates it. */
function ensurePortalBuild(): void {
  if (existsSync(`${webDist}/portal.html`) && existsSync(`${webDist}/sw.js`)) return;
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

/** The guide's title as written in its Markdown front matter. */
function guideTitle(lang: Lang, slug: string): string {
  const source = readFileSync(`${repoRoot}apps/web/src/portal/content/${lang}/${slug}.md`, 'utf8');
  const title = /^title: (.+)$/m.exec(source)?.[1];
  if (!title) throw new Error(`no title in ${lang}/${slug}`);
  return title.replace(/^"(.*)"$/, '$1');
}

describe('first-view budget of the portal', () => {
  it('keeps the JavaScript and CSS of the first view under 150 KB gzip', () => {
    ensurePortalBuild();
    const html = readFileSync(`${webDist}/portal.html`, 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (match) => match[1] as string,
    );
    assert.ok(
      urls.some((url) => url.endsWith('.js')) && urls.some((url) => url.endsWith('.css')),
      'portal.html loads a script and a style sheet',
    );
    const gzipped = (url: string): number =>
      gzipSync(readFileSync(`${webDist}/${url.replace(/^\/app\//, '')}`), { level: 9 }).length;
    const firstView = urls.reduce((sum, url) => sum + gzipped(url), 0);
    const precache = (JSON.parse(readFileSync(`${webDist}/portal-precache.json`, 'utf8')) as { files: string[] }).files;
    const everything = precache.filter((url) => /\.(js|css)$/.test(url)).reduce((sum, url) => sum + gzipped(url), 0);
    console.log(
      `# portal first view: ${(firstView / 1024).toFixed(1)} KB gzip (${urls.length} files); all portal JS+CSS incl. guides and directory: ${(everything / 1024).toFixed(1)} KB`,
    );
    assert.ok(firstView < BUDGET_BYTES, `first view is ${firstView} bytes gzip, budget ${BUDGET_BYTES}`);
    assert.ok(!urls.some((url) => url.includes('vendor')), 'the portal does not load the staff app libraries');
  });
});

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED portal browser journeys: ${skip}`);

describe('public portal', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const requested = new Set<string>();
  const contexts: BrowserContext[] = [];

  before(async () => {
    ensurePortalBuild();
    server = await startStaffServer();
    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function newContext(options: BrowserContextOptions & { locale: string }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    context.setDefaultTimeout(10_000);
    context.on('request', (request) => requested.add(request.url()));
    contexts.push(context);
    return context;
  }

  async function newPage(
    options: BrowserContextOptions & { locale: string },
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await newContext(options);
    const page = await context.newPage();
    return { context, page, errors: collectPageErrors(page) };
  }

  const heading = (page: Page) => page.locator('main h1');

  it('chooses the language from the browser and sets <html lang>', async () => {
    for (const [locale, lang] of [
      ['ht-HT', 'ht'],
      ['fr-CA', 'fr'],
      ['pt-BR', 'pt'],
      ['en-US', 'en'],
      ['es-MX', 'es'],
      ['de-DE', 'es'],
    ] as const) {
      const { page, errors } = await newPage({ locale });
      await page.goto(`${server.baseUrl}/`);
      await page.waitForURL(`${server.baseUrl}/${lang}/`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, locale);
      assert.equal(await heading(page).textContent(), MESSAGES[lang].homeTitle, locale);
      assert.deepEqual(errors, [], `no console errors (${locale})`);
    }
  });

  it('switches language from any page and keeps the choice', async () => {
    const { context, page, errors } = await newPage({ locale: 'en-US' });
    await page.goto(`${server.baseUrl}/en/guides/asylum-mexico`);
    assert.equal(await heading(page).textContent(), guideTitle('en', 'asylum-mexico'));
    await page.getByRole('link', { name: LANGUAGE_NAMES.ht }).click();
    await page.waitForURL(`${server.baseUrl}/ht/guides/asylum-mexico`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ht');
    assert.equal(await heading(page).textContent(), guideTitle('ht', 'asylum-mexico'));
    const later = await context.newPage();
    await later.goto(`${server.baseUrl}/`);
    await later.waitForURL(`${server.baseUrl}/ht/`);
    assert.equal(await later.getAttribute('html', 'lang'), 'ht');
    // A shared link in another language still opens in that language.
    await later.goto(`${server.baseUrl}/es/services`);
    assert.equal(await heading(later).textContent(), MESSAGES.es.servicesTitle);
    assert.deepEqual(errors, []);
  });

  it('has no serious or critical axe violations in any language', async () => {
    const { page, errors } = await newPage({ locale: 'es-MX' });
    for (const lang of LANGUAGES) {
      for (const path of [`/${lang}/`, ...GUIDES.map((slug) => `/${lang}/guides/${slug}`), `/${lang}/services`]) {
        await page.goto(`${server.baseUrl}${path}`);
        await heading(page).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await seriousAxeViolations(page), [], `axe on ${path}`);
      }
    }
    assert.deepEqual(errors, []);
  });

  it('fits a 320 and a 360 px phone without horizontal scrolling', async () => {
    for (const width of [320, 360]) {
      const { page } = await newPage({
        locale: 'ht-HT',
        viewport: { width, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      for (const [path, name] of [
        ['/ht/', 'home'],
        ['/ht/guides/asylum-mexico', 'guide'],
        ['/ht/services', 'services'],
        ['/fr/guides/detention', 'guide-fr'],
      ] as const) {
        await page.goto(`${server.baseUrl}${path}`);
        await heading(page).waitFor();
        const overflow = (await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        )) as number;
        assert.ok(overflow <= 0, `${path} at ${width} px scrolls sideways by ${overflow} px`);
        if (width === 360) await screenshot(page, `portal-360-${name}`);
      }
    }
  });

  it('works offline after the first visit: a guide in Kreyòl and the nearest legal clinic with its hours', async () => {
    const tapachula = { latitude: 14.9056, longitude: -92.2633 };
    const { context, page, errors } = await newPage({
      locale: 'ht-HT',
      viewport: { width: 360, height: 740 },
      isMobile: true,
      geolocation: tapachula,
      permissions: ['geolocation'],
    });
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(`${server.baseUrl}/ht/`);
    // The service worker has precached everything once it is active and controls the page.
    // (Browser-side code as strings: this file is type-checked without the DOM library.)
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.waitForFunction('navigator.serviceWorker.controller !== null');

    await context.setOffline(true);
    await page.reload();
    await heading(page).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'ht');
    assert.equal(await page.getByRole('status').first().textContent(), MESSAGES.ht.offline);
    await page.getByRole('link', { name: guideTitle('ht', 'asylum-mexico') }).click();
    assert.equal(await heading(page).textContent(), guideTitle('ht', 'asylum-mexico'));
    assert.match(await page.locator('article').innerText(), /30 jou/);
    await screenshot(page, 'portal-offline-guide-ht');

    await page.getByRole('link', { name: MESSAGES.ht.navServices }).click();
    await page.getByLabel(MESSAGES.ht.need).selectOption('legal');
    await page.getByRole('button', { name: MESSAGES.ht.useLocation }).click();
    await page.getByText(MESSAGES.ht.sortedByDistance).waitFor();
    const nearest = page.locator('li.service').first();
    assert.match(await nearest.locator('h2').innerText(), /Tapachula|del Sur/);
    const hours = await nearest.locator('ul.hours').innerText();
    assert.match(hours, /Lendi – Vandredi: 09:00–17:00/);
    assert.match(
      (await nearest.getByRole('link', { name: new RegExp(MESSAGES.ht.call) }).getAttribute('href')) ?? '',
      /^tel:\+52/,
    );
    assert.match(
      (await nearest.getByRole('link', { name: new RegExp(MESSAGES.ht.openMap) }).getAttribute('href')) ?? '',
      /^geo:14\.9/,
    );
    await screenshot(page, 'portal-offline-services-ht');

    // A deep link opened for the first time while offline is served from the cached shell too.
    await page.goto(`${server.baseUrl}/ht/guides/report-disappearance`);
    assert.equal(await heading(page).textContent(), guideTitle('ht', 'report-disappearance'));
    await context.setOffline(false);
    assert.deepEqual(errors, []);
  });

  it('made no request to any host but the server', () => {
    assert.ok(requested.size > 0);
    const foreign = [...requested].filter((url) => new URL(url).origin !== server.baseUrl);
    assert.deepEqual(foreign, []);
  });
});
