// The services directory (HSDS shape, see data/services.json) flattened for the list: one entry
// per service at a location, with filters by place and need and a distance when the person lets
// the phone tell where they are. Nothing here leaves the phone.

export type Need = 'shelter' | 'legal' | 'asylum' | 'migration' | 'consulate' | 'health';
export const NEEDS: readonly Need[] = ['shelter', 'legal', 'asylum', 'migration', 'consulate', 'health'];

interface HsdsAddress {
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
}
interface HsdsLocation {
  id: string;
  organization_id: string;
  name: string;
  latitude: number;
  longitude: number;
  addresses: HsdsAddress[];
}
interface HsdsSchedule {
  freq: string;
  byday: string;
  opens_at: string;
  closes_at: string;
}
interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  category: string;
  service_at_locations: { location_id: string }[];
  phones: { number: string }[];
  languages: { code: string }[];
  schedules: HsdsSchedule[];
}
export interface HsdsDirectory {
  meta: { synthetic: boolean };
  organizations: { id: string; name: string }[];
  locations: HsdsLocation[];
  services: HsdsService[];
}

export interface ServiceEntry {
  id: string;
  name: string;
  need: Need;
  address: string;
  city: string;
  state: string;
  latitude: number;
  longitude: number;
  phones: string[];
  languages: string[];
  /** Opening hours per weekday, Monday = 0: [opens, closes] pairs, empty when closed. */
  week: [string, string][][];
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function flattenDirectory(directory: HsdsDirectory): ServiceEntry[] {
  const locations = new Map(directory.locations.map((location) => [location.id, location]));
  const entries: ServiceEntry[] = [];
  for (const service of directory.services) {
    const need = NEEDS.find((n) => n === service.category);
    if (!need) continue;
    for (const { location_id } of service.service_at_locations) {
      const location = locations.get(location_id);
      const address = location?.addresses[0];
      if (!location || !address) continue;
      const week: [string, string][][] = DAY_CODES.map(() => []);
      for (const schedule of service.schedules) {
        for (const code of schedule.byday.split(',')) {
          week[DAY_CODES.indexOf(code.trim())]?.push([schedule.opens_at, schedule.closes_at]);
        }
      }
      entries.push({
        id: `${service.id}@${location.id}`,
        name: service.name,
        need,
        address: `${address.address_1}, ${address.postal_code} ${address.city}, ${address.state_province}`,
        city: address.city,
        state: address.state_province,
        latitude: location.latitude,
        longitude: location.longitude,
        phones: service.phones.map((phone) => phone.number),
        languages: service.languages.map((language) => language.code),
        week,
      });
    }
  }
  return entries;
}

/** Empty strings match everything; `language` is an HSDS language code a service speaks. */
export interface Filters {
  state: string;
  city: string;
  need: string;
  language?: string;
}

export function filterServices(entries: ServiceEntry[], filters: Filters): ServiceEntry[] {
  return entries.filter(
    (entry) =>
      (!filters.state || entry.state === filters.state) &&
      (!filters.city || entry.city === filters.city) &&
      (!filters.need || entry.need === filters.need) &&
      (!filters.language || entry.languages.includes(filters.language)),
  );
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** RFC 5870 geo: URI; the phone's own map app opens it, so no map tiles come from anywhere. */
export function geoUri(entry: ServiceEntry): string {
  return `geo:${entry.latitude},${entry.longitude}?q=${entry.latitude},${entry.longitude}(${encodeURIComponent(entry.name)})`;
}

export function telUri(number: string): string {
  return `tel:${number.replace(/[^+\d]/g, '')}`;
}

/** "09:00–17:00", "00:00–23:59" shown as 24 h. */
export function formatHours(ranges: [string, string][], always: string): string {
  return ranges
    .map(([opens, closes]) => (opens === '00:00' && closes === '23:59' ? always : `${opens}–${closes}`))
    .join(', ');
}
