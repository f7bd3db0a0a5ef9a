// Journey 3 through the staff app, in Spanish: Dania tells Elena, the shelter's documentation
// officer, that she and four others were extorted at a checkpoint near Huixtla by people in
// uniform. Elena records the event with the municipality chosen by name, finds Dania in the
// victim picker (Dania is registered by her team) and links her with her consent. One of the
// four, Josué, is looked after by Sofía of another team: Elena may not see him, so she counts him
// anonymously and asks his caseworker to link him; the three others are counted. She records the
// unknown perpetrator "possibly National Guard", the act, the receipt photo (hash shown) and the
// CNDH complaint, and downloads the redacted PDF: its text is all words, no codes. Sofía gets the
// request in her notifications, finds Josué in the picker and links him with his consent; Elena is
// told. At 1280 px, then the form and event page again at 360 px; axe on each.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
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
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';
import { pdfText } from '../../apps/server/src/incidents/pdf-text.ts';

const t = translator(staffMessages('es'));
/** A notification's sentence with the event's place in words and any date (written as the browser formats it). */
const withAnyDate = (key: string, params: Record<string, string>) =>
  new RegExp(
    `^${t(key, { ...params, place: 'Huixtla, Chiapas', date: '\u0000' })
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\u0000', '.+')}$`,
  );

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

const ELENA = { email: 'documentacion@soconusco.example', password: DEMO_PASSWORD, welcome: /Elena/ };
const LUIS = { email: 'trabajo.social@soconusco.example', password: DEMO_PASSWORD, welcome: /Luis/ };
const SOFIA = { email: 'ninez@soconusco.example', password: TEST_PASSWORD, welcome: /Sofía/ };
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  randomBytes(2000),
  Buffer.from([0xff, 0xd9]),
]);
const RAW_CODES = ['internal', 'possible', 'unknown', ', U,', 'Estado 07', '07040', 'cndh', 'filed', ' MX', '18-29'];

