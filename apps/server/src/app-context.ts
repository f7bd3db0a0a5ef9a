// Everything a request handler may use, built once at start-up. Each service receives only the
// dependencies it needs (no god object reaching every table).
import { readFileSync } from 'node:fs';
import type { AppConfig } from './kernel/config.ts';
import type { Database } from './kernel/db/database.ts';
import type { Keyring } from './kernel/crypto/keyring.ts';
import { createSessionCache, type SessionCache } from './auth/session-cache.ts';
import { localClusterSignals, type ClusterSignals } from './kernel/db/cluster-signals.ts';
import { primaryOnly, type ReadRouting } from './kernel/db/read-routing.ts';
import { createAuditWriter, type AuditWriter } from './audit/audit-log.ts';
import { createAccountsService, type AccountsService } from './orgs/accounts.service.ts';
import { createLoginService, type LoginService } from './auth/login.service.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import { createTotpEnrollmentService } from './auth/totp-enrollment.service.ts';
import { createInvitationsService, type InvitationsService } from './auth/invitations.service.ts';
import { createPasswordResetService, type PasswordResetService } from './auth/password-reset.service.ts';
import { createAccountSelfService, type AccountSelfService } from './auth/account-self.service.ts';
import { createMailer, type Mailer } from './notifications/mailer.ts';

export interface AppContext {
  config: AppConfig;
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  accounts: AccountsService;
  login: LoginService;
  totpEnrollment: ReturnType<typeof createTotpEnrollmentService>;
  /** Account lifecycle only its owner controls (docs/decisions/0129). */
  invitations: InvitationsService;
  passwordResets: PasswordResetService;
  accountSelf: AccountSelfService;
  /** Undefined without ACOMPANA_SMTP_URL. */
  mailer: Mailer | undefined;
  clock: () => Date;
  /** Who is asking, reused for a moment (auth/session-cache.ts). */
  sessionCache: SessionCache;
  /** "Your cache of <topic> is stale", heard by every app process of the deployment. */
  signals: ClusterSignals;
  /** Where dashboards, statistics and searches read: the primary, or a streaming replica. */
  reads: ReadRouting;
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
  signals?: ClusterSignals;
  reads?: ReadRouting;
}): AppContext {
  const clock = input.clock ?? (() => new Date());
  const { config, db, keyring } = input;
  const audit = createAuditWriter(db, keyring.systemKey('audit'), clock);
  const throttle = createLoginThrottle(db, keyring.systemKey('accounts'), () => clock().getTime());
  const mailer = createMailer(config.smtpUrl, config.smtpFrom);
  const login = createLoginService({
    db,
    keyring,
    audit,
    clock,
    throttle,
    sessionMaxMinutes: config.sessionMaxMinutes,
  });
  const publicUrl = config.publicUrl ?? 'http://localhost:3000';
  return {
    config,
    db,
    keyring,
    audit,
    clock,
    sessionCache: createSessionCache(config.sessionCacheMs),
    signals: input.signals ?? localClusterSignals(),
    reads: input.reads ?? primaryOnly(db),
    version: rootPackage.version,
    accounts: createAccountsService({ db, keyring, audit }),
    login,
    totpEnrollment: createTotpEnrollmentService({ db, keyring, audit, clock, mailer }),
    mailer,
    invitations: createInvitationsService({
      db,
      audit,
      clock,
      mailer,
      publicUrl,
      login,
      sessionMaxMinutes: config.sessionMaxMinutes,
    }),
    passwordResets: createPasswordResetService({ db, keyring, audit, clock, mailer, publicUrl, throttle }),
    accountSelf: createAccountSelfService({ db, audit, clock, throttle, mailer }),
  };
}
