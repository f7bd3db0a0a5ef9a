// Browser journey (issue 10, item 2) in Debian's Chromium against a real server with the demo
// organisations: Daniel, the demo analyst, opens the statistics dashboard, filters acts of
// violence by period and by state, and reads the bars, the monthly series and the tile map, each
// with its table; the network view shows protected figures only. axe on the dashboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  seriousAxeViolations,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';
import { publishMonth } from '../../apps/server/src/stats/releases.testkit.ts';

const tr = translator(staffMessages('es'));

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('statistics dashboard', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  /** Synthetic acts of the analyst's organisation: [state, act type, how many, date]. */
  const acts: [string, string, number, string][] = [
    ['07', 'extortion', 7, '2025-09-10'],
    ['07', 'robbery', 2, '2025-10-03'],
    ['07', 'extortion', 6, '2025-10-15'],
    ['30', 'extortion', 4, '2025-10-20'],
    ['30', 'kidnapping', 3, '2025-11-02'],
  ];

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    const db = server.harness.ctx.db;
    const orgId = (
      await db.query<{ id: string }>(`SELECT id::text AS id FROM organisations WHERE slug = 'recepcion-cdmx'`)
    ).rows[0]!.id;
    for (const [state, type, n, day] of acts) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO incident_events (org_id, title, start_date, start_precision, country, state_code) VALUES ($1, '\\x00'::bytea, $2, 'day', 'MX', $3) RETURNING id::text AS id`,
        [orgId, day, state],
      );
      for (let i = 0; i < n; i++)
        await db.query(
          `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date) VALUES ($1, $2, $3, 1, $4)`,
          [rows[0]!.id, orgId, type, day],
        );
    }
    // The network view shows what the network published (decision 0141): October 2025 is.
    await publishMonth(server.harness.ctx, ['incidents.acts'], '2025-10');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an analyst filter acts by period and state and read every chart as a table', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByLabel(tr('login.email')).fill('analista@retornodigno.example');
    await page.getByLabel(tr('login.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: tr('login.submit') }).click();
    await page.getByRole('heading', { level: 1, name: /Daniel/ }).waitFor();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.statistics') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('statistics.title') }).waitFor();

    // Everything recorded: 22 acts.
    await page.getByText(/Total: 22 /).waitFor();

    // October 2025 in Chiapas: 8 acts (6 extortions, 2 robberies).
    await page.getByLabel(tr('statistics.from'), { exact: true }).fill('2025-10');
    await page.getByLabel(tr('statistics.to'), { exact: true }).fill('2025-10');
    await page.getByLabel(tr('statistics.state'), { exact: true }).selectOption({ label: 'Chiapas' });
    await page.getByRole('button', { name: tr('statistics.show') }).click();
    await page.getByText(/Total: 8 /).waitFor();

    // The first bar chart counts acts by type (the second, by perpetrator institution).
    const bars = page.locator('figure.chart--bars').first();
    assert.equal(await bars.locator('svg[role="img"]').count(), 1, 'the bars are an image with a name');
    const barRows = await bars
      .locator('table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]));
    assert.deepEqual(barRows, [
      ['Extorsión', '6'],
      ['Robo', '2'],
    ]);

    const series = page.locator('figure.chart--series');
    assert.deepEqual(await series.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent)), [
      '2025-108',
    ]);

    // The map is not narrowed by the state (it shows where the period's acts were) and says so in a table.
    const map = page.locator('figure.chart--map');
    await map.locator('svg[role="img"]').first().waitFor();
    // Two panels: Mexico by state, Central America by department with a total square per country.
    assert.equal(await map.locator('svg[role="img"]').count(), 2);
    assert.equal(await map.locator('g[data-key="GT-16"]').count(), 1);
    assert.equal(await map.locator('g[data-key="country-GT"] text').nth(1).textContent(), '0');
    assert.equal(await map.locator('g[data-key="MX07"] text').nth(1).textContent(), '8');
    assert.equal(await map.locator('g[data-key="MX30"] text').nth(1).textContent(), '4');
    const mapRows = await map
      .locator('table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]));
    assert.deepEqual(mapRows, [
      ['Chiapas', '8'],
      ['Veracruz', '4'],
    ]);
    assert.equal(
      await page.evaluate('document.querySelectorAll("figure.chart table caption").length'),
      4,
      'every chart (acts by type, by perpetrator institution, by month, the map) has a table with a caption',
    );

    assert.deepEqual(await seriousAxeViolations(page), [], 'axe found serious or critical problems on the dashboard');

    // The place filter also offers Central America by department, grouped by country.
    assert.equal(await page.locator('#stats-state optgroup[label="Guatemala"] option[value="GT-16"]').count(), 1);
    await page.getByLabel(tr('statistics.state'), { exact: true }).selectOption('GT-16');
    await page.getByRole('button', { name: tr('statistics.show') }).click();
    await page.getByText(/Total: 0 /).waitFor();

    // The network: one month, protected: the small cells of this organisation are hidden.
    await page.getByLabel(tr('statistics.scope'), { exact: true }).selectOption('network');
    await page.getByLabel(tr('statistics.month'), { exact: true }).fill('2025-10');
    await page.getByLabel(tr('statistics.state'), { exact: true }).selectOption('');
    await page.getByRole('button', { name: tr('statistics.show') }).click();
    await page.getByText(tr('statistics.networkNote')).waitFor();
    await page.locator('figure.chart--bars table tbody tr').first().waitFor();
    const networkCells = await page.locator('figure.chart table tbody td').allTextContents();
    assert.ok(networkCells.includes(tr('charts.hidden')), `a small cell is hidden: ${networkCells.join(', ')}`);
    assert.ok(
      !networkCells.includes('2') && !networkCells.includes('4'),
      `no number under 5 is shown: ${networkCells.join(', ')}`,
    );
    assert.deepEqual(
      await seriousAxeViolations(page),
      [],
      'axe found serious or critical problems on the network view',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lets an administrator schedule the monthly report, pause it and delete it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByLabel(tr('login.email')).fill('admin@retornodigno.example');
    await page.getByLabel(tr('login.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: tr('login.submit') }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.statistics') })
      .click();
    const reports = page.locator('section.statistics-reports');
    await reports.getByText(tr('statistics.reports.none')).waitFor();
    await reports.getByText(tr('statistics.reports.noFiles')).waitFor();
    await reports.getByLabel(tr('statistics.reports.language')).selectOption('en');
    await reports.getByRole('button', { name: tr('statistics.reports.create') }).click();
    await reports.getByText(/^Activa: .*inglés/).waitFor();
    await reports.getByRole('button', { name: tr('statistics.reports.pause') }).click();
    await reports.getByText(/^En pausa/).waitFor();
    assert.equal(
      (await server.harness.ctx.db.query<{ enabled: boolean }>('SELECT enabled FROM report_schedules')).rows[0]
        ?.enabled,
      false,
    );
    await reports.getByRole('button', { name: tr('statistics.reports.delete') }).click();
    await reports.getByText(tr('statistics.reports.none')).waitFor();
    assert.equal((await server.harness.ctx.db.query('SELECT 1 FROM report_schedules')).rowCount, 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
