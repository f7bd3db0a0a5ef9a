// Browser journey (issue 8, item 3) in Debian's Chromium against a real server: Rosa, a worker of
// a returnee reception centre, records the reception of Jorge after his deportation, fills the
// reintegration needs assessment, refers him for his legal-identity need to a partner's service
// found in the directory (seeing first what the receiver will see), and sees the follow-ups at
// 30, 90 and 180 days. The partner then redirects the referral to another service, picked from a
// directory search by need and name instead of typing an id. axe on the reception page and the
// inbox with the picker open.
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
import { legalIdentityService } from '../../apps/server/src/directory/directory-fixtures.ts';

const tr = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

const PARTNER_SERVICE = 'Identidad jurídica para personas retornadas (Ejemplo)';
const REGISTRY_SERVICE = 'Registro civil de Ejemplo para retornados';
const longDate = (day: string) =>
  new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

describe('return and reintegration screens', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const h = server.harness;
    await h.createAccount({ org: 'retorno', email: 'rosa@retorno.example', role: 'caseworker' });
    await h.createAccount({ org: 'identidad', email: 'ines@identidad.example', role: 'coordinator' });
    await h.createAccount({ org: 'registro', email: 'raul@registro.example', role: 'coordinator' });
    for (const [email, name] of [
      ['ines@identidad.example', PARTNER_SERVICE],
      ['raul@registro.example', REGISTRY_SERVICE],
    ] as const) {
      const res = await (
        await h.login(email)
      ).post('/api/directory/services', { ...legalIdentityService({ name }), acceptsReferrals: true });
      assert.equal(res.statusCode, 201, res.body);
    }
    const rosa = await h.login('rosa@retorno.example');
    const jorge = await rosa.post('/api/people', {
      givenNames: 'Jorge',
      surnames: 'Ramírez Soto',
      sex: 'M',
      nationality: 'MX',
      birthDate: '1988-07-02',
    });
    const jorgeId = (jorge.json() as { id: string }).id;
    assert.equal(
      (await rosa.post(`/api/people/${jorgeId}/consents`, { purpose: 'referral', method: 'signed' })).statusCode,
      201,
    );
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    return staffLogin(browser, server.baseUrl, {
      email,
      password: TEST_PASSWORD,
      welcome: new RegExp(email.split('@')[0] ?? ''),
    });
  }

  it('records a reception, assesses the needs, refers for one of them and shows the 30/90/180-day follow-ups', async () => {
    const { context, page, errors } = await loggedIn('rosa@retorno.example');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.reintegration') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('reintegration.title') }).waitFor();
    await page.getByRole('link', { name: tr('reintegration.newReception') }).click();
    await page.getByRole('searchbox', { name: tr('reintegration.findPerson') }).fill('Jorge Ramirez');
    await page
      .getByRole('search')
      .getByRole('button', { name: tr('reintegration.search') })
      .click();
    await page.getByRole('button', { name: tr('reintegration.choose', { name: 'Jorge Ramírez Soto' }) }).click();
    await page.getByLabel(tr('reintegration.portOfEntry')).fill('Aeropuerto Internacional de la Ciudad de México');
    await page.getByLabel(tr('reintegration.familyLeftBehind')).fill('Esposa e hijos en Los Ángeles');
    await page.getByRole('button', { name: tr('reintegration.saveReception') }).click();
    await page
      .getByRole('heading', { level: 1, name: tr('reintegration.receptionOf', { name: 'Jorge Ramírez Soto' }) })
      .waitFor();
    assert.match(await page.locator('.record-facts').innerText(), /Esposa e hijos en Los Ángeles/);

    const assessment = page.getByRole('region', { name: tr('reintegration.assessment.title') });
    await assessment
      .getByRole('group', { name: tr('reintegration.areas.legal_identity') })
      .getByLabel(tr('reintegration.levels.urgent'))
      .check();
    await assessment
      .getByLabel(tr('reintegration.assessment.noteFor', { area: tr('reintegration.areas.legal_identity') }))
      .fill('Sin acta ni CURP');
    await assessment
      .getByRole('group', { name: tr('reintegration.areas.employment') })
      .getByLabel(tr('reintegration.levels.some'))
      .check();
    await assessment.getByRole('button', { name: tr('reintegration.assessment.save') }).click();
    await assessment
      .getByText(`${tr('reintegration.areas.legal_identity')}: ${tr('reintegration.levels.urgent')} — Sin acta ni CURP`)
      .waitFor();

    const plan = page.getByRole('region', { name: tr('reintegration.plan.title') });
    await plan.getByLabel(tr('reintegration.plan.area'), { exact: true }).selectOption('legal_identity');
    const service = plan.getByLabel(tr('reintegration.plan.service'), { exact: true });
    await service.waitFor();
    const option = plan.locator('#plan-service option', { hasText: PARTNER_SERVICE });
    await service.selectOption((await option.getAttribute('value')) ?? '');
    await plan
      .getByLabel(tr('referrals.reason'), { exact: true })
      .fill('Necesita acta de nacimiento para tramitar su identificación.');
    await plan.getByRole('button', { name: tr('referrals.previewButton') }).click();
    await plan.getByRole('heading', { name: tr('referrals.previewTitle') }).waitFor();
    await plan.getByRole('button', { name: tr('referrals.send') }).click();
    const sent = plan.locator('.case-list__item');
    await sent.first().waitFor();
    assert.match(
      await sent.first().innerText(),
      new RegExp(`${PARTNER_SERVICE.replace(/[()]/g, '\\$&')}[\\s\\S]*${tr('referrals.status.sent')}`),
    );

    const followUps = page
      .getByRole('region', { name: tr('reintegration.followUps.title') })
      .locator('.case-list__item');
    // Each follow-up names its milestone, then when it is due (the form to record it follows).
    const texts = await followUps.allInnerTexts();
    assert.equal(texts.length, 3);
    [30, 90, 180].forEach((days, index) => {
      const milestone = tr('reintegration.followUps.milestone', { days: String(days) });
      const due = tr('reintegration.followUps.dueOn', { date: longDate(dayFromToday(days)) });
      assert.ok(texts[index]?.replace(/\s+/g, ' ').startsWith(`${milestone}`), texts[index]);
      assert.ok(texts[index]?.includes(due), `${texts[index]} should say ${due}`);
    });
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the reception page');
    await screenshot(page, 'reintegration-reception-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lets the receiver redirect the referral to a service found by need and name', async () => {
    const { context, page, errors } = await loggedIn('ines@identidad.example');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.referrals') })
      .click();
    await page.getByRole('heading', { level: 1, name: tr('referrals.title') }).waitFor();
    const item = page.locator('.case-list__item').first();
    await item.getByRole('button', { name: tr('referrals.actions.redirect') }).click();
    await item.getByLabel(tr('referrals.picker.need'), { exact: true }).selectOption('legal_identity');
    await item.getByLabel(tr('referrals.picker.name'), { exact: true }).fill('registro civil');
    await item.getByRole('button', { name: tr('referrals.picker.search') }).click();
    const choices = item.getByRole('group', { name: tr('referrals.picker.choose') });
    await choices.waitFor();
    // The referral's own service is left out; the name narrows the need's services to one.
    assert.deepEqual((await choices.getByRole('radio').all()).length, 1);
    await choices.getByRole('radio', { name: new RegExp(REGISTRY_SERVICE) }).check();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the inbox with the service picker');
    await screenshot(page, 'referrals-redirect-picker-1280');
    await item
      .locator('form')
      .getByRole('button', { name: tr('referrals.actions.redirect') })
      .click();
    await page.getByText(tr('referrals.status.redirected')).first().waitFor();
    const redirected = await server.harness.ctx.db.query<{ name: string }>(
      'SELECT s.name FROM referrals r JOIN hsds_services s ON s.id = r.to_service_id WHERE r.redirected_from_id IS NOT NULL',
    );
    assert.deepEqual(
      redirected.rows.map((r) => r.name),
      [REGISTRY_SERVICE],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
