// Shared pieces of the browser journeys: Debian's Chromium, an axe check, screenshots, and the
// web build they need. Screenshots land in .tmp/screenshots/ (git-ignored) for a person to look at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { webSourceHash, webSourceHashFile } from '../../scripts/web-build-hash.mjs';
import { requirement } from '../test-requirements.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const webDist = process.env.ACOMPANA_WEB_DIST ?? `${repoRoot}apps/web/dist`;
export const screenshotDir = `${repoRoot}.tmp/screenshots`;
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here (the skip reason), or false when they can; throws in CI. */
export function browserUnavailable(): string | false {
  return requirement(existsSync(chromiumPath) ? null : `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`);
}

const builtHash = (): string => (existsSync(webSourceHashFile) ? readFileSync(webSourceHashFile, 'utf8').trim() : '');
const upToDate = (): boolean => existsSync(`${webDist}/index.html`) && builtHash() === webSourceHash();
const sleepSync = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the web app when there is no build yet or its sources changed since (see
 * scripts/web-build-hash.mjs). Test files run two at a time: one builds while the other waits on
 * a lock directory beside the build (a lock older than five minutes is a crashed build's).
 */
export function ensureWebBuild(): void {
  if (upToDate()) return;
  const lock = `${webDist}.build-lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleepSync(250);
    }
  }
  try {
    if (upToDate()) return;
    const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('web build failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and uncaught exceptions of a page: a CSP violation shows up here. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 401 from GET /api/me before login is the expected "who am I? nobody" answer.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** axe with the WCAG 2.x A/AA rules; returns the serious and critical violations, described. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export type Messages = { [key: string]: string | Messages };

/** The staff app's translation file of a language (apps/web/src/i18n/<lang>.json). */
export function staffMessages(lang: 'es' | 'en'): Messages {
  return JSON.parse(readFileSync(`${repoRoot}apps/web/src/i18n/${lang}.json`, 'utf8')) as Messages;
}

/** A translated string by its dotted key, with {{params}} filled in, so tests read what users read. */
export function tr(messages: Messages, key: string, params: Record<string, string> = {}): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no translation ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** `tr` bound to one language's messages. */
export function translator(messages: Messages): (key: string, params?: Record<string, string>) => string {
  return (key, params = {}) => tr(messages, key, params);
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh browser context (Spanish, desktop width unless given) logged in to the staff app. */
export async function staffLogin(
  browser: Browser,
  baseUrl: string,
  login: { email: string; password: string; welcome: RegExp; width?: number },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const es = staffMessages('es');
  const context = await browser.newContext({ viewport: { width: login.width ?? 1280, height: 800 }, locale: 'es-MX' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel(tr(es, 'login.email')).fill(login.email);
  await page.getByLabel(tr(es, 'login.password')).fill(login.password);
  await page.getByRole('button', { name: tr(es, 'login.submit') }).click();
  await page.getByRole('heading', { level: 1, name: login.welcome }).waitFor();
  return { context, page, errors };
}

/**
 * Types a YYYY-MM-DD date into a React Aria date field (dd/mm/aaaa segments, decision 0134) as a
 * person does: into the first segment, the day, then month and year; earlier content is replaced.
 */
export async function fillDate(page: Page, label: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const field = page.getByRole('group', { name: label, exact: true });
  const segments = field.getByRole('spinbutton');
  await segments.first().click();
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
  }
  await segments.first().click();
  await page.keyboard.type(`${day}${month}${year}`);
}
