// "Ver más" in the organisation's review queue: a page asked for under another status never lands
// in the list of the status now chosen. The next page of pending pairs is still travelling when the
// coordinator switches to the confirmed ones; the table must show only those.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserUnavailable, ensureWebBuild, launchChromium, staffLogin, staffMessages, tr } from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const es = staffMessages('es');
const skip = browserUnavailable();

describe('the review queue when its status changes while more is loading', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const coordinator = 'coord@cola.example';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const orgId = await server.harness.createOrg('cola');
    await server.harness.createAccount({ org: 'cola', email: coordinator, role: 'coordinator' });
    const api = await server.harness.login(coordinator);
    const report = await api.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga Fuentes',
      sex: 'M',
      birthDate: '2001-03-14',
    });
    assert.equal(report.statusCode, 201, report.body);
    const reportId = (report.json() as { id: string }).id;
    // More than a page (25) of pending pairs, and three confirmed ones.
    const explanation = JSON.stringify({
      score: 0.5,
      decision: 'possible',
      totalWeight: 4,
      namesRearranged: false,
      fields: [],
    });
    for (let i = 0; i < 33; i += 1)
      await server.harness.ctx.db.query(
        `INSERT INTO match_candidates (id, report_id, org_id, candidate_kind, candidate_id, candidate_org_id, score, engine_decision, explanation, review_status)
         VALUES ($1, $2, $3, 'person', $4, $3, $5, 'possible', $6::jsonb, $7)`,
        [randomUUID(), reportId, orgId, randomUUID(), 0.5 + i / 1000, explanation, i < 30 ? 'pending' : 'confirmed'],
      );
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows only the newly chosen status when an older page arrives late', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: coordinator,
      password: TEST_PASSWORD,
      welcome: /coord|Hoy/i,
    });
    await page.goto(`${server.baseUrl}/app/search/review`);
    const more = page.getByRole('button', { name: tr(es, 'missing.queue.more') });
    await more.waitFor();
    // The next page of pending pairs is held back for two seconds.
    let released = false;
    await page.route(/\/api\/missing\/candidates\?.*cursor=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      released = true;
      await route.continue();
    });
    await more.click();
    await page.getByLabel(tr(es, 'missing.queue.status')).selectOption('confirmed');
    const rows = page.locator('.queue-table tbody tr');
    await page.waitForFunction("document.querySelectorAll('.queue-table tbody tr').length === 3");
    await page.waitForTimeout(2600);
    assert.ok(released, 'the slow page was answered while the confirmed pairs were on screen');
    assert.equal(await rows.count(), 3, 'the late page of pending pairs was appended to the confirmed ones');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
