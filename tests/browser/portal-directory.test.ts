// The portal's services come from the directory the organisations keep (issue 9, item 3): a
// coordinator adds a service in the staff API, a person opening the portal's services page sees
// it (the bundled sample steps aside), and after that first visit it is still there with no
// connection, from the service worker's copy of the public HSDS answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  seriousAxeViolations,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { legalIdentityService } from '../../apps/server/src/directory/directory-fixtures.ts';
import { MESSAGES } from '../../apps/web/src/portal/i18n.ts';

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);
const NAME = 'Identidad jurídica en Tapachula (Ejemplo vivo)';

describe('portal services from the live directory', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await server.harness.createAccount({ org: 'directorio', email: 'coord@directorio.example', role: 'coordinator' });
    const coordinator = await server.harness.login('coord@directorio.example');
    const created = await coordinator.post(
      '/api/directory/services',
      legalIdentityService({ name: NAME, state: 'Chiapas', city: 'Tapachula', need: 'legal', language: 'ht' }),
    );
    assert.equal(created.statusCode, 201, created.body);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the directory as kept today, and keeps it for the next visit without connection', async () => {
    const context = await browser.newContext({
      locale: 'es-MX',
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.baseUrl}/es/services`);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.reload();
    await page.locator('li.service h2', { hasText: NAME }).waitFor();
    assert.equal(await page.getByText(MESSAGES.es.synthetic).count(), 0, 'the bundled sample note stepped aside');
    await page.getByLabel(MESSAGES.es.spokenFilter).selectOption('ht');
    assert.match(await page.locator('li.service').first().locator('h2').innerText(), /Ejemplo vivo/);
    // The map: a tile per state; tapping Chiapas filters the list to Chiapas.
    await page.getByLabel(MESSAGES.es.spokenFilter).selectOption('');
    const chiapas = page.getByRole('button', { name: /^Chiapas: \d+ servicios$/ });
    await chiapas.click();
    assert.equal(await page.getByLabel(MESSAGES.es.state, { exact: true }).inputValue(), 'Chiapas');
    assert.equal(await page.getByRole('button', { name: /^Chiapas:/ }).getAttribute('aria-pressed'), 'true');
    for (const state of await page.locator('li.service p:nth-of-type(2)').allInnerTexts())
      assert.match(state, /Chiapas/);
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the services page with its map');

    await context.setOffline(true);
    await page.reload();
    await page.locator('li.service h2', { hasText: NAME }).waitFor();
    await context.setOffline(false);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
