// Text normalisation shared by every comparison. Records are typed by families, shelter staff and
// forensic teams with or without accents, in any case, with hyphens or spaces inside compound
// names, so everything is compared on a folded form: lower case, no diacritics, letters and digits.

// Particles that join Spanish, Portuguese, French and Dutch surnames ("de la Cruz", "del Carmen",
// "dos Santos", "van der Berg"). They are dropped because people write them inconsistently
// ("De León", "Leon", "de leon"), so keeping them would only create false disagreements.
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'lo',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'di',
  'du',
  'le',
  'mc',
]);

const foldCache = new Map<string, string>();

/** Lower case, strip diacritics (á→a, ñ→n, ç→c, ü→u), keep letters/digits, collapse separators. */
export function foldText(input: string): string {
  const cached = foldCache.get(input);
  if (cached !== undefined) return cached;
  const out = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøđł]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l' })[c] ?? c)
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  // The cache bounds itself: names repeat a lot, free text does not, so forget when it grows.
  if (foldCache.size > 200_000) foldCache.clear();
  foldCache.set(input, out);
  return out;
}

/** Name tokens without particles: "María del Carmen" → ["maria", "carmen"]; "Jean-Louis" → ["jean", "louis"]. */
export function nameTokens(input: string | undefined): string[] {
  if (!input) return [];
  const folded = foldText(input);
  if (!folded) return [];
  const tokens = folded.split(' ').filter((t) => !PARTICLES.has(t) && !/^\d+$/.test(t));
  return tokens.map(intern);
}

/** Free-text tokens (addresses, places) with particles kept out and nothing else removed. */
export function textTokens(input: string | undefined): string[] {
  if (!input) return [];
  const folded = foldText(input);
  if (!folded) return [];
  return folded
    .split(' ')
    .filter((t) => !PARTICLES.has(t))
    .map(intern);
}

const internTable = new Map<string, string>();

/**
 * Returns one shared copy of a short string. With a million records the same few thousand names
 * would otherwise be stored hundreds of thousands of times.
 */
export function intern(value: string): string {
  const known = internTable.get(value);
  if (known !== undefined) return known;
  if (internTable.size > 2_000_000) internTable.clear();
  internTable.set(value, value);
  return value;
}

const tokenIds = new Map<string, number>();

/**
 * A small integer standing for a token, so that comparisons and caches work on numbers. Ids are
 * never reused: equal ids mean equal tokens for the life of the process.
 */
export function tokenId(token: string): number {
  let id = tokenIds.get(token);
  if (id === undefined) {
    id = tokenIds.size;
    tokenIds.set(token, id);
  }
  return id;
}
