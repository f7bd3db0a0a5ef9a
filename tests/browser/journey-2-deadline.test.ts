// Journey 2 of USER-JOURNEYS.md, "a COMAR application on time", through the staff app only, in
// Spanish, at 1280 px and again at 360 px: the lawyer opens the COMAR procedure from the person's
// case, enters the entry date and sees the deadline with the article, "En riesgo" with the rule said
// in words, finds it on her agenda, records the filing with its date and the receipt (the stage
// moves), undoes it (step and stage back), records it again, and the agenda no longer lists it.
// Records and audit entries are checked in the database; axe on each screen.
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
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';
import { AT_RISK_FRACTION, AT_RISK_WORKING_DAYS } from '../../packages/core/src/deadlines/at-risk.ts';

const tr = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED journey 2 browser test: ${skip}`);

const receipt = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 3),
  Buffer.from([0xff, 0xd9]),
]);
const comar = 'Reconocimiento de la condición de refugiado (COMAR)';
const step = 'Solicitud de refugio';

describe('journey 2: a COMAR application on time', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const lawyer = 'lucia@tapachula.example';
  const people: Record<string, string> = {};
  let entryDate = '';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const orgId = await server.harness.createOrg('albergue-tapachula');
    for (const [email, role] of [
      ['rosa@tapachula.example', 'caseworker'],
      [lawyer, 'lawyer'],
    ] as const)
      await server.harness.ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Asilo'],
      });
    // The caseworker registered both women and opened their cases (journey 1).
    const caseworker = await server.harness.login('rosa@tapachula.example');
    for (const [givenNames, surnames] of [
      ['Dania', 'Maradiaga'],
      ['Marisol', 'Reyes'],
    ]) {
      const person = await caseworker.post('/api/people', { givenNames, surnames, sex: 'F', nationality: 'HN' });
      const id = (person.json() as { id: string }).id;
      assert.equal((await caseworker.post('/api/cases', { personId: id })).statusCode, 201);
      people[`${givenNames} ${surnames}`] = id;
    }
    // An entry date whose deadline is "at risk" today by the server's own rule (holidays and the
    // organisation's time zone included), found on a scratch procedure the UI never shows.
    const probe = await server.harness.login(lawyer);
    const scratch = (
      await probe.post('/api/procedures', { personId: people['Marisol Reyes'], type: 'mx.comar.refugee_status' })
    ).json() as { id: string };
    for (let days = 20; days < 50 && !entryDate; days += 1) {
      const set = await probe.put(`/api/procedures/${scratch.id}/steps/application`, { trigger: dayFromToday(-days) });
      const status = (set.json() as { steps: { key: string; status: string }[] }).steps.find(
        (s) => s.key === 'application',
      )?.status;
      if (status === 'at_risk') entryDate = dayFromToday(-days);
    }
    assert.ok(entryDate, 'an entry date that puts the deadline at risk');
    await server.harness.ctx.db.query('DELETE FROM procedure_steps WHERE procedure_id = $1', [scratch.id]);
    await server.harness.ctx.db.query('DELETE FROM procedures WHERE id = $1', [scratch.id]);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** "En riesgo: faltan 5 días hábiles o menos para el vencimiento", or the share of the period, from the engine's numbers. */
  const atRiskSentences = [
    `${tr('agenda.status.at_risk')}: ${tr('agenda.atRiskBecause.working_days_other', { count: String(AT_RISK_WORKING_DAYS) })}`,
    `${tr('agenda.status.at_risk')}: ${tr('agenda.atRiskBecause.share_of_period', { share: `${Math.round(AT_RISK_FRACTION * 100)} %` })}`,
  ];

  const accessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);

  const audit = async (procedureId: string) =>
    (
      await server.harness.ctx.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE record_id = $1 AND action IN ('procedure.create', 'procedure.step_set', 'procedure.filed', 'procedure.filing_undone') ORDER BY seq",
        [procedureId],
      )
    ).rows.map((r) => r.action);

  async function walk(name: string, width: number): Promise<void> {
    const suffix = width === 360 ? '360' : '1280';
    const { context, page, errors } = await staffLogin(browser, server.baseUrl, {
      email: lawyer,
      password: TEST_PASSWORD,
      welcome: /lucia/i,
      width,
    });
    // The navigation: on a phone it sits behind the menu button.
    const openAgenda = async () => {
      if (width < 700) await page.getByRole('button', { name: tr('nav.menu') }).click();
      await page
        .getByRole('navigation')
        .getByRole('link', { name: tr('nav.procedures') })
        .click();
    };
    const wide = async () => {
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width} px`);
    };

    // 1. From her cases to the person's case, and its "Procedimientos" tab.
    await page.goto(`${server.baseUrl}/app/cases`);
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: tr('cases.page.title', { name }) }).waitFor();
    await page.getByRole('tab', { name: tr('caseTabs.tabs.procedures') }).click();
    await page.getByText(tr('procedures.none')).waitFor();

    // 2. She opens the COMAR procedure from the case (the form opens in a dialog).
    await page.getByRole('button', { name: tr('procedures.openTitle') }).click();
    const openDialog = page.getByRole('dialog', { name: tr('procedures.openTitle') });
    await openDialog.getByLabel(tr('procedures.type')).selectOption('mx.comar.refugee_status');
    await openDialog.getByRole('button', { name: tr('procedures.open') }).click();
    await page.getByRole('heading', { level: 3, name: comar }).waitFor();
    const procedureId = (
      await server.harness.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM procedures WHERE person_id = $1', [
        people[name],
      ])
    ).rows[0]?.id as string;

    // 3. The entry date: the deadline with the article, "En riesgo", and the rule in words.
    await fillDate(page, 'Fecha de entrada a México', entryDate);
    await page.getByRole('button', { name: tr('procedures.saveTrigger', { step }) }).click();
    const application = page.locator('.step').first();
    await application.locator('.step__result').waitFor();
    assert.match(await application.innerText(), /Vence el \S+, \d+ de \S+ de \d{4}/);
    assert.match(await application.innerText(), /LRPCAP art\. 18/);
    assert.equal(await application.locator('.badge').innerText(), tr('agenda.status.at_risk'));
    // Beside the status, the part of the engine's rule that applies, with the engine's threshold.
    assert.ok(atRiskSentences.includes((await application.locator('.status-with-reason').textContent()) ?? ''));
    assert.match(await page.locator('.at-risk-rule').first().innerText(), /5 días hábiles o menos, o menos del 25 %/);
    await wide();
    await accessible(page, `the case's procedures at ${width} px`);
    await screenshot(page, `journey-2-at-risk-${suffix}`);

    // 4. Her agenda lists it as at risk, and opens the file on its procedures.
    await openAgenda();
    await page.getByRole('heading', { level: 1, name: tr('nav.procedures') }).waitFor();
    const atRisk = page.locator('section.agenda-section--atRisk, section.agenda-section--dueThisWeek');
    const item = atRisk.locator('.agenda-item', { hasText: name });
    await item.waitFor();
    assert.equal(await item.locator('.badge').innerText(), tr('agenda.status.at_risk'));
    assert.ok(atRiskSentences.includes((await item.locator('.status-with-reason').textContent()) ?? ''));
    await page.locator('.at-risk-rule').waitFor();
    await screenshot(page, `journey-2-agenda-at-risk-${suffix}`);
    await accessible(page, `the agenda at ${width} px`);
    await item.getByRole('link', { name: tr('agenda.openFileOf', { name }) }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(
      await page.getByRole('tab', { name: tr('personTabs.tabs.procedures') }).getAttribute('aria-selected'),
      'true',
    );

    // 5. The filing: date and receipt, asked for in a dialog that says what will happen.
    await page.getByRole('button', { name: tr('filing.record', { step }) }).click();
    const dialog = page.getByRole('dialog', { name: tr('filing.title', { step }) });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /pasará a «Presentado»/);
    await dialog.getByRole('button', { name: tr('filing.confirm') }).click();
    await dialog.getByText(tr('filing.receiptRequired')).waitFor();
    await accessible(page, `the filing dialog at ${width} px`);
    await fillDate(page, tr('filing.date'), dayFromToday(-1));
    await dialog
      .getByLabel(tr('filing.receipt'))
      .setInputFiles({ name: 'acuse-comar.jpg', mimeType: 'image/jpeg', buffer: receipt });
    await screenshot(page, `journey-2-filing-dialog-${suffix}`);
    await dialog.getByRole('button', { name: tr('filing.confirm') }).click();
    const recorded = page.locator('.step__filing-box');
    await recorded.waitFor();
    assert.match(await recorded.innerText(), /Etapa: Presentado/);
    assert.match(await page.locator('.procedure__meta').innerText(), /Presentado/);
    assert.equal(await application.locator('.badge').innerText(), tr('agenda.status.met'));
    const filings = async () =>
      (
        await server.harness.ctx.db.query<{ live: boolean; has_receipt: boolean }>(
          'SELECT undone_at IS NULL AS live, receipt IS NOT NULL AS has_receipt FROM procedure_filings WHERE procedure_id = $1 ORDER BY recorded_at',
          [procedureId],
        )
      ).rows;
    assert.deepEqual(await filings(), [{ live: true, has_receipt: true }]);
    await wide();
    await accessible(page, `a recorded filing at ${width} px`);
    await screenshot(page, `journey-2-filed-${suffix}`);

    // 6. Undo: the step and the stage go back, the receipt is dropped; both are audited.
    await page.getByRole('button', { name: tr('filing.undo') }).click();
    await page.getByRole('button', { name: tr('filing.record', { step }) }).waitFor();
    assert.equal(await recorded.count(), 0);
    assert.match(await page.locator('.procedure__meta').innerText(), /En preparación/);
    assert.equal(await application.locator('.badge').innerText(), tr('agenda.status.at_risk'));
    assert.deepEqual(await filings(), [{ live: false, has_receipt: false }]);

    // 7. Recorded again, for good.
    await page.getByRole('button', { name: tr('filing.record', { step }) }).click();
    await fillDate(page, tr('filing.date'), dayFromToday(-1));
    await dialog
      .getByLabel(tr('filing.receipt'))
      .setInputFiles({ name: 'acuse-comar.jpg', mimeType: 'image/jpeg', buffer: receipt });
    await dialog.getByRole('button', { name: tr('filing.confirm') }).click();
    await recorded.waitFor();
    assert.deepEqual(await audit(procedureId), [
      'procedure.create',
      'procedure.step_set',
      'procedure.filed',
      'procedure.filing_undone',
      'procedure.filed',
    ]);

    // 8. The agenda no longer lists a deadline that was met.
    await openAgenda();
    await page.getByRole('heading', { level: 1, name: tr('nav.procedures') }).waitFor();
    await page.locator('.agenda-section').first().waitFor();
    assert.equal(await page.locator('.agenda-item', { hasText: name }).count(), 0);
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await context.close();
  }

  it('walks it at 1280 px', async () => walk('Dania Maradiaga', 1280));
  it('walks it again at 360 px', async () => walk('Marisol Reyes', 360));
});