describe('journey 3: documenting an extortion near Huixtla', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await seedDemo(server.harness.ctx);
    // Journey 1 happened: Luis registered Dania at the Tapachula shelter. Sofía, a caseworker of
    // the shelter's children and families team, looks after Josué.
    const luis = await server.harness.login(LUIS.email, DEMO_PASSWORD);
    const dania = await luis.post('/api/people', {
      givenNames: 'Dania',
      surnames: 'Maradiaga Reyes',
      sex: 'F',
      nationality: 'HN',
      birthDate: '1999-04-12',
    });
    assert.equal(dania.statusCode, 201, dania.body);
    const { rows } = await server.harness.ctx.db.query<{ id: string }>(
      "SELECT id::text AS id FROM organisations WHERE slug = 'albergue-tapachula'",
    );
    await server.harness.ctx.accounts.createAccount({
      orgId: rows[0]?.id as string,
      email: SOFIA.email,
      displayName: 'Sofía Ramírez',
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Niñez y familias'],
    });
    const sofia = await server.harness.login(SOFIA.email);
    const josue = await sofia.post('/api/people', {
      givenNames: 'Josué',
      surnames: 'Martínez Alvarado',
      sex: 'M',
      nationality: 'GT',
      birthDate: '2001-09-30',
    });
    assert.equal(josue.statusCode, 201, josue.body);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const accessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
  const noSideScroll = async (page: Page, what: string) =>
    assert.equal(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      0,
      `${what} scrolls sideways`,
    );

  /** The new-event form, filled by typing; returns on the event page. */
  async function recordEvent(page: Page, title: string, phone = false): Promise<void> {
    // On a phone the journey's start link (docs/journeys.md) opens the form; on a desktop, the menu.
    if (phone) await page.goto(`${server.baseUrl}/app/incidents/new`);
    else {
      await page
        .getByRole('navigation')
        .getByRole('link', { name: t('nav.incidents') })
        .first()
        .click();
      await page.getByRole('link', { name: t('incidents.new') }).click();
    }
    await page.getByRole('heading', { level: 1, name: t('incidents.form.newTitle') }).waitFor();
    await page.getByLabel(t('incidents.fields.title')).fill(title);
    await page
      .getByLabel(t('incidents.fields.narrative'))
      .fill('Personas uniformadas pidieron dinero a cinco personas en un retén cerca de Huixtla.');
    await fillDate(page, t('incidents.fields.start'), new Date().toISOString().slice(0, 10));
    const place = page.getByRole('combobox', { name: t('incidents.fields.placeName') });
    await place.pressSequentially('huixtla', { delay: 20 });
    await page.getByRole('option', { name: /Huixtla, Chiapas/ }).click();
    assert.equal(await place.inputValue(), 'Huixtla, Chiapas');
    await page.getByLabel(t('incidents.context.checkpoint')).check();
    await accessible(page, 'the new-event form');
    await page.getByRole('button', { name: t('incidents.form.save') }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('main').getByText('Huixtla, Chiapas').first().waitFor();
  }

  it('records the event, counts the victims, asks for the link, and Sofía links Josué (1280 px)', async () => {
    const elena = await staffLogin(browser, server.baseUrl, ELENA);
    const { page } = elena;
    try {
      await recordEvent(page, 'Extorsión en retén cerca de Huixtla');
      const eventId = /\/incidents\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
      assert.ok(eventId);

      // Dania, found by name in the picker, linked with her consent.
      const victims = page.locator('#incident-victims').locator('..');
      const picker = page.getByRole('combobox', { name: t('incidents.victims.person') });
      await picker.pressSequentially('Dania Mara', { delay: 20 });
      await page.getByRole('option', { name: /Dania Maradiaga Reyes/ }).click();
      await page.getByLabel(t('incidents.victims.consent')).selectOption('oral_with_witness');
      await page.getByLabel(t('incidents.list.ageGroup')).selectOption('18-29');
      await page.getByRole('button', { name: t('incidents.victims.add') }).click();
      await page.getByRole('heading', { name: t('incidents.victims.title_one', { count: '1' }) }).waitFor();
      assert.equal(await picker.inputValue(), '', 'the picker is empty again after saving');

      // Josué is not Elena's to see: the picker says so, and she counts him anonymously.
      await picker.pressSequentially('Josué', { delay: 20 });
      await page.getByText(t('incidents.victims.nobodyFound')).waitFor();
      await page.keyboard.press('Escape');
      await page.getByLabel(t('incidents.victims.anonymous')).check();
      await page.getByLabel(t('incidents.victims.count')).fill('1');
      await page.getByLabel(t('incidents.list.sex')).selectOption('M');
      await page.getByLabel(t('incidents.list.ageGroup')).selectOption('18-29');
      await page.getByRole('button', { name: t('incidents.victims.add') }).click();
      await page.getByRole('heading', { name: t('incidents.victims.title_other', { count: '2' }) }).waitFor();
      await page.getByLabel(t('incidents.victims.count')).fill('3');
      await page.getByLabel(t('incidents.list.sex')).selectOption('U');
      await page.getByLabel(t('incidents.list.ageGroup')).selectOption('unknown');
      await page.getByRole('button', { name: t('incidents.victims.add') }).click();
      await page.getByRole('heading', { name: t('incidents.victims.title_other', { count: '5' }) }).waitFor();

      // She asks whoever looks after Josué to link him (the first anonymous victim).
      await victims
        .getByRole('button', { name: t('incidents.linkRequests.ask') })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: t('incidents.linkRequests.dialogTitle') });
      await dialog.getByLabel(t('incidents.linkRequests.nameHint')).fill('Josué Martínez');
      await dialog
        .getByLabel(t('incidents.linkRequests.note'))
        .fill('Viajaba con Dania; dice que lo atienden en Niñez.');
      await accessible(page, 'the link-request dialog');
      await dialog.getByRole('button', { name: t('incidents.linkRequests.send') }).click();
      await page.getByText(t('incidents.linkRequests.sent')).waitFor();
      await victims.getByText(t('incidents.linkRequests.status.open'), { exact: false }).waitFor();

      // Unknown uniformed officers, possibly the National Guard; the act; the receipt; the complaint.
      await page.getByLabel(t('incidents.perpetrators.institution'), { exact: true }).selectOption('unknown');
      await page.getByLabel(t('incidents.perpetrators.suspected')).selectOption('guardia_nacional');
      await page.getByLabel(t('incidents.perpetrators.attribution')).selectOption('possible');
      await page.getByLabel(t('incidents.perpetrators.unit')).fill('Personas uniformadas en un retén');
      await page.getByRole('button', { name: t('incidents.perpetrators.add') }).click();
      await page
        .locator('#incident-perpetrators')
        .locator('..')
        .getByText(/Guardia Nacional/)
        .first()
        .waitFor();
      await page.getByLabel(t('incidents.acts.type')).selectOption('extortion');
      const acts = page.locator('#incident-acts').locator('..');
      for (const box of await acts.getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: t('incidents.acts.add') }).click();
      await acts.locator('.incident-parts li', { hasText: 'Extorsión' }).waitFor();
      await page
        .getByLabel(t('incidents.evidence.file'))
        .setInputFiles({ name: 'recibo.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await page.getByRole('button', { name: t('incidents.evidence.upload') }).click();
      await page
        .getByText(/SHA-256 [0-9a-f]{64}/)
        .first()
        .waitFor();
      await page.getByLabel(t('incidents.complaints.authority')).selectOption('cndh');
      await page.getByLabel(t('incidents.complaints.fileNumber')).fill('CNDH/5/2026/1234/Q');
      await fillDate(page, t('incidents.complaints.filedOn'), new Date().toISOString().slice(0, 10));
      await page.getByRole('button', { name: t('incidents.complaints.add') }).click();
      await page.getByText('CNDH/5/2026/1234/Q').first().waitFor();
      await accessible(page, 'the event page');
      await screenshot(page, 'journey-3-event-1280');

      // The redacted PDF, read back: words in Spanish, no codes.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('incidents.page.report') }).click(),
      ]);
      const text = pdfText(await readFile((await download.path()) as string)).replace(/\s+/g, ' ');
      for (const words of [
        'Huixtla, Chiapas, México',
        'atribución posible',
        'Comisión Nacional de los Derechos Humanos',
      ])
        assert.ok(text.includes(words), `"${words}" missing from the PDF:\n${text}`);
      for (const code of RAW_CODES) assert.ok(!text.includes(code), `raw "${code}" in the PDF:\n${text}`);

      // Sofía hears of it, finds Josué among the people she accompanies and links him.
      const caseworker = await staffLogin(browser, server.baseUrl, SOFIA);
      try {
        await caseworker.page.getByRole('button', { name: new RegExp(t('notifications.title')) }).click();
        // The notice says what is asked and for whom: the name Elena was given, the event's date and place.
        await caseworker.page
          .getByRole('link', { name: withAnyDate('notifications.linkRequested', { person: 'Josué Martínez' }) })
          .click();
        await caseworker.page.getByRole('heading', { level: 1, name: t('incidents.linkRequests.pageTitle') }).waitFor();
        const card = caseworker.page.locator('section', { hasText: 'Josué Martínez' });
        await card.getByText(/Huixtla, Chiapas/).waitFor();
        await card.getByText('Viajaba con Dania; dice que lo atienden en Niñez.').waitFor();
        await card.getByRole('combobox', { name: t('incidents.victims.person') }).pressSequentially('Josué', {
          delay: 20,
        });
        await caseworker.page.getByRole('option', { name: /Josué Martínez Alvarado/ }).click();
        await card.getByLabel(t('incidents.victims.consent')).selectOption('signed');
        await accessible(caseworker.page, 'the link requests page');
        await screenshot(caseworker.page, 'journey-3-link-requests-1280');
        await card.getByRole('button', { name: t('incidents.linkRequests.link') }).click();
        await caseworker.page
          .getByText(t('incidents.linkRequests.linkedDone', { name: 'Josué Martínez Alvarado' }))
          .waitFor();
        await caseworker.page.getByText(t('incidents.linkRequests.none')).waitFor();
      } finally {
        await caseworker.context.close();
      }

      // Elena is told, and the event now counts Josué as a registered person too.
      await page.reload();
      await page.getByRole('button', { name: new RegExp(t('notifications.title')) }).click();
      await page
        .getByRole('link', { name: withAnyDate('notifications.linkDone', { person: 'Josué Martínez' }) })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Extorsión en retén cerca de Huixtla' }).waitFor();
      await victims
        .getByText(t('incidents.victims.linkedWith', { method: t('incidents.consent.signed') }), { exact: false })
        .waitFor();
      assert.equal(
        await victims
          .getByText(t('incidents.victims.linkedWith', { method: '' }).split('(')[0] as string, {
            exact: false,
          })
          .count(),
        2,
        'Dania and Josué linked',
      );
      const { rows } = await server.harness.ctx.db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE record_id = $1 AND action IN ('incident.link_request', 'incident.victim_link', 'incident.export_report') ORDER BY seq`,
        [eventId],
      );
      assert.deepEqual(
        rows.map((r) => r.action),
        ['incident.link_request', 'incident.export_report', 'incident.victim_link'],
      );
      assert.deepEqual(elena.errors, []);
    } finally {
      await elena.context.close();
    }
  });

  it('works at 360 px: the form with the place picker, the event page and the anonymous count', async () => {
    const elena = await staffLogin(browser, server.baseUrl, { ...ELENA, width: 360 });
    const { page } = elena;
    try {
      await recordEvent(page, 'Retén cerca de Huixtla (teléfono)', true);
      await noSideScroll(page, 'the event page');
      await page.getByLabel(t('incidents.victims.anonymous')).check();
      await page.getByLabel(t('incidents.victims.count')).fill('5');
      await page.getByRole('button', { name: t('incidents.victims.add') }).click();
      await page.getByRole('heading', { name: t('incidents.victims.title_other', { count: '5' }) }).waitFor();
      await accessible(page, 'the event page at 360 px');
      await noSideScroll(page, 'the event page with a victim');
      await screenshot(page, 'journey-3-event-360');
      assert.deepEqual(elena.errors, []);
    } finally {
      await elena.context.close();
    }
  });
});
