// "Cargar más" in the staff lists: a page asked for by an older search never lands on top of a newer
// search's results. A slow second page of the whole list is still travelling when the caseworker
// searches for one name; the list must show that one person, not her plus the stale page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserUnavailable, ensureWebBuild, launchChromium, staffLogin, staffMessages, tr } from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const es = staffMessages('es');
const skip = browserUnavailable();

describe('a list whose search changes while more is loading', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const caseworker = 'carga@albergue.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const orgId = await server.harness.createOrg('albergue-lista');
    await server.harness.ctx.accounts.createAccount({
      orgId,
      email: caseworker,
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Acogida'],
    });
    const api = await server.harness.login(caseworker);
    for (let i = 0; i < 25; i += 1) {
      const r = await api.post('/api/people', { givenNames: `Persona${i}`, surnames: 'Prueba Lista', sex: 'M' });
      assert.equal(r.statusCode, 201, r.body);
    }
    const dania = await api.post('/api/people', { givenNames: 'Dania', surnames: 'Maradiaga', sex: 'F' });
    assert.equal(dania.statusCode, 201, dania.body);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows only the newer search when an older page arrives late', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: caseworker,
      password: TEST_PASSWORD,
      welcome: /carga|Hoy/i,
    });
    await page.goto(`${server.baseUrl}/app/people`);
    const more = page.getByRole('button', { name: tr(es, 'people.search.more') });
    await more.waitFor();
    // The next page of the whole list is held back for two seconds.
    let released = false;
    await page.route(/\/api\/people\?.*cursor=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      released = true;
      await route.continue();
    });
    await more.click();
    await page.getByLabel(tr(es, 'people.search.query')).fill('Dania Maradiaga');
    await page.getByRole('button', { name: tr(es, 'people.search.submit'), exact: true }).click();
    await page.getByRole('link', { name: /Dania/ }).first().waitFor();
    await page.waitForTimeout(2600);
    assert.ok(released, 'the slow page was answered while the newer search was on screen');
    const names = await page.locator('[id^="person-link-"]').allInnerTexts();
    assert.deepEqual(
      names.filter((n) => /Persona\d+/.test(n)),
      [],
      `the late page was appended to the search: ${names.join(' | ')}`,
    );
    assert.ok(names.some((n) => /Dania/.test(n)));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
