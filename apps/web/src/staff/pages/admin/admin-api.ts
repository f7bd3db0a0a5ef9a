// Requests of the administration screens (sharing agreements, audit-log browser). Payload types
// are inferred from the zod schemas the server validates with; imports are type-only.
import type { z } from 'zod';
import type {
  accountSummarySchema,
  AuditLogEntry,
  SharingAgreement,
  SharingAgreementCreate,
  auditLogPageSchema,
  sharingAgreementListSchema,
} from '@acompana/core/api';
import { apiRequest } from '../../api/client';

export type { AuditLogEntry, SharingAgreement, SharingAgreementCreate };
export type SharingAgreementList = z.infer<typeof sharingAgreementListSchema>;
export type SharingPurpose = SharingAgreementList['purposes'][number];
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type AccountAction = 'disable' | 'enable' | 'force-reset' | 'remove';

/** The organisation's OpenID Connect provider as the server shows it (the secret never comes back). */
export interface OidcProvider {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedDomains: string[];
  groupsClaim: string | null;
  groupRoles: Record<string, string>;
  secondFactorDelegated: boolean;
  createAccountsRole: string | null;
  enabled: boolean;
  redirectUri: string;
}

export interface OidcProviderInput {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  allowedDomains: string[];
  secondFactorDelegated: boolean;
  enabled: boolean;
  /** Not edited on the screen yet: sent back as loaded so a save keeps them. */
  groupsClaim: string | null;
  groupRoles: Record<string, string>;
  createAccountsRole: string | null;
}

export interface AccountOption {
  id: string;
  displayName: string;
  email: string;
}

/** The audit filters as the screen holds them: '' means "any". */
export interface AuditFilters {
  action: string;
  accountId: string;
  recordId: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { action: '', accountId: '', recordId: '', from: '', to: '' };

/** The query string of the audit filters (shared by the page request and the CSV link). */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value.trim() !== '') params.set(key, value.trim());
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export const adminApi = {
  agreements: () => apiRequest<SharingAgreementList>('GET', '/api/admin/sharing-agreements'),
  createAgreement: (body: SharingAgreementCreate) =>
    apiRequest<SharingAgreement>('POST', '/api/admin/sharing-agreements', { body }),
  revokeAgreement: (id: string) =>
    apiRequest<SharingAgreement>('POST', `/api/admin/sharing-agreements/${encodeURIComponent(id)}/revoke`),
  accounts: () => apiRequest<{ items: AccountOption[] }>('GET', '/api/admin/accounts'),
  accountList: () => apiRequest<{ items: AccountSummary[] }>('GET', '/api/admin/accounts'),
  invite: (body: { email: string; displayName: string; role: string; teams?: string[] }) =>
    apiRequest<{ invitationId: string; expiresAt: string }>('POST', '/api/admin/accounts', { body }),
  changeRole: (id: string, role: string) =>
    apiRequest<null>('PUT', `/api/admin/accounts/${encodeURIComponent(id)}/role`, { body: { role } }),
  changeTeams: (id: string, teams: string[]) =>
    apiRequest<null>('PUT', `/api/admin/accounts/${encodeURIComponent(id)}/teams`, { body: { teams } }),
  accountAction: (id: string, action: AccountAction) =>
    apiRequest<{ emailed?: boolean }>('POST', `/api/admin/accounts/${encodeURIComponent(id)}/${action}`),
  oidcProvider: () => apiRequest<{ provider: OidcProvider | null }>('GET', '/api/admin/oidc-provider'),
  saveOidcProvider: (body: OidcProviderInput) => apiRequest<OidcProvider>('PUT', '/api/admin/oidc-provider', { body }),
  testOidcProvider: (body: { issuer: string; clientId: string; clientSecret?: string }) =>
    apiRequest<{ issuer: string; authorizationEndpoint: string }>('POST', '/api/admin/oidc-provider/test', { body }),
  removeOidcProvider: () => apiRequest<null>('DELETE', '/api/admin/oidc-provider'),
  auditLog: (filters: AuditFilters, cursor: string | null, signal?: AbortSignal) =>
    apiRequest<AuditLogPage>('GET', `/api/admin/audit-log${auditQuery(filters, cursor ? { cursor } : {})}`, {
      signal,
    }),
};

export const auditExportHref = (filters: AuditFilters) => `/api/admin/audit-log/export${auditQuery(filters)}`;
