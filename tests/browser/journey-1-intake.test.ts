// Journey 1 through the staff app, in Spanish: Luis, a caseworker at the Tapachula shelter,
// registers Dania (Honduras, 27) and her two children, 9 and 4, who arrived yesterday, in one
// step: the arrival date, the question for a woman travelling alone with her children, the
// younger child's asthma, consent for care and referral. The warning shows the "Dania
// Maradiaga" a partner shelter in Tenosique registered (shared for search, with her consent),
// never her 4-year-old as a duplicate of her; Luis links the two records. He fills in the
// international-protection screening (gang threats) and the medical one from the intake plan;
// each flag shows the answer that raised it. The proposed plan (COMAR application, clinic
// referral) is edited and accepted: the case opens with its tasks by due date. Records, audit
// entries, screenshots and axe at 1280 px, then the same journey for another family at 360 px.
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

const t = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

const LUIS = { email: 'luis@tapachula.example', password: TEST_PASSWORD, welcome: /Luis/ };
const year = new Date().getUTCFullYear();
const yesterday = dayFromToday(-1);

interface Family {
  width: number;
  mother: { given: string; first: string; second: string; born: string };
  girl: { given: string; born: string };
  boy: { given: string; age: string };
  partnerId?: string;
}

const families: Family[] = [
  {
    width: 1280,
    mother: { given: 'Dania', first: 'Maradiaga', second: 'Flores', born: `${year - 27}-02-11` },
    girl: { given: 'Yeimi', born: `${year - 9}-06-03` },
    boy: { given: 'Josué', age: '4' },
  },
  {
    width: 360,
    mother: { given: 'Ingrid', first: 'Sauceda', second: 'Paz', born: `${year - 30}-08-21` },
    girl: { given: 'Keyli', born: `${year - 10}-01-15` },
    boy: { given: 'Kevin', age: '5' },
  },
];

