// Everything a request handler may use, built once at start-up. Each service receives only the
// dependencies it needs (no god object reaching every table).
import { readFileSync } from 'node:fs';
import type { AppConfig } from './kernel/config.ts';
import type { Database } from './kernel/db/database.ts';
import type { Keyring } from './kernel/crypto/keyring.ts';
import { createSessionCache, type SessionCache } from './auth/session-cache.ts';
import { createAuditWriter, type AuditWriter } from './audit/audit-log.ts';
import { createAccountsService, type AccountsService } from './orgs/accounts.service.ts';
import { createLoginService, type LoginService } from './auth/login.service.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { createTotpEnrollmentService } from './auth/totp-enrollment.service.ts';

export interface AppContext {
  config: AppConfig;
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  accounts: AccountsService;
  login: LoginService;
  totpEnrollment: ReturnType<typeof createTotpEnrollmentService>;
  clock: () => Date;
  /** Who is asking, reused for a moment (auth/session-cache.ts). */
  sessionCache: SessionCache;
  version: string;
}

const rootPackage = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function createAppContext(input: {
  config: AppConfig;
  db: Database;
  keyring: Keyring;
  clock?: () => Date;
}): AppContext {
  const clock = input.clock ?? (() => new Date());
  const { config, db, keyring } = input;
  const audit = createAuditWriter(db, keyring.systemKey('audit'), clock);
  return {
    config,
    db,
    keyring,
    audit,
    clock,
    sessionCache: createSessionCache(config.sessionCacheMs),
    version: rootPackage.version,
    accounts: createAccountsService({ db, keyring, audit }),
    login: createLoginService({
      db,
      keyring,
      audit,
      clock,
      throttle: createLoginThrottle(),
      sessionMaxMinutes: config.sessionMaxMinutes,
    }),
    totpEnrollment: createTotpEnrollmentService({ db, keyring, audit, clock }),
  };
}
