// Every staff route at 360 px (a phone): no horizontal scroll, and the header stays compact.
// Logged in as an organisation admin, who may open every module (decision 0134).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserUnavailable, ensureWebBuild, launchChromium, screenshot, staffLogin } from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED phone-width browser test: ${skip}`);

describe('every staff route at 360 px', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const routes: string[] = [
    '/',
    '/people',
    '/people/new',
    '/cases',
    '/procedures',
    '/procedures/overview',
    '/incidents',
    '/incidents/new',
    '/search',
    '/search/reports/new',
    '/search/found/new',
    '/search/review',
    '/referrals',
    '/reintegration',
    '/reintegration/new',
    '/reintegration/families',
    '/reintegration/consular',
    '/statistics',
    '/portal',
    '/admin',
    '/admin/audit',
    '/account/2fa',
  ];

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await server.harness.createAccount({ org: 'albergue', email: 'admin@albergue.example', role: 'admin' });
    const admin = await server.harness.login('admin@albergue.example');
    const person = await admin.post('/api/people', {
      givenNames: 'Dania Esperanza',
      surnames: 'Maradiaga Flores',
      sex: 'F',
      nationality: 'HN',
      birthDate: '1998-05-14',
    });
    const personId = (person.json() as { id: string }).id;
    const opened = await admin.post('/api/cases', { personId });
    const caseId = (opened.json() as { id: string }).id;
    routes.push(`/people/${personId}`, `/cases/${caseId}`);
    // Every tab of the record pages is a page of its own at 360 px.
    for (const tab of ['family', 'case', 'procedures', 'protection', 'documents', 'consents', 'referrals', 'history'])
      routes.push(`/people/${personId}?tab=${tab}`);
    for (const tab of ['plan', 'procedures', 'notes', 'attachments', 'history'])
      routes.push(`/cases/${caseId}?tab=${tab}`);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no horizontal scroll on any route and a compact header', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: 'admin@albergue.example',
      password: TEST_PASSWORD,
      welcome: /Hola, admin/,
      width: 360,
    });
    const wide: string[] = [];
    for (const route of routes) {
      await page.goto(`${server.baseUrl}/app${route === '/' ? '/' : route}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [
        number,
        number,
      ];
      if (widths[0] > widths[1]) {
        wide.push(`${route}: ${widths[0]} px`);
        await screenshot(page, `too-wide${route.replace(/[/?=]/g, '-')}-360`);
      }
    }
    assert.deepEqual(wide, [], 'pages wider than the 360 px screen');
    await page.goto(`${server.baseUrl}/app/`);
    await page.locator('h1').first().waitFor();
    const header = (await page.evaluate(
      'document.querySelector(".app-header").getBoundingClientRect().height',
    )) as number;
    assert.ok(header <= 64, `the phone header is ${header} px tall`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
