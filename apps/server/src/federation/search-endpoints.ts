// The signed endpoints of the transnational search (decision 0151), under /federation/v1 beside
// peering's: every request verified as peer-endpoints.ts verifies (signature, digest, freshness,
// known peer, agreement in force, nonce), then the agreement's purpose on *this* side — 'search'
// for searches, pairs, withdrawals and decisions, 'tracing' for a tracing exchange — and the
// agreement's linkage secret. A refusal is audited with its reason. Once the request is known to
// come from the peer, refusals of its content are answered signed, so the sender can tell a
// refusal for good from a network failure.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FIELDS } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import type { AppContext } from '../app-context.ts';
import type { SignedEndpoints } from './peer-endpoints.ts';
import type { PeerRow } from './peers.queries.ts';
import * as pq from './peers.queries.ts';
import type { FederatedSearch } from './search.service.ts';
import type { EncodedCandidate } from './search-encoding.ts';

const ref = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const messageId = z.uuid();
const reason = z.string().max(160);

const candidateSchema = z.strictObject({
  reportRef: ref,
  recordRef: ref,
  score: z.number().min(0).max(1),
  decision: z.enum(['match', 'possible']),
  explanation: z.strictObject({
    totalWeight: z.number().finite(),
    namesRearranged: z.boolean(),
    fields: z
      .array(
        z.strictObject({
          field: z.enum(FIELDS),
          level: z.number().int().min(0).max(7),
          weight: z.number().finite(),
          reason: z.strictObject({ es: reason, en: reason }),
        }),
      )
      .max(FIELDS.length),
  }),
});

const searchSchema = z.strictObject({ messageId, queries: z.string().min(1).max(200_000) });
const pairsSchema = z.strictObject({ messageId, candidates: z.array(candidateSchema).max(2000) });
const withdrawSchema = z.strictObject({
  messageId,
  reportRefs: z.array(ref).max(10_000),
  recordRefs: z.array(ref).max(10_000),
});
const decisionSchema = z.strictObject({
  messageId,
  reportRef: ref,
  recordRef: ref,
  decision: z.enum(['same_person', 'not_same']),
  decidedAt: z.iso.datetime(),
});
const text = z.string().max(500);
const tracingSchema = z.strictObject({
  messageId,
  reportRef: ref,
  recordRef: ref,
  fields: z
    .strictObject({
      givenNames: text,
      surnames: text,
      birthDate: text,
      sex: text,
      nationality: text,
      place: text,
      date: text,
      organisationContact: z.strictObject({ organisation: text, deployment: text, email: text.optional() }),
    })
    .partial(),
});

export function searchEndpoints(ctx: AppContext, search: FederatedSearch): SignedEndpoints {
  const { db, clock } = ctx;

  return (scope, tools, options) => {
    /** Verifies the request for `purpose`, then runs `handle`; content refusals are answered signed. */
    const signed =
      <S extends z.ZodType>(
        purpose: 'search' | 'tracing',
        schema: S,
        handle: (peer: PeerRow, body: z.infer<S>) => Promise<object>,
      ) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const { peer, nonce, keyid } = await tools.verify(request);
        if (!tools.inForce(peer)) return tools.refuse(request, 'agreement_not_in_force', keyid);
        if (!(await pq.rememberNonce(db, peer.id, nonce, clock()))) return tools.refuse(request, 'replayed', keyid);
        if (!peer.purposes.includes(purpose) || !peer.search_ready)
          return tools.refuse(request, 'purpose_not_agreed', keyid);
        try {
          const parsed = schema.safeParse(request.body);
          if (!parsed.success) throw new AppError('validation.invalid_value');
          return await tools.answer(reply, nonce, 200, await handle(peer, parsed.data));
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          return tools.answer(reply, nonce, error.status, { code: error.code });
        }
      };

    scope.post(
      '/search',
      options,
      signed('search', searchSchema, (peer, body) => search.receiveSearch(peer, body.messageId, body.queries)),
    );
    scope.post(
      '/search/candidates',
      options,
      signed('search', pairsSchema, (peer, body) =>
        search.receivePairs(peer, body.messageId, body.candidates as EncodedCandidate[]),
      ),
    );
    scope.post(
      '/search/withdraw',
      options,
      signed('search', withdrawSchema, (peer, body) =>
        search.receiveWithdrawal(peer, body.messageId, body.reportRefs, body.recordRefs),
      ),
    );
    scope.post(
      '/search/decision',
      options,
      signed('search', decisionSchema, (peer, body) => search.receiveDecision(peer, body.messageId, body)),
    );
    scope.post(
      '/tracing',
      options,
      signed('tracing', tracingSchema, (peer, body) => search.receiveTracing(peer, body.messageId, body)),
    );
  };
}
