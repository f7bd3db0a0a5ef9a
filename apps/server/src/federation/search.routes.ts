// The cross-border review (decision 0151): pairs proposed with peered deployments, listed for the
// organisation's reviewers (this side's record named for those who may read it; the partner's
// only as its deployment, a score and reasons without values), and each side's decision. When
// both sides said "the same person", the agreed fields are exchanged and shown here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { tracingFieldSchema } from './agreement.ts';
import type { FederatedSearch } from './search.service.ts';

const kind = z.enum(['missing_report', 'person', 'found_record']);
const status = z.enum(['open', 'agreed', 'not_same', 'closed']);
const decision = z.enum(['same_person', 'not_same']);

export const crossBorderCandidateSchema = z.object({
  id: z.string(),
  peer: z.object({ id: z.string(), name: z.string() }),
  /** 'report': our report and the partner's record; 'record': the partner's report and our record. */
  side: z.enum(['report', 'record']),
  /** This side's record; its name only for those who may read it. */
  local: z.object({ kind, id: z.string(), name: z.string().optional() }),
  score: z.number(),
  engineDecision: z.enum(['match', 'possible']),
  explanation: z.object({
    totalWeight: z.number(),
    namesRearranged: z.boolean(),
    fields: z.array(
      z.object({
        field: z.string(),
        level: z.number(),
        weight: z.number(),
        /** What agreed, without the value: "nombre muy parecido (codificado)". */
        reason: z.object({ es: z.string(), en: z.string() }),
      }),
    ),
  }),
  status,
  closedReason: z.string().nullable(),
  ourDecision: decision.nullable(),
  ourDecidedAt: z.string().nullable(),
  theirDecision: decision.nullable(),
  theirDecidedAt: z.string().nullable(),
  tracing: z.object({
    sentAt: z.string().nullable(),
    sentFields: z.array(z.string()),
    receivedAt: z.string().nullable(),
    receivedFields: z.array(z.string()),
    /** What the partner sent once both agreed (only on the pair's own page). */
    received: z.record(tracingFieldSchema, z.unknown()).optional(),
  }),
  proposedAt: z.string(),
});

export function registerSearchRoutes(app: FastifyInstance, search: FederatedSearch): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['federation'];

  api.get(
    '/api/federation/candidates',
    {
      schema: {
        tags,
        summary: "Pairs proposed with peered deployments, in the organisation's cross-border review",
        querystring: z.object({
          localKind: kind.optional(),
          localId: z.uuid().optional(),
          status: status.optional(),
        }),
        response: { 200: z.object({ items: z.array(crossBorderCandidateSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => search.list(await authOf(request).actor(), request.query),
  );

  api.get(
    '/api/federation/candidates/:id',
    {
      schema: {
        tags,
        summary: 'One cross-border pair, with the fields exchanged once both sides agreed (reading them is audited)',
        params: z.object({ id: z.uuid() }),
        response: { 200: crossBorderCandidateSchema, ...commonErrorResponses },
      },
    },
    async (request) => search.get(await authOf(request).actor(), request.params.id, request.ip),
  );

  api.post(
    '/api/federation/candidates/:id/decision',
    {
      schema: {
        tags,
        summary:
          "This side's decision on a cross-border pair; sent to the partner, and when both said the same person the agreed fields are exchanged (audited on both sides)",
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ decision }),
        response: { 200: crossBorderCandidateSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      search.decide(await authOf(request).actor(), request.params.id, request.body.decision, request.ip),
  );
}
