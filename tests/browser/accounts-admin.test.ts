// The administrator's accounts and identity-provider screens in Chromium against a real server with
// a real SMTP catcher and a real OpenID provider (decision 0140): list with role, teams, status and
// last sign-in; invite, change role (making an administrator asks the admin's password again),
// teams, disable and re-enable, forced reset — each after a dialog that says what happens, each
// audited; the provider's settings with a connection test and a write-only secret. In Spanish, axe
// at 1280 and 360 px, screenshots, no horizontal scroll on a phone.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
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
  webDist,
} from './browser-kit.ts';
import { startHarness, TEST_PASSWORD, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { startTestMailbox, type TestMailbox } from '../../apps/server/src/testing/test-mailbox.ts';
import { startTestIdp, type TestIdp } from '../../apps/server/src/auth/oidc/oidc-test-provider.ts';
import { forgetDiscovery } from '../../apps/server/src/auth/oidc/oidc-providers.ts';
import { totpCode } from '../../apps/server/src/auth/totp.ts';

const t = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED accounts administration journey: ${skip}`);

describe('accounts and identity-provider administration, in the browser', { skip: skip ?? false }, () => {
  let h: TestHarness;
  let mailbox: TestMailbox;
  let idp: TestIdp;
  let browser: Browser;
  let baseUrl = '';
  let orgId = '';

  before(async () => {
    ensureWebBuild();
    mailbox = await startTestMailbox();
    h = await startHarness('pglite', { webDistDir: webDist, envOverrides: { ACOMPANA_SMTP_URL: mailbox.url } });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    idp = await startTestIdp(`${baseUrl}/api/auth/oidc/callback`);
    forgetDiscovery();
    orgId = await h.createOrg('casa-sur');
    const make = (email: string, displayName: string, role: string) =>
      h.ctx.accounts.createAccount({ orgId, email, displayName, role, password: TEST_PASSWORD, totpExempt: true });
    await make('admin@casa-sur.example', 'Inés Admin', 'admin');
    await make('marta@casa-sur.example', 'Marta Díaz', 'caseworker');
    await make('julio@casa-sur.example', 'Julio Ramos', 'lawyer');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await idp?.close();
    await h?.close();
    await mailbox?.close();
  });

  const login = (width = 1280) =>
    staffLogin(browser, baseUrl, { email: 'admin@casa-sur.example', password: TEST_PASSWORD, welcome: /Inés/, width });
  const assertAccessible = async (page: Page, what: string) =>
    assert.deepEqual(await seriousAxeViolations(page), [], `axe found serious or critical problems on ${what}`);
  const noSideScroll = async (page: Page, what: string) => {
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 360 px`);
  };
  const audited = async (action: string) =>
    (await h.ctx.db.query('SELECT 1 FROM audit_log WHERE action = $1', [action])).rowCount;
  const roleOf = async (email: string) =>
    (
      await h.ctx.db.query<{ role: string }>(
        'SELECT m.role FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = $1',
        [email],
      )
    ).rows[0]?.role;

  it('lists the people and acts on them after a confirmation, each action audited', async () => {
    const { context, page, errors } = await login();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('nav.admin') })
      .click();
    await page.getByRole('link', { name: t('accountsAdmin.adminLink') }).click();
    await page.getByRole('heading', { level: 1, name: t('accountsAdmin.title') }).waitFor();
    const marta = page.getByRole('row').filter({ hasText: 'Marta Díaz' });
    await marta.waitFor();
    assert.match(await marta.innerText(), new RegExp(t('roles.caseworker')));
    assert.match(await marta.innerText(), new RegExp(t('accountsAdmin.never')));
    const own = page.getByRole('row').filter({ hasText: 'Inés Admin' });
    assert.equal(await own.getByRole('button').count(), 0, 'no actions on the admin’s own account');
    assert.match(await own.innerText(), /\d{2}\/\d{2}\/\d{4}/, 'last sign-in shown as a date');

    // Invite: the person gets the link by e-mail; the admin sees only that it was sent.
    await page.getByRole('button', { name: t('accountsAdmin.invite.open') }).click();
    const invite = page.getByRole('dialog', { name: t('accountsAdmin.invite.title') });
    await invite.getByLabel(t('accountsAdmin.invite.email')).fill('no-es-un-correo');
    await invite.getByLabel(t('accountsAdmin.invite.name')).fill('Pablo Núñez');
    await invite.getByRole('button', { name: t('accountsAdmin.invite.submit') }).click();
    await invite.locator('.field--invalid').first().waitFor();
    await invite.getByLabel(t('accountsAdmin.invite.email')).fill('pablo@casa-sur.example');
    await invite.getByLabel(t('accountsAdmin.teams')).fill('Albergue');
    await assertAccessible(page, 'the invitation dialog');
    await invite.getByRole('button', { name: t('accountsAdmin.invite.submit') }).click();
    await page.getByText(t('accountsAdmin.invite.done', { email: 'pablo@casa-sur.example' })).waitFor();
    assert.ok(await mailbox.linkToken('pablo@casa-sur.example', 'invitation'));

    // Role change (not an administrator): a dialog that says the sessions end.
    await marta.getByRole('button', { name: `${t('accountsAdmin.changeRole')}: Marta Díaz` }).click();
    const roleDialog = page.getByRole('dialog', { name: t('accountsAdmin.roleDialog.title', { name: 'Marta Díaz' }) });
    await roleDialog.getByLabel(t('accountsAdmin.role')).selectOption('coordinator');
    await roleDialog.getByRole('button', { name: t('accountsAdmin.roleDialog.submit') }).click();
    await roleDialog.waitFor({ state: 'hidden' });
    assert.equal(await roleOf('marta@casa-sur.example'), 'coordinator');

    // Making an administrator asks the acting admin to confirm it is them.
    const julio = page.getByRole('row').filter({ hasText: 'Julio Ramos' });
    await julio.getByRole('button', { name: `${t('accountsAdmin.changeRole')}: Julio Ramos` }).click();
    const promote = page.getByRole('dialog', { name: t('accountsAdmin.roleDialog.title', { name: 'Julio Ramos' }) });
    await promote.getByLabel(t('accountsAdmin.role')).selectOption('admin');
    await promote.getByText(t('accountsAdmin.roleDialog.adminWarning')).waitFor();
    await promote.getByRole('button', { name: t('accountsAdmin.roleDialog.submit') }).click();
    await promote.getByLabel(t('accountLife.currentPassword')).fill('no es mi contraseña');
    await promote.getByRole('button', { name: t('accountsAdmin.roleDialog.confirmAndChange') }).click();
    await promote.locator('.field__error').waitFor();
    assert.equal(await roleOf('julio@casa-sur.example'), 'lawyer');
    await assertAccessible(page, 'the re-authentication in the role dialog');
    await screenshot(page, 'admin-accounts-reauth-1280');
    await promote.getByLabel(t('accountLife.currentPassword')).fill(TEST_PASSWORD);
    await promote.getByRole('button', { name: t('accountsAdmin.roleDialog.confirmAndChange') }).click();
    await promote.waitFor({ state: 'hidden' });
    assert.equal(await roleOf('julio@casa-sur.example'), 'admin');

    // Teams.
    await marta.getByRole('button', { name: `${t('accountsAdmin.changeTeams')}: Marta Díaz` }).click();
    const teams = page.getByRole('dialog', { name: t('accountsAdmin.teamsDialog.title', { name: 'Marta Díaz' }) });
    await teams.getByLabel(t('accountsAdmin.teamsDialog.newTeam')).fill('Jurídico, Albergue');
    await teams.getByRole('button', { name: t('accountsAdmin.teamsDialog.submit') }).click();
    await teams.waitFor({ state: 'hidden' });
    assert.match(await marta.innerText(), /Albergue, Jurídico/);

    // Disable, then re-enable; a forced reset e-mails the owner.
    await marta.getByRole('button', { name: `${t('accountsAdmin.disable')}: Marta Díaz` }).click();
    const disable = page.getByRole('dialog', {
      name: t('accountsAdmin.confirm.disable.title', { name: 'Marta Díaz' }),
    });
    assert.match(await disable.innerText(), /no podrá entrar/);
    await disable.getByRole('button', { name: t('accountsAdmin.confirm.disable.submit') }).click();
    await disable.waitFor({ state: 'hidden' });
    await marta.getByText(t('accountsAdmin.statuses.disabled')).waitFor();
    await marta.getByRole('button', { name: `${t('accountsAdmin.enable')}: Marta Díaz` }).click();
    const enable = page.getByRole('dialog', { name: t('accountsAdmin.confirm.enable.title', { name: 'Marta Díaz' }) });
    await enable.getByRole('button', { name: t('accountsAdmin.confirm.enable.submit') }).click();
    await enable.waitFor({ state: 'hidden' });
    await marta.getByRole('button', { name: `${t('accountsAdmin.forceReset')}: Marta Díaz` }).click();
    const reset = page.getByRole('dialog', {
      name: t('accountsAdmin.confirm.forceReset.title', { name: 'Marta Díaz' }),
    });
    await reset.getByRole('button', { name: t('accountsAdmin.confirm.forceReset.submit') }).click();
    await page.getByText(t('accountsAdmin.confirm.forceReset.done', { name: 'Marta Díaz' })).waitFor();
    assert.ok(await mailbox.linkToken('marta@casa-sur.example', 'reset'));
    await marta.getByText(t('accountsAdmin.statuses.noPassword')).waitFor();

    for (const action of [
      'membership.role_change',
      'membership.teams_change',
      'account.disable',
      'account.enable',
      'auth.reauthenticated',
      'account.password_confirm_failed',
    ])
      assert.ok(await audited(action), `${action} audited`);
    await assertAccessible(page, 'the accounts page');
    await screenshot(page, 'admin-accounts-1280');
    // The refusals this journey provokes on purpose (a bad address, a wrong password, a dead issuer) are 400s.
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await context.close();

    const phone = await login(360);
    await phone.page.goto(`${baseUrl}/app/admin/accounts`);
    await phone.page.getByRole('row').filter({ hasText: 'Marta Díaz' }).waitFor();
    await assertAccessible(phone.page, 'the accounts page at 360 px');
    await noSideScroll(phone.page, 'the accounts page');
    await screenshot(phone.page, 'admin-accounts-360');
    await phone.context.close();
  });

  it('the owner replaces the authenticator app after confirming the password', async () => {
    const { totpSecret } = await h.ctx.accounts.createAccount({
      orgId,
      email: 'sara@casa-sur.example',
      displayName: 'Sara Vega',
      role: 'caseworker',
      password: TEST_PASSWORD,
    });
    assert.ok(totpSecret);
    const totpNow = (secret: string) => {
      h.clock.advanceMinutes(1);
      return totpCode(secret, h.clock.now);
    };
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'es-MX' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/app/`);
    await page.getByLabel(t('login.email')).fill('sara@casa-sur.example');
    await page.getByLabel(t('login.password')).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: t('login.submit') }).click();
    await page.getByLabel(t('login.totp')).fill(totpNow(totpSecret));
    await page.getByRole('button', { name: t('login.verify') }).click();
    await page.getByRole('heading', { level: 1, name: /Sara/ }).waitFor();
    await page.goto(`${baseUrl}/app/account/security`);
    const section = page.getByRole('region', { name: t('accountLife.replaceTotp.title') });
    await section.getByRole('button', { name: t('accountLife.replaceTotp.start') }).click();
    await section.getByLabel(t('accountLife.currentPassword')).fill(TEST_PASSWORD);
    await section.getByRole('button', { name: t('accountLife.reauth.submit'), exact: true }).click();
    const secret = ((await page.getByTestId('new-totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    assert.notEqual(secret, totpSecret);
    await assertAccessible(page, 'the authenticator replacement at 360 px');
    await noSideScroll(page, 'the authenticator replacement');
    await screenshot(page, 'account-totp-replace-360');
    await page.getByLabel(t('accountLife.replaceTotp.code')).fill(totpNow(secret));
    await page.getByRole('button', { name: t('accountLife.replaceTotp.confirm') }).click();
    await page.getByText(t('accountLife.replaceTotp.done')).waitFor();
    assert.ok(await audited('auth.totp_replaced'));
    h.clock.advanceMinutes(1); // the code just used is spent
    await h.login('sara@casa-sur.example', TEST_PASSWORD, secret);
    await context.close();
  });

  it('sets the identity provider: tests the connection, saves it, never shows the secret again', async () => {
    const { context, page, errors } = await login();
    await page.goto(`${baseUrl}/app/admin`);
    await page.getByRole('link', { name: t('oidcAdmin.adminLink') }).click();
    await page.getByRole('heading', { level: 1, name: t('oidcAdmin.title') }).waitFor();
    await page.getByLabel(t('oidcAdmin.issuer')).fill('http://127.0.0.1:9/nada');
    await page.getByLabel(t('oidcAdmin.clientId')).fill(idp.clientId);
    await page.getByLabel(t('oidcAdmin.clientSecret')).fill(idp.clientSecret);
    await page.getByRole('button', { name: t('oidcAdmin.test') }).click();
    await page.locator('.field--invalid').getByLabel(t('oidcAdmin.issuer')).waitFor();
    await page.getByLabel(t('oidcAdmin.issuer')).fill(idp.issuer);
    await page.getByLabel(t('oidcAdmin.domains')).fill('casa-sur.example');
    await page.getByRole('button', { name: t('oidcAdmin.test') }).click();
    await page.getByText(t('oidcAdmin.testOk', { issuer: idp.issuer })).waitFor();
    assert.equal((await h.ctx.db.query('SELECT 1 FROM oidc_providers')).rowCount, 0, 'a test stores nothing');
    await assertAccessible(page, 'the identity provider page');
    await page.getByRole('button', { name: t('oidcAdmin.save') }).click();
    await page.getByText(t('oidcAdmin.saved')).waitFor();
    await page.getByText(t('oidcAdmin.secretKept')).waitFor();
    assert.equal(await page.getByLabel(t('oidcAdmin.clientSecret')).inputValue(), '');
    assert.ok(!(await page.content()).includes(idp.clientSecret), 'the secret is not on the page');
    const stored = await h.ctx.db.query<{ allowed_domains: string[] }>(
      'SELECT allowed_domains FROM oidc_providers WHERE org_id = $1',
      [orgId],
    );
    assert.deepEqual(stored.rows[0]?.allowed_domains, ['casa-sur.example']);
    assert.ok(await audited('oidc_provider.create'));
    await screenshot(page, 'admin-oidc-1280');
    // The refusals this journey provokes on purpose (a bad address, a wrong password, a dead issuer) are 400s.
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
    await context.close();

    const phone = await login(360);
    await phone.page.goto(`${baseUrl}/app/admin/oidc`);
    await phone.page.getByText(t('oidcAdmin.secretKept')).waitFor();
    await assertAccessible(phone.page, 'the identity provider page at 360 px');
    await noSideScroll(phone.page, 'the identity provider page');
    await screenshot(phone.page, 'admin-oidc-360');
    await phone.context.close();
  });
});
