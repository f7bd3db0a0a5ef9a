// /api/admin/oidc-provider: an organisation admin sets, reads and removes the organisation's
// OpenID Connect provider. The client secret is write-only (sealed at rest, never returned); the
// issuer is checked by discovery before anything is stored (docs/decisions/0130-passkeys-and-oidc.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '@acompana/core';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../kernel/errors.ts';
import { commonErrorResponses } from '../../kernel/http/error-response.ts';
import { authOf } from '../../kernel/http/auth-context.ts';
import { publicOrigin } from '../passkeys/relying-party.ts';
import { callbackPath } from './oidc-login.service.ts';
import { discover, findProvider, openSecret, secretContext, type OidcProviderRow } from './oidc-providers.ts';
import {
  oidcProviderInputSchema,
  oidcProviderSchema,
  oidcProviderTestResultSchema,
  oidcProviderTestSchema,
  type OidcProviderView,
} from './oidc.schemas.ts';

async function adminOrg(
  request: FastifyRequest,
  action: 'read' | 'update',
): Promise<{ orgId: string; accountId: string }> {
  const actor = await authOf(request).actor();
  if (!actor.orgId || !can(actor, action, { type: 'org_settings', orgId: actor.orgId }))
    throw new AppError('policy.denied');
  return { orgId: actor.orgId, accountId: actor.accountId };
}

function view(row: OidcProviderRow, redirectUri: string): OidcProviderView {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: true,
    allowedDomains: row.allowed_domains,
    groupsClaim: row.groups_claim,
    groupRoles: row.group_roles as Record<string, string>,
    secondFactorDelegated: row.second_factor_delegated,
    createAccountsRole: row.create_accounts_role,
    enabled: row.enabled,
    redirectUri,
  };
}

export function registerOidcAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const redirectUri = (request: FastifyRequest) => `${publicOrigin(ctx.config, request)}${callbackPath}`;

  api.get(
    '/api/admin/oidc-provider',
    {
      schema: {
        tags,
        summary: "The organisation's OpenID Connect provider (the client secret is never returned)",
        response: { 200: z.object({ provider: oidcProviderSchema.nullable() }), ...commonErrorResponses },
      },
    },
    async (request) => {
      const { orgId } = await adminOrg(request, 'read');
      const row = await findProvider(ctx.db, orgId);
      return { provider: row ? view(row, redirectUri(request)) : null };
    },
  );

  api.put(
    '/api/admin/oidc-provider',
    {
      schema: {
        tags,
        summary: "Set the organisation's OpenID Connect provider; the issuer is checked by discovery first",
        body: oidcProviderInputSchema,
        response: { 200: oidcProviderSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { orgId, accountId } = await adminOrg(request, 'update');
      const input = request.body;
      const existing = await findProvider(ctx.db, orgId);
      const secret = input.clientSecret ?? (existing ? openSecret(ctx.keyring, existing) : undefined);
      if (!secret) throw new AppError('oidc.client_secret_required', { field: 'clientSecret' });
      const issuer = input.issuer.replace(/\/+$/, '');
      await discover(issuer, input.clientId, secret);
      const sealed = ctx.keyring.sealForAccounts(secret, secretContext(orgId));
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO oidc_providers (org_id, issuer, client_id, client_secret, groups_claim, group_roles,
                                       second_factor_delegated, create_accounts_role, enabled, updated_at, allowed_domains)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)
           ON CONFLICT (org_id) DO UPDATE SET issuer = $2, client_id = $3, client_secret = $4, groups_claim = $5,
             group_roles = $6::jsonb, second_factor_delegated = $7, create_accounts_role = $8, enabled = $9,
             updated_at = $10, allowed_domains = $11`,
          [
            orgId,
            issuer,
            input.clientId,
            sealed,
            input.groupsClaim,
            JSON.stringify(input.groupRoles),
            input.secondFactorDelegated,
            input.createAccountsRole,
            input.enabled,
            ctx.clock(),
            [...new Set(input.allowedDomains)].sort(),
          ],
        );
        await ctx.audit.append(tx, {
          actorAccountId: accountId,
          actorOrgId: orgId,
          action: existing ? 'oidc_provider.update' : 'oidc_provider.create',
          recordType: 'org_settings',
          recordId: orgId,
          orgId,
          ip: request.ip,
          details: {
            issuer,
            clientSecretChanged: input.clientSecret !== undefined,
            secondFactorDelegated: input.secondFactorDelegated,
            groupsMapped: Object.keys(input.groupRoles).length,
            createAccountsRole: input.createAccountsRole,
            enabled: input.enabled,
            allowedDomains: input.allowedDomains.join(','),
          },
        });
      });
      const row = await findProvider(ctx.db, orgId);
      return view(row!, redirectUri(request));
    },
  );

  // "Probar la conexión": discovery with what the admin typed (the stored secret when none is typed);
  // nothing is written. The provider's own answer decides: issuer metadata and keys must be valid.
  api.post(
    '/api/admin/oidc-provider/test',
    {
      schema: {
        tags,
        summary: 'Check that an OpenID Connect provider answers discovery for these settings (nothing is stored)',
        body: oidcProviderTestSchema,
        response: { 200: oidcProviderTestResultSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { orgId } = await adminOrg(request, 'update');
      const existing = await findProvider(ctx.db, orgId);
      const secret = request.body.clientSecret ?? (existing ? openSecret(ctx.keyring, existing) : undefined);
      if (!secret) throw new AppError('oidc.client_secret_required', { field: 'clientSecret' });
      const config = await discover(request.body.issuer.replace(/\/+$/, ''), request.body.clientId, secret);
      const metadata = config.serverMetadata();
      return { issuer: metadata.issuer, authorizationEndpoint: metadata.authorization_endpoint ?? '' };
    },
  );

  api.delete(
    '/api/admin/oidc-provider',
    {
      schema: {
        tags,
        summary: "Remove the organisation's OpenID Connect provider, if any (password sign-in stays)",
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const { orgId, accountId } = await adminOrg(request, 'update');
      await ctx.db.transaction(async (tx) => {
        const { rowCount } = await tx.query('DELETE FROM oidc_providers WHERE org_id = $1', [orgId]);
        if (rowCount === 0) return;
        await tx.query('DELETE FROM oidc_logins WHERE org_id = $1', [orgId]);
        await ctx.audit.append(tx, {
          actorAccountId: accountId,
          actorOrgId: orgId,
          action: 'oidc_provider.remove',
          recordType: 'org_settings',
          recordId: orgId,
          orgId,
          ip: request.ip,
        });
      });
      return reply.status(204).send(null);
    },
  );
}
