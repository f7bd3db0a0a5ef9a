// Requests of the administration screens (sharing agreements, audit-log browser). Payload types
// are inferred from the zod schemas the server validates with; imports are type-only.
import type { z } from 'zod';
import type {
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
  auditLog: (filters: AuditFilters, cursor: string | null) =>
    apiRequest<AuditLogPage>('GET', `/api/admin/audit-log${auditQuery(filters, cursor ? { cursor } : {})}`),
};

export const auditExportHref = (filters: AuditFilters) => `/api/admin/audit-log/export${auditQuery(filters)}`;
