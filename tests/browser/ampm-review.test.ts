// The side-by-side review of a missing-person report and a candidate remains record: what the
// family told (ante mortem) next to what the body shows (post mortem), each field marked as
// agreeing or not, in Spanish, at 1280 and 360 px with axe. Remains need a second person by
// default, so the first reviewer is offered to propose, not to confirm.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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
import { startStaffServer, type StaffServer } from './staff-server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';

const t = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED AM/PM review: ${skip}`);

describe('ante-mortem and post-mortem side by side', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let reportId: string;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    const karla = await server.harness.login('busqueda@familiascholoma.example', DEMO_PASSWORD);
    const remains = await karla.post('/api/missing/found', {
      kind: 'unidentified_remains',
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      ageMin: 17,
      ageMax: 24,
      foundOn: '2026-09-18',
      foundPlace: 'Las Choapas, Veracruz',
      description: {
        statureCm: 171,
        hair: 'castaño, corto',
        tattoos: 'rosa, antebrazo izquierdo',
        dentalNotes: 'corona de oro en el 21',
      },
    });
    assert.equal(remains.statusCode, 201, remains.body);
    const report = await karla.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga Cruz',
      sex: 'M',
      birthDate: '2007',
      physical: {
        heightCm: 168,
        hair: 'negro',
        tattoos: 'Rosa en el antebrazo izquierdo',
        dentalNotes: 'Le pusieron una corona de oro arriba',
      },
    });
    assert.equal(report.statusCode, 201, report.body);
    reportId = (report.json() as { id: string }).id;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 360]) {
    it(`marks agreeing and disagreeing fields at ${width} px`, async () => {
      const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
        email: 'busqueda@familiascholoma.example',
        password: DEMO_PASSWORD,
        welcome: /Karla/,
        width,
      });
      await page.goto(`${server.baseUrl}/app/search/reports/${reportId}`);
      await page.getByRole('heading', { level: 1, name: 'Kevin Alvarenga Cruz' }).waitFor();
      const section = page.getByRole('region', { name: t('matchReview.ampm.title') });
      await section.waitFor();
      const row = (key: string) => section.locator('tr', { hasText: t(`matchReview.ampm.row.${key}`) });
      assert.deepEqual(await row('height').locator('td').allInnerTexts(), [
        '168 cm',
        '171 cm',
        t('matchReview.ampm.heightFits', { diff: '3' }),
      ]);
      assert.equal(await row('height').getAttribute('class'), 'compare__row--agrees');
      assert.equal(
        (await row('tattoos').locator('td').allInnerTexts())[2],
        t('matchReview.ampm.words', { words: 'rosa, antebrazo, izquierdo' }),
      );
      assert.equal(await row('hair').getAttribute('class'), 'compare__row--disagrees');
      assert.equal((await row('hair').locator('td').allInnerTexts())[2], t('matchReview.ampm.noWords'));
      assert.equal(
        (await row('dentalNotes').locator('td').allInnerTexts())[2],
        t('matchReview.ampm.words', { words: 'corona' }),
      );
      // Remains: a second person must confirm by default, so the first reviewer proposes.
      const card = page.locator('.candidate-card', { has: section });
      await card.getByText(t('matchReview.fourEyes')).waitFor();
      await card.getByRole('button', { name: t('matchReview.propose') }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      assert.ok(
        await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1'),
        'no sideways scroll',
      );
      await section.screenshot({
        path: await screenshot(page, `ampm-review-${width}`).then((p) => p.replace('.png', '-section.png')),
      });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
