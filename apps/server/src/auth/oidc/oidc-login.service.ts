// Sign-in with the organisation's OpenID Connect provider: authorization code with PKCE, state and
// nonce (openid-client v6). The flow's secrets stay on the server (oidc_logins, single-use, ten
// minutes); the browser carries only the state, in the URL and in a SameSite=Lax cookie that binds
// the flow to the browser that started it. The account is the one with the provider's verified
// e-mail among the organisation's members; none is created unless the organisation says so
// (docs/decisions/0130-passkeys-and-oidc.md).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { isRole } from '@acompana/core';
import type { Database, Queryable } from '../../kernel/db/database.ts';
import type { Keyring } from '../../kernel/crypto/keyring.ts';
import { AppError } from '../../kernel/errors.ts';
import type { AuditWriter } from '../../audit/audit-log.ts';
import { discover, domainAllowed, findProvider, openSecret, type OidcProviderRow } from './oidc-providers.ts';

export const FLOW_MINUTES = 10;
export const PENDING_MINUTES = 5;

export interface OidcLoginDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export interface ProvenAccount {
  accountId: string;
  orgId: string;
  /** The organisation trusts the provider's own second factor. */
  delegated: boolean;
  /** The account has its own TOTP secret (asked for when the organisation does not delegate). */
  hasTotp: boolean;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const callbackPath = '/api/auth/oidc/callback';

export function createOidcLoginService({ db, keyring, audit, clock }: OidcLoginDeps) {
  async function providerOfSlug(slug: string): Promise<OidcProviderRow> {
    const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM organisations WHERE slug = $1', [slug]);
    const provider = rows[0] ? await findProvider(db, rows[0].id) : null;
    if (!provider || !provider.enabled) throw new AppError('oidc.unknown_provider');
    return provider;
  }

  /** Where to send the browser, and the state to keep in its cookie. */
  async function start(orgSlug: string, origin: string): Promise<{ url: URL; state: string }> {
    const provider = await providerOfSlug(orgSlug);
    const config = await discover(provider.issuer, provider.client_id, openSecret(keyring, provider));
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = clock();
    await db.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [now]);
    await db.query(
      'INSERT INTO oidc_logins (state_hash, org_id, code_verifier, nonce, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [sha256(state), provider.org_id, codeVerifier, nonce, new Date(now.getTime() + FLOW_MINUTES * 60_000)],
    );
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${origin}${callbackPath}`,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /** The role the provider's groups give, when the organisation maps groups to roles. */
  function mappedRole(provider: OidcProviderRow, claims: Record<string, unknown>): string | null {
    if (!provider.groups_claim) return null;
    const raw = claims[provider.groups_claim];
    const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
    const roles = provider.group_roles as Record<string, string>;
    // The first mapping, in the order the administrator wrote them, that the user's groups match.
    const hit = Object.entries(roles).find(([group]) => groups.includes(group));
    if (!hit || !isRole(hit[1])) throw new AppError('oidc.no_role');
    return hit[1];
  }

  async function accountFor(
    tx: Queryable,
    provider: OidcProviderRow,
    email: string,
    role: string | null,
    sub: string,
    ip: string,
  ): Promise<{ id: string; hasTotp: boolean }> {
    const { rows } = await tx.query<{ id: string; role: string; has_totp: boolean }>(
      `SELECT a.id::text AS id, m.role, a.totp_secret IS NOT NULL AS has_totp
         FROM accounts a JOIN memberships m ON m.account_id = a.id AND m.org_id = $2
        WHERE a.email = $1`,
      [email, provider.org_id],
    );
    const found = rows[0];
    if (found) {
      if (role && role !== found.role) {
        await tx.query('UPDATE memberships SET role = $3 WHERE account_id = $1 AND org_id = $2', [
          found.id,
          provider.org_id,
          role,
        ]);
        await audit.append(tx, {
          actorAccountId: found.id,
          action: 'membership.role_from_provider',
          recordType: 'account',
          recordId: found.id,
          orgId: provider.org_id,
          ip,
          details: { from: found.role, to: role },
        });
      }
      return { id: found.id, hasTotp: found.has_totp };
    }
    const newRole = role ?? provider.create_accounts_role;
    if (!provider.create_accounts_role || !newRole) throw new AppError('oidc.no_account');
    const taken = await tx.query('SELECT 1 FROM accounts WHERE email = $1', [email]);
    // An account of another organisation is never joined to this one by a sign-in.
    if (taken.rowCount) throw new AppError('oidc.no_account');
    // No password (migration 0040 allows none): the account signs in through the provider, or
    // its owner sets one through "forgot password" (decision 0129).
    const created = await tx.query<{ id: string }>(
      `INSERT INTO accounts (home_org_id, email, display_name, password_hash)
       VALUES ($1, $2, $3, NULL) RETURNING id::text AS id`,
      [provider.org_id, email, email.split('@')[0]!.slice(0, 200) || email],
    );
    const id = created.rows[0]!.id;
    await tx.query('INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, $3)', [
      id,
      provider.org_id,
      newRole,
    ]);
    await audit.append(tx, {
      actorAccountId: id,
      action: 'account.create_from_provider',
      recordType: 'account',
      recordId: id,
      orgId: provider.org_id,
      ip,
      details: { role: newRole, subject: sha256(sub).slice(0, 16) },
    });
    return { id, hasTotp: false };
  }

  /**
   * Checks the provider's answer (state against the browser's cookie and the stored flow; code,
   * issuer, nonce and ID token by openid-client) and finds the account. Nothing is written before
   * every check has passed, except that the flow itself is used up.
   */
  async function callback(input: {
    currentUrl: URL;
    stateCookie: string | undefined;
    ip: string;
  }): Promise<ProvenAccount> {
    const state = input.currentUrl.searchParams.get('state') ?? '';
    if (!state || !input.stateCookie || !sameString(state, input.stateCookie)) throw new AppError('oidc.invalid_state');
    const { rows } = await db.query<{ org_id: string; code_verifier: string; nonce: string; expires_at: Date }>(
      'DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING org_id::text AS org_id, code_verifier, nonce, expires_at',
      [sha256(state)],
    );
    const flow = rows[0];
    if (!flow || new Date(flow.expires_at).getTime() <= clock().getTime()) throw new AppError('oidc.invalid_state');
    const provider = await findProvider(db, flow.org_id);
    if (!provider || !provider.enabled) throw new AppError('oidc.unknown_provider');
    const config = await discover(provider.issuer, provider.client_id, openSecret(keyring, provider));
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, input.currentUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = { ...idClaims };
      // Many providers put e-mail and groups only in UserInfo when an access token is issued.
      if (typeof claims.email !== 'string' || (provider.groups_claim && !(provider.groups_claim in claims))) {
        const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      }
    } catch (cause) {
      if (cause instanceof AppError) throw cause;
      throw new AppError('oidc.invalid_response', { cause });
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims.email_verified !== true) throw new AppError('oidc.email_not_verified');
    if (!domainAllowed(provider, email)) throw new AppError('oidc.domain_not_allowed');
    const role = mappedRole(provider, claims);
    const account = await db.transaction((tx) => accountFor(tx, provider, email, role, String(claims.sub), input.ip));
    return {
      accountId: account.id,
      orgId: provider.org_id,
      delegated: provider.second_factor_delegated,
      hasTotp: account.hasTotp,
    };
  }

  /** A token for the second step (TOTP or passkey) when the organisation does not delegate it. */
  async function pendSecondFactor(proven: ProvenAccount): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    await db.query('DELETE FROM oidc_pending_second_factor WHERE expires_at <= $1', [now]);
    await db.query(
      'INSERT INTO oidc_pending_second_factor (token_hash, account_id, org_id, expires_at) VALUES ($1, $2, $3, $4)',
      [sha256(token), proven.accountId, proven.orgId, new Date(now.getTime() + PENDING_MINUTES * 60_000)],
    );
    return token;
  }

  /** Uses up the pending token: one try, then the person starts again at the provider. */
  async function takePending(token: string | undefined): Promise<{ accountId: string; orgId: string }> {
    if (!token || token.length > 100) throw new AppError('oidc.second_factor_expired');
    const { rows } = await db.query<{ account_id: string; org_id: string; expires_at: Date }>(
      `DELETE FROM oidc_pending_second_factor WHERE token_hash = $1
        RETURNING account_id::text AS account_id, org_id::text AS org_id, expires_at`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at).getTime() <= clock().getTime())
      throw new AppError('oidc.second_factor_expired');
    return { accountId: row.account_id, orgId: row.org_id };
  }

  return { start, callback, pendSecondFactor, takePending };
}

export type OidcLoginService = ReturnType<typeof createOidcLoginService>;
