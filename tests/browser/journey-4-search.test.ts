// Journey 4 of USER-JOURNEYS.md, "Kevin's search", entirely in the staff app and in Spanish. The
// Choloma committee's administrator asks a second person for every match; Karla registers the
// report for Kevin (19, last heard from in Coatzacoalcos) with the family's consent to search
// with partners; the engine proposes "Kebin Alvarenga", held by the partner shelter in Saltillo:
// the card names the shelter, says why in words with a percentage, and Karla proposes the match
// (then withdraws it, then proposes again). Tomás, a different account, confirms it. The shelter's
// administrator is notified and opens the tracing request from the bell. At 1280 and 360 px, axe
// on every step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
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
import { seedJourneyPeople } from '../../apps/server/src/demo/demo-journey-people.ts';
import { seedDemoFoundRecords } from '../../apps/server/src/missing/demo-found.ts';
import { opaqueReference } from '../../packages/core/src/util/opaque-reference.ts';

const t = translator(staffMessages('es'));
const SALTILLO = 'Casa Sierra Madre, Saltillo (demo)';
const COMMITTEE = 'Comité de Familias Buscadoras de Choloma (demo)';

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED journey 4: ${skip}`);

describe(
  "journey 4: Kevin's search, confirmed by a second person, the holder notified",
  { skip: skip ?? false },
  () => {
    let server: StaffServer;
    let browser: Browser;

    before(async () => {
      ensureWebBuild();
      server = await startStaffServer();
      await seedDemo(server.harness.ctx);
      await seedJourneyPeople(server.harness.ctx);
      await seedDemoFoundRecords(server.harness.ctx);
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const login = (email: string, welcome: RegExp, width: number) =>
      staffLogin(browser, server.baseUrl, { email, password: DEMO_PASSWORD, welcome, width });
    const accessible = async (page: Page, what: string) =>
      assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
    const openSearch = async (page: Page) => {
      // On a phone the navigation hides behind the menu button.
      const menu = page.getByRole('button', { name: t('nav.menu') });
      if (await menu.isVisible()) await menu.click();
      await page
        .getByRole('navigation', { name: t('nav.label') })
        .getByRole('link', { name: t('nav.search') })
        .click();
      await page.getByRole('heading', { level: 1, name: t('missing.title') }).waitFor();
    };
    const openQueue = async (page: Page) => {
      await openSearch(page);
      await page.getByRole('link', { name: t('missing.queue.title') }).click();
      await page.getByRole('heading', { level: 1, name: t('missing.queue.title') }).waitFor();
    };
    /** No sideways scrolling; on failure, the elements that stick out say where to look. */
    const noHorizontalScroll = async (page: Page, what: string) => {
      const wide = await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
      const fits = await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1');
      assert.ok(fits, `${what} scrolls sideways: ${JSON.stringify(wide)}`);
    };
    const accountId = async (email: string) =>
      (
        await server.harness.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [
          email,
        ])
      ).rows[0]?.id as string;

    for (const width of [1280, 360]) {
      it(`walks the search by clicks at ${width} px`, async () => {
        // 1. The committee's administrator asks a second person for every match.
        const admin = await login('admin@familiascholoma.example', /Carmen/, width);
        await openQueue(admin.page);
        await admin.page.getByLabel(t('matchReview.settings.label')).selectOption('all');
        await admin.page.getByRole('button', { name: t('matchReview.settings.save') }).click();
        await admin.page.getByText(t('matchReview.settings.saved')).waitFor();
        await accessible(admin.page, 'the review queue with the rule');
        await admin.context.close();

        // 2. Karla registers the report, with the family's consent to search with partners.
        const karla = await login('busqueda@familiascholoma.example', /Karla/, width);
        const { page } = karla;
        await openSearch(page);
        await page.getByRole('link', { name: t('missing.report.new') }).click();
        await page.getByRole('heading', { level: 1, name: t('missing.report.new') }).waitFor();
        await page.getByLabel(t('missing.field.givenNames'), { exact: true }).fill('Kevin');
        await page.getByLabel(t('missing.field.surnames'), { exact: true }).fill('Alvarenga Cruz');
        await page.getByLabel(t('missing.field.sex'), { exact: true }).selectOption('M');
        await page.getByLabel(t('missing.field.birthDate'), { exact: true }).fill('2007');
        await page.getByLabel(t('missing.field.lastContactDate')).fill('2026-08');
        await page.locator('#report-lastContact-place').fill('Coatzacoalcos, Veracruz');
        await page.getByLabel(t('missing.field.relativeName'), { exact: true }).fill('Rosa Cruz');
        await page.getByLabel(t('missing.field.contact'), { exact: true }).fill('+504 9999 0000');
        await page.getByLabel(t('missing.field.consentGivenBy')).fill('Rosa Cruz');
        await fillDate(page, t('missing.field.consentDate'), '2026-11-02');
        await page.getByRole('button', { name: t('missing.report.save') }).click();
        await page.getByRole('heading', { level: 1, name: 'Kevin Alvarenga Cruz' }).waitFor();
        const reportId = /\/search\/reports\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
        assert.ok(reportId);

        // The card names the shelter that holds "Kebin", with the score in percent and reasons in words.
        const card = page.locator('.candidate-card', { hasText: t('matchReview.holder', { org: SALTILLO }) });
        await card.waitFor();
        const reasons = await card.locator('.match-reasons__agree').innerText();
        for (const words of [
          t('matchReview.reason.surnames.2'),
          t('matchReview.values', { reason: t('matchReview.reason.given_names.3'), a: 'Kevin', b: 'Kebin' }),
          t('matchReview.reason.birth.3'),
        ])
          assert.ok(reasons.includes(words), `"${words}" in "${reasons}"`);
        assert.match(await card.locator('h3').innerText(), /Coincidencia: \d{1,3} %/);
        assert.doesNotMatch(await page.locator('main').innerText(), /bits/);
        await card.getByText(t('matchReview.fourEyes')).waitFor();
        await accessible(page, 'the report with its candidates');
        await screenshot(page, `journey4-candidates-${width}`);
        await noHorizontalScroll(page, 'the report with its candidates');

        // 3. Karla proposes, with a confirmation dialog; then withdraws (undo), then proposes again.
        const propose = async () => {
          await card.getByRole('button', { name: t('matchReview.propose') }).click();
          const dialog = page.getByRole('dialog', { name: t('matchReview.dialog.proposeTitle') });
          await dialog.getByText(t('matchReview.dialog.proposeNext')).waitFor();
          await dialog.getByText(t('matchReview.dialog.holderTold', { org: SALTILLO })).waitFor();
          await accessible(page, 'the proposal dialog');
          if (width === 360) await screenshot(page, 'journey4-dialog-360');
          await dialog.getByRole('button', { name: t('matchReview.dialog.yesPropose') }).click();
          await page.getByText(t('missing.review.done.proposed')).waitFor();
        };
        await propose();
        const proposedCard = page.locator('.candidate-card', { hasText: t('matchReview.holder', { org: SALTILLO }) });
        await proposedCard.locator('.candidate-card__proposal').waitFor();
        await proposedCard.getByRole('button', { name: t('matchReview.withdraw') }).click();
        await page.getByText(t('missing.review.done.withdrawn')).waitFor();
        await propose();
        await accessible(page, 'a proposed match');
        await karla.context.close();

        // 4. Tomás, a different account, finds the proposal in the queue and confirms it.
        const tomas = await login('revision@familiascholoma.example', /Tomás/, width);
        await openQueue(tomas.page);
        await tomas.page.getByLabel(t('missing.queue.status')).selectOption('proposed');
        await tomas.page.getByRole('link', { name: 'Kevin Alvarenga Cruz' }).first().click();
        await tomas.page.getByRole('heading', { level: 1, name: 'Kevin Alvarenga Cruz' }).waitFor();
        const second = tomas.page.locator('.candidate-card');
        await second.getByText(t('matchReview.holder', { org: SALTILLO })).waitFor();
        await second.locator('.candidate-card__proposal').waitFor();
        await second.getByRole('button', { name: t('matchReview.confirmSecond') }).click();
        const dialog = tomas.page.getByRole('dialog', { name: t('matchReview.dialog.confirmTitle') });
        await dialog.getByText(t('matchReview.dialog.ownerTold')).waitFor();
        await accessible(tomas.page, 'the confirmation dialog');
        await dialog.getByRole('button', { name: t('matchReview.dialog.yesConfirm') }).click();
        await tomas.page.getByText(t('missing.review.done.confirmed')).waitFor();
        await second.getByText(t('missing.review.status.confirmed')).waitFor();
        await accessible(tomas.page, 'a confirmed match');
        await noHorizontalScroll(tomas.page, 'a confirmed match');
        await screenshot(tomas.page, `journey4-confirmed-${width}`);
        await tomas.context.close();

        // The records: proposed by Karla, confirmed by Tomás, each step audited under its account.
        const db = server.harness.ctx.db;
        const { rows: pairs } = await db.query<{
          id: string;
          review_status: string;
          proposer: string;
          reviewer: string;
        }>(
          `SELECT m.id::text AS id, m.review_status, m.confirmation_proposed_by::text AS proposer, m.reviewed_by::text AS reviewer
           FROM match_candidates m JOIN organisations o ON o.id = m.candidate_org_id
          WHERE m.report_id = $1 AND o.slug = 'albergue-saltillo'`,
          [reportId],
        );
        const pair = pairs[0];
        assert.ok(pair);
        const [karlaId, tomasId] = [
          await accountId('busqueda@familiascholoma.example'),
          await accountId('revision@familiascholoma.example'),
        ];
        assert.deepEqual([pair.review_status, pair.proposer, pair.reviewer], ['confirmed', karlaId, tomasId]);
        const { rows: trail } = await db.query<{ action: string; actor: string }>(
          `SELECT action, actor_account_id::text AS actor FROM audit_log WHERE details->>'candidateId' = $1 ORDER BY seq`,
          [pair.id],
        );
        assert.deepEqual(
          trail.map((a) => [a.action, a.actor]),
          [
            ['missing_report.candidate_confirmation_proposed', karlaId],
            ['missing_report.candidate_confirmation_withdrawn', karlaId],
            ['missing_report.candidate_confirmation_proposed', karlaId],
            ['missing_report.candidate_review', tomasId],
          ],
        );
        // Karla, the case owner, is told (never the family); so is the shelter, with a tracing request.
        const { rows: owner } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM notifications WHERE kind = 'missing.match_confirmed' AND record_id = $1 AND account_id = $2",
          [reportId, karlaId],
        );
        assert.equal(owner[0]?.n, 1);
        const { rows: requests } = await db.query<{ id: string }>(
          "SELECT id::text AS id FROM tracing_requests WHERE report_id = $1 AND status = 'sent'",
          [reportId],
        );
        assert.equal(requests.length, 1);

        // 5. The shelter's administrator opens the notice from the bell: the tracing request, ready.
        const gloria = await login('admin@sierramadre.example', /Gloria/, width);
        await gloria.page.getByRole('button', { name: new RegExp(t('notifications.title')) }).click();
        // The notice says who confirmed, which of the shelter's records, and the request's reference.
        const notice = t('notifications.holderRequest', {
          org: COMMITTEE,
          person: 'Kebin Alvarenga',
          reference: opaqueReference(requests[0]?.id as string),
        });
        await gloria.page.getByRole('link', { name: notice }).waitFor();
        // The panel stays on the screen at phone width too.
        const panel = await gloria.page.locator('.notification-bell__panel').boundingBox();
        assert.ok(
          panel && panel.x >= 0 && panel.x + panel.width <= width,
          `bell panel on screen: ${JSON.stringify(panel)}`,
        );
        await screenshot(gloria.page, `journey4-bell-${width}`);
        await gloria.page.getByRole('link', { name: notice }).click();
        await gloria.page.waitForURL(new RegExp(`/search/tracing/${requests[0]?.id}$`));
        await gloria.page.locator('main').getByText('Kebin', { exact: false }).first().waitFor();
        await gloria.page
          .getByText(t('missing.tracing.referenceCode', { reference: opaqueReference(requests[0]?.id as string) }))
          .waitFor();
        await accessible(gloria.page, 'the tracing request opened from the notice');
        await noHorizontalScroll(gloria.page, 'the tracing request');
        await screenshot(gloria.page, `journey4-holder-${width}`);
        assert.deepEqual([...admin.errors, ...karla.errors, ...tomas.errors, ...gloria.errors], []);
        await gloria.context.close();
      });
    }
  },
);
