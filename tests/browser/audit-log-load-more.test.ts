// "Cargar más" in the audit-log browser: a page asked for under older filters never lands on top of
// the newer filters' entries. The next page of the whole log is still travelling when the
// administrator filters by account actions; the table must keep showing only those.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserUnavailable, ensureWebBuild, launchChromium, staffLogin, staffMessages, tr } from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const es = staffMessages('es');
const skip = browserUnavailable();

describe('the audit log when its filters change while more is loading', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const admin = 'admin@auditoria.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await server.harness.createAccount({ org: 'auditoria', email: admin, role: 'admin' });
    await server.harness.createAccount({ org: 'auditoria', email: 'cw@auditoria.example', role: 'caseworker' });
    // More than a page of entries (50): each registration writes its own.
    const api = await server.harness.login('cw@auditoria.example');
    for (let i = 0; i < 60; i += 1) {
      const r = await api.post('/api/people', { givenNames: `Persona${i}`, surnames: 'Bitácora', sex: 'M' });
      assert.equal(r.statusCode, 201, r.body);
    }
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows only the newer filters when an older page arrives late', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: admin,
      password: TEST_PASSWORD,
      welcome: /admin|Hoy/i,
    });
    await page.goto(`${server.baseUrl}/app/admin/audit-log`);
    await page.getByRole('heading', { level: 1, name: tr(es, 'adminScreens.audit.title') }).waitFor();
    const more = page.getByRole('button', { name: tr(es, 'adminScreens.audit.more') });
    await more.waitFor();
    // The next page of the whole log is held back for two seconds.
    let released = false;
    await page.route(/\/api\/admin\/audit-log\?.*cursor=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      released = true;
      await route.continue();
    });
    await more.click();
    await page.getByLabel(tr(es, 'adminScreens.audit.action')).selectOption('account.');
    await page.getByRole('button', { name: tr(es, 'adminScreens.audit.apply') }).click();
    const rows = page.locator('.admin-table tbody tr');
    await rows.first().waitFor();
    await page.waitForTimeout(2600);
    assert.ok(released, 'the slow page was answered while the newer filters were on screen');
    const texts = await rows.allInnerTexts();
    assert.ok(texts.length > 0 && texts.length < 50, `${texts.length} account entries`);
    assert.deepEqual(
      texts.filter((text) => /person\.create/.test(text)),
      [],
      `the late page was appended to the filtered log: ${texts.length} rows`,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
