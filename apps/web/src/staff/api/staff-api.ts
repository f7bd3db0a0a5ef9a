// Typed calls to each staff endpoint; components import these, never fetch().
import { apiRequest } from './client';
import type { AuditVerification, Health, LoginRequest, LoginResponse, Me, TotpSetup } from './api-types';

export const staffApi = {
  login: (body: LoginRequest) =>
    apiRequest<LoginResponse>('POST', '/api/auth/login', { body, expectUnauthenticated: true }),
  me: () => apiRequest<Me>('GET', '/api/me'),
  setActiveOrg: (orgId: string) => apiRequest<Me>('POST', '/api/me/active-org', { body: { orgId } }),
  logout: () => apiRequest<void>('POST', '/api/auth/logout'),
  logoutAll: () => apiRequest<void>('POST', '/api/auth/logout-all'),
  totpSetup: () => apiRequest<TotpSetup>('POST', '/api/auth/totp/setup'),
  totpConfirm: (code: string) => apiRequest<void>('POST', '/api/auth/totp/confirm', { body: { code } }),
  verifyAudit: () => apiRequest<AuditVerification>('GET', '/api/admin/audit/verify'),
  /** Remembers the interface language on the account (every device, decision 0134). */
  setLocale: (locale: 'es' | 'en') => apiRequest<void>('PUT', '/api/me/locale', { body: { locale } }),
  health: () => apiRequest<Health>('GET', '/api/health'),
};
