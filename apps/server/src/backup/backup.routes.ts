// GET /api/admin/backups: the last good backup of the deployment, the last attempt and whether
// none succeeded for two days (docs/decisions/0133). Administrators only (the audit-log right);
// the answer holds file names and sizes, never data.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { AppError } from '../kernel/errors.ts';
import { scheduledBackupsFor } from './scheduled-backups.ts';

const runSchema = z.object({
  trigger: z.enum(['scheduled', 'online']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  file: z.string().nullable(),
  bytes: z.number().nullable(),
  errorCode: z.string().nullable(),
});

export const backupStatusSchema = z.object({
  schedule: z.object({ dir: z.string(), keep: z.number().int() }).nullable(),
  lastGood: runSchema.nullable(),
  lastAttempt: runSchema.nullable(),
  overdue: z.boolean(),
});

export function registerBackupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const backups = scheduledBackupsFor(ctx);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/backups',
    {
      schema: {
        tags: ['admin'],
        summary: 'Backups: the last good one, the last attempt, the schedule, and whether none succeeded for two days',
        response: { 200: backupStatusSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      if (!actor.orgId || !can(actor, 'read', { type: 'audit_log', orgId: actor.orgId }))
        throw new AppError('policy.denied');
      return backups.status();
    },
  );
}
