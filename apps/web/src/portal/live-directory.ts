// The services directory as the organisations keep it today (the public HSDS 3.0 API of this
// server): the places that have services (/api/public/hsds/areas), then the services of the place
// and need chosen, a page at a time (/api/public/hsds/services?state=…&need=…). The service worker
// keeps each answer, so what was seen still works with no connection on the next visit; the
// bundled sample (data/services.json) is only for a phone that never reached the server.
import { getJson } from './published';
import type { Filters, Need, ServiceEntry } from './services';

export const PER_PAGE = 50;
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The needs vocabulary of the directory (taxonomy codes) folded into the portal's six needs. */
const NEED_OF: Record<string, Need> = {
  shelter: 'shelter',
  housing: 'shelter',
  food: 'shelter',
  legal: 'legal',
  legal_identity: 'legal',
  asylum: 'asylum',
  migration: 'migration',
  consulate: 'consulate',
  health: 'health',
  psychosocial: 'health',
  gbv: 'health',
};

interface HsdsAddress {
  address_1?: string;
  city?: string;
  state_province?: string;
  postal_code?: string;
}
interface HsdsService {
  id: string;
  name: string;
  service_at_locations?: {
    location?: { id?: string; latitude?: number | null; longitude?: number | null; addresses?: HsdsAddress[] };
  }[];
  phones?: { number?: string }[];
  languages?: { code?: string }[];
  schedules?: { byday?: string; opens_at?: string; closes_at?: string }[];
  attributes?: { taxonomy_term?: { code?: string } }[];
}
interface HsdsPage {
  total_pages: number;
  total_items: number;
  contents: HsdsService[];
}

function needOf(service: HsdsService): Need | undefined {
  for (const attribute of service.attributes ?? []) {
    const need = NEED_OF[attribute.taxonomy_term?.code ?? ''];
    if (need) return need;
  }
  return undefined;
}

export function entriesOf(service: HsdsService): ServiceEntry[] {
  const need = needOf(service);
  if (!need) return [];
  const week: [string, string][][] = DAY_CODES.map(() => []);
  for (const schedule of service.schedules ?? []) {
    if (!schedule.opens_at || !schedule.closes_at) continue;
    for (const code of (schedule.byday ?? '').split(','))
      week[DAY_CODES.indexOf(code.trim())]?.push([schedule.opens_at.slice(0, 5), schedule.closes_at.slice(0, 5)]);
  }
  return (service.service_at_locations ?? []).flatMap((sal, i) => {
    const location = sal.location;
    const address = location?.addresses?.[0];
    if (!location || !address || typeof location.latitude !== 'number' || typeof location.longitude !== 'number')
      return [];
    return [
      {
        id: `${service.id}@${location.id ?? i}`,
        name: service.name,
        need,
        address: [
          address.address_1,
          [address.postal_code, address.city].filter(Boolean).join(' '),
          address.state_province,
        ]
          .filter(Boolean)
          .join(', '),
        city: address.city ?? '',
        state: address.state_province ?? '',
        latitude: location.latitude,
        longitude: location.longitude,
        phones: (service.phones ?? []).map((p) => p.number ?? '').filter(Boolean),
        languages: (service.languages ?? []).map((l) => l.code ?? '').filter(Boolean),
        week,
      },
    ];
  });
}

/** The taxonomy codes behind each of the portal's needs (the server takes several: any of them). */
const CODES_OF = Object.fromEntries(
  Object.keys(NEED_OF).reduce((pairs, code) => {
    const need = NEED_OF[code] as Need;
    pairs.set(need, [...(pairs.get(need) ?? []), code]);
    return pairs;
  }, new Map<Need, string[]>()),
) as Record<Need, string[]>;

/** A state or province with services, and how many (GET /api/public/hsds/areas). */
export interface Area {
  state: string;
  country: string;
  services: number;
}

/** The places with services, or null when neither the server nor a kept copy answers. */
export async function liveAreas(): Promise<Area[] | null> {
  const data = await getJson<{ areas: Area[] }>('/api/public/hsds/areas');
  return data && Array.isArray(data.areas) ? data.areas : null;
}

export interface LivePage {
  entries: ServiceEntry[];
  page: number;
  totalPages: number;
  totalItems: number;
}

/**
 * One page of the services matching the filters, filtered by the server (docs/decisions/0133):
 * a person in one state downloads that state's services, a page at a time, never the whole
 * directory. The URL is built in a fixed order so the service worker's offline copy is found again.
 */
export async function livePage(filters: Filters, page: number): Promise<LivePage | null> {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.city) params.set('city', filters.city);
  const codes = CODES_OF[filters.need as Need];
  if (codes) params.set('need', codes.join(','));
  if (filters.language) params.set('language', filters.language);
  params.set('per_page', String(PER_PAGE));
  params.set('page', String(page));
  const data = await getJson<HsdsPage>(`/api/public/hsds/services?${params.toString()}`);
  if (!data || !Array.isArray(data.contents)) return null;
  return {
    entries: data.contents.flatMap(entriesOf),
    page,
    totalPages: data.total_pages,
    totalItems: data.total_items,
  };
}
