// Ante-mortem / post-mortem records in the browser, in Spanish (decision 0147): Karla, of the demo
// families' committee, registers a report without a name and, on the form, fills the dental chart
// (by clicks and by keyboard) and the body map (a rose on the left forearm, placed on the figure);
// the engine proposes unidentified remains examined by the committee's forensic partner — no name
// on either — and the review shows the two dental charts and body maps aligned, the agreements
// marked. The remains' examination form (post-mortem chart and body map) and the remains' page
// with the forensic workflow are opened too. axe at 1280 and 360 px; screenshots saved under
// .tmp/screenshots and /tmp/shots-ampm for a person to look at.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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
if (skip) console.warn(`# SKIPPED AM/PM records: ${skip}`);
const KARLA = 'busqueda@familiascholoma.example';
const SHOTS = '/tmp/shots-ampm';

async function shoot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path, `${SHOTS}/${name}.png`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1'), 'no sideways scroll');
}

describe('ante-mortem and post-mortem records, entered and reviewed side by side', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let reportId = '';
  let remainsId = '';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    const karla = await server.harness.login(KARLA, DEMO_PASSWORD);
    // Remains examined without any name: a gold crown on 21, a filling on 36, a rose on the left forearm.
    const remains = await karla.post('/api/missing/found', {
      kind: 'unidentified_remains',
      foundOn: '2026-09-18',
      foundPlace: 'Las Choapas, Veracruz',
      custodian: { agency: 'Servicio Médico Forense de Veracruz', fileNumber: 'SEMEFO-VER-2026-231' },
      sex: 'M',
      ageMin: 17,
      ageMax: 26,
      postMortem: {
        examinedOn: '2026-09-20',
        sexEstimate: { sex: 'M', method: 'pelvis' },
        ageEstimate: { min: 17, max: 26, method: 'epiphyseal-fusion' },
        stature: { minCm: 164, maxCm: 174, method: 'long-bones' },
        deathWindow: { from: '2026-08-28', to: '2026-09-12', method: 'decomposition' },
        condition: 'advanced-decomposition',
        tattoos: [{ location: 'left-forearm', view: 'front', motif: 'rose' }],
        marks: [{ kind: 'scar', region: 'abdomen', view: 'front' }],
        dentalCharted: true,
        dental: [
          { tooth: 21, state: 'crown-gold' },
          { tooth: 36, state: 'filling' },
          { tooth: 48, state: 'not-observable' },
        ],
        clothing: [{ garment: 'jeans', colour: 'blue' }],
        whereabouts: { status: 'morgue', place: 'SEMEFO Coatzacoalcos' },
      },
    });
    assert.equal(remains.statusCode, 201, remains.body);
    remainsId = (remains.json() as { id: string }).id;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills the dental chart and body map of a report in Spanish, and sees the candidate side by side', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: KARLA,
      password: DEMO_PASSWORD,
      welcome: /Karla/,
    });
    await page.goto(`${server.baseUrl}/app/search/reports/new`);
    await page.getByRole('heading', { level: 1, name: t('missing.report.new') }).waitFor();
    await page.getByLabel(t('missing.field.sex'), { exact: true }).selectOption('M');
    await page.getByLabel(t('missing.field.birthDate'), { exact: true }).fill('2005');
    await page.getByLabel(t('missing.field.lastContactDate')).fill('2026-08-25');
    await page.getByRole('button', { name: t('ampm.am.open') }).click();

    // Tooth 21 by clicks: not known → missing → filling → root canal → crown → gold crown.
    const tooth = (n: number) => page.getByRole('button', { name: new RegExp(`^Diente ${n},`) });
    for (let i = 0; i < 5; i++) await tooth(21).click();
    assert.match((await tooth(21).getAttribute('aria-label')) ?? '', /corona de oro$/);
    // Tooth 36 by keyboard: End goes to 38, two steps left to 36, Enter twice: a filling.
    await tooth(21).press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.match((await tooth(36).getAttribute('aria-label')) ?? '', /obturación$/);
    assert.equal(await tooth(36).getAttribute('tabindex'), '0', 'the tooth with focus is the one in the tab order');
    assert.equal(
      await page.getByLabel(/^Estado del diente 36/).inputValue(),
      'filling',
      'the select follows the tooth in focus',
    );

    // The body map: the left forearm on the front figure, then what is there.
    const figure = page.getByRole('group', { name: t('ampm.body.view.front') });
    await figure.getByRole('button', { name: /^Antebrazo izquierdo/ }).click();
    assert.equal(await page.getByLabel(t('ampm.body.region')).inputValue(), 'left-forearm');
    await page.getByLabel(t('ampm.body.motif')).selectOption('rose');
    await page.getByRole('button', { name: t('ampm.body.add') }).click();
    await page.locator('.body-map__list').getByText('Tatuaje rosa en antebrazo izquierdo (frente)').waitFor();
    await figure.getByRole('button', { name: 'Antebrazo izquierdo: 1 seña' }).waitFor();
    // A scar placed from the keyboard: the region list and its side, without the figure.
    await page.getByLabel(t('ampm.body.kind')).selectOption('scar');
    await page.getByLabel(t('ampm.body.region')).selectOption('abdomen');
    await page.getByRole('button', { name: t('ampm.body.add') }).click();
    await page.locator('.body-map__list').getByText('Cicatriz en abdomen (frente)').waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-report-form-1280');
    await page.locator('.ampm-editor').screenshot({ path: `${SHOTS}/ampm-report-editor-1280.png` });

    await page.getByRole('button', { name: t('missing.report.save') }).click();
    await page.waitForURL(/\/app\/search\/reports\/[0-9a-f-]{36}$/);
    reportId = page.url().split('/').pop() ?? '';

    // The candidate: no name on either record, found by the teeth and the tattoo.
    const side = page.getByRole('region', { name: t('ampm.compare.title') });
    await side.waitFor();
    const list = side.locator('.dental-compare__list');
    await list
      .getByText(
        /Diente 21 \(incisivo central superior izquierdo\): corona de oro en vida, corona de oro en el cuerpo — coincide/,
      )
      .waitFor();
    await list.getByText(/Diente 36 .*obturación en vida, obturación en el cuerpo — coincide/).waitFor();
    await side.getByText(t('ampm.compare.agrees')).waitFor();
    await side.getByText(/Mismo tatuaje: rosa \(antebrazo izquierdo\)/).waitFor();
    const row = side.locator('tr', { hasText: 'Tatuaje rosa en antebrazo izquierdo' });
    assert.match(await row.innerText(), /coincide/);
    // Each body map names its regions and their verdict (an image, read as a whole).
    await side
      .getByRole('img', { name: /Reporte \(ante mortem\) — Frente\. .*Antebrazo izquierdo: coincide/ })
      .waitFor();
    await side.getByRole('img', { name: /Restos \(post mortem\) — Frente\. .*Abdomen: coincide/ }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-review-page-1280');
    await side.screenshot({ path: `${SHOTS}/ampm-side-by-side-1280.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the side by side, the report form and the remains form at 360 px', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: KARLA,
      password: DEMO_PASSWORD,
      welcome: /Karla/,
      width: 360,
    });
    await page.goto(`${server.baseUrl}/app/search/reports/${reportId}`);
    const side = page.getByRole('region', { name: t('ampm.compare.title') });
    await side.waitFor();
    await side.getByText(/Diente 21 .*— coincide/).waitFor();
    await noSidewaysScroll(page);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-review-page-360');
    await side.screenshot({ path: `${SHOTS}/ampm-side-by-side-360.png` });

    await page.goto(`${server.baseUrl}/app/search/reports/new`);
    await page.getByRole('button', { name: t('ampm.am.open') }).click();
    await page.getByRole('button', { name: /^Diente 11,/ }).click();
    await noSidewaysScroll(page);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-report-form-360');
    await page.locator('.dental-chart').screenshot({ path: `${SHOTS}/ampm-dental-chart-360.png` });
    await page.locator('.body-map').screenshot({ path: `${SHOTS}/ampm-body-map-360.png` });

    await page.goto(`${server.baseUrl}/app/search/found/new`);
    await page.getByRole('button', { name: t('ampm.pm.open') }).click();
    await page.getByLabel(t('ampm.dental.charted')).check();
    await page.getByRole('button', { name: /^Diente 46,/ }).click();
    assert.match(
      (await page.getByRole('button', { name: /^Diente 46,/ }).getAttribute('aria-label')) ?? '',
      /ausente$/,
    );
    await noSidewaysScroll(page);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-remains-form-360');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the remains examination form, and the remains page with the forensic workflow, at 1280 px', async () => {
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: KARLA,
      password: DEMO_PASSWORD,
      welcome: /Karla/,
    });
    await page.goto(`${server.baseUrl}/app/search/found/new`);
    await page.getByRole('button', { name: t('ampm.pm.open') }).click();
    await page.getByLabel(t('ampm.dental.charted')).check();
    for (const n of [18, 28, 38, 48]) await page.getByRole('button', { name: new RegExp(`^Diente ${n},`) }).click();
    const back = page.getByRole('group', { name: t('ampm.body.view.back') });
    await back.getByRole('button', { name: 'Espalda', exact: true }).click();
    await page.getByLabel(t('ampm.body.motif')).selectOption('virgin-of-guadalupe');
    await page.getByRole('button', { name: t('ampm.body.add') }).click();
    await page.locator('.body-map__list').getByText('Tatuaje Virgen de Guadalupe en espalda (espalda)').waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-remains-form-1280');
    await page.locator('.ampm-editor').screenshot({ path: `${SHOTS}/ampm-remains-editor-1280.png` });

    await page.goto(`${server.baseUrl}/app/search/found/${remainsId}`);
    const workflow = page.getByRole('region', { name: t('ampm.forensic.title') });
    await workflow.waitFor();
    await workflow.getByRole('button', { name: t('ampm.forensic.step.examined') }).click();
    await workflow.getByText(t('ampm.forensic.done', { stage: 'examinado' })).waitFor();
    await page
      .getByRole('region', { name: t('ampm.section.pm') })
      .getByText('Odontograma post mortem', { exact: false })
      .waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await shoot(page, 'ampm-remains-page-1280');
    await workflow.screenshot({ path: `${SHOTS}/ampm-forensic-1280.png` });
    await page
      .getByRole('region', { name: t('ampm.section.pm') })
      .screenshot({ path: `${SHOTS}/ampm-remains-summary-1280.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
