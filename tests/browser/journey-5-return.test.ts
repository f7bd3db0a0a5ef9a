// Journey 5 of USER-JOURNEYS.md, through the staff app only, in Spanish: Rosa, a worker of the
// Mexico City returnee reception centre, receives Jorge (deported after 19 years in Chicago, wife
// and US-born daughter still there). She records the reception with where he is staying and his
// family as related people with their place; the needs assessment proposes one referral per
// urgent need, to the nearest service Jorge is eligible for (Mexico City before Tijuana, no
// Honduran consulate for a Mexican citizen). Housing is a "canalización externa" (an accompanied
// visit to a service that does not receive referrals through Acompaña) whose outcome she records;
// legal identity goes through Acompaña and the partner declines it with a reason. The bell says
// what changed and for whom and opens the reception, where the follow-up shows what is pending.
// Then again at 360 px: no horizontal scroll, a referral by letter recorded from a proposal. axe
// at both widths.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
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
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';
import { legalIdentityService } from '../../apps/server/src/directory/directory-fixtures.ts';

const tr = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

const CDMX = { city: 'Ciudad de México', state: 'Ciudad de México', lat: 19.43, lon: -99.13 };
const TIJUANA = { city: 'Tijuana', state: 'Baja California', lat: 32.51, lon: -117.04 };
const S = {
  housing: 'Casa de acogida temporal Ciudad de México (Ejemplo)',
  tijuanaHousing: 'Albergue de medio camino Tijuana (Ejemplo)',
  consulate: 'Consulado de Honduras en la Ciudad de México (Ejemplo)',
  registry: 'Registro civil para personas retornadas (Ejemplo)',
  studies: 'Revalidación de estudios técnicos (Ejemplo)',
  jobs: 'Bolsa de trabajo para personas retornadas (Ejemplo)',
};
const JORGE = 'Jorge Ramírez Soto';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The full label of a service's option in a select (name, organisation, place and distance). */
const optionLabelOf = async (select: Locator, name: string) =>
  (await select.locator('option').allInnerTexts()).find((o) => o.startsWith(name));

