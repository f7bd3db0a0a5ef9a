// Tolerant name search over encrypted names. Names are never searchable in clear: each record
// carries blind indexes (keyed HMACs) of its name tokens, their Spanish phonetic keys and the
// trigrams of those keys. A query computes the same HMACs, SQL finds candidates by array overlap
// and ranks them by how many keys they share, and only the best few hundred are decrypted and
// re-ranked here with the matching engine's comparisons (nicknames, phonetic keys, Jaro–Winkler).
import {
  canonicalGivenName,
  foldText,
  jaroWinkler,
  nameTokens,
  nicknameEquivalent,
  nicknameTargets,
  spanishPhonetic,
} from '@acompana/core';
import type { Keyring } from '../kernel/crypto/keyring.ts';

export const NAME_CONTEXT = 'people.name';
export const TRIGRAM_CONTEXT = 'people.name_trigram';
export const DOCUMENT_CONTEXT = 'people.document';

export interface NameParts {
  givenNames?: string | undefined;
  surnames?: string | undefined;
  aliases?: readonly string[] | undefined;
}

/** Keys of one token: the folded token, its registered form when a nickname, their phonetic keys. */
function tokenKeys(token: string, givenLike: boolean, into: Set<string>): void {
  const forms = givenLike ? [token, canonicalGivenName(token)] : [token];
  for (const form of forms) {
    into.add(`t:${form}`);
    into.add(`p:${spanishPhonetic(form)}`);
  }
}

function trigramKeys(token: string, into: Set<string>): void {
  const padded = `_${spanishPhonetic(token)}_`;
  if (padded.length < 4) return;
  for (let i = 0; i + 3 <= padded.length; i++) into.add(padded.slice(i, i + 3));
}

/** The plaintext keys of a record's names (before HMAC): exact/phonetic tokens and trigrams. */
export function recordNameKeys(parts: NameParts): { name: string[]; trigram: string[] } {
  const name = new Set<string>();
  const trigram = new Set<string>();
  const given = [...nameTokens(parts.givenNames), ...(parts.aliases ?? []).flatMap((a) => nameTokens(a))];
  const sur = nameTokens(parts.surnames);
  for (const t of given) tokenKeys(t, true, name);
  for (const t of sur) tokenKeys(t, false, name);
  for (const t of [...given, ...sur]) trigramKeys(t, trigram);
  return { name: [...name], trigram: [...trigram] };
}

/** A query may be given names, surnames or both, in any order: every token is tried as either. */
export function queryNameKeys(q: string): { name: string[]; trigram: string[] } {
  const name = new Set<string>();
  const trigram = new Set<string>();
  for (const t of nameTokens(q)) {
    tokenKeys(t, true, name);
    trigramKeys(t, trigram);
  }
  return { name: [...name], trigram: [...trigram] };
}

/** Document numbers compared on letters and digits only, upper case ("A-123 456" = "a123456"). */
export function normaliseDocumentNumber(value: string): string {
  return foldText(value).replace(/ /g, '').toUpperCase();
}

/** Candidate document numbers in a query: the whole query and each token with a digit. */
export function queryDocumentKeys(q: string): string[] {
  if (!/\d/.test(q)) return [];
  const keys = new Set<string>([normaliseDocumentNumber(q)]);
  for (const part of q.split(/\s+/)) if (/\d/.test(part)) keys.add(normaliseDocumentNumber(part));
  return [...keys].filter((k) => k.length >= 3);
}

/** At most this many key combinations per query (nicknames with several registered names multiply). */
const MAX_COMBOS = 16;

/**
 * For the selective first pass: one phonetic key per query token, every token required. A token
 * that is a nickname may stand for its registered names instead, so each combination of
 * alternatives is one array the record must contain.
 */
