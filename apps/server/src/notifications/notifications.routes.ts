// GET /api/notifications (unread first, cursor), POST /api/notifications/:id/read and
// /api/notifications/read-all: the bell in the staff app. The missing-person module keeps its own
// GET /api/missing/notifications.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { createNotificationsService } from './notifications.service.ts';

const localized = z.object({ es: z.string(), en: z.string() });

export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** In-app path of the record (the person's page for a deadline). */
  link: z.string().nullable(),
  deadline: z
    .object({
      stepKey: z.string(),
      dueDate: z.string(),
      window: z.string(),
      stepTitle: localized,
      procedureTitle: localized,
    })
    .nullable(),
  /**
   * What changed is the kind; for whom, which service, need, organisation, date and place
   * (notification-about.ts), as the recipient may see them; null when nothing more is known.
   */
  about: z
    .object({
      person: z.string().nullable(),
      reference: z.string().nullable(),
      service: z.string().nullable(),
      area: z.string().nullable(),
      org: z.string().nullable(),
      date: z.string().nullable(),
      place: localized.nullable(),
    })
    .nullable()
    .optional(),
});

export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = createNotificationsService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, keyring: ctx.keyring });
  const tags = ['notifications'];
  const counts = z.object({ unread: z.number().int() });

  api.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications in the active organisation: unread first, newest first',
        querystring: z.strictObject({
          cursor: z.string().max(300).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(notificationViewSchema),
            unread: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => service.list(await authOf(request).actor(), request.query),
  );

  api.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: z.object({ id: z.string().uuid() }),
        response: { 200: counts, ...commonErrorResponses },
      },
    },
    async (request) => service.markRead(await authOf(request).actor(), request.params.id),
  );

  api.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications in the active organisation read',
        response: { 200: counts.extend({ updated: z.number().int() }), ...commonErrorResponses },
      },
    },
    async (request) => service.markAllRead(await authOf(request).actor()),
  );
}
