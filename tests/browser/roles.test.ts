// Role-aware staff app (decision 0134): each role sees only the modules and actions can() allows
// it in the active organisation, and a deep link to a forbidden page says so instead of failing
// after a form is filled in. One log-in per role, in Spanish, against a real server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  ensureWebBuild,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffLogin,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const tr = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED role-aware browser test: ${skip}`);

const allModules = [
  'people',
  'cases',
  'procedures',
  'incidents',
  'search',
  'referrals',
  'reintegration',
  'statistics',
  'portal',
  'admin',
  'audit',
];

const expected: Record<string, string[]> = {
  admin: allModules,
  coordinator: [
    'people',
    'cases',
    'procedures',
    'incidents',
    'search',
    'referrals',
    'reintegration',
    'statistics',
    'portal',
  ],
  caseworker: ['people', 'cases', 'procedures', 'referrals', 'reintegration', 'statistics'],
  lawyer: ['people', 'cases', 'procedures', 'referrals', 'reintegration', 'statistics'],
  documentation_officer: ['people', 'incidents', 'statistics'],
  search_committee: ['search', 'statistics'],
  analyst: ['statistics'],
};

describe('the staff app by role', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let personId = '';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    for (const role of Object.keys(expected)) {
      await server.harness.createAccount({ org: 'albergue', email: `${role}@albergue.example`, role });
    }
    const caseworker = await server.harness.login('caseworker@albergue.example');
    const person = await caseworker.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F' });
    personId = (person.json() as { id: string }).id;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function login(role: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: `${role}@albergue.example`,
      password: TEST_PASSWORD,
      welcome: new RegExp(tr('home.greeting', { name: role })),
    });
    return { page, errors, close: () => context.close() };
  }

  async function visibleModules(page: Page): Promise<string[]> {
    const nav = page.getByRole('navigation', { name: tr('nav.label') });
    await nav.getByRole('link', { name: tr('nav.home'), exact: true }).waitFor();
    // The module links arrive with the capabilities.
    await page.waitForFunction('document.querySelectorAll("#main-nav .side-nav__link").length > 2');
    const shown: string[] = [];
    for (const module of allModules) {
      if ((await nav.getByRole('link', { name: tr(`nav.${module}`), exact: true }).count()) > 0) shown.push(module);
    }
    return shown;
  }

  for (const role of Object.keys(expected)) {
    it(`shows the ${role} only its modules`, async () => {
      const { page, close, errors } = await login(role);
      assert.deepEqual(await visibleModules(page), expected[role]);
      assert.deepEqual(await seriousAxeViolations(page), []);
      await screenshot(page, `home-${role}-es-1280`);
      assert.deepEqual(errors, []);
      await close();
    });
  }

  it('offers the lawyer no "Registrar a una persona" but "Abrir un procedimiento" on a person', async () => {
    const { page, close } = await login('lawyer');
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByRole('heading', { level: 1, name: tr('nav.people') }).waitFor();
    await page.getByRole('search').or(page.getByRole('form')).first().waitFor();
    assert.equal(await page.getByRole('link', { name: tr('people.registerLink') }).count(), 0);
    // The procedures tab of the person page offers to open one (the form opens in a dialog).
    await page.goto(`${server.baseUrl}/app/people/${personId}?tab=procedures`);
    await page.getByRole('button', { name: tr('procedures.openTitle') }).waitFor();
    // A deep link to the registration form says there is no access, before anything is typed.
    await page.goto(`${server.baseUrl}/app/people/new`);
    await page.getByRole('heading', { level: 1, name: tr('staffApp.forbidden.title') }).waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0);
    await close();
  });

  it('offers the caseworker registration but no procedure, and a referrals page without a red error', async () => {
    const { page, close, errors } = await login('caseworker');
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByRole('link', { name: tr('people.registerLink') }).waitFor();
    await page.goto(`${server.baseUrl}/app/people/${personId}?tab=procedures`);
    await page.getByRole('heading', { level: 2, name: tr('procedures.title') }).waitFor();
    assert.equal(await page.getByRole('button', { name: tr('procedures.openTitle') }).count(), 0);
    assert.equal(await page.getByRole('button', { name: tr('procedures.open') }).count(), 0);
    await page.goto(`${server.baseUrl}/app/referrals`);
    await page.getByRole('heading', { level: 2, name: tr('referrals.box.outgoing') }).waitFor();
    await page.getByText(tr('referrals.none')).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no 403 on the referrals page');
    assert.equal(await page.getByRole('button', { name: tr('referrals.box.incoming') }).count(), 0);
    await screenshot(page, 'referrals-caseworker-es-1280');
    assert.deepEqual(errors, []);
    await close();
  });

  it('shows the search committee a clear page for a deep link to people', async () => {
    const { page, close } = await login('search_committee');
    await page.goto(`${server.baseUrl}/app/people/${personId}`);
    await page.getByRole('heading', { level: 1, name: tr('staffApp.forbidden.title') }).waitFor();
    await page.getByRole('link', { name: tr('staffApp.forbidden.backHome') }).click();
    await page.getByRole('heading', { level: 2, name: tr('staffApp.today.cards.matches') }).waitFor();
    await screenshot(page, 'forbidden-search-committee-es-1280');
    await close();
  });
});
