// Administrators see the background jobs of their organisation (and the deployment-wide ones)
// that failed, with their last error, and may send one back to the queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Actor } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../kernel/errors.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';

const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

interface Row {
  id: string;
  kind: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date | string;
  created_at: Date | string;
  finished_at: Date | string | null;
}

/** Jobs are a deployment's machinery: only administrators (who may change the organisation's settings). */
function adminOrg(actor: Actor): string {
  if (!actor.orgId || !can(actor, 'update', { type: 'org_settings', orgId: actor.orgId }))
    throw new AppError('policy.denied');
  return actor.orgId;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export function registerJobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  api.get(
    '/api/admin/jobs',
    {
      schema: {
        tags,
        summary:
          'Background jobs (reminders, e-mails) of the organisation, newest first; failed ones keep their last error',
        querystring: z.strictObject({ status: z.enum(['pending', 'running', 'done', 'failed']).default('failed') }),
        response: { 200: z.object({ items: z.array(jobSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => {
      const orgId = adminOrg(await authOf(request).actor());
      const { rows } = await ctx.db.query<Row>(
        `SELECT id::text AS id, kind, status, attempts, max_attempts, last_error, run_at, created_at, finished_at
           FROM jobs WHERE status = $1 AND (org_id = $2 OR org_id IS NULL)
          ORDER BY coalesce(finished_at, run_at) DESC, id LIMIT 200`,
        [request.query.status, orgId],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          attempts: r.attempts,
          maxAttempts: r.max_attempts,
          lastError: r.last_error,
          runAt: iso(r.run_at),
          createdAt: iso(r.created_at),
          finishedAt: r.finished_at ? iso(r.finished_at) : null,
        })),
      };
    },
  );

  api.post(
    '/api/admin/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed job back to the queue, with its attempts reset',
        params: z.object({ id: z.string().uuid() }),
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authOf(request).actor();
      const orgId = adminOrg(actor);
      await ctx.db.transaction(async (tx) => {
        const updated = await tx.query(
          `UPDATE jobs SET status = 'pending', attempts = 0, run_at = $3, locked_until = NULL, locked_by = NULL, finished_at = NULL, unique_key = NULL
            WHERE id = $1 AND status = 'failed' AND (org_id = $2 OR org_id IS NULL)`,
          [request.params.id, orgId, ctx.clock()],
        );
        if (updated.rowCount === 0) throw new AppError('record.not_found');
        await ctx.audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: orgId,
          action: 'job.retry',
          recordType: 'org_settings',
          orgId,
          details: { job: request.params.id },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