describe('journey 1: intake of a mother and her two children in Tapachula', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let tenosique = '';

  const db = () => server.harness.ctx.db;
  const audit = async (action: string, recordId: string) =>
    (
      await db().query<{ org_id: string; details: Record<string, unknown> }>(
        'SELECT org_id::text AS org_id, details FROM audit_log WHERE action = $1 AND record_id = $2 ORDER BY seq',
        [action, recordId],
      )
    ).rows;
  const accessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
  const noSideScroll = async (page: Page, what: string) =>
    assert.equal(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      0,
      `${what} scrolls sideways`,
    );

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const tapachula = await server.harness.createOrg('tapachula');
    tenosique = await server.harness.createOrg('tenosique');
    await server.harness.ctx.accounts.createAccount({
      orgId: tapachula,
      email: LUIS.email,
      displayName: 'Luis Hernández',
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Atención'],
    });
    await server.harness.ctx.accounts.createAccount({
      orgId: tenosique,
      email: 'marta@tenosique.example',
      password: TEST_PASSWORD,
      role: 'caseworker',
      totpExempt: true,
      teams: ['Recepción'],
    });
    await db().query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
      [tenosique, tapachula],
    );
    // Last month the Tenosique shelter registered each mother, who consented to sharing.
    const marta = await server.harness.login('marta@tenosique.example');
    for (const family of families) {
      const created = await marta.post('/api/people', {
        givenNames: family.mother.given,
        surnames: family.mother.first,
        sex: 'F',
        birthDate: family.mother.born,
        nationality: 'HN',
      });
      assert.equal(created.statusCode, 201, created.body);
      family.partnerId = (created.json() as { id: string }).id;
      const consent = await marta.post(`/api/people/${family.partnerId}/consents`, {
        purpose: 'sharing',
        method: 'signed',
      });
      assert.equal(consent.statusCode, 201, consent.body);
    }
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const family of families) {
    it(`registers, links, screens and plans at ${family.width} px`, async () => {
      const w = family.width;
      const { context, page, errors } = await staffLogin(browser, server.baseUrl, { ...LUIS, width: w });
      const motherName = `${family.mother.given} ${family.mother.first} ${family.mother.second}`;

      // Registration, by clicks and typing.
      await page.goto(`${server.baseUrl}/app/people`);
      await page.getByRole('link', { name: t('people.registerLink') }).click();
      await page.getByRole('heading', { level: 1, name: t('people.register.title') }).waitFor();
      await page.getByLabel(t('people.fields.givenNames'), { exact: true }).fill(family.mother.given);
      await page.getByLabel(t('people.fields.firstSurname'), { exact: true }).fill(family.mother.first);
      await page.getByLabel(t('people.fields.secondSurname'), { exact: true }).fill(family.mother.second);
      await page.getByLabel(t('people.fields.sex'), { exact: true }).selectOption({ label: t('people.sex.F') });
      await fillDate(page, t('people.fields.birthDate'), family.mother.born);
      await page.getByLabel(t('people.fields.nationality'), { exact: true }).selectOption({ label: 'Honduras' });
      await fillDate(page, t('intake.arrival.label'), yesterday);

      await page.getByRole('button', { name: t('intake.children.add') }).click();
      const girl = page.getByRole('region', { name: t('intake.children.title', { n: '1' }) });
      await girl.getByLabel(t('intake.children.givenNames', { n: '1' })).fill(family.girl.given);
      await girl.getByLabel(t('intake.children.firstSurname', { n: '1' })).fill(family.mother.first);
      await girl.getByLabel(t('intake.children.sex', { n: '1' })).selectOption({ label: t('intake.children.girl') });
      await fillDate(page, t('intake.children.birthDate', { n: '1' }), family.girl.born);

      await page.getByRole('button', { name: t('intake.children.add') }).click();
      const boy = page.getByRole('region', { name: t('intake.children.title', { n: '2' }) });
      await boy.getByLabel(t('intake.children.givenNames', { n: '2' })).fill(family.boy.given);
      await boy.getByLabel(t('intake.children.firstSurname', { n: '2' })).fill(family.mother.first);
      await boy.getByLabel(t('intake.children.sex', { n: '2' })).selectOption({ label: t('intake.children.boy') });
      await boy.getByLabel(t('intake.children.estimatedAge', { n: '2' })).fill(family.boy.age);
      // The differentiated question follows the profile: an illness is marked, which one is asked.
      await boy.getByLabel(t('profile.indicators.chronic_illness')).check();
      await boy.getByLabel(t('intake.condition.label', { who: t('intake.children.title', { n: '2' }) })).fill('Asma');
      // A woman travelling alone with her children.
      await page
        .getByRole('group', { name: t('intake.alone.question') })
        .getByLabel(t('screening.yes'))
        .check();
      await page.getByText(t('intake.alone.recorded')).waitFor();
      await page.getByLabel(t('intake.consents.care')).check();
      await page.getByLabel(t('intake.consents.referral')).check();
      await accessible(page, 'the intake form with two children');
      await screenshot(page, `journey-1-intake-form-${w}`);
      if (w === 360) await noSideScroll(page, 'the intake form');

      // The warning: the partner's record for the mother, nothing for her children.
      await page.getByRole('button', { name: t('intake.submitFamily') }).click();
      const warning = page.getByRole('region', { name: t('people.duplicates.title') });
      await warning.waitFor();
      const groups = await warning.locator('h3').allInnerTexts();
      assert.deepEqual(groups, [t('intake.duplicates.for', { name: motherName })]);
      const warningText = await warning.innerText();
      assert.match(warningText, /organización aliada Org tenosique/);
      assert.ok(!warningText.includes(family.boy.given), 'a child is never proposed as a duplicate');
      await accessible(page, 'the duplicate warning');
      await screenshot(page, `journey-1-duplicates-${w}`);
      if (w === 360) await noSideScroll(page, 'the duplicate warning');
      const link = warning.getByRole('button', {
        name: t('intake.duplicates.link', { name: `${family.mother.given} ${family.mother.first}` }),
      });
      await link.click();
      assert.equal(await link.getAttribute('aria-pressed'), 'true');
      await warning.getByRole('button', { name: t('intake.duplicates.continue') }).click();

      // The mother's page; the records behind it.
      await page.getByText(t('people.register.done')).waitFor();
      const motherId = /\/people\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
      assert.ok(motherId);
      const household = await db().query<{ person_id: string; relationship: string; responsible: string | null }>(
        `SELECT m.person_id::text AS person_id, m.relationship, m.responsible_adult_id::text AS responsible
           FROM household_members m WHERE m.household_id = (
             SELECT household_id FROM household_members WHERE person_id = $1 LIMIT 1) AND m.left_at IS NULL`,
        [motherId],
      );
      assert.equal(household.rows.length, 3);
      const children = household.rows.filter((r) => r.person_id !== motherId);
      assert.ok(children.every((c) => c.relationship === 'child' && c.responsible === motherId));
      const arrivals = await db().query<{ arrived_on: string }>(
        "SELECT to_char(arrived_on, 'YYYY-MM-DD') AS arrived_on FROM intake_arrivals WHERE household_id IS NOT NULL AND person_id = ANY($1::uuid[])",
        [household.rows.map((r) => r.person_id)],
      );
      assert.deepEqual(
        arrivals.rows.map((r) => r.arrived_on),
        [yesterday, yesterday, yesterday],
      );
      const links = await db().query<{ linked_person_id: string; linked_org_id: string }>(
        'SELECT linked_person_id::text AS linked_person_id, linked_org_id::text AS linked_org_id FROM person_links WHERE person_id = $1',
        [motherId],
      );
      assert.deepEqual(links.rows, [{ linked_person_id: family.partnerId, linked_org_id: tenosique }]);
      assert.equal((await audit('person.link', motherId)).length, 1);
      assert.equal((await audit('person.linked_by_partner', family.partnerId as string))[0]?.org_id, tenosique);
      const consents = await db().query<{ purpose: string; method: string }>(
        'SELECT purpose, method FROM person_consents WHERE person_id = ANY($1::uuid[]) ORDER BY purpose, method',
        [household.rows.map((r) => r.person_id)],
      );
      assert.equal(consents.rows.filter((c) => c.method === 'by_guardian').length, 4);
      assert.equal(consents.rows.filter((c) => c.method === 'signed').length, 2);
      const api = await server.harness.login(LUIS.email);
      const profiles = await Promise.all(
        children.map(async (c) => (await api.get(`/api/people/${c.person_id}/intake-plan`)).json()),
      );
      assert.ok(
        profiles.some(
          (p: { profile: { effective: string[]; notes?: string } }) =>
            p.profile.effective.includes('chronic_illness') &&
            p.profile.effective.includes('child') &&
            p.profile.notes === 'Asma',
        ),
        "the younger child's profile says asthma",
      );
      assert.ok(
        (
          (await api.get(`/api/people/${motherId}/intake-plan`)).json() as { profile: { effective: string[] } }
        ).profile.effective.includes('single_parent'),
      );
      await accessible(page, "the mother's page");
      await screenshot(page, `journey-1-person-${w}`);

      // Screening from the intake plan: international protection, then medical urgency.
      await page
        .getByRole('link', { name: 'Indicadores de necesidad de protección internacional', exact: true })
        .click();
      await page
        .getByRole('heading', { level: 1, name: 'Indicadores de necesidad de protección internacional' })
        .waitFor();
      const fear = page.getByRole('group', { name: '¿Tiene miedo de regresar a su país?' });
      await fear.getByLabel(t('screening.yes')).check();
      await page.getByLabel('Amenazas o extorsión de pandillas o grupos criminales').check();
      await page
        .getByRole('group', { name: '¿Usted o su familia ya sufrieron daño o amenazas?' })
        .getByLabel(t('screening.yes'))
        .check();
      await page.getByLabel('¿Cuántos días lleva en México?').fill('2');
      await accessible(page, 'the international-protection questionnaire');
      await screenshot(page, `journey-1-screening-form-${w}`);
      await page.getByRole('button', { name: t('screening.save') }).click();
      const result = page.getByRole('region', { name: t('screening.resultTitle') });
      await result.waitFor();
      const flags = await result.innerText();
      assert.match(flags, new RegExp(t('screening.flags.international_protection_needs')));
      assert.match(flags, /Respuesta que la generó:\s*¿Tiene miedo de regresar a su país\? — Sí/);
      assert.ok(!/comar_deadline_close|international_protection_needs/.test(flags), 'no raw codes');
      await accessible(page, 'the screening flags');
      await screenshot(page, `journey-1-screening-flags-${w}`);
      if (w === 360) await noSideScroll(page, 'the screening flags');
      assert.equal((await audit('screening.create', motherId)).length, 1);

      await result.getByRole('link', { name: t('screening.backToPerson', { name: motherName }) }).click();
      await page.getByRole('link', { name: 'Urgencia médica', exact: true }).click();
      await page.getByRole('group', { name: '¿Necesita atención médica hoy?' }).getByLabel(t('screening.yes')).check();
      await page.getByRole('button', { name: t('screening.save') }).click();
      await page.getByRole('region', { name: t('screening.resultTitle') }).waitFor();
      assert.match(
        await page.getByRole('region', { name: t('screening.resultTitle') }).innerText(),
        /Seguimiento médico[\s\S]*¿Necesita atención médica hoy\? — Sí/,
      );

      // The proposed plan: by due date, with why; Luis leaves out the legal orientation.
      await page.getByRole('link', { name: t('screening.toPlan') }).click();
      await page.getByRole('heading', { level: 1, name: t('intake.plan.titleFor', { name: motherName }) }).waitFor();
      const labels = await page.locator('.plan-proposal__task label').allInnerTexts();
      assert.deepEqual(labels, [
        'Orientación jurídica',
        'Canalización a clínica',
        'Solicitud de la condición de refugiado ante la COMAR',
      ]);
      assert.match(await page.locator('.plan-proposal').innerText(), /miedo de regresar/);
      await page.getByRole('checkbox', { name: 'Orientación jurídica', exact: true }).uncheck();
      await accessible(page, 'the proposed plan');
      await screenshot(page, `journey-1-plan-${w}`);
      if (w === 360) await noSideScroll(page, 'the proposed plan');
      await page.getByRole('button', { name: t('intake.plan.accept') }).click();
      await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
      const caseId = /\/cases\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
      const tasks = await db().query<{ task_key: string; due_on: string }>(
        "SELECT task_key, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM case_tasks WHERE case_id = $1 ORDER BY position, created_at",
        [caseId],
      );
      assert.deepEqual(
        tasks.rows.map((r) => r.task_key),
        ['clinic_referral', 'comar_application'],
      );
      assert.deepEqual(
        tasks.rows.map((r) => r.due_on),
        [dayFromToday(7), dayFromToday(14)],
      );
      assert.equal((await audit('case.open', caseId)).length, 1);
      // The case page shows the plan (on its own tab where the page has tabs), soonest first.
      const planTab = page.getByRole('tab', { name: t('caseTabs.tabs.plan') });
      await page.getByRole('heading', { level: 1 }).waitFor();
      if ((await planTab.count()) > 0) await planTab.click();
      await page.getByText('Solicitud de la condición de refugiado ante la COMAR').first().waitFor();
      const casePage = await page.locator('main').innerText();
      assert.ok(
        casePage.indexOf('Canalización a clínica') < casePage.indexOf('Solicitud de la condición de refugiado'),
      );
      await accessible(page, 'the case opened with the plan');
      await screenshot(page, `journey-1-case-${w}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
