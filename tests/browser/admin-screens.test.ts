// Browser journey through the administration screens, in Debian's Chromium against a real server
// with the demo organisations: the shelter's demo administrator creates a sharing agreement with
// the legal clinic (purposes by name, the fields each shares in words, validity as dd/mm/aaaa),
// sees it listed, revokes it after a confirmation that says what happens, and finds both actions
// in the audit-log browser. axe on both screens; screenshots at 1280 and 360 px; no horizontal
// scroll on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  dayFromToday,
  ensureWebBuild,
  fillDate,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffLogin,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';

const tr = translator(staffMessages('es'));
const clinic = 'Clínica Jurídica Frontera Norte, Tijuana (demo)';
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('administration screens', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const loggedIn = (width = 1280) =>
    staffLogin(browser, server.baseUrl, {
      email: 'admin@soconusco.example',
      password: DEMO_PASSWORD,
      welcome: /Rosa/,
      width,
    });

  const assertAccessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);

  async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 360 px`);
  }

  it('creates an agreement, lists it, revokes it and finds both in the audit log', async () => {
    const { context, page, errors } = await loggedIn();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.admin') })
      .click();
    await page.getByRole('link', { name: tr('adminScreens.sharing.title') }).click();
    await page.getByRole('heading', { level: 1, name: tr('adminScreens.sharing.title') }).waitFor();
    // The demo agreement with the families' committee is listed with its purpose and fields in words.
    const table = page.getByRole('table');
    await table.waitFor();
    assert.match(await table.innerText(), /Búsqueda de personas desaparecidas/);
    assert.match(await table.innerText(), /fecha de nacimiento/);
    assert.doesNotMatch(await table.innerText(), /birthDate|givenNames/);

    await page.getByRole('button', { name: tr('adminScreens.sharing.new') }).click();
    const dialog = page.getByRole('dialog', { name: tr('adminScreens.newAgreement.title') });
    await dialog.waitFor();
    // Nothing chosen: the errors are said at their fields and nothing is sent.
    await dialog.getByRole('button', { name: tr('adminScreens.newAgreement.submit') }).click();
    await dialog.getByText(tr('adminScreens.newAgreement.purposesRequired')).waitFor();
    await dialog.getByText(tr('adminScreens.newAgreement.partnerRequired')).waitFor();
    await dialog.getByLabel(tr('adminScreens.newAgreement.partner')).selectOption({ label: clinic });
    const referrals = dialog.getByRole('checkbox', { name: /^Canalizaciones/ });
    await referrals.check();
    assert.match((await dialog.innerText()) ?? '', /documentos, contactos/);
    const until = dayFromToday(30);
    await fillDate(page, tr('adminScreens.newAgreement.validUntil'), until);
    await assertAccessible(page, 'the new agreement dialog');
    await screenshot(page, 'admin-sharing-new-1280');
    await dialog.getByRole('button', { name: tr('adminScreens.newAgreement.submit') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(tr('adminScreens.sharing.created', { org: clinic })).waitFor();

    const row = page.getByRole('row').filter({ hasText: clinic });
    assert.equal(await row.count(), 1);
    const rowText = await row.innerText();
    assert.match(rowText, new RegExp(tr('adminScreens.sharing.outgoing')));
    assert.match(rowText, /Canalizaciones/);
    assert.ok(rowText.includes(ddmmyyyy(until)), `validity shown as dd/mm/aaaa in: ${rowText}`);
    assert.match(rowText, new RegExp(tr('adminScreens.sharing.statuses.active')));
    await assertAccessible(page, 'the sharing agreements page');
    await screenshot(page, 'admin-sharing-1280');

    // Revoking asks first and says what happens.
    await row.getByRole('button', { name: tr('adminScreens.sharing.revokeWith', { org: clinic }) }).click();
    const confirm = page.getByRole('dialog', { name: tr('adminScreens.revoke.title', { org: clinic }) });
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /dejará de leer de inmediato/);
    await confirm.getByRole('button', { name: tr('adminScreens.revoke.confirm') }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(tr('adminScreens.sharing.revoked', { org: clinic })).waitFor();
    assert.match(await row.innerText(), new RegExp(tr('adminScreens.sharing.statuses.revoked')));
    assert.equal(await row.getByRole('button').count(), 0, 'a revoked agreement offers no revoke button');

    // The audit log has both actions, in words, by Rosa.
    await page.goto(`${server.baseUrl}/app/admin/audit-log`);
    await page.getByRole('heading', { level: 1, name: tr('adminScreens.audit.title') }).waitFor();
    await page.getByLabel(tr('adminScreens.audit.action')).selectOption('sharing_agreement.');
    await page.getByRole('button', { name: tr('adminScreens.audit.apply') }).click();
    const created = page.getByRole('row').filter({ hasText: tr('adminScreens.actions.sharing_agreement_create') });
    const revoked = page.getByRole('row').filter({ hasText: tr('adminScreens.actions.sharing_agreement_revoke') });
    await created.first().waitFor();
    await revoked.first().waitFor();
    // The demo seed makes its agreements through the service as the demo admins (audited too,
    // decision 0135): this journey adds one creation and the only revocation.
    const creations = await created.count();
    assert.ok(creations >= 1);
    assert.equal(await revoked.count(), 1);
    assert.match(await revoked.innerText(), /Rosa Pérez/);
    assert.match(await revoked.innerText(), new RegExp(tr('adminScreens.recordTypes.sharing_agreement')));
    // Only the agreement entries: the filter went to the server.
    assert.equal(await page.locator('tbody tr').count(), creations + 1);
    const exportHref = await page.getByRole('link', { name: tr('adminScreens.audit.export') }).getAttribute('href');
    assert.equal(exportHref, '/api/admin/audit-log/export?action=sharing_agreement.');
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), exportHref!);
    assert.match(csv, /sharing_agreement\.revoke/);
    await assertAccessible(page, 'the audit log');
    await screenshot(page, 'admin-audit-log-1280');

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360 px without sideways scrolling', async () => {
    const { context, page, errors } = await loggedIn(360);
    await page.goto(`${server.baseUrl}/app/admin/sharing`);
    await page.getByRole('heading', { level: 1, name: tr('adminScreens.sharing.title') }).waitFor();
    await page.getByRole('table').waitFor();
    await assertNoHorizontalScroll(page, 'the sharing agreements page');
    await screenshot(page, 'admin-sharing-360');
    await page.getByRole('button', { name: tr('adminScreens.sharing.new') }).click();
    await page.getByRole('dialog', { name: tr('adminScreens.newAgreement.title') }).waitFor();
    await screenshot(page, 'admin-sharing-new-360');
    await page.keyboard.press('Escape');

    await page.goto(`${server.baseUrl}/app/admin/audit-log`);
    await page.getByRole('heading', { level: 1, name: tr('adminScreens.audit.title') }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await assertNoHorizontalScroll(page, 'the audit log');
    await assertAccessible(page, 'the audit log at 360 px');
    await screenshot(page, 'admin-audit-log-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
