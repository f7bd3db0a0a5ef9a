#!/usr/bin/env node
// `npm run screenshots`: starts the server with the synthetic demo on a fresh temporary data
// directory, logs in as the demo accounts in Spanish and writes PNGs of the main staff screens at
// 1280 and 360 px into docs/screenshots/, for reviewers (decision 0134). Needs Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium) and a built web app (built here if missing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'docs/screenshots');
const es = JSON.parse(readFileSync(join(root, 'apps/web/src/i18n/es.json'), 'utf8'));
const PASSWORD = 'acompana-demo-2026';

/** The screens, by account: [file name, in-app path or a step that gets there]. */
const tour = [
  {
    email: 'trabajo.social@soconusco.example',
    screens: [
      ['hoy-trabajo-social', '/'],
      ['personas', '/people'],
      [
        'persona',
        async (page, base) => openFirst(page, `${base}/app/people`, 'a[href^="/app/people/"]:not([href$="/new"])'),
      ],
      ['registrar-persona', '/people/new'],
      ['casos', '/cases'],
      ['canalizaciones-trabajo-social', '/referrals'],
    ],
  },
  {
    email: 'abogada@fronteranorte.example',
    screens: [
      ['hoy-abogada', '/'],
      ['plazos', '/procedures'],
      ['sin-acceso-abogada', '/people/new'],
    ],
  },
  {
    email: 'busqueda@familiascholoma.example',
    screens: [
      ['hoy-comite-busqueda', '/'],
      ['busqueda', '/search'],
      ['coincidencias', '/search/review'],
    ],
  },
  {
    email: 'coordinacion@soconusco.example',
    screens: [
      ['hoy-coordinacion', '/'],
      ['incidentes', '/incidents'],
      ['canalizaciones-coordinacion', '/referrals'],
      ['estadisticas', '/statistics'],
    ],
  },
  {
    email: 'recepcion@retornodigno.example',
    screens: [
      ['retorno', '/reintegration'],
      ['recepcion-nueva', '/reintegration/new'],
    ],
  },
];

async function openFirst(page, listUrl, selector) {
  await page.goto(listUrl);
  const link = page.locator(selector).first();
  await link.waitFor({ timeout: 15_000 });
  await link.click();
  await page.waitForURL(/\/app\/people\/[0-9a-f-]{36}$/);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitFor(check, what, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'acompana-screens-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ACOMPANA_DATA_DIR: dataDir, ACOMPANA_DEMO: 'true' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

let browser;
try {
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 'the server');
  // The demo adds people and procedures in the seconds after start: wait until they are there.
  await waitFor(async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinacion@soconusco.example', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    const people = await fetch(`${base}/api/people?limit=5`, { headers: { cookie } });
    return people.ok && (await people.json()).items.length >= 5;
  }, 'the demo people');
  mkdirSync(outDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  let written = 0;
  for (const width of [1280, 360]) {
    for (const account of tour) {
      const context = await browser.newContext({
        viewport: { width, height: width === 360 ? 780 : 860 },
        locale: 'es-MX',
        timezoneId: 'America/Mexico_City',
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(`${base}/app/login`);
      await page.getByLabel(es.login.email).fill(account.email);
      await page.getByLabel(es.login.password).fill(PASSWORD);
      await page.getByRole('button', { name: es.login.submit }).click();
      await page.waitForURL(/\/app\/$/);
      for (const [name, target] of account.screens) {
        if (typeof target === 'string') await page.goto(`${base}/app${target === '/' ? '/' : target}`);
        else await target(page, base);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const file = join(outDir, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: width === 360 ? false : true });
        written += 1;
        console.log(`docs/screenshots/${name}-${width}.png`);
      }
      await context.close();
    }
  }
  console.log(`${written} screenshots written to docs/screenshots/`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
