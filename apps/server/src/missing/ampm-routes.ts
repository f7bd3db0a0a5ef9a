// HTTP API of the ante-mortem and post-mortem records, the side by side of a pair and the forensic
// workflow of remains (decision 0147). Handlers only translate HTTP to the services.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ampmSideBySideSchema,
  anteMortemUpdateSchema,
  dnaComparisonSchema,
  forensicStateSchema,
  forensicStepSchema,
  foundRecordSchema,
  matchRunSchema,
  missingReportSchema,
  postMortemUpdateSchema,
} from '@acompana/core';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { MatchingService } from './matching.service.ts';
import type { MissingService } from './missing.service.ts';
import { createAmPmRecordsService } from './ampm-records.service.ts';
import { createRemainsWorkflow } from './remains-workflow.service.ts';

export function registerAmPmRoutes(
  app: FastifyInstance,
  deps: {
    db: Database;
    keyring: Keyring;
    audit: AuditWriter;
    clock: () => Date;
    matching: MatchingService;
    missing: MissingService;
  },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const records = createAmPmRecordsService(deps);
  const workflow = createRemainsWorkflow({ ...deps, records });
  const tags = ['missing'];
  const idParams = z.object({ id: z.string().uuid() });
  const ok = (schema: z.ZodType) => ({ 200: schema, ...commonErrorResponses });

  api.put(
    '/api/missing/reports/:id/ante-mortem',
    {
      schema: {
        tags,
        summary:
          "Replace the report's ante-mortem data (teeth in FDI notation, body marks, clothing, records holders, the family's DNA reference samples); the report is matched again at once",
        params: idParams,
        body: anteMortemUpdateSchema,
        response: ok(missingReportSchema.extend({ matchRun: matchRunSchema })),
      },
    },
    async (request) =>
      records.putAnteMortem(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.put(
    '/api/missing/found/:id/post-mortem',
    {
      schema: {
        tags,
        summary:
          "Replace the remains' post-mortem examination (estimates with method, death window, condition, body map, dental chart, where the body is, DNA samples); open reports are matched again on the job queue",
        params: idParams,
        body: postMortemUpdateSchema,
        response: ok(foundRecordSchema),
      },
    },
    async (request) =>
      records.putPostMortem(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );

  api.post(
    '/api/missing/found/:id/dna-comparisons',
    {
      schema: {
        tags,
        summary:
          "Add a laboratory's result of a DNA comparison (match, exclusion or inconclusive, with its likelihood ratio); a genetic profile is never recorded",
        params: idParams,
        body: dnaComparisonSchema,
        response: { 201: foundRecordSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await records.addDnaComparison(await authOf(request).actor(), request.params.id, request.body, {
          ip: request.ip,
        }),
      ),
  );

  api.get(
    '/api/missing/candidates/:id/ampm',
    {
      schema: {
        tags,
        summary:
          "A pair's ante-mortem and post-mortem records aligned: dental charts tooth by tooth and body maps region by region with agreements and exclusions, and the engine's reasons (the read is audited)",
        params: idParams,
        response: ok(ampmSideBySideSchema),
      },
    },
    async (request) => records.sideBySide(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.get(
    '/api/missing/found/:id/forensic',
    {
      schema: {
        tags,
        summary:
          "Where the remains stand in the forensic workflow, their pairs, the steps taken and the reader's next steps",
        params: idParams,
        response: ok(forensicStateSchema),
      },
    },
    async (request) => workflow.state(await authOf(request).actor(), request.params.id, { ip: request.ip }),
  );

  api.post(
    '/api/missing/found/:id/forensic-steps',
    {
      schema: {
        tags,
        summary:
          'Take the next step of the forensic workflow: examined, candidates reviewed, identification proposed, confirmed by a second person, family informed by the case owner (only after confirmation), released',
        params: idParams,
        body: forensicStepSchema,
        response: ok(forensicStateSchema),
      },
    },
    async (request) =>
      workflow.step(await authOf(request).actor(), request.params.id, request.body, { ip: request.ip }),
  );
}
