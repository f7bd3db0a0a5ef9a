// The place catalogue: Mexican states and municipalities (INEGI codes) and Central American
// first-level units (ISO 3166-2), searched by name and turned back from codes into names.
// Records keep codes (07040); people see and type names ("Huixtla, Chiapas").
import { centralAmericanSubdivisions, findSubdivision, isCentralAmerican } from '../indicators/central-america.ts';
import { regionTiles } from '../indicators/region-tiles.ts';
import { mexicanMunicipalityLines } from './mx-municipalities.data.ts';

export interface PlaceItem {
  /** Stable id of the entry: "MX-07040" (municipality), "MX-07" (state), "GT-16" (department). */
  id: string;
  country: string;
  level: 'state' | 'municipality';
  /** As stored on a record: the INEGI state code ("07") in Mexico, the ISO 3166-2 code elsewhere. */
  stateCode: string;
  /** The INEGI municipality code ("07040"); null for a first-level unit. */
  municipalityCode: string | null;
  name: string;
  nameEn: string;
  /** The first-level unit's name (the entry's own for a state). */
  stateName: string;
  stateNameEn: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Indexed {
  item: PlaceItem;
  name: string;
  words: string[];
}

let index: { all: Indexed[]; byId: Map<string, PlaceItem> } | null = null;

function build() {
  const items: PlaceItem[] = [];
  for (const tile of regionTiles.filter((t) => t.country === 'MX')) {
    const stateCode = tile.key.slice(2);
    items.push({
      id: `MX-${stateCode}`,
      country: 'MX',
      level: 'state',
      stateCode,
      municipalityCode: null,
      name: tile.name,
      nameEn: tile.nameEn,
      stateName: tile.name,
      stateNameEn: tile.nameEn,
    });
    for (const entry of (mexicanMunicipalityLines[stateCode] ?? '').split('|').filter(Boolean)) {
      const code = `${stateCode}${entry.slice(0, 3)}`;
      const name = entry.slice(4);
      items.push({
        id: `MX-${code}`,
        country: 'MX',
        level: 'municipality',
        stateCode,
        municipalityCode: code,
        name,
        nameEn: name,
        stateName: tile.name,
        stateNameEn: tile.nameEn,
      });
    }
  }
  for (const s of centralAmericanSubdivisions)
    items.push({
      id: s.code,
      country: s.country,
      level: 'state',
      stateCode: s.code,
      municipalityCode: null,
      name: s.es,
      nameEn: s.en,
      stateName: s.es,
      stateNameEn: s.en,
    });
  const all = items.map((item) => {
    const name = fold(item.name);
    const words = `${name} ${item.level === 'municipality' ? fold(item.stateName) : ''} ${fold(item.nameEn)}`
      .split(' ')
      .filter(Boolean);
    return { item, name, words };
  });
  return { all, byId: new Map(items.map((i) => [i.id, i])) };
}

function catalogue() {
  index ??= build();
  return index;
}

export interface PlaceSearch {
  q: string;
  /** ISO countries to search in; all when empty. */
  countries?: readonly string[] | undefined;
  /** Mexico: only municipalities of this state. */
  stateCode?: string | undefined;
  limit?: number | undefined;
}

/**
 * Places whose name (with its state's) holds every word typed as the start of a word, accents and
 * case ignored: "huix" and "huixtla chia" find Huixtla, Chiapas. Best first: the exact name, then
 * names that start with what was typed, then the rest; shorter names first among equals.
 */
export function searchPlaces({ q, countries, stateCode, limit = 20 }: PlaceSearch): PlaceItem[] {
  const query = fold(q);
  if (!query) return [];
  const tokens = query.split(' ');
  const scored: { item: PlaceItem; rank: number }[] = [];
  for (const entry of catalogue().all) {
    const { item } = entry;
    if (countries && countries.length > 0 && !countries.includes(item.country)) continue;
    if (stateCode && item.stateCode !== stateCode) continue;
    if (!tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) continue;
    const rank = entry.name === query ? 0 : entry.name.startsWith(query) ? 1 : 2;
    scored.push({ item, rank });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.item.name.length - b.item.name.length ||
      a.item.name.localeCompare(b.item.name, 'es') ||
      a.item.id.localeCompare(b.item.id),
  );
  return scored.slice(0, Math.max(1, Math.min(limit, 50))).map((s) => s.item);
}

/** The catalogue entry of a recorded place: its municipality if known, else its first-level unit. */
export function findPlace(place: {
  country: string;
  stateCode?: string | null | undefined;
  municipalityCode?: string | null | undefined;
}): PlaceItem | undefined {
  const { byId } = catalogue();
  if (place.country === 'MX') {
    if (place.municipalityCode) {
      const found = byId.get(`MX-${place.municipalityCode}`);
      if (found) return found;
    }
    return place.stateCode ? byId.get(`MX-${place.stateCode}`) : undefined;
  }
  if (isCentralAmerican(place.country) && place.stateCode) {
    const code = place.stateCode.startsWith(`${place.country}-`)
      ? place.stateCode
      : `${place.country}-${place.stateCode}`;
    return findSubdivision(code) ? byId.get(code) : undefined;
  }
  return undefined;
}

export function isKnownMunicipality(code: string): boolean {
  return catalogue().byId.get(`MX-${code}`)?.level === 'municipality';
}

/**
 * A recorded place in words, in the reader's language: "Huixtla, Chiapas", "Chiapas", "Alta
 * Verapaz"; null when nothing is recorded or the codes are not in the catalogue.
 */
export function placeLabel(
  place: { country: string; stateCode?: string | null | undefined; municipalityCode?: string | null | undefined },
  lang: 'es' | 'en' = 'es',
): string | null {
  const found = findPlace(place);
  if (!found) return null;
  const name = lang === 'en' ? found.nameEn : found.name;
  const state = lang === 'en' ? found.stateNameEn : found.stateName;
  return found.level === 'municipality' ? `${name}, ${state}` : name;
}
