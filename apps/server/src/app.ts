// buildApp() assembles the HTTP API and the web app from an AppContext; main.ts listens.
// Tests call buildApp() and app.inject() without a network port. Plugins are registered
// explicitly, in order (no autoload), so the order is visible here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './app-context.ts';
import { AppError } from './kernel/errors.ts';
import { installErrorHandler, sendAppError } from './kernel/http/error-handler.ts';
import { installSecurityHeaders } from './kernel/http/security-headers.ts';
import { installStrictJsonParser, installUrlGuard } from './kernel/http/strict-json-parser.ts';
import { installAuthContext } from './kernel/http/auth-context.ts';
import { sessionCookieName } from './auth/sessions.ts';
import { installRefusalAudit } from './audit/refusal-audit.ts';
import { registerHealthRoutes } from './health/health.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerAccountRoutes } from './auth/account.routes.ts';
import { registerMeRoutes } from './orgs/me.routes.ts';
import { registerCapabilityRoutes } from './orgs/capabilities.routes.ts';
import { registerHomeRoutes } from './home/home.routes.ts';
import { registerAdminRoutes } from './orgs/admin.routes.ts';
import { registerSharingAgreementRoutes } from './orgs/sharing-agreements.routes.ts';
import { registerFederationRoutes } from './federation/federation.routes.ts';
import { registerAuditReadRoutes } from './audit/audit-read.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerProfileRoutes } from './people/profile.routes.ts';
import { registerHouseholdRoutes } from './households/households.routes.ts';
import { registerIntakeRoutes } from './households/intake.routes.ts';
import { registerProcedureRoutes } from './procedures/procedures.routes.ts';
import { registerScreeningRoutes } from './screening/screening.routes.ts';
import { registerMissingRoutes } from './missing/missing.routes.ts';
import { registerIncidentRoutes } from './incidents/incidents.routes.ts';
import { registerDirectoryRoutes } from './directory/directory.routes.ts';
import { registerStatsRoutes } from './stats/stats.routes.ts';
import { registerReleaseRoutes } from './stats/releases.routes.ts';
import { registerReportsRoutes } from './reports/reports.routes.ts';
import { registerCaseRoutes } from './cases/cases.routes.ts';
import { registerJobRoutes } from './jobs/jobs.routes.ts';
import { registerNotificationRoutes } from './notifications/notifications.routes.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';
import { registerReintegrationRoutes } from './reintegration/reintegration.routes.ts';
import { registerFamilyRoutes } from './families/families.routes.ts';
import { registerBackupRoutes } from './backup/backup.routes.ts';
import { isStaffAppPage, registerWebApp, webDistDir } from './web-static.ts';

export interface BuildAppOptions {
  logger?: boolean;
  webDistDir?: string;
  /** Body size limit for JSON requests, bytes. Uploads get their own limits per route. */
  bodyLimit?: number;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: process.env.ACOMPANA_TRUST_PROXY === 'true',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installStrictJsonParser(app);
  installUrlGuard(app);
  const distDir = options.webDistDir ?? webDistDir;
  const webAvailable = existsSync(join(distDir, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    if (webAvailable && isStaffAppPage(request.method, request.url))
      return reply.header('cache-control', 'no-cache').sendFile('index.html', distDir);
    return sendAppError(request, reply, new AppError('route.not_found'));
  });
  installSecurityHeaders(app, { hsts: ctx.config.secureCookies });
  // Brotli or gzip for every route registered after this (it hooks routes as they are added);
  // files the build precompressed (.br/.gz) are sent as they are (docs/decisions/0133).
  // Request bodies are never inflated: the body limit must count what arrives.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  });
  await app.register(fastifyCookie);
  installAuthContext(app, {
    db: ctx.db,
    idleMinutes: ctx.config.sessionIdleMinutes,
    clock: ctx.clock,
    cache: ctx.sessionCache,
    cookieName: sessionCookieName(ctx.config),
    signals: ctx.signals,
    reads: ctx.reads,
  });
  installRefusalAudit(app, ctx.audit, ctx.clock);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Acompaña API',
        version: ctx.version,
        description:
          'Case management, deadlines, documentation and search for organisations accompanying people on the move.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'acompana_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Its own hash-based CSP, minus remote hosts and the https upgrade (a LAN deployment on http).
    transformStaticCSP: (header) =>
      header
        .replace(/ https:/g, '')
        .replace(/ ?upgrade-insecure-requests;?/, '')
        .replace(/ validator\.swagger\.io/, ''),
    uiConfig: { docExpansion: 'list', validatorUrl: null },
  });

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerCapabilityRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerBackupRoutes(app, ctx);
  registerSharingAgreementRoutes(app, ctx);
  await registerFederationRoutes(app, ctx);
  registerAuditReadRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerHouseholdRoutes(app, ctx);
  registerIntakeRoutes(app, ctx);
  registerProcedureRoutes(app, ctx);
  registerScreeningRoutes(app, ctx);
  registerMissingRoutes(app, ctx);
  registerIncidentRoutes(app, ctx);
  registerDirectoryRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerReleaseRoutes(app, ctx);
  registerReportsRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerReintegrationRoutes(app, ctx);
  registerFamilyRoutes(app, ctx);
  await registerWebApp(app, distDir);
  return app;
}
