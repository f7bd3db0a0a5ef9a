// The account lifecycle in Chromium against a real server (docs/decisions/0129): an invitee opens
// the link, chooses the password, sets up two-factor, changes the password and makes recovery
// codes; after a forced reset, the reset link plus a recovery code lets them choose a new one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserUnavailable,
  collectPageErrors,
  ensureWebBuild,
  launchChromium,
  staffMessages,
  translator,
} from './browser-kit.ts';
import { startStaffServer, type StaffServer } from './staff-server.ts';

const t = translator(staffMessages('es'));
const skip = browserUnavailable();
if (skip) console.warn(`# SKIPPED account lifecycle journey: ${skip}`);

describe('accounts only their owner controls, in the browser', { skip: skip ?? false }, () => {
  let server: StaffServer;
  let browser: Browser;

  before(async () => {
    ensureWebBuild();
    server = await startStaffServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('invitation, two-factor, password change, recovery codes and a reset with a recovery code', async () => {
    const orgId = await server.harness.createOrg('casa-invita');
    const invited = await server.harness.ctx.invitations.invite(
      { orgId, email: 'dora@casa.example', displayName: 'Dora', role: 'caseworker' },
      { accountId: null },
      'print',
    );
    const token = new URL(invited.link).hash;
    const context = await browser.newContext({ locale: 'es-MX' });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${server.baseUrl}/app/account/invitation${token}`);
    await page.getByRole('heading', { level: 1, name: t('accountLife.invitation.title') }).waitFor();
    await page.getByText('Org casa-invita').waitFor();
    await page.getByLabel(t('accountLife.newPassword')).fill('la clave de dora');
    await page.getByRole('button', { name: t('accountLife.invitation.accept') }).click();
    // Caseworkers must set up two-factor: the app goes straight there.
    await page.getByRole('button', { name: t('twoFactor.start') }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel(t('twoFactor.code')).fill(server.totpNow(secret));
    await page.getByRole('button', { name: t('twoFactor.confirm') }).click();
    await page.getByText(t('twoFactor.success')).waitFor();

    await page.goto(`${server.baseUrl}/app/account/security`);
    await page.getByRole('heading', { level: 1, name: t('accountLife.security.title') }).waitFor();
    const passwordForm = page.locator('section[aria-labelledby="change-password"]');
    await passwordForm.getByLabel(t('accountLife.currentPassword')).fill('la clave de dora');
    await passwordForm.getByLabel(t('accountLife.newPassword')).fill('otra clave de dora');
    await passwordForm.getByRole('button', { name: t('accountLife.security.changePassword') }).click();
    await page.getByText(t('accountLife.security.passwordChanged')).waitFor();
    const codesForm = page.locator('section[aria-labelledby="recovery-codes"]');
    await codesForm.getByLabel(t('accountLife.currentPassword')).fill('otra clave de dora');
    await codesForm.getByRole('button', { name: t('accountLife.security.newCodes') }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);

    // An administrator forces a reset: the owner receives the link (printed here) and uses a recovery code.
    const { rows } = await server.harness.ctx.db.query<{ id: string }>(
      "SELECT id::text AS id FROM accounts WHERE email = 'dora@casa.example'",
    );
    const reset = await server.harness.ctx.passwordResets.forceReset(
      (rows[0] as { id: string }).id,
      { accountId: null, orgId },
      { delivery: 'print' },
    );
    await page.goto(`${server.baseUrl}/app/account/reset${new URL(reset.link).hash}`);
    await page.getByRole('heading', { level: 1, name: t('accountLife.reset.title') }).waitFor();
    await page.getByLabel(t('accountLife.newPassword')).fill('la tercera de dora');
    await page.getByLabel(t('accountLife.reset.code')).fill(codes[0] as string);
    await page.getByRole('button', { name: t('accountLife.reset.submit') }).click();
    await page.getByText(t('accountLife.reset.done')).waitFor();

    // Forgot password from the login page: the same answer whoever asks.
    await page.getByRole('link', { name: t('accountLife.backToLogin') }).click();
    await page.getByRole('link', { name: t('accountLife.forgotLink') }).click();
    await page.getByLabel(t('login.email')).fill('nadie@casa.example');
    await page.getByRole('button', { name: t('accountLife.forgot.submit') }).click();
    await page.getByText(t('accountLife.forgot.sent')).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
