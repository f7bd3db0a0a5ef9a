// Search by name, alias or document number: blind-index candidates from SQL (at most
// CANDIDATES, ranked by keys shared), decrypted and re-ranked in memory, then paginated.
// The trigram pass (typing slips beyond what phonetic keys absorb) runs only when the
// token/phonetic pass found no strong match, because common trigrams hit many rows.
import type { PersonSummary } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { decryptPersonColumns } from './person-crypto.ts';
import { MIN_SEARCH_SCORE, nameScore, queryBlindIndexes } from './person-search.ts';
import {
  searchAllTokens,
  searchCandidates,
  type CandidateRow,
  type ListFilters,
  type ListScope,
} from './people.queries.ts';
import { toSummary } from './person-mapping.ts';
import { decodeCursor, encodeCursor } from './people-cursor.ts';

export const CANDIDATES = 200;
// A match holding every word typed (phonetically) and scoring this high ends the search: records
// missing one of the words rank below it as a rule, and fetching them cost most of a search.
const STRONG = 0.85;

export async function searchPeople(
  deps: { db: Database; keyring: Keyring },
  scope: ListScope,
  filters: ListFilters,
  text: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const offset = cursor
    ? decodeCursor<{ o: number }>(cursor, (c) => Number.isInteger(c.o) && (c.o as number) >= 0).o
    : 0;
  const keys = await queryBlindIndexes(deps.keyring, scope.orgId, text);
  if (keys.name_bi.length === 0 && keys.document_bi.length === 0) return { items: [], nextCursor: null };

  const scored = new Map<string, PersonSummary>();
  const best = () => Math.max(0, ...[...scored.values()].map((s) => s.score ?? 0));
  const rank = async (rows: CandidateRow[]) => {
    for (const row of rows) {
      if (scored.has(row.id)) continue;
      const names = await decryptPersonColumns(deps.keyring, row.org_id, row, ['given_names', 'surnames', 'aliases']);
      const score = nameScore(text, { ...names, documentHit: row.document_hit });
      if (score >= MIN_SEARCH_SCORE) scored.set(row.id, toSummary(row, names, score));
    }
  };
  // Pass 1: every query token present (phonetically) — fast and enough for most searches.
  await rank(await searchAllTokens(deps.db, scope, filters, keys.combos, keys.document_bi, CANDIDATES));
  // Pass 2, only when pass 1 found nothing strong (a token missing from the record, a typing
  // slip): any shared token, then shared trigrams, ranked by keys in common.
  if (best() < STRONG)
    await rank(await searchCandidates(deps.db, scope, filters, 'name_bi', keys.name_bi, keys.document_bi, CANDIDATES));
  if (best() < STRONG && keys.name_trigram_bi.length > 0) {
    await rank(
      await searchCandidates(
        deps.db,
        scope,
        filters,
        'name_trigram_bi',
        keys.name_trigram_bi,
        keys.document_bi,
        CANDIDATES,
      ),
    );
  }
  const ranked = [...scored.values()].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id.localeCompare(b.id));
  const items = ranked.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < ranked.length ? encodeCursor({ o: offset + limit }) : null };
}
