// GET /api/home/today: the "Hoy" home of the staff app (decision 0134).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todaySchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { localeFromAcceptLanguage } from '../kernel/i18n/translate.ts';
import { createTodayService } from './today.service.ts';

export function registerHomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = createTodayService(ctx);

  api.get(
    '/api/home/today',
    {
      schema: {
        tags: ['home'],
        summary: 'What needs the account today: tasks, deadlines, matches, referrals, follow-ups, notifications',
        response: { 200: todaySchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      service.today(await authOf(request).actor(), localeFromAcceptLanguage(request.headers['accept-language'])),
  );
}