export function queryKeyCombos(q: string): string[][] {
  let combos: string[][] = [[]];
  for (const t of nameTokens(q)) {
    const forms = new Set([
      `p:${spanishPhonetic(t)}`,
      ...(nicknameTargets(t) ?? []).map((n) => `p:${spanishPhonetic(n)}`),
    ]);
    const next: string[][] = [];
    for (const combo of combos) for (const form of forms) if (next.length < MAX_COMBOS) next.push([...combo, form]);
    combos = next;
  }
  return combos.filter((c) => c.length > 0).map((c) => [...new Set(c)]);
}

export interface BlindIndexes {
  name_bi: string[];
  name_trigram_bi: string[];
  document_bi: string[];
}

export async function recordBlindIndexes(
  keyring: Keyring,
  orgId: string,
  parts: NameParts,
  documentNumbers: readonly string[],
): Promise<BlindIndexes> {
  const keys = recordNameKeys(parts);
  const docs = [...new Set(documentNumbers.map(normaliseDocumentNumber).filter(Boolean))];
  return {
    name_bi: await keyring.blindIndex(orgId, NAME_CONTEXT, keys.name),
    name_trigram_bi: await keyring.blindIndex(orgId, TRIGRAM_CONTEXT, keys.trigram),
    document_bi: await keyring.blindIndex(orgId, DOCUMENT_CONTEXT, docs),
  };
}

export async function queryBlindIndexes(
  keyring: Keyring,
  orgId: string,
  q: string,
): Promise<BlindIndexes & { combos: string[][] }> {
  const keys = queryNameKeys(q);
  const combos: string[][] = [];
  for (const combo of queryKeyCombos(q)) combos.push(await keyring.blindIndex(orgId, NAME_CONTEXT, combo));
  return {
    combos,
    name_bi: await keyring.blindIndex(orgId, NAME_CONTEXT, keys.name),
    name_trigram_bi: await keyring.blindIndex(orgId, TRIGRAM_CONTEXT, keys.trigram),
    document_bi: await keyring.blindIndex(orgId, DOCUMENT_CONTEXT, queryDocumentKeys(q)),
  };
}

/** How alike two folded name tokens are, 0–1, with the engine's notions of "the same name". */
function tokenSimilarity(q: string, r: string): number {
  if (q === r) return 1;
  if (nicknameEquivalent(q, r) || canonicalGivenName(q) === canonicalGivenName(r)) return 0.95;
  const pq = spanishPhonetic(q);
  const pr = spanishPhonetic(r);
  if (pq === pr) return 0.9;
  const jw = Math.max(jaroWinkler(pq, pr), jaroWinkler(q, r));
  return jw >= 0.85 ? 0.8 * jw : 0;
}

export interface RankInput extends NameParts {
  /** A document number matched the query exactly (blind index hit). */
  documentHit?: boolean;
}

/**
 * Score of a record for a query, 0–1: mostly how well each query token is found among the
 * record's names and aliases (order free, a missing surname costs nothing extra), and a little
 * how much of the record's own name the query covers, so "María Hernández" ranks the record
 * "María Hernández" above "María José Hernández Núñez".
 */
export function nameScore(q: string, record: RankInput): number {
  if (record.documentHit) return 1;
  const query = nameTokens(q);
  if (query.length === 0) return 0;
  const names = [...nameTokens(record.givenNames), ...nameTokens(record.surnames)];
  const aliases = (record.aliases ?? []).flatMap((a) => nameTokens(a));
  const all = [...names, ...aliases];
  if (all.length === 0) return 0;
  let found = 0;
  for (const t of query) {
    let best = 0;
    for (const r of all) best = Math.max(best, tokenSimilarity(t, r));
    found += best;
  }
  let covered = 0;
  for (const r of names) if (query.some((t) => tokenSimilarity(t, r) >= 0.7)) covered++;
  const coverage = names.length ? covered / names.length : 0;
  return Math.round((0.85 * (found / query.length) + 0.15 * coverage) * 1000) / 1000;
}

/** Below this a candidate shares only a syllable or two with the query: not shown. */
export const MIN_SEARCH_SCORE = 0.45;
