// Configuration comes from the environment only (12-factor), so that the same build runs on a
// shelter laptop (embedded PGlite in ./data) and on a network's PostgreSQL server.
import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Where PGlite files, the master key file and backups live. */
  dataDir: string;
  /** Server PostgreSQL; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** A PostgreSQL streaming replica for dashboards, statistics and searches (kernel/db/read-routing.ts). */
  databaseReplicaUrl: string | undefined;
  /** How this deployment introduces itself to peered deployments (ACOMPANA_DEPLOYMENT_NAME). */
  deploymentName: string;
  /** Base64 or hex encoded 32-byte master key; when absent a key file in dataDir is used. */
  masterKey: string | undefined;
  /** Session idle timeout and absolute lifetime, in minutes. */
  sessionIdleMinutes: number;
  sessionMaxMinutes: number;
  /** How long a session lookup may be reused in process (ms); 0 = never. */
  sessionCacheMs: number;
  /** Cookies get the Secure flag and HSTS is sent when the deployment is behind TLS. */
  secureCookies: boolean;
  /** Seed demo organisations and accounts on an empty database (default on for the embedded database). */
  seedDemo: boolean;
  logLevel: string;
  /** SMTP server for reminder e-mails (smtp://user:pass@host:587); none: reminders stay in-app. */
  smtpUrl?: string | undefined;
  /** Sender of reminder e-mails. */
  smtpFrom?: string | undefined;
  /** Address staff open the app at, for links in e-mails (default http://localhost:PORT). */
  publicUrl?: string | undefined;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Configuration error: ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.ACOMPANA_DATA_DIR || './data'),
    databaseUrl,
    databaseReplicaUrl: (databaseUrl && env.DATABASE_REPLICA_URL) || undefined,
    masterKey: env.ACOMPANA_MASTER_KEY || undefined,
    sessionIdleMinutes: intFromEnv(env, 'ACOMPANA_SESSION_IDLE_MINUTES', 30),
    sessionMaxMinutes: intFromEnv(env, 'ACOMPANA_SESSION_MAX_MINUTES', 12 * 60),
    sessionCacheMs: intFromEnv(env, 'ACOMPANA_SESSION_CACHE_MS', 2000),
    secureCookies: env.ACOMPANA_SECURE_COOKIES === 'true',
    seedDemo: env.ACOMPANA_DEMO ? env.ACOMPANA_DEMO !== 'false' : databaseUrl === undefined,
    logLevel: env.LOG_LEVEL || 'warn',
    smtpUrl: env.ACOMPANA_SMTP_URL || undefined,
    smtpFrom: env.ACOMPANA_SMTP_FROM || 'Acompaña <no-reply@acompana.invalid>',
    publicUrl: (env.ACOMPANA_PUBLIC_URL || `http://localhost:${intFromEnv(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
    deploymentName: (env.ACOMPANA_DEPLOYMENT_NAME || 'Acompaña').slice(0, 200),
  };
}
