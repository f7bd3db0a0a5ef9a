// Expected policies of the account-lifecycle routes (docs/decisions/0129), merged into
// routePolicies by route-policies.ts. The link routes are public: the link is the credential.
import type { RoutePolicy } from './route-policies.ts';
import type { World } from './world.ts';

/** A fresh account of organisation A for each call (the call disables, removes or resets it). */
const freshAccount = async (w: World) => ({
  accountId: (
    await w.h.ctx.accounts.createAccount({
      orgId: w.orgs.A,
      email: `acted-on-${Math.random().toString(36).slice(2)}@perm-a.example`,
      password: 'correct horse battery',
      role: 'analyst',
      totpExempt: true,
    })
  ).accountId,
});

const adminAction = { kind: 'org', record: 'membership', action: 'update', params: freshAccount } as const;

export const accountLifecyclePolicies = {
  'POST /api/account/invitation/inspect': { kind: 'public' },
  'POST /api/account/invitation/accept': { kind: 'public' },
  'POST /api/auth/password/forgot': { kind: 'public' },
  'POST /api/auth/password/reset/inspect': { kind: 'public' },
  'POST /api/auth/password/reset': { kind: 'public' },
  // The owner's own password: the same one again, in a session of its own (other sessions end).
  'POST /api/account/password': {
    kind: 'session',
    fresh: true,
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery' }),
  },
  'GET /api/account/recovery-codes': { kind: 'session' },
  'POST /api/account/recovery-codes': { kind: 'session', body: () => ({ password: 'correct horse battery' }) },
  // Re-authentication (decision 0140): the owner's own session; replacing the authenticator app
  // without it answers auth.reauth_required (401, not a refusal of the role).
  'POST /api/account/reauthenticate': { kind: 'session', body: () => ({ password: 'correct horse battery' }) },
  'POST /api/account/totp/replace/setup': { kind: 'session' },
  'POST /api/account/totp/replace/confirm': { kind: 'session', body: () => ({ code: '123456' }) },
  'POST /api/admin/accounts/{accountId}/disable': adminAction,
  'POST /api/admin/accounts/{accountId}/enable': adminAction,
  'POST /api/admin/accounts/{accountId}/remove': adminAction,
  'POST /api/admin/accounts/{accountId}/force-reset': adminAction,
  'PUT /api/admin/accounts/{accountId}/teams': {
    kind: 'org',
    record: 'membership',
    action: 'update',
    body: () => ({ teams: ['Equipo de prueba'] }),
    params: freshAccount,
  },
} satisfies Record<string, RoutePolicy>;
