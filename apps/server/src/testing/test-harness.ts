// Integration-test harness: a full Acompaña (migrations, keyring, services, HTTP app) on a fresh
// database of the given kind, with helpers to create accounts and to call the API as them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../kernel/config.ts';
import { openRuntime } from '../bootstrap.ts';
import { buildApp, type BuildAppOptions } from '../app.ts';
import type { AppContext } from '../app-context.ts';
import { totpCode } from '../auth/totp.ts';
import { createTestDatabase, type DatabaseKind } from './test-database.ts';

export interface ApiClient {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestHarness {
  kind: DatabaseKind;
  ctx: AppContext;
  app: FastifyInstance;
  config: AppConfig;
  /** Database URL (PostgreSQL) for tests that reach around the app. */
  databaseUrl?: string;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  createOrg(slug: string): Promise<string>;
  createAccount(input: {
    org: string;
    email: string;
    role: string;
    password?: string;
    totp?: boolean;
  }): Promise<{ accountId: string; totpSecret?: string }>;
  login(email: string, password?: string, totpSecret?: string): Promise<ApiClient>;
  /** After changing accounts, memberships, sessions or agreements with SQL: forget who was asking. */
  sessionsChanged(): void;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';

export type HarnessOptions = BuildAppOptions & { envOverrides?: Record<string, string> };

export async function startHarness(kind: DatabaseKind, options: HarnessOptions = {}): Promise<TestHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'acompana-test-'));
  const created = await createTestDatabase(kind);
  const config = loadConfig({
    ACOMPANA_DATA_DIR: dataDir,
    ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
    ACOMPANA_DEMO: 'false',
    // The session cache is on, as in production (ACOMPANA_SESSION_CACHE_MS, default 2 s), so that a
    // state-changing request that forgot to empty it fails a test. A test that changes accounts or
    // agreements with SQL behind the app's back calls harness.sessionsChanged() first, as an operator
    // would wait out the cache. One suite runs with it off (auth/session-cache-off.test.ts).
    ...(created.url ? { DATABASE_URL: created.url } : {}),
    ...options.envOverrides,
  });
  const clock = {
    now: new Date(),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const runtime = await openRuntime(config, { database: created.db, clock: () => clock.now });
  const ctx = runtime.ctx;
  const app = await buildApp(ctx, { webDistDir: options.webDistDir ?? join(dataDir, 'no-web'), ...options });
  await app.ready();
  const orgIds = new Map<string, string>();

  const harness: TestHarness = {
    kind,
    ctx,
    app,
    config,
    ...(created.url ? { databaseUrl: created.url } : {}),
    clock,
    async createOrg(slug) {
      const id = await ctx.accounts.ensureOrganisation({ slug, name: `Org ${slug}` });
      orgIds.set(slug, id);
      return id;
    },
    async createAccount({ org, email, role, password = TEST_PASSWORD, totp = false }) {
      const orgId = orgIds.get(org) ?? (await harness.createOrg(org));
      return ctx.accounts.createAccount({ orgId, email, password, role, totpExempt: !totp });
    },
    async login(email, password = TEST_PASSWORD, totpSecret) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password, ...(totpSecret ? { totp: totpCode(totpSecret, clock.now) } : {}) },
      });
      if (response.statusCode !== 200)
        throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'acompana_session');
      if (!cookie) throw new Error('no session cookie');
      const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
      return clientFor(app, `acompana_session=${cookie.value}`, csrfToken);
    },
    sessionsChanged() {
      ctx.sessionCache.clear();
    },
    async close() {
      await app.close();
      await created.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): ApiClient {
  const request = (options: InjectOptions) => {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { cookie, ...(options.headers as Record<string, string> | undefined) };
    if (method !== 'GET' && method !== 'HEAD' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrfToken;
    return app.inject({ ...options, headers });
  };
  return {
    csrfToken,
    cookie,
    request,
    get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url, body, headers) =>
      request({
        method: 'POST',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        ...(headers ? { headers } : {}),
      }),
    put: (url, body, headers) =>
      request({
        method: 'PUT',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        ...(headers ? { headers } : {}),
      }),
  };
}
