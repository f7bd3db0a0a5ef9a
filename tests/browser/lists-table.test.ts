// The staff lists as tables (people and cases), in Spanish: a caseworker sorts by a column (the
// order changes, aria-sort says how), chooses the columns (remembered after a reload), loads
// more by cursor, and at 360 px the rows become cards with no sideways scroll; axe at 1280 and
// 360. With 10,000 people loaded, the DOM holds only the rows near the screen (virtualised)
// while scrolling and after sorting; the timings are printed, never asserted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserUnavailable,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  seriousAxeViolations,
  staffLogin,
  staffMessages,
  tr,
} from './browser-kit.ts';
import { seedPeople } from './lists-table-seed.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

// The callbacks given to page.evaluate run in the page; the tests compile without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */
declare function requestAnimationFrame(callback: (time: unknown) => void): number;
declare function getComputedStyle(element: unknown, pseudo?: string): { content: string };

const es = staffMessages('es');
const skip = browserUnavailable();
const BIG = 10_000;

// Invented names, registered in this (unsorted) order.
const GIVEN = ['Olga', 'Brenda', 'Yessenia', 'Álvaro', 'Mirna', 'Kevin', 'Dania', 'Wilmer', 'Ingrid', 'Nelson'];
const SURNAMES = ['Zelaya', 'Bonilla', 'Ortez', 'Aguilar', 'Mejía'];

