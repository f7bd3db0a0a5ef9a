// Browser journey (issue 6, journey 4): Karla, of the demo families' committee, registers a report
// for Kevin; the engine proposes the shelter's "Kebin" (shared with the committee for search, with
// his consent); she sees both records side by side with why they match, and confirms. axe on the
// module page, the form, the review queue and after the decision. Then a photo on the report (shown
// beside it in the organisation's review queue, removed after confirmation) and a found record's
// status changed from its page, with confirmation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  screenshot,
  seriousAxeViolations,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';

const tr = translator(staffMessages('es'));

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

describe('missing-person search screens', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let kebinId: string;
  let remainsId: string;
  // A real 1×1 PNG, so the browser must decode what the API serves.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    // The shelter registered Kebin (synthetic) and he consented to sharing for search.
    const shelter = await server.harness.login('coordinacion@soconusco.example', DEMO_PASSWORD);
    const created = await shelter.post('/api/people', {
      givenNames: 'Kebin',
      surnames: 'Alvarenga Fuentes',
      sex: 'M',
      birthDate: '2001-03-14',
      nationality: 'HN',
    });
    assert.equal(created.statusCode, 201, created.body);
    kebinId = (created.json() as { id: string }).id;
    assert.equal(
      (await shelter.post(`/api/people/${kebinId}/consents`, { purpose: 'sharing', method: 'signed' })).statusCode,
      201,
    );
    const committee = await server.harness.login('busqueda@familiascholoma.example', DEMO_PASSWORD);
    const remains = await committee.post('/api/missing/found', {
      kind: 'unidentified_remains',
      foundPlace: 'Altar, Sonora',
      sex: 'F',
      ageMin: 30,
      ageMax: 45,
    });
    assert.equal(remains.statusCode, 201, remains.body);
    remainsId = (remains.json() as { id: string }).id;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers a report, sees the proposed candidate side by side with the explanation, and confirms it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const assertAccessible = async (what: string) =>
      assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByLabel(tr('login.email')).fill('busqueda@familiascholoma.example');
    await page.getByLabel(tr('login.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: tr('login.submit') }).click();
    await page.getByRole('heading', { level: 1, name: /Karla/ }).waitFor();

    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.search') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('missing.title') }).waitFor();
    await page.getByText(tr('missing.report.none')).waitFor();
    await assertAccessible('the search module');

    await page.getByRole('link', { name: tr('missing.report.new') }).click();
    await page.getByRole('heading', { level: 1, name: tr('missing.report.new') }).waitFor();
    await page.getByLabel(tr('missing.field.givenNames'), { exact: true }).fill('Kevin');
    await page.getByLabel(tr('missing.field.surnames'), { exact: true }).fill('Alvarenga Fuentes');
    await page.getByLabel(tr('missing.field.sex'), { exact: true }).selectOption('M');
    await page.getByLabel(tr('missing.field.birthDate'), { exact: true }).fill('2001-03-14');
    await page.getByLabel(tr('missing.field.tattoos')).fill('Rosa en el antebrazo izquierdo');
    await page.getByLabel(tr('missing.field.lastContactDate')).fill('2024-04-20');
    await page.locator('#report-lastContact-place').fill('Tapachula');
    await page.getByLabel(tr('missing.field.relativeName'), { exact: true }).fill('Rosa Alvarenga');
    await page.getByLabel(tr('missing.field.contact'), { exact: true }).fill('+504 9999 0000');
    await page.getByLabel(tr('missing.field.consentToContact')).check();
    await assertAccessible('the report form');
    await page.getByRole('button', { name: tr('missing.report.save') }).click();

    await page.getByRole('heading', { level: 1, name: 'Kevin Alvarenga Fuentes' }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/app\/search\/reports\/[0-9a-f-]{36}$/);
    const card = page.locator('.candidate-card').first();
    await card.waitFor();
    // Side by side: the report's values and the partner's record, in one table.
    const kebinRow = card.locator('tr', { hasText: tr('missing.compare.row.givenNames') });
    assert.deepEqual(await kebinRow.locator('td').allInnerTexts(), ['Kevin', 'Kebin']);
    const birthRow = card.locator('tr', { hasText: tr('missing.compare.row.birthDate') });
    assert.deepEqual(await birthRow.locator('td').allInnerTexts(), ['2001-03-14', '2001-03-14']);
    await card.getByText(tr('missing.compare.partnerRecord'), { exact: false }).waitFor();
    // Why, in words: the fields that agree (the birth date in full), with the score in percent, never in bits.
    const reasons = await card.locator('.match-reasons__agree').innerText();
    for (const words of [tr('matchReview.reason.birth.1'), tr('matchReview.reason.surnames.1')])
      assert.ok(reasons.includes(words), `"${words}" in "${reasons}"`);
    assert.match(await card.locator('h3').innerText(), /Coincidencia: \d{1,3} %/);
    assert.doesNotMatch(await card.innerText(), /bits/);
    await card.locator('.compare__row--agrees', { hasText: tr('missing.compare.row.birthDate') }).waitFor();
    await assertAccessible('the review queue');
    await screenshot(page, 'missing-review-1280');

    await card.getByLabel(tr('missing.review.note')).fill('Coinciden fecha de nacimiento y apellidos');
    await card.getByRole('button', { name: tr('missing.review.confirm') }).click();
    // A confirmation cannot simply be taken back: the dialog names who will be told.
    const confirmDialog = page.getByRole('dialog', { name: tr('matchReview.dialog.confirmTitle') });
    await confirmDialog.getByText(tr('matchReview.dialog.ownerTold')).waitFor();
    await assertAccessible('the confirmation dialog');
    await confirmDialog.getByRole('button', { name: tr('matchReview.dialog.yesConfirm') }).click();
    await page.getByText(tr('missing.review.done.confirmed')).waitFor();
    await page.locator('.candidate-card').first().getByText(tr('missing.review.status.confirmed')).waitFor();
    await assertAccessible('a confirmed match');

    // Kevin is located alive: the report leaves the search (only open reports are matched).
    await page.locator('#report-status').selectOption('located_alive');
    await page.getByRole('button', { name: tr('missing.report.changeStatus') }).click();
    await page.getByText(tr('missing.report.statusChanged')).waitFor();
    assert.equal(await page.locator('#report-status').inputValue(), 'located_alive');

    // The case owner (Karla herself: she registered the report) is told, and so is the shelter
    // holding Kebin's record (its own record only: no consent to trace was recorded); nobody in the family is.
    const { rows } = await server.harness.ctx.db.query<{ kind: string; record_type: string }>(
      "SELECT kind, record_type FROM notifications WHERE kind LIKE 'missing.%' ORDER BY kind",
    );
    assert.deepEqual(
      rows.map((r) => `${r.kind}:${r.record_type}`),
      ['missing.match_confirmed:missing_report', 'missing.match_confirmed_holder:person'],
    );

    // A photo of Kevin: uploaded, decoded by the browser from the API, shown beside the report in
    // the organisation's review queue.
    const reportUrl = page.url();
    await page
      .getByLabel(tr('missing.photos.choose'))
      .setInputFiles({ name: 'kevin.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: tr('missing.photos.upload') }).click();
    await page.getByText(tr('missing.photos.uploaded')).waitFor();
    await page.locator('.photo-gallery img').first().waitFor();
    await page.waitForFunction(`document.querySelector('.photo-gallery img')?.naturalWidth === 1`);
    await page
      .getByRole('link', { name: tr('nav.search') })
      .first()
      .click();
    await page.getByRole('link', { name: tr('missing.queue.title') }).click();
    await page.getByRole('heading', { level: 1, name: tr('missing.queue.title') }).waitFor();
    await page.getByLabel(tr('missing.queue.status')).selectOption('confirmed');
    await page.getByRole('link', { name: 'Kevin Alvarenga Fuentes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kevin Alvarenga Fuentes' }).waitFor();
    const reviewed = page.locator('.candidate-card');
    await reviewed.getByText(tr('missing.review.status.confirmed')).waitFor();
    await reviewed
      .getByRole('list', { name: tr('missing.photos.ofReport') })
      .getByRole('img')
      .waitFor();
    await assertAccessible('a candidate opened from the review queue');
    await screenshot(page, 'missing-queue-candidate-1280');

    // Removed from the report page, after confirming.
    await page.goto(reportUrl);
    await page.getByRole('button', { name: tr('missing.photos.removeN', { n: '1' }) }).click();
    await page.getByRole('button', { name: tr('missing.photos.yesRemove') }).click();
    await page.getByText(tr('missing.photos.removed')).waitFor();
    await page.getByText(tr('missing.photos.none')).waitFor();

    // The remains are identified: changed on the found record's page, after confirming.
    await page
      .getByRole('link', { name: tr('nav.search') })
      .first()
      .click();
    await page.locator(`a[href$="/search/found/${remainsId}"]`).click();
    await page.getByRole('heading', { level: 1, name: tr('missing.found.kind.unidentified_remains') }).waitFor();
    assert.match(page.url(), new RegExp(`/search/found/${remainsId}$`));
    await page.locator('#found-record-status').selectOption('identified');
    await page.getByRole('button', { name: tr('missing.report.changeStatus') }).click();
    const dialog = page.getByRole('dialog', { name: tr('missing.found.confirmTitle') });
    await dialog.getByText(tr('missing.found.leavesMatching')).waitFor();
    await assertAccessible('the status confirmation');
    await screenshot(page, 'missing-found-status-1280');
    await dialog.getByRole('button', { name: tr('missing.found.confirmChange') }).click();
    await page
      .getByText(tr('missing.found.statusChanged', { status: tr('missing.found.status.identified') }))
      .waitFor();
    const { rows: found } = await server.harness.ctx.db.query<{ status: string }>(
      'SELECT status FROM found_records WHERE id = $1',
      [remainsId],
    );
    assert.equal(found[0]?.status, 'identified');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
