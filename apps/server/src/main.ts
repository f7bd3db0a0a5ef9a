// Starts the Acompaña server: `npm start`.
import { loadConfig } from './kernel/config.ts';
import { isAppError } from './kernel/errors.ts';
import { translate } from './kernel/i18n/translate.ts';
import { openRuntime } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemo, seedDemoRecords } from './demo/seed-demo.ts';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const { ctx } = runtime;
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(ctx))) {
    await seedDemo(ctx);
    seeded = true;
  }
  const app = await buildApp(ctx, { logger: true });
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
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}/app/`;
  console.log(`Acompaña is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}`);
  console.log(`Database: ${ctx.db.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)'}; master key: ${runtime.masterKeyOrigin}`);
  console.log(`API documentation: http://${shownHost}:${config.port}/api/docs`);
  if (config.seedDemo) {
    console.log(`${seeded ? 'Demo data created' : 'Demo data'} (synthetic). Demo logins, password "${DEMO_PASSWORD}":`);
    for (const account of demoAccounts) console.log(`  ${account.email.padEnd(36)} ${account.role.padEnd(22)} ${account.org}`);
  }
  if (seeded) {
    const t0 = Date.now();
    seedDemoRecords(ctx).then(
      (n) => console.log(`Demo records added in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${n.people} people, ${n.procedures} procedures (synthetic).`),
      (error: unknown) => console.error('Demo records could not be added:', error),
    );
  }
}

main().catch((error: unknown) => {
  if (isAppError(error)) {
    console.error(`Acompaña could not start: ${translate('en', error.code, error.params)}`);
    console.error(`No se pudo iniciar Acompaña: ${translate('es', error.code, error.params)}`);
  } else {
    console.error('Acompaña could not start:', error);
  }
  process.exit(1);
});
