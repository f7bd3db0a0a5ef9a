// `npm run bench -- weight`: bytes on the wire of the public portal, as Chromium receives them
// (CDP Network.loadingFinished encodedDataLength: compressed bodies plus headers), against a real
// server with the demo directory (every kind of service in every city of the route). Build first:
// `npm run build`. Prints one JSON line; exits 1 when a target of docs/decisions/0133 is missed:
// - firstView: a first visit to /es/ with nothing cached (service worker kept out) < 60 KB;
// - journey: home, one guide, then the services of one state (Chiapas) < 200 KB;
// - offlineCache: what the service worker downloads to work offline (its precache list, brotli
//   as the server sends it) < 250 KB;
// - directoryBefore: what the services page cost before (every page of the directory, 200 at a
//   time, as the portal fetched it), uncompressed and brotli, for comparison.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, webDist } from '../../tests/browser/browser-kit.ts';
import { startStaffServer } from '../../tests/browser/staff-server.ts';
import { seedDemo } from '../../apps/server/src/demo/seed-demo.ts';
import { seedDemoDirectory } from '../../apps/server/src/reintegration/demo-directory.ts';

const TARGETS = { firstView: 60 * 1024, journey: 200 * 1024, offlineCache: 250 * 1024 };

if (!existsSync(join(webDist, 'portal.html'))) {
  console.error('no web build: run `npm run build` first');
  process.exit(2);
}

/** Body bytes as sent for this accept-encoding (no decoding), and the decoded length when identity. */
function rawGet(url: string, encoding: string): Promise<{ status: number; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, bytes: body.length, body });
      });
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Sums what the page's network stack received while `steps` run. */
async function measure(
  browser: Browser,
  steps: (page: Page) => Promise<void>,
): Promise<{ bytes: number; requests: number }> {
  // No service worker: its background precache would be counted as the page's own loading.
  const context: BrowserContext = await browser.newContext({ locale: 'es-MX', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await steps(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  return { bytes, requests };
}

const server = await startStaffServer();
const ctx = server.harness.ctx;
await seedDemo(ctx);
const services = await seedDemoDirectory(ctx);
const browser = await launchChromium();
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
try {
  const firstView = await measure(browser, async (page) => {
    await page.goto(`${server.baseUrl}/es/`, { waitUntil: 'networkidle' });
  });
  const journey = await measure(browser, async (page) => {
    await page.goto(`${server.baseUrl}/es/`, { waitUntil: 'networkidle' });
    await page.locator('a[href="/es/guides/asylum-mexico"]').first().click();
    await page.locator('article').waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${server.baseUrl}/es/services`, { waitUntil: 'networkidle' });
    await page.locator('#filter-state').selectOption('Chiapas');
    await page.locator('li.service').first().waitFor();
    await page.waitForLoadState('networkidle');
  });

  const precache = JSON.parse(readFileSync(join(webDist, 'portal-precache.json'), 'utf8')) as { files: string[] };
  let offlineBrotli = 0;
  let offlinePlain = 0;
  for (const file of precache.files) {
    const br = await rawGet(`${server.baseUrl}${file}`, 'br');
    const plain = await rawGet(`${server.baseUrl}${file}`, 'identity');
    if (br.status !== 200 || plain.status !== 200) throw new Error(`${file}: ${br.status}/${plain.status}`);
    offlineBrotli += br.bytes;
    offlinePlain += plain.bytes;
  }

  let directoryPlain = 0;
  let directoryBrotli = 0;
  for (let page = 1; ; page++) {
    const url = `${server.baseUrl}/api/public/hsds/services?per_page=200&page=${page}`;
    const plain = await rawGet(url, 'identity');
    directoryPlain += plain.bytes;
    directoryBrotli += (await rawGet(url, 'br')).bytes;
    if (page >= (JSON.parse(plain.body.toString()) as { total_pages: number }).total_pages) break;
  }

  const figures = {
    benchmark: 'portal-weight',
    directoryServices: services,
    firstViewKB: kb(firstView.bytes),
    firstViewRequests: firstView.requests,
    journeyKB: kb(journey.bytes),
    journeyRequests: journey.requests,
    offlineCacheBrotliKB: kb(offlineBrotli),
    offlineCacheUncompressedKB: kb(offlinePlain),
    offlineCacheFiles: precache.files.length,
    directoryBefore: { uncompressedKB: kb(directoryPlain), brotliKB: kb(directoryBrotli) },
    targetsKB: { firstView: 60, journey: 200, offlineCache: 250 },
  };
  console.log(JSON.stringify(figures));
  const missed = [
    firstView.bytes >= TARGETS.firstView && `first view ${figures.firstViewKB} KB`,
    journey.bytes >= TARGETS.journey && `journey ${figures.journeyKB} KB`,
    offlineBrotli >= TARGETS.offlineCache && `offline cache ${figures.offlineCacheBrotliKB} KB`,
  ].filter(Boolean);
  if (missed.length) {
    console.error(`over target: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
