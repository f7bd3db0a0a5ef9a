// Typed calls of the referrals API (type-only imports of the core schemas).
import type { Referral } from '../../../../../../packages/core/src/directory/referral.schemas.ts';
import { apiRequest } from '../../api/client';

export type { Referral };
const enc = encodeURIComponent;

export const referralsApi = {
  list: (direction: 'incoming' | 'outgoing') =>
    apiRequest<{ items: Referral[] }>('GET', `/api/referrals?direction=${direction}`),
  preview: (id: string) => apiRequest<Referral>('GET', `/api/referrals/${enc(id)}/preview`),
  accept: (id: string) => apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/accept`),
  decline: (id: string, reason: string) =>
    apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/decline`, { body: { reason } }),
  redirect: (id: string, toServiceId: string) =>
    apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/redirect`, { body: { toServiceId } }),
  complete: (id: string, outcome: string) =>
    apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/complete`, { body: { outcome } }),
  close: (id: string, note: string) =>
    apiRequest<Referral>('POST', `/api/referrals/${enc(id)}/close`, { body: note ? { note } : {} }),
};

/** The directory's needs vocabulary (taxonomy codes of the seeded and imported services). */
export const directoryNeeds = [
  'shelter',
  'food',
  'health',
  'psychosocial',
  'gbv',
  'legal',
  'asylum',
  'migration',
  'consulate',
  'legal_identity',
  'returnee_reception',
  'housing',
  'employment',
  'education',
  'validation_of_studies',
  'financial_inclusion',
  'child_protection',
  'family_reunification',
] as const;
export type DirectoryNeed = (typeof directoryNeeds)[number];
export interface ServiceHit {
  id: string;
  name: string;
  organisation: string;
  place: string;
}

interface HsdsPage {
  total_pages: number;
  contents: {
    id: string;
    name: string;
    organization?: { name?: string } | null;
    service_at_locations?: { location?: { addresses?: { city?: string; state_province?: string }[] } }[];
  }[];
}
const PER_PAGE = 200;
const MAX_PAGES = 5;
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Services of the public HSDS search for a need, narrowed to those whose name, organisation or place contains every typed word. */
export async function searchServices({
  need,
  name,
}: {
  need?: string | undefined;
  name: string;
}): Promise<ServiceHit[]> {
  const words = fold(name).split(/\s+/).filter(Boolean);
  const hits: ServiceHit[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await apiRequest<HsdsPage>(
      'GET',
      `/api/public/hsds/services?per_page=${PER_PAGE}&page=${page}${need ? `&need=${enc(need)}` : ''}`,
    );
    for (const s of result.contents) {
      const address = s.service_at_locations?.[0]?.location?.addresses?.[0];
      const hit = {
        id: s.id,
        name: s.name,
        organisation: s.organization?.name ?? '',
        place: [address?.city, address?.state_province].filter(Boolean).join(', '),
      };
      const haystack = fold(`${hit.name} ${hit.organisation} ${hit.place}`);
      if (words.every((w) => haystack.includes(w))) hits.push(hit);
    }
    if (page >= result.total_pages) break;
  }
  return hits;
}
