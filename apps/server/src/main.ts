// Starts the Acompaña server: `npm start`.
import { loadConfig } from './kernel/config.ts';
import { isAppError } from './kernel/errors.ts';
import { storageErrorOf } from './kernel/http/storage-errors.ts';
import { translate } from './kernel/i18n/translate.ts';
import { openRuntime } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { createServerJobs } from './jobs/server-jobs.ts';
import { startJobWorker, type JobWorker } from './jobs/job-worker.ts';
import { startAuditSealer, type AuditSealer } from './audit/audit-seal.ts';
import { postgresLeadership, soleLeadership, type Leadership } from './kernel/db/leadership.ts';
import { startBackupSocket, type BackupSocket } from './backup/online-backup.ts';
import { scheduledBackupsFor } from './backup/scheduled-backups.ts';
import { loadOrCreateMasterKey } from './kernel/crypto/master-key.ts';
import { demoLoginLines, isDatabaseEmpty, seedDemo, seedDemoRecords } from './demo/seed-demo.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  // Several processes may share one PostgreSQL: this one hears the others' cache invalidations.
  const runtime = await openRuntime(config, { listen: true });
  const { ctx } = runtime;
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(ctx))) {
    await seedDemo(ctx);
    seeded = true;
  }
  const app = await buildApp(ctx, { logger: true });
  // Background jobs (deadline reminders, their e-mails): an in-process worker, stopped first on shutdown.
  const jobs = createServerJobs(ctx, {
    onError: (kind, error) => app.log.error({ err: error, job: kind }, 'background job failed'),
  });
  const running: { worker?: JobWorker; sealer?: AuditSealer; backupSocket?: BackupSocket; sealing?: Leadership } = {};
  app.addHook('onClose', async () => {
    await running.backupSocket?.close();
    await running.worker?.stop();
    await running.sealing?.stop();
    jobs.close();
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing Acompaña…`);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Audit entries are chained in the background within about a second (decision 0125), by one
  // process of the deployment at a time; another takes over if it dies (decision 0143).
  const sealing = {
    onLead: () => {
      console.log(`Audit sealer: this process (pid ${process.pid}) leads.`);
      running.sealer = startAuditSealer(ctx.db, ctx.keyring.systemKey('audit'), {
        onError: (error) => app.log.error({ err: error }, 'audit sealer'),
        onTampered: (seq) =>
          app.log.error(
            { seq },
            'audit entry does not match its own MAC: sealing stopped before it; run `acompana audit verify`',
          ),
      });
    },
    onStepDown: async () => {
      await running.sealer?.stop();
      running.sealer = undefined;
    },
    onError: (error: Error) => app.log.warn({ err: error }, 'audit sealer leadership'),
  };
  running.sealing = config.databaseUrl
    ? postgresLeadership(config.databaseUrl, 'audit-sealer', sealing)
    : await soleLeadership(sealing);
  // `acompana backup` while this server holds the embedded database asks it through a socket in
  // the data directory (docs/decisions/0133); on PostgreSQL the command opens its own snapshot.
  if (ctx.db.kind === 'pglite') {
    running.backupSocket = await startBackupSocket({
      db: ctx.db,
      dataDir: config.dataDir,
      masterKey: () => loadOrCreateMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }).key,
      clock: ctx.clock,
      record: scheduledBackupsFor(ctx).recordOnline,
      onError: (error) => app.log.error({ err: error }, 'backup through the server failed'),
    });
  }
  running.worker = startJobWorker(jobs.queue, { onError: (error) => app.log.error({ err: error }, 'job worker') });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}/app/`;
  console.log(`Acompaña is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(
    `Database: ${ctx.db.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)'}; master key: ${runtime.masterKeyOrigin}`,
  );
  console.log(`API documentation: http://${shownHost}:${config.port}/api/docs`);
  // Which login walks which journey of the demo (docs/journeys.md), then every demo account.
  if (config.seedDemo)
    for (const line of demoLoginLines(`http://${shownHost}:${config.port}/`, seeded)) console.log(line);
  if (seeded) {
    const t0 = Date.now();
    seedDemoRecords(ctx).then(
      (n) =>
        console.log(
          `Demo records added in ${((Date.now() - t0) / 1000).toFixed(1)} s (synthetic): ${n.people} people, ${n.cases} cases, ${n.procedures} procedures, ${n.incidents} incidents, ${n.foundRecords} found records, ${n.returnees} returnees with ${n.referrals} referrals.`,
        ),
      (error: unknown) => console.error('Demo records could not be added:', error),
    );
  }
}

main().catch((error: unknown) => {
  // A full or read-only disk is the operator's to fix: say so plainly, without a stack trace.
  const known = isAppError(error) ? error : storageErrorOf(error);
  if (known) {
    console.error(`Acompaña could not start: ${translate('en', known.code, known.params)}`);
    console.error(`No se pudo iniciar Acompaña: ${translate('es', known.code, known.params)}`);
  } else {
    console.error('Acompaña could not start:', error);
  }
  process.exit(1);
});
