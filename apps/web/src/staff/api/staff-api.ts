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
  health: () => apiRequest<Health>('GET', '/api/health'),
};
