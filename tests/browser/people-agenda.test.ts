// Browser journeys 1 and 2 (in part) through the people and agenda screens, in Debian's Chromium
// against a real server: a caseworker registers Dania (a validation error first), finds her with
// a misspelt search and records a consent; the lawyer of the same team opens a COMAR procedure,
// enters the entry date and sees the due date and the article, then sees it on the agenda and
// issues the iCal URL. axe on every new page; the people list at 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserUnavailable,
  dayFromToday,
  fillDate,
  ensureWebBuild,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffLogin,
  staffMessages,
  tr,
} from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const es = staffMessages('es');

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('people and agenda screens', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const caseworker = 'rosa@albergue.example';
  const lawyer = 'lucia@albergue.example';
  let personPath = '';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    // The server's clock stays near the wall clock: the browser drops a session cookie whose
    // expiry (set from the server's clock) is already past by its own clock.
    const orgId = await server.harness.createOrg('albergue');
    for (const [email, role] of [
      [caseworker, 'caseworker'],
      [lawyer, 'lawyer'],
    ] as const) {
      await server.harness.ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Asilo'],
      });
    }
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
    return staffLogin(browser, server.baseUrl, { email, password: TEST_PASSWORD, welcome: /rosa|lucia/, width });
  }

  async function assertAccessible(page: Page, what: string): Promise<void> {
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
  }

  it('registers Dania through the form, with a future birth date and overlong notes each rejected at its field first', async () => {
    const { context, page, errors } = await loggedIn(caseworker);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr(es, 'nav.people') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr(es, 'nav.people') }).waitFor();
    await page.getByRole('link', { name: tr(es, 'people.registerLink') }).click();
    await page.getByRole('heading', { level: 1, name: tr(es, 'people.register.title') }).waitFor();
    await assertAccessible(page, 'the register form');

    await page.getByLabel(tr(es, 'people.fields.givenNames')).fill('Dania');
    await page.getByLabel(tr(es, 'people.fields.firstSurname')).fill('Maradiaga');
    await page.getByLabel(tr(es, 'people.fields.sex')).selectOption('F');
    await fillDate(page, tr(es, 'people.fields.birthDate'), dayFromToday(400));
    await page.getByLabel(tr(es, 'people.fields.nationality')).selectOption('HN');
    await page.getByRole('button', { name: tr(es, 'people.form.addDocument') }).click();
    await page.getByLabel(tr(es, 'people.form.documentType', { n: '1' })).selectOption('passport');
    await page.getByLabel(tr(es, 'people.form.documentNumber', { n: '1' })).fill('G1234567');
    await page.getByRole('button', { name: tr(es, 'people.form.addLanguage') }).click();
    await page.getByLabel(tr(es, 'people.form.language', { n: '1' })).fill('español');
    const notes = page.locator('#person-notes');
    await notes.fill('x'.repeat(20_001));
    await page.getByRole('button', { name: tr(es, 'people.register.submit') }).click();

    // The server answers both problems at once: each Spanish message next to its field, and both
    // in the summary, which takes focus.
    const fieldError = page.locator('#person-birthDate-error');
    await fieldError.waitFor();
    assert.match(await fieldError.innerText(), /futuro/i);
    assert.equal(await page.locator('#person-birthDate').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#person-notes-error').innerText(), /20000/);
    assert.equal(await page.locator('#person-notes').getAttribute('aria-invalid'), 'true');
    await page.locator('.error-summary:focus').waitFor();
    assert.equal(await page.locator('.error-summary a').count(), 2, 'one link per wrong field');
    await assertAccessible(page, 'the register form with an error');
    await screenshot(page, 'people-register-error-1280');
    // The summary's link takes the user to the field.
    assert.match(await page.locator('.error-summary a').first().innerText(), /futuro/i, 'in the order of the form');
    await page.locator('.error-summary a').first().click();
    await page.locator('#person-birthDate :focus').waitFor();

    await fillDate(page, tr(es, 'people.fields.birthDate'), '1998-05-14');
    await notes.fill('');
    await page.getByRole('button', { name: tr(es, 'people.register.submit') }).click();
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    await page.getByText(tr(es, 'people.register.done')).waitFor();
    personPath = new URL(page.url()).pathname;
    assert.match(personPath, /^\/app\/people\/[0-9a-f-]{36}$/);
    assert.match(await page.locator('.record').innerText(), /Honduras/);
    // The page is a header and tabs: the documents are on their own tab, opened by a click.
    await page.getByRole('tab', { name: tr(es, 'personTabs.tabs.documents') }).click();
    await page.getByRole('heading', { level: 2, name: tr(es, 'people.fields.documents') }).waitFor();
    assert.match(await page.locator('.record').innerText(), /Pasaporte[\s\S]*G1234567/);
    assert.match(page.url(), /\?tab=documents$/, 'the selected tab is in the URL');

    // A consent for care, signed: the form opens in a dialog when asked for.
    await page.getByRole('tab', { name: tr(es, 'personTabs.tabs.consents') }).click();
    assert.equal(await page.getByLabel(tr(es, 'people.consents.purpose')).count(), 0, 'no form until asked for');
    await page.getByRole('button', { name: tr(es, 'people.consents.recordTitle') }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel(tr(es, 'people.consents.purpose')).selectOption('care');
    await page.getByRole('button', { name: tr(es, 'people.consents.record') }).click();
    await page
      .getByText(tr(es, 'people.consents.recorded', { purpose: tr(es, 'people.consents.purposes.care') }))
      .waitFor();
    await page.locator('.consent-list').getByText(tr(es, 'people.consents.statusActive')).waitFor();
    await assertAccessible(page, 'the person page');
    await screenshot(page, 'people-person-1280');
    // The browser logs the refused registration (400) itself; nothing else may fail.
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await context.close();
  });

  it('finds her with a misspelt search, best match first', async () => {
    const { context, page, errors } = await loggedIn(caseworker);
    await page.goto(`${server.baseUrl}/app/people`);
    await page.getByLabel(tr(es, 'people.search.query')).fill('dania maradiga');
    await page.getByRole('button', { name: tr(es, 'people.search.submit') }).click();
    await page.getByRole('heading', { level: 2, name: tr(es, 'people.search.results') }).waitFor();
    const first = page.locator('.person-list__name').first();
    await first.waitFor();
    assert.equal(await first.innerText(), 'Dania Maradiaga');
    await assertAccessible(page, 'the people list with results');
    await screenshot(page, 'people-search-1280');
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('warns before registering Dania a second time, and opens her existing record', async () => {
    const { context, page, errors } = await loggedIn(caseworker);
    await page.goto(`${server.baseUrl}/app/people/new`);
    await page.getByRole('heading', { level: 1, name: tr(es, 'people.register.title') }).waitFor();
    await page.getByLabel(tr(es, 'people.fields.givenNames')).fill('Dania');
    await page.getByLabel(tr(es, 'people.fields.firstSurname')).fill('Maradiga');
    await page.getByLabel(tr(es, 'people.fields.sex')).selectOption('F');
    await page.getByRole('button', { name: tr(es, 'people.register.submit') }).click();
    const warning = page.getByRole('heading', { level: 2, name: tr(es, 'people.duplicates.title') });
    await warning.waitFor();
    assert.match(await page.locator('.duplicate-warning').innerText(), /Dania Maradiaga/);
    await assertAccessible(page, 'the duplicate warning');
    await screenshot(page, 'people-duplicate-warning');
    await page
      .getByRole('link', { name: tr(es, 'people.duplicates.open') })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    assert.equal(new URL(page.url()).pathname, personPath);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lets the lawyer open a COMAR procedure and see the due date and the article', async () => {
    const { context, page, errors } = await loggedIn(lawyer);
    await page.goto(`${server.baseUrl}${personPath}`);
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    await page.getByRole('tab', { name: tr(es, 'personTabs.tabs.procedures') }).click();
    await page.getByRole('button', { name: tr(es, 'procedures.openTitle') }).click();
    await page.getByLabel(tr(es, 'procedures.type')).selectOption('mx.comar.refugee_status');
    await page.getByRole('button', { name: tr(es, 'procedures.open') }).click();
    await page
      .getByRole('heading', { level: 3, name: 'Reconocimiento de la condición de refugiado (COMAR)' })
      .waitFor();

    await fillDate(page, 'Fecha de entrada a México', dayFromToday(-3));
    await page
      .getByRole('button', { name: tr(es, 'procedures.saveTrigger', { step: 'Solicitud de refugio' }) })
      .click();
    const result = page.locator('.step__result').first();
    await result.waitFor();
    const text = await result.innerText();
    assert.match(text, /Vence el \S+, \d+ de \S+ de \d{4}/, text);
    assert.match(text, /art\. 18/, 'the legal basis is cited');
    assert.match(await page.locator('.step').first().locator('.badge').innerText(), /A tiempo|En riesgo|Vence/);
    // The procedure's history, from the audit log: opened, then the entry date and its deadline.
    await page.getByText(tr(es, 'procedures.historyTitle')).click();
    const history = page.locator('.procedure__history-list li');
    await history.nth(1).waitFor();
    assert.match(await history.nth(0).innerText(), new RegExp(tr(es, 'procedures.history.opened')));
    assert.match(await history.nth(1).innerText(), /Solicitud de refugio/);
    await assertAccessible(page, 'the person page with a procedure');
    await screenshot(page, 'people-procedure-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows the deadline on the lawyer's agenda and issues the iCal URL", async () => {
    const { context, page, errors } = await loggedIn(lawyer);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr(es, 'nav.procedures') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr(es, 'nav.procedures') }).waitFor();
    // A lawyer may not see the whole organisation's agenda: no toggle.
    assert.equal(await page.getByRole('radio').count(), 0);
    const item = page.locator('.agenda-item').filter({ hasText: 'Solicitud de refugio' });
    await item.waitFor();
    assert.match(await item.innerText(), /Reconocimiento de la condición de refugiado \(COMAR\)/);
    assert.match(await item.locator('.badge').innerText(), /\S/, 'the status has words, not only a colour');
    await assertAccessible(page, 'the agenda');

    await page.getByRole('button', { name: tr(es, 'agenda.feed.issue') }).click();
    const url = page.getByLabel(tr(es, 'agenda.feed.url'));
    await url.waitFor();
    const feedUrl = await url.inputValue();
    assert.match(feedUrl, /\/api\/ical\/[A-Za-z0-9_-]+\.ics$/);
    await page.getByText(tr(es, 'agenda.feed.warning')).waitFor();
    const feed = await fetch(feedUrl);
    assert.equal(feed.status, 200);
    const ics = await feed.text();
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.doesNotMatch(ics, /Dania|Maradiaga/, 'no names in the feed');
    await assertAccessible(page, 'the agenda with the feed URL');
    await screenshot(page, 'agenda-1280');

    await page.getByRole('button', { name: tr(es, 'agenda.feed.revoke') }).click();
    await page.getByText(tr(es, 'agenda.feed.revoked')).waitFor();
    assert.equal((await fetch(feedUrl)).status, 404);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works on a 360 px phone', async () => {
    const { context, page, errors } = await loggedIn(caseworker, 360);
    await page.goto(`${server.baseUrl}/app/people`);
    await page.locator('.person-list__name').first().waitFor();
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    assert.ok(overflow <= 0, `the people list scrolls sideways by ${overflow}px at 360 px`);
    await assertAccessible(page, 'the people list at 360 px');
    await screenshot(page, 'people-list-360');
    await page.goto(`${server.baseUrl}/app/people/new`);
    await page.getByRole('heading', { level: 1, name: tr(es, 'people.register.title') }).waitFor();
    const formOverflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    assert.ok(formOverflow <= 0, `the register form scrolls sideways by ${formOverflow}px at 360 px`);
    await screenshot(page, 'people-register-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
