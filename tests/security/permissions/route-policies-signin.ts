// Expected policies of the passkey and OpenID Connect routes (docs/decisions/0130-passkeys-and-oidc.md),
// merged into routePolicies by route-policies.ts. Signing in is public; a passkey is its owner's only.
import type { Role } from '@acompana/core';
import type { RoutePolicy } from './route-policies.ts';
import type { World } from './world.ts';

/** A passkey row of the given account (the key material is never used by these calls). */
async function passkeyOf(w: World, accountId: string): Promise<Record<string, string>> {
  const { rows } = await w.h.ctx.db.query<{ id: string }>(
    `INSERT INTO passkeys (account_id, credential_id, public_key, device_type, backed_up, name)
     VALUES ($1, $2, '\\x00'::bytea, 'singleDevice', false, 'Prueba') RETURNING id::text AS id`,
    [accountId, `perm-${Math.random().toString(36).slice(2)}-credential`],
  );
  return { passkeyId: rows[0]!.id };
}

const assertion = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  rawId: 'AAAAAAAAAAAAAAAAAAAAAA',
  type: 'public-key',
  clientExtensionResults: {},
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
};

export const signInPolicies: Record<string, RoutePolicy> = {
  'POST /api/auth/passkeys/options': { kind: 'public' },
  'POST /api/auth/passkeys/login': { kind: 'public' },
  'POST /api/auth/passkeys/second-factor': { kind: 'public' },
  'GET /api/auth/oidc/{slug}/start': { kind: 'public' },
  'GET /api/auth/oidc/callback': { kind: 'public' },
  'POST /api/auth/oidc/second-factor': { kind: 'public' },

  'GET /api/auth/passkeys': { kind: 'session' },
  'POST /api/auth/passkeys/register/options': { kind: 'session' },
  'POST /api/auth/passkeys/register/verify': {
    kind: 'session',
    body: () => ({
      name: 'Prueba',
      response: { ...assertion, response: { clientDataJSON: 'e30', attestationObject: 'AAAA' } },
    }),
  },
  'DELETE /api/auth/passkeys/{passkeyId}': {
    kind: 'session',
    own: (w: World, role: Role) => passkeyOf(w, w.accounts[role]),
    others: (w: World) => passkeyOf(w, w.accounts.X),
  },

  'GET /api/admin/oidc-provider': { kind: 'org', record: 'org_settings', action: 'read' },
  // Allowed means the issuer is checked (and found unreachable: 400 naming the field).
  'PUT /api/admin/oidc-provider': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ issuer: 'http://127.0.0.1:9', clientId: 'acompana', clientSecret: 'secreto' }),
  },
  'POST /api/admin/oidc-provider/test': {
    kind: 'org',
    record: 'org_settings',
    action: 'update',
    body: () => ({ issuer: 'http://127.0.0.1:9', clientId: 'acompana', clientSecret: 'secreto' }),
  },
  'DELETE /api/admin/oidc-provider': { kind: 'org', record: 'org_settings', action: 'update' },
};
