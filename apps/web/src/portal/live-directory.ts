// The services directory as the organisations keep it today (the public HSDS 3.0 API of this
// server, /api/public/hsds/services). The bundled copy (data/services.json) answers first and
// offline; when the server answers, its services replace it, and the service worker keeps that
// answer so the directory still works with no connection on the next visit.
import { getJson } from './published';
import type { Need, ServiceEntry } from './services';

const PER_PAGE = 200;
const MAX_PAGES = 10;
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

/** Every service the directory publishes, or null when the server cannot be reached (and no copy is kept). */
export async function liveDirectory(): Promise<ServiceEntry[] | null> {
  const entries: ServiceEntry[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const data = await getJson<HsdsPage>(`/api/public/hsds/services?per_page=${PER_PAGE}&page=${page}`);
    if (!data || !Array.isArray(data.contents)) return page === 1 ? null : entries;
    entries.push(...data.contents.flatMap(entriesOf));
    if (page >= data.total_pages) break;
  }
  return entries;
}
