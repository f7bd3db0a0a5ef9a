// Federation between deployments: the administrators' API (/api/admin/federation/…), the
// cross-border review (/api/federation/…, search.routes.ts) and the signed endpoints peers call
// (/federation/v1/…, peer-endpoints.ts and search-endpoints.ts). Decisions 0145 and 0151.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { federationCheckSchema, federationConfirmSchema, federationInvitationSchema } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { createIdentityStore } from './identity.ts';
import { createPeersService } from './peers.service.ts';
import { registerPeerEndpoints } from './peer-endpoints.ts';
import { invitationCreateSchema, peerAcceptSchema, peerListViewSchema, peerViewSchema } from './agreement.ts';
import { createFederatedSearch } from './search.service.ts';
import { searchEndpoints } from './search-endpoints.ts';
import { registerSearchRoutes } from './search.routes.ts';

export async function registerFederationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const identities = createIdentityStore({ db: ctx.db, keyring: ctx.keyring });
  const service = createPeersService({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    identities,
    publicUrl: ctx.config.publicUrl ?? 'http://localhost:3000',
    deploymentName: ctx.config.deploymentName,
  });
  const tags = ['federation'];
  const idParams = z.object({ id: z.string().uuid() });

  api.get(
    '/api/admin/federation',
    {
      schema: {
        tags,
        summary: "This deployment's signing identity (fingerprint to read aloud) and the organisation's peers",
        response: { 200: peerListViewSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.list(await authOf(request).actor()),
  );

  api.post(
    '/api/admin/federation/invitations',
    {
      schema: {
        tags,
        summary: 'An invitation for another deployment (one-time token, 72 hours; audited)',
        body: invitationCreateSchema,
        response: { 201: federationInvitationSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.invite(await authOf(request).actor(), request.body, request.ip)),
  );

  api.post(
    '/api/admin/federation/peers',
    {
      schema: {
        tags,
        summary: "Accept a pasted invitation, after reading the inviter's fingerprint aloud (signed answer; audited)",
        body: peerAcceptSchema,
        response: { 201: peerViewSchema, ...commonErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.accept(
            await authOf(request).actor(),
            request.body.invitation,
            request.ip,
            request.body.tracingFields,
          ),
        ),
  );

  api.post(
    '/api/admin/federation/peers/:id/confirm',
    {
      schema: {
        tags,
        summary: "Confirm the answering deployment's fingerprint, read aloud (audited)",
        params: idParams,
        body: federationConfirmSchema,
        response: { 200: peerViewSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.confirm(await authOf(request).actor(), request.params.id, request.ip),
  );

  api.post(
    '/api/admin/federation/peers/:id/check',
    {
      schema: {
        tags,
        summary: 'Ask the peer for a signed answer: is it there, and is our agreement in force on its side',
        params: idParams,
        response: { 200: federationCheckSchema, ...commonErrorResponses },
      },
    },
    async (request) => service.check(await authOf(request).actor(), request.params.id),
  );

  api.post(
    '/api/admin/federation/peers/:id/revoke',
    {
      schema: {
        tags,
        summary: 'End the agreement here at once and tell the peer (audited)',
        params: idParams,
        response: {
          200: z.object({ peer: peerViewSchema, partnerInformed: z.boolean() }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => service.revoke(await authOf(request).actor(), request.params.id, request.ip),
  );

  const search = createFederatedSearch({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    deploymentName: ctx.config.deploymentName,
  });
  registerSearchRoutes(app, search);
  await registerPeerEndpoints(app, ctx, identities, [searchEndpoints(ctx, search)]);
}
