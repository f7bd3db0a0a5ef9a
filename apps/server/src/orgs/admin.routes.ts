// Organisation administration: the people of the active organisation, their roles, and the
// audit chain check. An organisation admin manages its own people only: every decision goes
// through the policy function with the record's organisation.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountSummarySchema,
  auditVerifyResponseSchema,
  can,
  changeRoleRequestSchema,
  changeTeamsRequestSchema,
  createAccountRequestSchema,
  forceResetResponseSchema,
  invitationCreatedSchema,
  securitySettingsSchema,
  type Actor,
  type Role,
} from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { commonErrorResponses, errorResponseSchema } from '../kernel/http/error-response.ts';
import { authOf } from '../kernel/http/auth-context.ts';
import { AppError } from '../kernel/errors.ts';
import { sealAndVerifyAuditChain } from '../audit/audit-log.ts';
import { listOrgAccounts, parseJsonColumn } from './orgs.queries.ts';
import { requireRecentReauth } from '../auth/reauthentication.ts';

const errors = { ...commonErrorResponses, 502: errorResponseSchema, 503: errorResponseSchema };

function requireOrg(actor: Actor): string {
  if (!actor.orgId) throw new AppError('policy.denied');
  return actor.orgId;
}

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  api.get(
    '/api/admin/audit/verify',
    {
      schema: {
        tags,
        summary: 'Check the audit hash chain from the first entry to the last',
        response: { 200: auditVerifyResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'read', { type: 'audit_log', orgId })) throw new AppError('policy.denied');
      const result = await sealAndVerifyAuditChain(ctx.db, ctx.keyring.systemKey('audit'));
      await ctx.audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'audit.verify',
        recordType: 'audit_log',
        orgId,
        ip: request.ip,
        details: { ok: result.ok },
      });
      return result;
    },
  );

  api.get(
    '/api/admin/accounts',
    {
      schema: {
        tags,
        summary: 'People who log in to the active organisation',
        response: { 200: z.object({ items: z.array(accountSummarySchema) }), ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'read', { type: 'account', orgId })) throw new AppError('policy.denied');
      const rows = await listOrgAccounts(ctx.db, orgId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          email: r.email,
          displayName: r.display_name,
          role: r.role as Role,
          totpEnrolled: r.totp_enrolled,
          disabled: r.disabled,
          teams: parseJsonColumn(r.teams) ?? [],
          lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
          managedHere: r.home_org_id === orgId,
          passwordSet: r.password_set,
        })),
      };
    },
  );

  // An invitation, e-mailed to the person: the administrator never sees the link, a password or a
  // second factor. The answer is the same whether or not the address has an account elsewhere
  // (docs/decisions/0129-accounts-only-the-owner-controls.md).
  api.post(
    '/api/admin/accounts',
    {
      schema: {
        tags,
        summary: 'Invite a person to the active organisation (the link goes to their e-mail only)',
        body: createAccountRequestSchema,
        response: { 202: invitationCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'create', { type: 'account', orgId })) throw new AppError('policy.denied');
      const invited = await ctx.invitations.invite(
        { ...request.body, orgId },
        { accountId: actor.accountId, ip: request.ip },
        'mail',
      );
      return reply.status(202).send({ invitationId: invited.invitationId, expiresAt: invited.expiresAt.toISOString() });
    },
  );

  const accountAction = (
    path: string,
    summary: string,
    run: (orgId: string, accountId: string, actor: { accountId: string; ip: string }) => Promise<unknown>,
  ) =>
    api.post(
      `/api/admin/accounts/:accountId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: z.object({ accountId: z.string().uuid() }),
          response: { 200: forceResetResponseSchema.partial(), ...errors },
        },
      },
      async (request) => {
        const actor = await authOf(request).actor();
        const orgId = requireOrg(actor);
        if (!can(actor, 'update', { type: 'membership', orgId })) throw new AppError('policy.denied');
        const result = await run(orgId, request.params.accountId, { accountId: actor.accountId, ip: request.ip });
        return (result ?? {}) as { emailed?: boolean };
      },
    );

  accountAction(
    'disable',
    'Disable an account this organisation manages (ends its sessions and calendar feed)',
    (orgId, id, a) => ctx.accounts.setDisabled(orgId, id, true, a),
  );
  accountAction('enable', 'Enable a disabled account this organisation manages', (orgId, id, a) =>
    ctx.accounts.setDisabled(orgId, id, false, a),
  );
  accountAction(
    'remove',
    'Remove a person from this organisation (the account stays for what it signed)',
    (orgId, id, a) => ctx.accounts.removeFromOrg(orgId, id, a),
  );
  accountAction(
    'force-reset',
    'Clear the password, end sessions and calendar feed, and e-mail the owner a reset link',
    async (orgId, id, a) => {
      await ctx.accounts.managedHere(orgId, id, a.accountId);
      const done = await ctx.passwordResets.forceReset(
        id,
        { accountId: a.accountId, orgId, ip: a.ip },
        { delivery: 'mail' },
      );
      return { emailed: done.emailed };
    },
  );

  api.put(
    '/api/admin/accounts/:accountId/role',
    {
      schema: {
        tags,
        summary: "Change a person's role in the active organisation (ends their sessions)",
        params: z.object({ accountId: z.string().uuid() }),
        body: changeRoleRequestSchema,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'update', { type: 'membership', orgId })) throw new AppError('policy.denied');
      // Making or unmaking an administrator needs the acting admin to have proven the password or a
      // passkey again in this session (ASVS 3.7.1): a hijacked session cannot hand out admin rights.
      const current = await ctx.db.query<{ role: string }>(
        'SELECT role FROM memberships WHERE org_id = $1 AND account_id = $2',
        [orgId, request.params.accountId],
      );
      // Another organisation's account is "not found" before anything else is said about it.
      if (!current.rows[0]) throw new AppError('record.not_found');
      if (request.body.role === 'admin' || current.rows[0].role === 'admin')
        await requireRecentReauth(ctx.db, authOf(request).session.token_hash, ctx.clock());
      // The membership is looked up inside the actor's organisation only: another
      // organisation's account id is "not found", never changed.
      await ctx.accounts.changeRole(orgId, request.params.accountId, request.body.role, {
        accountId: actor.accountId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/admin/accounts/:accountId/teams',
    {
      schema: {
        tags,
        summary: "Set a person's teams in the active organisation (by name; a new name makes the team)",
        params: z.object({ accountId: z.string().uuid() }),
        body: changeTeamsRequestSchema,
        response: { 204: z.null(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'update', { type: 'membership', orgId })) throw new AppError('policy.denied');
      await ctx.accounts.setTeams(orgId, request.params.accountId, request.body.teams, {
        accountId: actor.accountId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/admin/settings/security',
    {
      schema: {
        tags,
        summary: 'Security settings of the active organisation',
        response: { 200: securitySettingsSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'read', { type: 'org_settings', orgId })) throw new AppError('policy.denied');
      const { rows } = await ctx.db.query<{ roles: Role[] }>(
        'SELECT totp_required_roles AS roles FROM organisations WHERE id = $1',
        [orgId],
      );
      return { totpRequiredRoles: rows[0]?.roles ?? [] };
    },
  );

  api.put(
    '/api/admin/settings/security',
    {
      schema: {
        tags,
        summary: 'Choose which roles must use two-factor authentication',
        body: securitySettingsSchema,
        response: { 200: securitySettingsSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = await authOf(request).actor();
      const orgId = requireOrg(actor);
      if (!can(actor, 'update', { type: 'org_settings', orgId })) throw new AppError('policy.denied');
      const roles = [...new Set(request.body.totpRequiredRoles)].sort();
      await ctx.db.transaction(async (tx) => {
        const before = await tx.query<{ roles: string[] }>(
          'SELECT totp_required_roles AS roles FROM organisations WHERE id = $1 FOR UPDATE',
          [orgId],
        );
        await tx.query('UPDATE organisations SET totp_required_roles = $1 WHERE id = $2', [roles, orgId]);
        await ctx.audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: orgId,
          action: 'org_settings.update',
          recordType: 'org_settings',
          recordId: orgId,
          orgId,
          fields: ['totp_required_roles'],
          ip: request.ip,
          details: { from: (before.rows[0]?.roles ?? []).join(','), to: roles.join(',') },
        });
      });
      return { totpRequiredRoles: roles };
    },
  );
}
