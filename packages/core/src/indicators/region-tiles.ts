// Tile grid of Mexico (one square per state, INEGI code → OCHA admin-1 P-code "MXnn") and Central
// America (one square per department, province, district, autonomous region or comarca, keyed by
// its ISO 3166-2 code, see central-america.ts) placed roughly where each lies: a cartogram, not an
// outline. Every square has the same size whatever the area, which is honest for counts of people
// and events (Chihuahua is not 40 times as important as Tlaxcala) and readable at a glance.
// Mexican positions follow the incidents map (apps/web/src/staff/pages/incidents/incident-places.ts).
// Pure data, shared by the staff dashboard (SVG) and the PDF report (pdfkit). No two tiles share a
// square (region-tiles.test.ts).
import { CENTRAL_AMERICA, centralAmericanSubdivisions, isCentralAmerican } from './central-america.ts';

export interface RegionTile {
  /** The statistics key: "MX07" for a Mexican state, the ISO 3166-2 code elsewhere ("GT-16"). */
  key: string;
  /** ISO 3166-1 country: "MX", "GT"… */
  country: string;
  /** Name in Spanish (as the country writes it) and in English where it differs. */
  name: string;
  nameEn: string;
  abbr: string;
  col: number;
  row: number;
}

// English names only where they differ from the Spanish ones.
const mxEnglish: Readonly<Record<string, string>> = { '09': 'Mexico City', '15': 'State of Mexico' };
const mx = (code: string, name: string, abbr: string, col: number, row: number): RegionTile => ({
  key: `MX${code}`,
  country: 'MX',
  name,
  nameEn: mxEnglish[code] ?? name,
  abbr,
  col,
  row,
});

export const regionTiles: readonly RegionTile[] = [
  mx('02', 'Baja California', 'BC', 0, 0),
  mx('26', 'Sonora', 'SON', 1, 0),
  mx('08', 'Chihuahua', 'CHIH', 2, 0),
  mx('05', 'Coahuila', 'COAH', 3, 0),
  mx('19', 'Nuevo León', 'NL', 4, 0),
  mx('03', 'Baja California Sur', 'BCS', 0, 1),
  mx('25', 'Sinaloa', 'SIN', 1, 1),
  mx('10', 'Durango', 'DGO', 2, 1),
  mx('32', 'Zacatecas', 'ZAC', 3, 1),
  mx('24', 'San Luis Potosí', 'SLP', 4, 1),
  mx('28', 'Tamaulipas', 'TAMPS', 5, 1),
  mx('18', 'Nayarit', 'NAY', 1, 2),
  mx('01', 'Aguascalientes', 'AGS', 2, 2),
  mx('11', 'Guanajuato', 'GTO', 3, 2),
  mx('22', 'Querétaro', 'QRO', 4, 2),
  mx('13', 'Hidalgo', 'HGO', 5, 2),
  mx('30', 'Veracruz', 'VER', 6, 2),
  mx('31', 'Yucatán', 'YUC', 9, 2),
  mx('14', 'Jalisco', 'JAL', 1, 3),
  mx('16', 'Michoacán', 'MICH', 2, 3),
  mx('15', 'Estado de México', 'MEX', 3, 3),
  mx('09', 'Ciudad de México', 'CDMX', 4, 3),
  mx('29', 'Tlaxcala', 'TLAX', 5, 3),
  mx('21', 'Puebla', 'PUE', 6, 3),
  mx('27', 'Tabasco', 'TAB', 7, 3),
  mx('04', 'Campeche', 'CAMP', 8, 3),
  mx('23', 'Quintana Roo', 'QROO', 9, 3),
  mx('06', 'Colima', 'COL', 1, 4),
  mx('12', 'Guerrero', 'GRO', 3, 4),
  mx('17', 'Morelos', 'MOR', 4, 4),
  mx('20', 'Oaxaca', 'OAX', 5, 4),
  mx('07', 'Chiapas', 'CHIS', 6, 4),
  ...centralAmericanSubdivisions.map((u): RegionTile => ({
    key: u.code,
    country: u.country,
    name: u.es,
    nameEn: u.en,
    abbr: u.abbr,
    col: u.col,
    row: u.row,
  })),
];

const tileKeys = new Set(regionTiles.map((t) => t.key));

/**
 * The tile a statistics place key falls in: a Mexican state ("MX07") or a Central American unit
 * ("GT-16"); null for a place outside the grid or known only by its country ("GT", a coarsened
 * public table): the map shows those as country totals.
 */
export function tileKeyOf(placeKey: string): string | null {
  return tileKeys.has(placeKey) ? placeKey : null;
}

/** The country of a statistics place key ("MX07" → MX, "GT-16" → GT, "GT" → GT), null if none. */
export function countryOfPlace(placeKey: string): string | null {
  if (/^MX\d{2}$/.test(placeKey)) return 'MX';
  return /^([A-Z]{2})(-[A-Z0-9]{1,3})?$/.exec(placeKey)?.[1] ?? null;
}

/** Countries whose first-level units are on the map, in map order. */
export const mapCountries: readonly string[] = ['MX', ...CENTRAL_AMERICA];

/** True for a place on the Central American part of the map (drawn as its own panel). */
export const isCentralAmericanPlace = (tile: RegionTile): boolean => isCentralAmerican(tile.country);

/**
 * Which places keep their first level in a public release: every country ('adm1'), none
 * ('country'), or the countries listed (decision 0122, ACOMPANA_STATS_PUBLIC_PLACES).
 */
export type PublicPlaceLevel = 'adm1' | 'country' | readonly string[];

/** A place key as published: "GT-16" → "GT" when Guatemala is coarsened; "unknown" and others as they are. */
export function coarsenPlaceKey(placeKey: string, level: PublicPlaceLevel): string {
  if (level === 'adm1') return placeKey;
  const country = countryOfPlace(placeKey);
  if (!country || country === placeKey) return placeKey;
  return level !== 'country' && level.includes(country) ? placeKey : country;
}
