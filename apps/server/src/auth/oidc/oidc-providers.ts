// An organisation's OpenID Connect provider: its stored settings (client secret sealed with the
// deployment's account key, bound to the organisation) and the discovered configuration that
// openid-client works with (docs/decisions/0130-passkeys-and-oidc.md).
import * as client from 'openid-client';
import type { Queryable } from '../../kernel/db/database.ts';
import type { Keyring } from '../../kernel/crypto/keyring.ts';
import { AppError } from '../../kernel/errors.ts';

export interface OidcProviderRow {
  org_id: string;
  issuer: string;
  client_id: string;
  client_secret: unknown;
  groups_claim: string | null;
  group_roles: Record<string, string> | string;
  second_factor_delegated: boolean;
  create_accounts_role: string | null;
  enabled: boolean;
  allowed_domains: string[];
}

/** An empty list allows any domain; otherwise the verified address must end in one of them. */
export function domainAllowed(row: Pick<OidcProviderRow, 'allowed_domains'>, email: string): boolean {
  if (row.allowed_domains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return row.allowed_domains.includes(domain);
}

export const secretContext = (orgId: string) => `oidc.client_secret|${orgId}`;

export async function findProvider(db: Queryable, orgId: string): Promise<OidcProviderRow | null> {
  const { rows } = await db.query<OidcProviderRow>(
    `SELECT org_id::text AS org_id, issuer, client_id, client_secret, groups_claim, group_roles,
            second_factor_delegated, create_accounts_role, enabled, allowed_domains
       FROM oidc_providers WHERE org_id = $1`,
    [orgId],
  );
  const row = rows[0];
  if (!row) return null;
  if (typeof row.group_roles === 'string') row.group_roles = JSON.parse(row.group_roles) as Record<string, string>;
  return row;
}

/** Plain http is accepted only for a provider on this machine (development and the tests). */
function loopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const cache = new Map<string, { config: client.Configuration; at: number }>();
const CACHE_MS = 10 * 60_000;

/**
 * The provider's discovered configuration (issuer metadata and keys), reused for ten minutes.
 * openid-client checks that the metadata names the same issuer as the URL it was fetched from.
 */
export async function discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const key = `${issuer}\n${clientId}\n${clientSecret}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const url = new URL(issuer);
  try {
    const config = await client.discovery(url, clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
      ...(loopback(url) ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    cache.set(key, { config, at: Date.now() });
    return config;
  } catch (cause) {
    throw new AppError('oidc.provider_unreachable', { field: 'issuer', cause });
  }
}

export function forgetDiscovery(): void {
  cache.clear();
}

export function openSecret(keyring: Keyring, row: OidcProviderRow): string {
  return keyring.openForAccounts(row.client_secret, secretContext(row.org_id));
}
