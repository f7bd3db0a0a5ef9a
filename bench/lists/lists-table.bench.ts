// The biggest staff list in a real Chromium: N synthetic people (default 10000, --people N) in
// one organisation, all loaded into the people table by "load more" (pages of 100), then the
// figures a caseworker feels: time to load everything, frame times while scrolling through the
// virtualised rows (p50, p95, max), how many rows the DOM holds, and the time to sort all rows
// by name. Needs the web build (ACOMPANA_WEB_DIST) and Chromium. Prints one JSON line.
import { ensureWebBuild, launchChromium, staffLogin, staffMessages, tr } from '../../tests/browser/browser-kit.ts';
import { seedPeople } from '../../tests/browser/lists-table-seed.ts';
import { startStaffServer, TEST_PASSWORD } from '../../tests/browser/staff-server.ts';

// Page callbacks run in Chromium; this file compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
/* eslint-enable @typescript-eslint/no-explicit-any */
declare function requestAnimationFrame(callback: (time: unknown) => void): number;

const args = process.argv.slice(2);
const i = args.indexOf('--people');
const people = i >= 0 && args[i + 1] ? Number(args[i + 1]) : 10_000;
const es = staffMessages('es');
const email = 'bench@listas.example';

ensureWebBuild();
const server = await startStaffServer();
const browser = await launchChromium();
try {
  const orgId = await server.harness.createOrg('bench-listas');
  await server.harness.ctx.accounts.createAccount({
    orgId,
    email,
    password: TEST_PASSWORD,
    role: 'caseworker',
    totpExempt: true,
    teams: ['Acogida'],
  });
  const s0 = performance.now();
  await seedPeople(server.harness, orgId, email, people);
  const seedMs = Math.round(performance.now() - s0);
  const { context, page } = await staffLogin(browser, server.baseUrl, {
    email,
    password: TEST_PASSWORD,
    welcome: /bench|Hoy/i,
  });
  await page.route(/\/api\/people\?/, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '100');
    return route.continue({ url: url.toString() });
  });
  await page.goto(`${server.baseUrl}/app/people`);
  await page.locator('.person-list__item').first().waitFor();
  const l0 = Date.now();
  await page.evaluate(
    async (label) => {
      for (let idle = 0; idle < 200;) {
        const button = [...document.querySelectorAll('button')].find((b: any) => b.textContent === label); // eslint-disable-line @typescript-eslint/no-explicit-any
        if (button) {
          idle = 0;
          button.click();
        } else idle += 1;
        await new Promise((resolve) => setTimeout(resolve, button ? 10 : 25));
      }
    },
    tr(es, 'people.search.more'),
  );
  await page.getByText(tr(es, 'people.search.count_other', { count: String(people) })).waitFor({ timeout: 300_000 });
  const loadAllMs = Date.now() - l0;
  const walked = await page.evaluate(async () => {
    const frames: number[] = [];
    let maxRows = 0;
    const total = document.documentElement.scrollHeight;
    let last = performance.now();
    for (let y = 0; y < total; y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, document.querySelectorAll('tbody tr.person-list__item').length);
    }
    // Figures are worked out outside: named functions in here would be wrapped in __name().
    return { frames, maxRows };
  });
  const frames = [...(walked.frames as number[])].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((frames[Math.min(frames.length - 1, Math.floor(p * frames.length))] ?? 0) * 10) / 10;
  const scroll = {
    steps: frames.length,
    p50FrameMs: at(0.5),
    p95FrameMs: at(0.95),
    maxFrameMs: at(1),
    maxRowsInDom: walked.maxRows as number,
  };
  await page.evaluate(() => window.scrollTo(0, 0));
  const sort0 = Date.now();
  await page
    .getByRole('columnheader', { name: tr(es, 'lists.people.name') })
    .getByRole('button')
    .click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
  const sortMs = Date.now() - sort0;
  console.log(JSON.stringify({ benchmark: 'lists-table', people, seedMs, loadAllMs, scroll, sortMs }));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