describe('staff lists as tables', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const small = 'tabla@albergue.example';
  const big = 'grande@albergue.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const smallOrg = await server.harness.createOrg('albergue-tabla');
    const bigOrg = await server.harness.createOrg('albergue-grande');
    for (const [orgId, email] of [
      [smallOrg, small],
      [bigOrg, big],
    ] as const) {
      await server.harness.ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role: 'caseworker',
        totpExempt: true,
        teams: ['Acogida'],
      });
    }
    const api = await server.harness.login(small);
    for (let i = 0; i < 25; i += 1) {
      const body = {
        givenNames: GIVEN[i % GIVEN.length],
        surnames: `${SURNAMES[i % SURNAMES.length]} ${i}`,
        sex: i % 2 ? 'M' : 'F',
        nationality: ['HN', 'GT', 'SV'][i % 3],
      };
      const r = await api.post('/api/people', body);
      assert.equal(r.statusCode, 201, r.body);
    }
    const t0 = performance.now();
    await seedPeople(server.harness, bigOrg, big, BIG);
    console.log(`# seeded ${BIG} people in ${Math.round(performance.now() - t0)} ms`);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function loggedIn(
    email: string,
    width = 1280,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    return staffLogin(browser, server.baseUrl, { email, password: TEST_PASSWORD, welcome: /tabla|grande|Hoy/i, width });
  }

  async function assertAccessible(page: Page, what: string): Promise<void> {
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
  }

  const names = (page: Page) => page.locator('[id^="person-link-"]').allInnerTexts();
  const header = (page: Page, key: string) => page.getByRole('columnheader', { name: tr(es, key) });
  const collate = (a: string, b: string) => a.localeCompare(b, 'es', { sensitivity: 'base', numeric: true });

  async function noSidewaysScroll(page: Page, what: string): Promise<void> {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${what} scrolls sideways: ${scroll} > ${client}`);
  }

  it('sorts by a column, remembers the chosen columns and loads more', async () => {
    const { context, page, errors } = await loggedIn(small);
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByRole('heading', { level: 2, name: tr(es, 'people.search.all') }).waitFor();
    await page.locator('.person-list__item').nth(19).waitFor();
    const before = await names(page);
    assert.equal(before.length, 20, 'the first page is twenty people');

    // Sort by name: ascending, then descending; the header says which.
    const nameHeader = header(page, 'lists.people.name');
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'none');
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    const ascending = await names(page);
    assert.deepEqual(ascending, [...before].sort(collate));
    assert.notDeepEqual(ascending, before, 'sorting changed the order');
    // By keyboard: the sort button is a real button.
    await nameHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await names(page), [...before].sort(collate).reverse());

    // Sorting by nationality orders by the country's name in Spanish, not by its code.
    await header(page, 'lists.people.nationality').getByRole('button').click();
    const countries = await page.locator('td[data-label="Nacionalidad"]').allInnerTexts();
    assert.ok(countries.includes('Honduras') && countries.includes('Guatemala'), countries.join(','));
    assert.deepEqual(countries, [...countries].sort(collate));

    // Column choice: the aliases are hidden at first; show them, hide the sex column.
    assert.equal(await header(page, 'lists.people.aliases').count(), 0);
    await page.locator('summary', { hasText: tr(es, 'lists.columns') }).click();
    const chooser = page.getByRole('group', { name: tr(es, 'lists.columnsLegend') });
    await chooser.getByLabel(tr(es, 'lists.people.aliases')).check();
    await chooser.getByLabel(tr(es, 'lists.people.sex')).uncheck();
    await header(page, 'lists.people.aliases').waitFor();
    assert.equal(await header(page, 'lists.people.sex').count(), 0);
    await assertAccessible(page, 'the people table with the column chooser open');
    await screenshot(page, 'lists-people-columns-1280');
    // Remembered in this browser after a reload.
    await page.reload();
    await page.locator('.person-list__item').nth(19).waitFor();
    await header(page, 'lists.people.aliases').waitFor();
    assert.equal(await header(page, 'lists.people.sex').count(), 0);
    assert.equal(await header(page, 'lists.people.name').getAttribute('aria-sort'), 'none');

    // Load more by cursor: the five others arrive and the first of them takes focus.
    await page.getByRole('button', { name: tr(es, 'people.search.more') }).click();
    await page.getByText(tr(es, 'people.search.count_other', { count: '25' })).waitFor();
    assert.equal((await names(page)).length, 25);
    assert.equal(new Set(await names(page)).size, 25, 'no one twice');
    assert.equal(await page.getByRole('button', { name: tr(es, 'people.search.more') }).count(), 0);
    assert.match((await page.evaluate(() => document.activeElement?.id)) ?? '', /^person-link-/);
    await assertAccessible(page, 'the people table after load more');
    await screenshot(page, 'lists-people-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the cases list empty state, saying what to do next', async () => {
    const { context, page, errors } = await loggedIn(small);
    await page.goto(`${server.baseUrl}/app/cases`);
    await page.getByText(tr(es, 'lists.cases.emptyTitle')).waitFor();
    await page.getByText(tr(es, 'lists.cases.emptyHint')).waitFor();
    await assertAccessible(page, 'the empty cases list');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('turns rows into cards at 360 px with no sideways scroll', async () => {
    const { context, page, errors } = await loggedIn(small, 360);
    await page.goto(`${server.baseUrl}/app/people`);
    await page.locator('.person-list__item').nth(19).waitFor();
    await noSidewaysScroll(page, 'the people list at 360 px');
    // Each card labels its facts ("Nacionalidad: Honduras").
    const label = await page
      .locator('td[data-label="Nacionalidad"]')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    assert.match(label, /Nacionalidad/);
    // Sorting works on a phone too.
    const nameHeader = header(page, 'lists.people.name');
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    await page.locator('summary', { hasText: tr(es, 'lists.columns') }).click();
    await noSidewaysScroll(page, 'the column chooser at 360 px');
    await assertAccessible(page, 'the people list at 360 px');
    await screenshot(page, 'lists-people-360');
    await page.goto(`${server.baseUrl}/app/cases`);
    await page.getByText(tr(es, 'lists.cases.emptyTitle')).waitFor();
    await noSidewaysScroll(page, 'the cases list at 360 px');
    await assertAccessible(page, 'the cases list at 360 px');
    await screenshot(page, 'lists-cases-empty-360');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it(
    'keeps the DOM small with 10,000 people loaded (virtualised), scrolling and sorting',
    { timeout: 600_000 },
    async () => {
      const { context, page, errors } = await loggedIn(big);
      // Pages of 100 (the API's maximum) so that the test loads all 10,000 in a hundred requests.
      await page.route(/\/api\/people\?/, (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set('limit', '100');
        return route.continue({ url: url.toString() });
      });
      await page.goto(`${server.baseUrl}/app/people`);
      await page.locator('.person-list__item').first().waitFor();
      const moreLabel = tr(es, 'people.search.more');
      const t0 = Date.now();
      await page.evaluate(async (label) => {
        // No named helper functions in here: the test runner's transform would wrap them in __name().
        for (let idle = 0; idle < 200;) {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label);
          if (!button) {
            idle += 1;
            await new Promise((resolve) => setTimeout(resolve, 25));
            continue;
          }
          idle = 0;
          button.click();
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }, moreLabel);
      await page.getByText(tr(es, 'people.search.count_other', { count: String(BIG) })).waitFor();
      const loadMs = Date.now() - t0;

      const rowsInDom = () => page.locator('tbody tr.person-list__item').count();
      assert.equal(await page.locator('.data-table[data-virtualised="true"]').count(), 1);
      const atTop = await rowsInDom();
      assert.ok(atTop > 0 && atTop < 200, `${atTop} rows in the DOM for ${BIG} loaded`);

      // Scroll through the list in steps, counting rows and timing frames.
      const scroll = await page.evaluate(async () => {
        const frames: number[] = [];
        let last = performance.now();
        let maxRows = 0;
        const total = document.documentElement.scrollHeight;
        for (let y = 0; y < total; y += Math.round(total / 60)) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = performance.now();
          frames.push(now - last);
          last = now;
          maxRows = Math.max(maxRows, document.querySelectorAll('tbody tr.person-list__item').length);
        }
        window.scrollTo(0, document.documentElement.scrollHeight);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        frames.sort((a, b) => a - b);
        return { maxRows, p95FrameMs: frames[Math.floor(frames.length * 0.95)] ?? 0, height: total };
      });
      assert.ok(scroll.maxRows < 200, `${scroll.maxRows} rows in the DOM while scrolling`);
      assert.ok(scroll.height > BIG * 30, `the page is as tall as ${BIG} rows (${scroll.height} px)`);
      // At the bottom the last rows are drawn.
      // Rows measured taller or shorter than estimated move the bottom while it is reached.
      await page.waitForFunction(
        (last) => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          const rows = document.querySelectorAll('tbody tr.person-list__item');
          return rows[rows.length - 1]?.getAttribute('aria-rowindex') === String(last);
        },
        BIG + 1,
        { polling: 100, timeout: 10_000 },
      );
      assert.ok((await rowsInDom()) < 200, 'still few rows at the bottom');
      // The viewport only: a full-page capture of 10,000 rows is beyond what Chromium can draw.
      await page.screenshot({ path: `${screenshotDir}/lists-people-10000-bottom-1280.png` });

      // Sort all 10,000 by name.
      await page.evaluate(() => window.scrollTo(0, 0));
      const nameButton = header(page, 'lists.people.name').getByRole('button');
      const s0 = Date.now();
      await nameButton.click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
      const sortMs = Date.now() - s0;
      const sorted = await names(page);
      assert.ok(sorted.length < 200, `${sorted.length} rows in the DOM after sorting`);
      assert.deepEqual(sorted, [...sorted].sort(collate), 'the rows on screen are in order');
      console.log(JSON.stringify({ people: BIG, loadAllMs: loadMs, rowsInDom: atTop, scroll, sortMs }));
      await page.screenshot({ path: `${screenshotDir}/lists-people-10000-1280.png` });
      assert.deepEqual(errors, []);
      await context.close();
    },
  );
});
