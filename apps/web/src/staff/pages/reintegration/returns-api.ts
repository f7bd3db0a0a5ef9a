// Typed calls for referrals to any directory service (ranked for the person, online or external)
// and the person's separated family (type-only imports of the core schemas).
import type {
  ExternalChannel,
  ExternalReferral,
  ExternalReferralAnswer,
  ExternalReferralCreate,
  ReferralOptions,
} from '../../../../../../packages/core/src/directory/referral-options.schemas.ts';
import type { ReferralCreate } from '../../../../../../packages/core/src/directory/referral.schemas.ts';
import type { PlanExternalReferralCreate } from '../../../../../../packages/core/src/reintegration/reintegration.schemas.ts';
import { apiRequest } from '../../api/client';
import type { Reception } from './reintegration-api';

export type { ExternalChannel, ExternalReferral, ReferralOptions };
export type ReferralOption = ReferralOptions['items'][number];
export type PlanItem = Reception['plan'][number];

export const externalChannels = [
  'phone',
  'letter',
  'accompanied_visit',
  'email',
  'in_person',
] as const satisfies readonly ExternalChannel[];
export const externalAnswers = ['accepted', 'declined', 'completed', 'closed_no_outcome'] as const;
/** Relationships of relatives recorded at reception (stored as these codes, shown in words). */
export const relativeKinds = ['spouse', 'partner', 'daughter', 'son', 'mother', 'father', 'sibling', 'other'] as const;
export type RelativeKind = (typeof relativeKinds)[number];

export interface PersonFamilies {
  items: {
    id: string;
    label: string;
    status: string;
    members: {
      id: string;
      self: boolean;
      name: string | null;
      relationship: string;
      isChild: boolean;
      location: string | null;
      holdingCountry: string | null;
      status: string;
      separatedSince: string | null;
    }[];
  }[];
}

const enc = encodeURIComponent;

export const returnsApi = {
  options: (personId: string, need: string) =>
    apiRequest<ReferralOptions>('GET', `/api/referrals/options?personId=${enc(personId)}&need=${enc(need)}`),
  places: () =>
    apiRequest<{ items: { city: string; state: string; country: string }[] }>('GET', '/api/referrals/places'),
  referExternal: (receptionId: string, body: PlanExternalReferralCreate) =>
    apiRequest<Reception>('POST', `/api/reintegration/receptions/${enc(receptionId)}/external-referrals`, { body }),
  /** An external referral outside any reintegration plan (decision 0139), from the person or reception page. */
  createExternal: (body: ExternalReferralCreate) =>
    apiRequest<ExternalReferral>('POST', '/api/referrals/external', { body }),
  externalOf: (personId: string) =>
    apiRequest<{ items: ExternalReferral[] }>('GET', `/api/referrals/external?personId=${enc(personId)}`),
  /** A referral through Acompaña to a service that receives them, outside any plan. */
  send: (body: ReferralCreate) => apiRequest<{ id: string }>('POST', '/api/referrals', { body }),
  answerExternal: (id: string, body: ExternalReferralAnswer) =>
    apiRequest<ExternalReferral>('POST', `/api/referrals/external/${enc(id)}/answer`, { body }),
  families: (personId: string) =>
    apiRequest<PersonFamilies>('GET', `/api/reintegration/people/${enc(personId)}/families`),
  receptionsOf: (personId: string) =>
    apiRequest<{ items: { id: string; receivedOn: string }[] }>(
      'GET',
      `/api/reintegration/receptions?personId=${enc(personId)}`,
    ),
};
