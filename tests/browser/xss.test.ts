// XSS in every free-text field the staff app renders (issue 11, item 6), in Debian's Chromium:
// records are written with script-bearing text in each free-text field — names, aliases, notes,
// contacts, documents, case notes and tasks, close reasons, household labels — and every page that
// shows them is opened. No payload ever runs (it would set window.__xss or open a dialog), and
// each one is shown to the person as the literal text that was typed. CSP would block inline
// script anyway; this test proves the rendering itself is safe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  dayFromToday,
  ensureWebBuild,
  launchChromium,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

const tr = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

/** Each payload would set window.__xss if it ever ran. */
const P = {
  img: '<img src=x onerror="window.__xss=1">',
  svg: '"><svg onload=window.__xss=1>',
  script: '<script>window.__xss=1</script>',
  link: 'javascript:window.__xss=1',
  style: '<style>*{display:none}</style><b onmouseover=window.__xss=1>x</b>',
};

describe('script in free text never runs in the staff app', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  let personId = '';
  let caseId = '';

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    const h = server.harness;
    const orgId = await h.createOrg('xss');
    for (const [email, role] of [
      ['coord@xss.example', 'coordinator'],
      ['abogada@xss.example', 'lawyer'],
    ] as const) {
      await h.ctx.accounts.createAccount({
        orgId,
        email,
        password: TEST_PASSWORD,
        role,
        totpExempt: true,
        teams: ['Equipo'],
        displayName: `${P.img} ${role}`,
      });
    }
    const api = await h.login('coord@xss.example');
    const person = await api.post('/api/people', {
      givenNames: `Ana ${P.img}`,
      surnames: `López ${P.svg}`,
      aliases: [P.script],
      notes: `Nota ${P.style}`,
      contacts: [
        { channel: 'email', value: P.link, note: P.img },
        { channel: 'address', value: P.script },
      ],
      documents: [{ type: P.svg, number: 'X1', issuer: P.img }],
      origin: { country: 'HN', place: P.script },
      languages: [{ language: P.img }],
      genderIdentity: P.svg,
    });
    assert.equal(person.statusCode, 201, person.body);
    personId = (person.json() as { id: string }).id;
    assert.equal(
      (
        await api.post(`/api/people/${personId}/consents`, {
          purpose: 'care',
          method: 'oral_with_witness',
          witnessName: P.img,
        })
      ).statusCode,
      201,
    );
    const kase = await api.post('/api/cases', { personId });
    caseId = (kase.json() as { id: string }).id;
    assert.equal(
      (await api.post(`/api/cases/${caseId}/notes`, { text: `Nota del caso ${P.img} ${P.script}` })).statusCode,
      201,
    );
    assert.equal(
      (await api.post(`/api/cases/${caseId}/tasks`, { description: `Tarea ${P.svg}`, dueOn: dayFromToday(-1) }))
        .statusCode,
      201,
    );
    assert.equal(
      (
        await api.post('/api/households', {
          kind: 'family',
          label: `Familia ${P.img}`,
          members: [{ personId, relationship: 'self' }],
        })
      ).statusCode,
      201,
    );
    const lawyer = await h.login('abogada@xss.example');
    const procedure = await lawyer.post('/api/procedures', { personId, type: 'mx.comar.refugee_status' });
    assert.equal(procedure.statusCode, 201, procedure.body);
    await lawyer.put(`/api/procedures/${(procedure.json() as { id: string }).id}/steps/application`, {
      trigger: dayFromToday(-10),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(page: Page, path: string, expectText: string): Promise<void> {
    await page.goto(`${server.baseUrl}/app${path}`);
    await page.getByText(expectText, { exact: false }).first().waitFor();
    // Give any injected handler (onerror fires on load, onload on insertion) the chance to run.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate('window.__xss'), undefined, `a payload ran on ${path}`);
    assert.equal(
      await page.locator('script:not([src]), img[src="x"], svg[onload]').count(),
      0,
      `an injected element reached the DOM of ${path}`,
    );
  }

  it('shows every payload as text on the lists, the person, the case and the agenda', async () => {
    const context = await browser.newContext({ locale: 'es-MX' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${server.baseUrl}/app/`);
    await page.getByLabel(tr('login.email')).fill('coord@xss.example');
    await page.getByLabel(tr('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: tr('login.submit') }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.people') })
      .waitFor();
    assert.equal(await page.evaluate('window.__xss'), undefined, 'the display name ran');

    await visit(page, '/people', P.img);
    await visit(page, `/people/${personId}`, P.svg);
    const text = await page.locator('main').innerText();
    for (const payload of [P.img, P.svg, P.script])
      assert.ok(text.includes(payload), `"${payload}" is not shown as text on the person page`);
    // A contact value that looks like a javascript: URL is never a live link.
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a javascript: link was rendered');
    await visit(page, '/cases', P.img);
    await visit(page, `/cases/${caseId}?tab=notes`, 'Nota del caso');
    assert.ok((await page.locator('main').innerText()).includes(P.script), 'the case note is shown as text');
    await context.close();

    // The lawyer's agenda names the person.
    const lawyerContext = await browser.newContext({ locale: 'es-MX' });
    lawyerContext.setDefaultTimeout(10_000);
    const lawyerPage = await lawyerContext.newPage();
    await lawyerPage.goto(`${server.baseUrl}/app/`);
    await lawyerPage.getByLabel(tr('login.email')).fill('abogada@xss.example');
    await lawyerPage.getByLabel(tr('login.password')).fill(TEST_PASSWORD);
    await lawyerPage.getByRole('button', { name: tr('login.submit') }).click();
    await lawyerPage
      .getByRole('navigation')
      .getByRole('link', { name: tr('nav.people') })
      .waitFor();
    await visit(lawyerPage, '/procedures', 'Ana');
    await lawyerContext.close();
    assert.equal(dialogs, 0, 'a dialog was opened by a payload');
    assert.deepEqual(errors, []);
  });
});
