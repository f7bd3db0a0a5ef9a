// Browser journey for the differentiated profile and households, in Debian's Chromium against a
// real server: a coordinator registers an adolescent travelling alone with the "unaccompanied
// child" indicator, sees the intake plan (child best-interests screening required, the steps
// owed to the Procuraduría) and finds him by that indicator in the people list; then groups a
// mother and her daughter into a family: a child as the mother's guardian is refused next to the
// field, the daughter is added with her mother as responsible adult. axe on every page state.
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
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('differentiated profile and households screens', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let motherId = '';
  const coordinator = 'rosa@albergue.example';
  const year = new Date().getUTCFullYear();

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const orgId = await server.harness.createOrg('albergue');
    await server.harness.ctx.accounts.createAccount({
      orgId,
      email: coordinator,
      password: TEST_PASSWORD,
      role: 'coordinator',
      totpExempt: true,
      teams: ['Atención'],
    });
    const api = await server.harness.login(coordinator);
    const mother = await api.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      birthDate: `${year - 31}-04-02`,
      nationality: 'HN',
    });
    motherId = (mother.json() as { id: string }).id;
    await api.post('/api/people', {
      givenNames: 'Keyla',
      surnames: 'Maradiaga',
      sex: 'F',
      birthDate: `${year - 9}-08-20`,
      nationality: 'HN',
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function loggedIn(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: coordinator,
      password: TEST_PASSWORD,
      welcome: /rosa/,
    });
    return { page, errors, close: () => context.close() };
  }

  const accessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);

  it('registers an unaccompanied adolescent and shows the intake plan with the best-interests steps', async () => {
    const { page, errors, close } = await loggedIn();
    await page.goto(`${server.baseUrl}/app/people/new`);
    await page.getByRole('heading', { level: 1, name: tr('people.register.title') }).waitFor();
    await page.getByRole('group', { name: tr('profile.legend') }).waitFor();
    await accessible(page, 'the register form with the profile fieldset');
    await page.getByLabel(tr('people.fields.givenNames')).fill('Brayan');
    await page.getByLabel(tr('people.fields.firstSurname')).fill('Alvarado');
    await page.getByLabel(tr('people.fields.estimatedAge')).fill('14');
    await page.getByLabel(tr('profile.indicators.unaccompanied_child'), { exact: true }).check();
    await page.getByRole('button', { name: tr('people.register.submit') }).click();
    await page.getByRole('heading', { level: 1, name: 'Brayan Alvarado' }).waitFor();

    const section = page.locator('section[aria-labelledby="profile-title"]');
    await section.getByText(tr('profile.plan.title')).waitFor();
    const text = await section.innerText();
    assert.match(text, new RegExp(tr('profile.indicators.unaccompanied_child')));
    assert.match(text, /Interés superior de la niñez \(tamizaje inicial\)\s*obligatorio/);
    assert.match(text, /Notificar a la Procuraduría de Protección de Niñas, Niños y Adolescentes/);
    assert.match(text, /Ley de Migración art\. 112/);
    assert.match(text, new RegExp(tr('profile.plan.notifies')));
    await accessible(page, 'the person page with the intake plan');
    await screenshot(page, 'profile-intake-plan-1280');

    // The people list filtered by the indicator finds him, and only him.
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByLabel(tr('profile.legend'), { exact: true }).selectOption('unaccompanied_child');
    await page.getByRole('button', { name: tr('people.search.submit') }).click();
    await page.locator('.person-list__name', { hasText: 'Brayan Alvarado' }).waitFor();
    assert.deepEqual(await page.locator('.person-list__name').allInnerTexts(), ['Brayan Alvarado']);
    assert.deepEqual(errors, []);
    await close();
  });

  it('creates a family with the mother as reference and her daughter with her as responsible adult', async () => {
    const { page, errors, close } = await loggedIn();
    // A link can open the person's page on a tab: the family tab here.
    await page.goto(`${server.baseUrl}/app/people/${motherId}?tab=family`);
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    assert.equal(
      await page.getByRole('tab', { name: tr('personTabs.tabs.family') }).getAttribute('aria-selected'),
      'true',
    );
    const section = page.locator('section[aria-labelledby="households-title"]');
    await section.getByText(tr('households.none')).waitFor();
    await section.getByLabel(tr('households.kind'), { exact: true }).selectOption('family');
    await section.getByLabel(tr('households.label'), { exact: true }).fill('Familia Maradiaga');
    await section.getByRole('button', { name: tr('households.create') }).click();
    await section.getByRole('heading', { level: 3, name: /Familia Maradiaga/ }).waitFor();

    await section.getByLabel(tr('households.search'), { exact: true }).fill('Keyla Maradiaga');
    await section.getByRole('button', { name: tr('households.searchButton') }).click();
    await section.getByLabel(tr('households.person'), { exact: true }).waitFor();
    // A nine-year-old as her mother's guardian: refused, with the reason next to the field.
    await section.getByLabel(tr('households.relationship'), { exact: true }).selectOption('guardian');
    await section.getByRole('button', { name: tr('households.add') }).click();
    const refusal = section.locator('[id$="-relationship-error"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /no puede figurar como madre, padre o tutor de una persona adulta/);
    await accessible(page, 'the household form with an error');

    await section.getByLabel(tr('households.relationship'), { exact: true }).selectOption('child');
    await section.getByLabel(tr('households.responsible'), { exact: true }).selectOption({ label: 'Dania Maradiaga' });
    await section.getByRole('button', { name: tr('households.add') }).click();
    const responsible = section.getByLabel(tr('households.responsibleFor', { name: 'Keyla Maradiaga' }), {
      exact: true,
    });
    await responsible.waitFor();
    assert.equal(await responsible.inputValue(), motherId);
    assert.match(await section.locator('.household__members').innerText(), /Keyla Maradiaga\s*· 9 años · Hija o hijo/);
    await accessible(page, 'the person page with a household');
    await screenshot(page, 'household-1280');
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await close();
  });
});
