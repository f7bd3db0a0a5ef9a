// Browser journey for deadline reminders and the organisation's overview, in Debian's Chromium
// against a real server: the reminder job notifies the lawyer, whose bell shows the unread count;
// opening a notification leads to the person's file and lowers the count. The coordinator opens
// the organisation's overview from the agenda and sees the overdue step by name. axe on each.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserUnavailable,
  dayFromToday,
  ensureWebBuild,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffLogin,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';
import { createServerJobs } from '../../apps/server/src/jobs/server-jobs.ts';

const tr = translator(staffMessages('es'));

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('notification bell and organisation overview', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let personId = '';
  const lawyer = 'marta@clinica.example';
  const coordinator = 'jorge@clinica.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const h = server.harness;
    const orgId = await h.createOrg('clinica');
    for (const [email, role] of [
      [lawyer, 'lawyer'],
      [coordinator, 'coordinator'],
      ['cw@clinica.example', 'caseworker'],
    ] as const) {
      await h.ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Asilo'],
      });
    }
    const caseworker = await h.login('cw@clinica.example');
    personId = (
      (
        await caseworker.post('/api/people', {
          givenNames: 'Dania',
          surnames: 'Maradiaga',
          sex: 'F',
          nationality: 'HN',
        })
      ).json() as { id: string }
    ).id;
    const api = await h.login(lawyer);
    const procedureId = (
      (await api.post('/api/procedures', { personId, type: 'mx.comar.refugee_status' })).json() as { id: string }
    ).id;
    // An interview in two days and a late application already past: two reminders.
    for (const [step, trigger] of [
      ['interview', dayFromToday(2)],
      ['late_application', dayFromToday(-3)],
    ]) {
      assert.equal((await api.put(`/api/procedures/${procedureId}/steps/${step}`, { trigger })).statusCode, 200);
    }
    const jobs = createServerJobs(h.ctx);
    await jobs.queue.ensureRecurring({ now: true });
    await jobs.queue.runDueJobs();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    return staffLogin(browser, server.baseUrl, { email, password: TEST_PASSWORD, welcome: /marta|jorge/ });
  }

  it('shows the unread count on the bell; a notification opens the person’s file and is marked read', async () => {
    const { context, page, errors } = await loggedIn(lawyer);
    const count = page.getByTestId('notification-count');
    await page.waitForFunction(`document.querySelector('[data-testid="notification-count"]')?.textContent === '2'`);
    const bell = page.getByRole('button', { name: new RegExp(tr('notifications.title')) });
    await bell.click();
    const panel = page.locator('.notification-bell__panel');
    await panel.getByRole('heading', { name: tr('notifications.title') }).waitFor();
    const links = panel.getByRole('link');
    assert.equal(await links.count(), 2);
    // What changed and for whom: the lawyer may read Dania's record, so the notice names her.
    assert.match(await panel.innerText(), /Plazo vencido de Dania Maradiaga: Solicitud extemporánea/);
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the open notification panel');
    await screenshot(page, 'notifications-bell-1280');
    await links.first().click();
    await page.getByRole('heading', { level: 1, name: 'Dania Maradiaga' }).waitFor();
    assert.match(new URL(page.url()).pathname, new RegExp(`/app/people/${personId}$`));
    await page.waitForFunction(`document.querySelector('[data-testid="notification-count"]')?.textContent === '1'`);
    assert.equal(await count.innerText(), '1');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("opens the organisation's overview from the agenda, with the overdue step by name", async () => {
    const { context, page, errors } = await loggedIn(coordinator);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.procedures') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('nav.procedures') }).waitFor();
    await page.getByRole('link', { name: tr('overview.link') }).click();
    await page.getByRole('heading', { level: 1, name: tr('overview.title') }).waitFor();
    const byLawyer = page.getByRole('table', { name: tr('overview.byLawyer') });
    await byLawyer.waitFor();
    const row = byLawyer.getByRole('row').nth(1);
    assert.match(await row.innerText(), /marta/i);
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells, ['2', '1', '1', '0'], 'open, overdue, due this week, at risk');
    const overdue = page.getByRole('region', { name: new RegExp(tr('overview.overdue')) });
    await overdue.getByRole('link', { name: tr('agenda.openFileOf', { name: 'Dania Maradiaga' }) }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the overview');
    await screenshot(page, 'procedures-overview-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
