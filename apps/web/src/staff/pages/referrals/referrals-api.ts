// Typed calls of the referrals API (type-only imports of the core schemas).
import type { Referral } from '../../../../../../packages/core/src/directory/referral.schemas.ts';
import { apiRequest } from '../../api/client';

export type { Referral };
const enc = encodeURIComponent;

export const referralsApi = {
  list: (direction: 'incoming' | 'outgoing') => apiRequest<{ items: Referral[] }>('GET', `/api/referrals?direction=${direction}`),
  preview: (id: string) => apiRequest<Referral>('GET', `/api/referrals/${enc(id)}/preview`),
  accept: (id: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/accept`),
  decline: (id: string, reason: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/decline`, { body: { reason } }),
  redirect: (id: string, toServiceId: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/redirect`, { body: { toServiceId } }),
  complete: (id: string, outcome: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/complete`, { body: { outcome } }),
  close: (id: string, note: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/close`, { body: note ? { note } : {} }),
};
