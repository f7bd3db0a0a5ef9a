// Browser journey (issue 7): Elena, the shelter's demo documentation officer, documents an
// extortion at a checkpoint in Tapachula - four men 18-29 counted anonymously, the National
// Guard as perpetrator, the act linking them - uploads the photo of a receipt, verifies its
// SHA-256, and finds the event in the list, on the timeline and on the state map. axe on each.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  fillDate,
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

const TITLE = 'Extorsión en retén de Tapachula (prueba)';
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  randomBytes(3000),
  Buffer.from([0xff, 0xd9]),
]);

describe('incident screens', { skip: skip ?? false }, () => {
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

  const assertAccessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);

  it('records an event with an anonymous victim count and an act, uploads evidence, and sees it on the list, the timeline and the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-MX' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${server.baseUrl}/app/`);
      await page.getByLabel(tr('login.email')).fill('documentacion@soconusco.example');
      await page.getByLabel(tr('login.password')).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: tr('login.submit') }).click();
      await page.getByRole('heading', { level: 1, name: /Elena/ }).waitFor();

      await page
        .getByRole('navigation')
        .getByRole('link', { name: tr('nav.incidents') })
        .click();
      await page.getByRole('heading', { level: 1, name: tr('incidents.title') }).waitFor();
      await page.getByRole('link', { name: tr('incidents.new') }).click();
      await page.getByRole('heading', { level: 1, name: tr('incidents.form.newTitle') }).waitFor();
      await assertAccessible(page, 'the new-event form');

      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel(tr('incidents.fields.title')).fill(TITLE);
      await page
        .getByLabel(tr('incidents.fields.narrative'))
        .fill('Agentes uniformados exigieron 500 pesos por persona para dejarlos pasar.');
      await fillDate(page, tr('incidents.fields.start'), today);
      // The municipality by name from the catalogue, never its INEGI code.
      await page.getByRole('combobox', { name: tr('incidents.fields.placeName') }).pressSequentially('Tapach');
      await page.getByRole('option', { name: /Tapachula, Chiapas/ }).click();
      await page.getByLabel(tr('incidents.context.checkpoint')).check();
      await page.getByRole('button', { name: tr('incidents.form.save') }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      assert.match(new URL(page.url()).pathname, /^\/app\/incidents\/[0-9a-f-]{36}$/);
      await page.getByText(tr('incidents.confidentiality.internal'), { exact: true }).first().waitFor();

      // Four men 18-29, nobody registered: an anonymous count.
      await page.getByLabel(tr('incidents.victims.anonymous')).check();
      await page.getByLabel(tr('incidents.victims.count')).fill('4');
      await page.getByLabel(tr('incidents.list.sex')).selectOption('M');
      await page.getByLabel(tr('incidents.list.ageGroup')).selectOption('18-29');
      await page.getByRole('button', { name: tr('incidents.victims.add') }).click();
      const victim = tr('incidents.victims.item', {
        n: '1',
        count: '4',
        sex: tr('incidents.sex.M'),
        age: tr('incidents.age.18-29'),
      });
      await page.locator('#incident-victims').locator('..').getByText(victim).waitFor();
      await page.getByRole('heading', { name: tr('incidents.victims.title_other', { count: '4' }) }).waitFor();

      await page.getByLabel(tr('incidents.perpetrators.institution'), { exact: true }).selectOption('guardia_nacional');
      await page.getByLabel(tr('incidents.perpetrators.unit')).fill('Agentes en el km 12');
      await page.getByRole('button', { name: tr('incidents.perpetrators.add') }).click();
      await page.locator('#incident-perpetrators').locator('..').getByText('Agentes en el km 12').waitFor();

      // The act: extortion, of those four, by the National Guard.
      await page.getByLabel(tr('incidents.acts.type')).selectOption('extortion');
      const acts = page.locator('#incident-acts').locator('..');
      await acts.getByRole('checkbox', { name: victim }).check();
      await acts.getByRole('checkbox', { name: /Guardia Nacional/ }).check();
      await page.getByRole('button', { name: tr('incidents.acts.add') }).click();
      await acts.locator('.incident-parts li', { hasText: 'Extorsión' }).waitFor();

      // The receipt photo: uploaded, fingerprinted, verified.
      await page
        .getByLabel(tr('incidents.evidence.file'))
        .setInputFiles({ name: 'recibo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByRole('button', { name: tr('incidents.evidence.upload') }).click();
      await page.getByRole('link', { name: tr('incidents.evidence.download', { name: 'recibo.jpg' }) }).waitFor();
      const sha = await page.evaluate('document.querySelector(".sha")?.textContent ?? ""');
      assert.match(String(sha), /SHA-256 [0-9a-f]{64}/);
      await page.getByRole('button', { name: tr('incidents.evidence.verify') }).click();
      await page.getByText(tr('incidents.evidence.verified')).waitFor();
      await assertAccessible(page, 'the event page');
      await screenshot(page, 'incident-page');

      // The list, the timeline and the map.
      await page.getByRole('link', { name: tr('incidents.form.back') }).click();
      await page.getByRole('heading', { level: 1, name: tr('incidents.title') }).waitFor();
      const item = page.locator('.incident-list__item', { hasText: TITLE });
      await item.waitFor();
      assert.match(await item.innerText(), /Extorsión/);
      assert.match(await item.innerText(), new RegExp(tr('incidents.list.victims_other', { count: '4' })));
      await assertAccessible(page, 'the incident list');

      await page.getByRole('button', { name: tr('incidents.list.view.timeline') }).click();
      await page.getByRole('heading', { level: 3, name: today.slice(0, 7) }).waitFor();
      await page.locator('.incident-list--timeline .incident-list__item', { hasText: TITLE }).waitFor();

      await page.getByRole('button', { name: tr('incidents.list.view.map') }).click();
      const chiapas = page.locator('.incident-map__tile[data-state="07"]');
      await chiapas.waitFor();
      assert.match((await chiapas.textContent()) ?? '', /CHIS\s*1/);
      await page.getByRole('row', { name: /Chiapas 1 4/ }).waitFor();
      await assertAccessible(page, 'the incident map');
      await screenshot(page, 'incident-map');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
