// Browser journeys through the staff app shell, in Debian's Chromium against a real server:
// login with two-factor, the shell in Spanish and English, organisation switch, audit check,
// forced two-factor enrolment, logout, a 360 px phone, and axe on the main pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  repoRoot,
  screenshot,
  seriousAxeViolations,
} from './browser-kit.ts';
import { addMembership, clearTotp, startStaffServer, TEST_PASSWORD, type StaffServer } from './staff-server.ts';

type Messages = { [key: string]: string | Messages };
const readMessages = (lang: string) =>
  JSON.parse(readFileSync(`${repoRoot}apps/web/src/i18n/${lang}.json`, 'utf8')) as Messages;
const es = readMessages('es');
const en = readMessages('en');
/** A translated string by its key, e.g. tr(es, 'nav.people'). */
function tr(messages: Messages, key: string): string {
  let value: string | Messages | undefined = messages;
  for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined;
  if (typeof value !== 'string') throw new Error(`no translation ${key}`);
  return value;
}

const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED browser journeys: ${skip}`);

/** The password form of the login page once it is no longer busy (the page has other sign-in forms too). */
const idleLoginForm = (page: Page) =>
  page.locator('form:not([aria-busy])', { has: page.locator('input[type="password"]') });

describe('staff web app shell', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;
  const admin = { email: 'ana@casa.example', secret: '', id: '' };
  const newcomer = { email: 'beto@casa.example', id: '' };
  const analyst = { email: 'carla@casa.example' };

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    await server.harness.createOrg('casa');
    const created = await server.harness.createAccount({ org: 'casa', email: admin.email, role: 'admin', totp: true });
    assert.ok(created.totpSecret, 'an admin account is created with two-factor');
    admin.secret = created.totpSecret;
    admin.id = created.accountId;
    await addMembership(server, admin.id, 'clinica', 'lawyer');
    const second = await server.harness.createAccount({
      org: 'casa',
      email: newcomer.email,
      role: 'caseworker',
      totp: true,
    });
    newcomer.id = second.accountId;
    await clearTotp(server, newcomer.id);
    await server.harness.createAccount({ org: 'casa', email: analyst.email, role: 'analyst' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(
    options: { width?: number; locale?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 800 },
      locale: options.locale ?? 'es-MX',
    });
    // Every step here takes well under a second; fail fast rather than after 30 s.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    return { context, page, errors: collectPageErrors(page) };
  }

  async function assertAccessible(page: Page, what: string): Promise<void> {
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], `axe found serious or critical problems on ${what}`);
  }

  async function submitCredentials(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
    await page.getByLabel(tr(es, 'login.email')).fill(email);
    await page.getByLabel(tr(es, 'login.password')).fill(password);
    await page.getByRole('button', { name: tr(es, 'login.submit') }).click();
  }

  async function loginAsAdmin(page: Page): Promise<void> {
    await page.goto(`${server.baseUrl}/app/`);
    await submitCredentials(page, admin.email);
    await page.getByLabel(tr(es, 'login.totp')).fill(server.totpNow(admin.secret));
    await page.getByRole('button', { name: tr(es, 'login.verify') }).click();
    await page.getByRole('heading', { level: 1, name: /ana/ }).waitFor();
  }

  it('logs in with password and the two-factor code, and shows the shell in Spanish', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.baseUrl}/app/`);
    await page.waitForURL(/\/app\/login$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('heading', { level: 1, name: tr(es, 'login.title') }).waitFor();
    await assertAccessible(page, 'the login page');
    await screenshot(page, 'login-es-1280');

    // A wrong password: the server's own (Spanish) message is shown.
    await submitCredentials(page, admin.email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /contraseña/i);

    // The right password: a second step asks for the 6-digit code.
    await submitCredentials(page, admin.email);
    const code = page.getByLabel(tr(es, 'login.totp'));
    await code.waitFor();
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    // Focus moves to the code input (string predicates would need 'unsafe-eval', which the CSP forbids).
    await page.locator('input[name="totp"]:focus').waitFor();
    await assertAccessible(page, 'the two-factor login step');

    // A wrong code marks the code field.
    await code.fill('000000');
    await page.getByRole('button', { name: tr(es, 'login.verify') }).click();
    await page.locator('input[name="totp"][aria-invalid="true"]').waitFor();
    await screenshot(page, 'login-totp-error-es-1280');

    await code.fill(server.totpNow(admin.secret));
    await page.getByRole('button', { name: tr(es, 'login.verify') }).click();
    await page.getByRole('heading', { level: 1, name: 'Hola, ana' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/app/');
    const main = page.getByRole('main');
    assert.match(await main.innerText(), /Su rol en Org casa: Administración\./);
    const nav = page.getByRole('navigation', { name: tr(es, 'nav.label') });
    for (const key of [
      'nav.people',
      'nav.procedures',
      'nav.incidents',
      'nav.search',
      'nav.referrals',
      'nav.reintegration',
      'nav.statistics',
      'nav.admin',
      'nav.audit',
    ]) {
      assert.ok(
        await nav.getByRole('link', { name: tr(es, key), exact: true }).isVisible(),
        `${key} in the navigation`,
      );
    }
    assert.equal(await page.title(), `${tr(es, 'staffApp.today.title')} · Acompaña`);
    await assertAccessible(page, 'the home page');
    await screenshot(page, 'home-es-1280');

    // Navigating marks the current module in the menu.
    await nav.getByRole('link', { name: tr(es, 'nav.incidents') }).click();
    await page.waitForURL(/\/app\/incidents$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await nav.getByRole('link', { name: tr(es, 'nav.incidents') }).getAttribute('aria-current'), 'page');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('switches to English, keeps the choice after a reload, and switches organisation', async () => {
    const { context, page, errors } = await newPage();
    await loginAsAdmin(page);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, ana' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.ok(
      await page
        .getByRole('link', { name: tr(en, 'nav.people') })
        .first()
        .isVisible(),
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hello, ana' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // The server answers in the UI language too (Accept-Language follows the switch).
    const health = await page.evaluate('fetch("/api/health").then((r) => r.json())');
    assert.equal((health as { status: string }).status, 'ok');

    const orgSelect = page.getByLabel(tr(en, 'header.organization'));
    assert.equal(await orgSelect.locator('option').count(), 2);
    await orgSelect.selectOption({ label: 'Org clinica' });
    await page.getByText('Your role in Org clinica: Lawyer.').waitFor();
    // Only admins see the audit page in the navigation.
    assert.equal(await page.getByRole('link', { name: tr(en, 'nav.audit') }).count(), 0);
    await orgSelect.selectOption({ label: 'Org casa' });
    await page.getByText('Your role in Org casa: Administrator.').waitFor();
    await screenshot(page, 'home-en-1280');
    // The choice is the account's: back to Spanish, so that the next log-in is in Spanish again.
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hola, ana' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('verifies the audit chain for an admin', async () => {
    const { context, page, errors } = await newPage();
    await loginAsAdmin(page);
    await page.getByRole('link', { name: tr(es, 'nav.audit') }).click();
    await page.waitForURL(/\/app\/admin\/audit$/);
    await page.getByRole('heading', { level: 1, name: tr(es, 'audit.title') }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'La cadena está íntegra' });
    await status.waitFor();
    await assertAccessible(page, 'the audit page');
    await screenshot(page, 'audit-es-1280');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('logs out, and logs out everywhere', async () => {
    const { context, page, errors } = await newPage();
    await loginAsAdmin(page);
    await page.getByRole('button', { name: /Cuenta/ }).click();
    await page.getByRole('button', { name: tr(es, 'header.logout'), exact: true }).click();
    await page.getByText(tr(es, 'login.loggedOut')).waitFor();
    await page.waitForURL(/\/app\/login/);
    // The session is really gone: a reload stays on the login page.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: tr(es, 'login.title') }).waitFor();

    // Two sessions; "log out everywhere" in one ends the other.
    const other = await newPage();
    await loginAsAdmin(other.page);
    await loginAsAdmin(page);
    await page.getByRole('button', { name: /Cuenta/ }).click();
    await page.getByRole('button', { name: tr(es, 'header.logoutAll') }).click();
    await page.getByText(tr(es, 'login.loggedOutAll')).waitFor();
    await other.page
      .getByRole('link', { name: tr(es, 'nav.people') })
      .first()
      .click();
    await other.page.reload();
    await other.page.getByRole('heading', { level: 1, name: tr(es, 'login.title') }).waitFor();
    await other.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('forces a new staff account to set up two-factor before anything else', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${server.baseUrl}/app/people`);
    await page.waitForURL(/\/app\/login\?next=%2Fpeople$/);
    await submitCredentials(page, newcomer.email);
    await page.waitForURL(/\/app\/account\/2fa$/);
    await page.getByText(tr(es, 'twoFactor.required')).waitFor();
    assert.equal(await page.getByRole('navigation').count(), 0, 'no navigation until two-factor is set up');
    await assertAccessible(page, 'the two-factor page');

    await page.getByRole('button', { name: tr(es, 'twoFactor.start') }).click();
    const secretText = await page.getByTestId('totp-secret').innerText();
    const secret = secretText.replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await page.getByText(/^otpauth:\/\/totp\//).waitFor();
    await assertAccessible(page, 'the two-factor set-up step');
    await screenshot(page, 'two-factor-setup-es-1280');

    await page.getByLabel(tr(es, 'twoFactor.code')).fill('000000');
    await page.getByRole('button', { name: tr(es, 'twoFactor.confirm') }).click();
    await page.locator('input[name="code"][aria-invalid="true"]').waitFor();

    await page.getByLabel(tr(es, 'twoFactor.code')).fill(server.totpNow(secret));
    await page.getByRole('button', { name: tr(es, 'twoFactor.confirm') }).click();
    await page.getByText(tr(es, 'twoFactor.success')).waitFor();
    // Enrolled: the navigation is back.
    await page.getByRole('navigation', { name: tr(es, 'nav.label') }).waitFor();
    await page.getByRole('link', { name: tr(es, 'twoFactor.continue') }).click();
    await page.getByRole('heading', { level: 1, name: 'Hola, beto' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works on a 360 px phone: the navigation hides behind the menu button', async () => {
    const { context, page, errors } = await newPage({ width: 360 });
    await page.goto(`${server.baseUrl}/app/`);
    await screenshot(page, 'login-es-360');
    await loginAsAdmin(page);
    const noSideScroll = 'document.documentElement.scrollWidth <= window.innerWidth';
    assert.equal(await page.evaluate(noSideScroll), true, 'no horizontal scrolling at 360 px');
    const nav = page.getByRole('navigation', { name: tr(es, 'nav.label') });
    assert.equal(await nav.isVisible(), false);
    const menu = page.getByRole('button', { name: tr(es, 'nav.menu') });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await screenshot(page, 'home-es-360');
    await assertAccessible(page, 'the home page at 360 px');

    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await nav.isVisible(), true);
    await screenshot(page, 'nav-open-es-360');
    await nav.getByRole('link', { name: tr(es, 'nav.people') }).click();
    await page.waitForURL(/\/app\/people$/);
    assert.equal(await nav.isVisible(), false, 'choosing a page closes the navigation');
    // Keyboard, on a fresh load: the skip link is the first stop and lands in <main>.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: tr(es, 'nav.people') }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.className'), 'skip-link');
    await screenshot(page, 'skip-link-es-360');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'main');
    assert.equal(await page.evaluate(noSideScroll), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // These two run last: they leave this account and this client address slowed down.
  // Accounts are never locked (a stranger could lock a person out): repeated wrong passwords for one
  // account from one address are slowed, and the page says so (docs/decisions/0129).
  it('says when guessing an account is slowed after repeated wrong passwords', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.baseUrl}/app/login`);
    const alert = page.getByRole('alert');
    let text = '';
    for (let attempt = 0; attempt < 8 && !/Demasiados intentos/.test(text); attempt += 1) {
      await submitCredentials(page, analyst.email, `wrong ${attempt}`);
      await idleLoginForm(page).waitFor();
      text = await alert.innerText();
    }
    assert.match(text, /Demasiados intentos desde esta dirección o para esta cuenta/);
    assert.doesNotMatch(text, /bloqueada/);
    await screenshot(page, 'login-slowed-es-1280');
    await context.close();
  });

  it('says when this address is rate limited, in the language of the UI', async () => {
    // An English-language browser still gets Spanish (decision 0134) until English is chosen.
    const { context, page } = await newPage({ locale: 'en-US' });
    await page.goto(`${server.baseUrl}/app/login`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const alert = page.getByRole('alert');
    let text = '';
    for (let attempt = 0; attempt < 30 && !/Too many attempts from this address/i.test(text); attempt += 1) {
      await page.getByLabel(tr(en, 'login.email')).fill(`nobody${attempt}@example.org`);
      await page.getByLabel(tr(en, 'login.password')).fill('wrong password');
      await page.getByRole('button', { name: tr(en, 'login.submit') }).click();
      await idleLoginForm(page).waitFor();
      text = await alert.innerText();
    }
    assert.match(text, /Too many attempts from this address/i);
    await context.close();
  });
});