describe('journey 5: Jorge, deported to Mexico City', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let jorgeId: string;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const h = server.harness;
    await h.createAccount({ org: 'retorno-digno', email: 'rosa@retorno.example', role: 'caseworker' });
    await h.createAccount({ org: 'red-servicios', email: 'ines@servicios.example', role: 'coordinator' });
    const ines = await h.login('ines@servicios.example');
    const add = async (name: string, need: string, place: typeof CDMX, accepts: boolean, served?: string[]) => {
      const res = await ines.post('/api/directory/services', {
        ...legalIdentityService({ name, need, ...place }),
        acceptsReferrals: accepts,
        ...(served ? { servedNationalities: served } : {}),
      });
      assert.equal(res.statusCode, 201, res.body);
    };
    await add(S.tijuanaHousing, 'housing', TIJUANA, true);
    await add(S.housing, 'housing', CDMX, false);
    await add(S.consulate, 'legal_identity', CDMX, false, ['HN']);
    await add(S.registry, 'legal_identity', CDMX, true);
    await add(S.studies, 'validation_of_studies', CDMX, false);
    await add(S.jobs, 'employment', CDMX, true);
    const rosa = await h.login('rosa@retorno.example');
    const jorge = await rosa.post('/api/people', {
      givenNames: 'Jorge',
      surnames: 'Ramírez Soto',
      sex: 'M',
      nationality: 'MX',
      birthDate: '1984-03-11',
    });
    jorgeId = (jorge.json() as { id: string }).id;
    const consent = await rosa.post(`/api/people/${jorgeId}/consents`, { purpose: 'referral', method: 'signed' });
    assert.equal(consent.statusCode, 201, consent.body);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const login = (email: string, width = 1280) =>
    staffLogin(browser, server.baseUrl, {
      email,
      password: TEST_PASSWORD,
      welcome: new RegExp(email.split('@')[0] ?? ''),
      width,
    });
  const noHorizontalScroll = async (page: Page, what: string) => {
    const [scroll, inner] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [
      number,
      number,
    ];
    assert.ok(scroll <= inner, `${what}: ${scroll} px wide in a ${inner} px window`);
  };
  const receptionUrl = async () => {
    const { rows } = await server.harness.ctx.db.query<{ id: string }>(
      'SELECT id::text AS id FROM reintegration_receptions WHERE person_id = $1',
      [jorgeId],
    );
    return `/app/reintegration/${rows[0]?.id}`;
  };

  it('receives Jorge with where he stays and his family in Chicago as related people', async () => {
    const { context, page, errors } = await login('rosa@retorno.example');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.reintegration') })
      .click();
    await page.getByRole('link', { name: tr('reintegration.newReception') }).click();
    await page.getByRole('searchbox', { name: tr('reintegration.findPerson') }).fill('Jorge Ramírez');
    await page
      .getByRole('search')
      .getByRole('button', { name: tr('reintegration.search') })
      .click();
    await page.getByRole('button', { name: tr('reintegration.choose', { name: JORGE }) }).click();
    await page.getByLabel(tr('reintegration.portOfEntry')).fill('Aeropuerto Internacional de la Ciudad de México');
    await page.getByLabel(tr('returns.stayingPlace')).selectOption({ label: 'Ciudad de México' });
    await page.getByRole('button', { name: tr('returns.relatives.add') }).click();
    await page.getByLabel(tr('returns.relatives.name', { n: '1' })).fill('Laura Méndez de Ramírez');
    await page.getByLabel(tr('returns.relatives.relationship', { n: '1' })).selectOption('spouse');
    await page.getByLabel(tr('returns.relatives.place', { n: '1' })).fill('Chicago, Illinois');
    await page.getByRole('button', { name: tr('returns.relatives.add') }).click();
    await page.getByLabel(tr('returns.relatives.name', { n: '2' })).fill('Sofía Ramírez Méndez');
    await page.getByLabel(tr('returns.relatives.relationship', { n: '2' })).selectOption('daughter');
    await page.getByLabel(tr('returns.relatives.isChild', { n: '2' })).check();
    await page.getByLabel(tr('returns.relatives.place', { n: '2' })).fill('Chicago, Illinois');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the reception form');
    await screenshot(page, 'journey5-reception-form-1280');
    await page.getByRole('button', { name: tr('reintegration.saveReception') }).click();
    await page.getByRole('heading', { level: 1, name: tr('reintegration.receptionOf', { name: JORGE }) }).waitFor();
    assert.match(await page.locator('.record-facts').innerText(), /Ciudad de México, Ciudad de México/);

    // The family who stayed: a family file with Jorge and two relatives in the United States, not a note.
    const { rows } = await server.harness.ctx.db.query<{
      relationship: string;
      holding_country: string;
      is_child: boolean;
    }>(
      `SELECT m.relationship, trim(m.holding_country) AS holding_country, m.is_child FROM family_members m
        WHERE m.person_id IS NULL AND m.family_id IN (SELECT family_id FROM family_members WHERE person_id = $1) ORDER BY m.relationship DESC`,
      [jorgeId],
    );
    assert.deepEqual(rows, [
      { relationship: 'spouse', holding_country: 'US', is_child: false },
      { relationship: 'daughter', holding_country: 'US', is_child: true },
    ]);
    const family = (
      await (await server.harness.login('rosa@retorno.example')).get(`/api/reintegration/people/${jorgeId}/families`)
    ).json() as { items: { members: { name: string | null; location: string | null }[] }[] };
    assert.deepEqual(
      family.items[0]?.members
        .map((m) => [m.name, m.location])
        .sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? '') || (a[0] ?? '').localeCompare(b[0] ?? '')),
      [
        [JORGE, null],
        ['Laura Méndez de Ramírez', 'Chicago, Illinois'],
        ['Sofía Ramírez Méndez', 'Chicago, Illinois'],
      ],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('assesses the needs, proposes one referral per urgent need, records an external referral and its outcome, sends one online', async () => {
    const { context, page, errors } = await login('rosa@retorno.example');
    await page.goto(`${server.baseUrl}${await receptionUrl()}`);
    const assessment = page.getByRole('region', { name: tr('reintegration.assessment.title') });
    for (const area of ['housing', 'legal_identity', 'validation_of_studies', 'employment'])
      await assessment
        .getByRole('group', { name: tr(`reintegration.areas.${area}`) })
        .getByLabel(tr('reintegration.levels.urgent'))
        .check();
    await assessment.getByRole('button', { name: tr('reintegration.assessment.save') }).click();

    const plan = page.getByRole('region', { name: tr('reintegration.plan.title') });
    const proposals = plan.getByRole('region', { name: tr('returns.proposals.title') });
    await proposals.getByText(S.jobs).waitFor();
    const proposed = await proposals.locator('.plan-proposal').allInnerTexts();
    assert.equal(proposed.length, 4, 'one proposal per urgent need');
    const housingProposal = proposed.find((p) => p.includes(tr('reintegration.areas.housing'))) ?? '';
    assert.match(housingProposal, new RegExp(escape(S.housing)), 'Mexico City housing before the Tijuana one');
    assert.match(housingProposal, new RegExp(escape(tr('returns.form.external'))));
    const identityProposal = proposed.find((p) => p.includes(tr('reintegration.areas.legal_identity'))) ?? '';
    assert.match(identityProposal, new RegExp(escape(S.registry)));
    assert.doesNotMatch(proposed.join('\n'), /Consulado de Honduras/);

    // Housing: prepared from the proposal; the form says it is an external referral before anything is filled.
    await proposals
      .getByRole('button', { name: tr('returns.proposals.prepareFor', { area: tr('reintegration.areas.housing') }) })
      .click();
    const form = plan.getByRole('form', { name: tr('reintegration.plan.new') });
    const serviceSelect = form.getByLabel(tr('reintegration.plan.service'), { exact: true });
    await form.getByRole('note').getByText(tr('returns.form.external')).waitFor();
    const optionTexts = await serviceSelect.locator('option').allInnerTexts();
    assert.ok(
      optionTexts.findIndex((o) => o.includes(S.housing)) < optionTexts.findIndex((o) => o.includes(S.tijuanaHousing)),
      `ranked by distance: ${optionTexts.join(' | ')}`,
    );
    await form.getByLabel(tr('returns.form.channel')).selectOption('accompanied_visit');
    await form.getByLabel(tr('returns.form.contact')).fill('Trabajadora social de turno');
    await form
      .getByLabel(tr('referrals.reason'), { exact: true })
      .fill('Necesita dónde dormir mientras consigue empleo.');
    await form.getByRole('button', { name: tr('returns.form.record') }).click();
    const item = plan.locator('.plan-item', { hasText: S.housing });
    await item
      .getByText(tr('returns.plan.externalBy', { channel: tr('returns.channels.accompanied_visit') }), { exact: false })
      .waitFor();

    // Its outcome, heard from the service by phone.
    await item.getByRole('button', { name: tr('returns.answer.open', { service: S.housing }) }).click();
    await item.getByLabel(tr('returns.answer.status')).selectOption('completed');
    await item.getByLabel(tr('returns.answer.outcome')).fill('Tiene lugar por 30 días.');
    await item.getByRole('button', { name: tr('returns.answer.save') }).click();
    await item.getByText('Tiene lugar por 30 días.').waitFor();

    // Legal identity: through Acompaña, to the partner's civil registry (no Honduran consulate offered).
    await proposals
      .getByRole('button', {
        name: tr('returns.proposals.prepareFor', { area: tr('reintegration.areas.legal_identity') }),
      })
      .click();
    await form.getByRole('note').getByText(tr('returns.form.online')).waitFor();
    assert.doesNotMatch((await serviceSelect.locator('option').allInnerTexts()).join('|'), /Consulado de Honduras/);
    await form.getByLabel(tr('referrals.reason'), { exact: true }).fill('Necesita su acta de nacimiento y CURP.');
    await form.getByRole('button', { name: tr('referrals.previewButton') }).click();
    await form.getByRole('heading', { name: tr('referrals.previewTitle') }).waitFor();
    await form.getByRole('button', { name: tr('referrals.send') }).click();
    await plan.locator('.plan-item', { hasText: S.registry }).getByText(tr('referrals.status.sent')).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the reception page with the plan');
    await screenshot(page, 'journey5-plan-1280');

    const audit = await server.harness.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action IN ('referral.external_create', 'referral.external_answer', 'referral.create', 'reintegration.plan_referral') ORDER BY seq",
    );
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      [
        'referral.external_create',
        'reintegration.plan_referral',
        'referral.external_answer',
        'referral.create',
        'reintegration.plan_referral',
      ],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the partner declines with a reason; the bell says what changed and for whom and opens the follow-up', async () => {
    const partner = await login('ines@servicios.example');
    // The receiving organisation hears of the new referral, for whom (the name Rosa chose to share), where.
    await partner.page.getByRole('button', { name: new RegExp(tr('notifications.title')) }).click();
    await partner.page
      .locator('.notification-bell__panel')
      .getByRole('link', {
        name: tr('returns.notify.referralPerson', {
          status: tr('returns.notify.status.received'),
          person: JORGE,
          service: S.registry,
        }),
      })
      .click();
    await partner.page.getByRole('heading', { level: 1, name: tr('referrals.title') }).waitFor();
    const incoming = partner.page.locator('.case-list__item').first();
    await incoming.getByRole('button', { name: tr('referrals.actions.decline') }).click();
    await incoming
      .getByLabel(tr('referrals.actionField.decline'))
      .fill('Solo atendemos con cita; llamar al 000 555 0199.');
    await incoming
      .locator('form')
      .getByRole('button', { name: tr('referrals.actions.decline') })
      .click();
    await partner.page.getByText(tr('referrals.status.declined')).first().waitFor();
    assert.deepEqual(partner.errors, []);
    await partner.context.close();

    const { context, page, errors } = await login('rosa@retorno.example');
    await page.getByRole('button', { name: new RegExp(tr('notifications.title')) }).click();
    const panel = page.locator('.notification-bell__panel');
    const expected = tr('returns.notify.referralFor', {
      status: tr('returns.notify.status.declined'),
      person: JORGE,
      area: tr('reintegration.areas.legal_identity'),
      service: S.registry,
    });
    const link = panel.getByRole('link', { name: expected });
    await link.waitFor();
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the open notification panel');
    await link.click();
    await page.getByRole('heading', { level: 1, name: tr('reintegration.receptionOf', { name: JORGE }) }).waitFor();
    assert.equal(new URL(page.url()).pathname, await receptionUrl());

    const pending = page.getByRole('region', { name: tr('returns.pending.title') });
    const declined = await pending.getByTestId('pending-declined').innerText();
    assert.match(declined, /Solo atendemos con cita; llamar al 000 555 0199\./);
    assert.match(declined, new RegExp(escape(S.registry)));
    const needs = await pending.getByTestId('pending-needs').innerText();
    for (const area of ['legal_identity', 'validation_of_studies', 'employment'])
      assert.match(needs, new RegExp(escape(tr(`reintegration.areas.${area}`))));
    assert.doesNotMatch(needs, new RegExp(escape(tr('reintegration.areas.housing'))));
    assert.match(await pending.getByTestId('pending-outcomes').innerText(), /Tiene lugar por 30 días\./);
    await screenshot(page, 'journey5-pending-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refers Jorge from his page to a service outside the plan: the form says first how it is made; the outcome comes later', async () => {
    const { context, page, errors } = await login('rosa@retorno.example');
    await page.goto(`${server.baseUrl}/app/people/${jorgeId}?tab=referrals`);
    const section = page.getByRole('region', { name: tr('returns.personReferrals.title') });
    await section.getByRole('button', { name: tr('returns.personReferrals.open') }).click();
    const form = section.getByRole('form', { name: tr('returns.personReferrals.formTitle') });
    await form.getByLabel(tr('referrals.picker.need')).selectOption('housing');
    const service = form.getByLabel(tr('reintegration.plan.service'), { exact: true });
    // A service that receives referrals online: the form says so before anything is filled.
    await service.selectOption({ label: (await optionLabelOf(service, S.tijuanaHousing)) ?? '' });
    await form.getByRole('note').getByText(tr('returns.form.online')).waitFor();
    assert.equal(await form.getByLabel(tr('returns.form.channel')).count(), 0, 'no channel for an online referral');
    // One that does not: a "canalización externa" made by phone, recorded here.
    await service.selectOption({ label: (await optionLabelOf(service, S.housing)) ?? '' });
    await form.getByRole('note').getByText(tr('returns.form.external')).waitFor();
    await form.getByLabel(tr('returns.form.channel')).selectOption('phone');
    await form.getByLabel(tr('returns.form.contact')).fill('Lic. Ortega, recepción');
    await form.getByLabel(tr('referrals.reason'), { exact: true }).fill('Segunda estancia mientras arregla su acta.');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the referral form on the person page');
    await screenshot(page, 'journey5-person-referral-form-1280');
    await form.getByRole('button', { name: tr('returns.form.record') }).click();
    await section.getByText(tr('returns.personReferrals.recorded', { service: S.housing })).waitFor();
    const row = section.locator('.plan-item', { hasText: 'Segunda estancia' });
    await row.getByText(tr('referrals.status.sent'), { exact: false }).waitFor();
    assert.match(await row.innerText(), new RegExp(escape(tr('returns.channels.phone'))));

    // Later, the service's answer as Rosa heard it.
    await row.getByRole('button', { name: tr('returns.answer.open', { service: S.housing }) }).click();
    await row.getByLabel(tr('returns.answer.status')).selectOption('completed');
    await row.getByLabel(tr('returns.answer.outcome')).fill('Le dieron 15 días más.');
    await row.getByRole('button', { name: tr('returns.answer.save') }).click();
    await row.getByText('Le dieron 15 días más.').waitFor();
    await row.getByText(tr('referrals.status.completed'), { exact: false }).waitFor();
    await screenshot(page, 'journey5-person-referrals-1280');
    const { rows } = await server.harness.ctx.db.query<{
      status: string;
      reception_id: string | null;
      channel: string;
    }>(
      "SELECT status, reception_id::text AS reception_id, channel FROM external_referrals WHERE person_id = $1 AND channel = 'phone'",
      [jorgeId],
    );
    assert.deepEqual(rows, [{ status: 'completed', reception_id: null, channel: 'phone' }]);

    // The reception page lists it among the referrals outside the plan, and can make one too.
    await page.goto(`${server.baseUrl}${await receptionUrl()}`);
    const outside = page.getByRole('region', { name: tr('returns.personReferrals.titleOutsidePlan') });
    await outside.getByText('Le dieron 15 días más.').waitFor();
    await outside.getByRole('button', { name: tr('returns.personReferrals.open') }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360 px: no horizontal scroll, a referral by letter from a proposal, axe', async () => {
    const { context, page, errors } = await login('rosa@retorno.example', 360);
    await page.goto(`${server.baseUrl}${await receptionUrl()}`);
    await page.getByRole('heading', { level: 1, name: tr('reintegration.receptionOf', { name: JORGE }) }).waitFor();
    const plan = page.getByRole('region', { name: tr('reintegration.plan.title') });
    const proposals = plan.getByRole('region', { name: tr('returns.proposals.title') });
    await proposals
      .getByRole('button', {
        name: tr('returns.proposals.prepareFor', { area: tr('reintegration.areas.validation_of_studies') }),
      })
      .click();
    const form = plan.getByRole('form', { name: tr('reintegration.plan.new') });
    await form.getByRole('note').getByText(tr('returns.form.external')).waitFor();
    await form.getByLabel(tr('returns.form.channel')).selectOption('letter');
    await form
      .getByLabel(tr('referrals.reason'), { exact: true })
      .fill('Revalidar su carrera técnica en electricidad.');
    await form.getByRole('button', { name: tr('returns.form.record') }).click();
    await plan
      .locator('.plan-item', { hasText: S.studies })
      .getByText(tr('returns.plan.externalBy', { channel: tr('returns.channels.letter') }), { exact: false })
      .waitFor();
    await noHorizontalScroll(page, 'reception page');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the reception page at 360 px');
    await screenshot(page, 'journey5-reception-360');

    // The person's page, its referrals tab, on a phone.
    await page.goto(`${server.baseUrl}/app/people/${jorgeId}?tab=referrals`);
    const referrals = page.getByRole('region', { name: tr('returns.personReferrals.title') });
    await referrals.getByText('Le dieron 15 días más.').waitFor();
    await referrals.getByRole('button', { name: tr('returns.personReferrals.open') }).click();
    await referrals.getByLabel(tr('referrals.picker.need')).selectOption('housing');
    await referrals.getByLabel(tr('reintegration.plan.service'), { exact: true }).waitFor();
    await noHorizontalScroll(page, 'person referrals tab');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the person referrals tab at 360 px');
    await screenshot(page, 'journey5-person-referrals-360');

    await page.goto(`${server.baseUrl}/app/reintegration/new`);
    await page.getByRole('searchbox', { name: tr('reintegration.findPerson') }).fill('Jorge');
    await page
      .getByRole('search')
      .getByRole('button', { name: tr('reintegration.search') })
      .click();
    await page.getByRole('button', { name: tr('reintegration.choose', { name: JORGE }) }).click();
    await page.getByRole('button', { name: tr('returns.relatives.add') }).click();
    await page.getByLabel(tr('returns.relatives.name', { n: '1' })).waitFor();
    await noHorizontalScroll(page, 'reception form with a relative');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the reception form at 360 px');
    await screenshot(page, 'journey5-reception-form-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
