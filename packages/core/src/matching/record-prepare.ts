// Turns a raw record into its prepared, folded form once, so that the millions of pair
// comparisons never touch raw text again.
import { nicknameTargets, canonicalGivenName } from './nicknames.ts';
import { parsePartialDate, dayNumber } from './person-dates.ts';
import type { PersonRecord, PreparedRecord } from './person-record.types.ts';
import { spanishPhonetic } from './spanish-phonetic.ts';
import { intern, nameTokens, textTokens, tokenId } from './text-normalise.ts';

const EMPTY: string[] = [];

function phon(tokens: string[]): string[] {
  if (tokens.length === 0) return EMPTY;
  return tokens.map((t) => intern(spanishPhonetic(t)));
}

function givenTokens(text: string | undefined): string[] {
  const tokens = nameTokens(text);
  if (tokens.length === 0) return EMPTY;
  // Ambiguous nicknames ("beto") stay as written; comparison checks them against every target.
  return tokens.map((t) => {
    if (nicknameTargets(t)) return intern(canonicalGivenName(t));
    // A nickname with a doubled letter ("Paancho") is still the nickname.
    const single = t.replace(/(.)\1+/g, '$1');
    return single !== t && nicknameTargets(single) ? intern(canonicalGivenName(single)) : t;
  });
}

// One shared token array per distinct place text, so places can be compared (and cached) by identity.
const places = new Map<string, string[]>();

function placeTokens(text: string | undefined): string[] {
  if (!text) return EMPTY;
  const known = places.get(text);
  if (known) return known;
  const tokens = textTokens(text);
  if (places.size > 500_000) places.clear();
  places.set(text, tokens);
  return tokens;
}

function finiteOrNaN(v: number | null | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN;
}

/** Folds a record for comparison. `index` is its position in the collection it belongs to. */
export function prepareRecord(record: PersonRecord, index: number): PreparedRecord {
  const given = givenTokens(record.givenNames);
  const sur = nameTokens(record.surnames);
  const birth = parsePartialDate(record.birthDate);
  let ageMin = finiteOrNaN(record.ageMin);
  let ageMax = finiteOrNaN(record.ageMax);
  if (Number.isNaN(ageMin)) ageMin = ageMax;
  if (Number.isNaN(ageMax)) ageMax = ageMin;
  // Forensic forms sometimes have the two bounds the wrong way round.
  if (ageMin > ageMax) [ageMin, ageMax] = [ageMax, ageMin];
  const sex = record.sex === 'F' ? 1 : record.sex === 'M' ? 2 : 0;
  const doc = (record.documentId ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return {
    index,
    id: record.id,
    given,
    givenPhon: phon(given),
    givenIds: given.map(tokenId),
    givenKey: given.length > 1 ? intern(given.join(' ')) : (given[0] ?? ''),
    sur: sur.length ? sur : EMPTY,
    surPhon: phon(sur),
    surIds: sur.map(tokenId),
    surKey: sur.length > 1 ? intern(sur.slice().sort().join(' ')) : (sur[0] ?? ''),
    sex,
    birthYear: birth?.year ?? 0,
    birthMonth: birth?.month ?? 0,
    birthDay: birth?.day ?? 0,
    ageMin,
    ageMax,
    eventDay: dayNumber(record.eventDate),
    nationality: intern((record.nationality ?? '').trim().toUpperCase()),
    origin: placeTokens(record.originPlace),
    eventPlace: placeTokens(record.eventPlace),
    address: textTokens(record.address),
    document: doc.length >= 4 ? doc : '',
  };
}
