// The engine's explanation in plain words: "mismo apellido; nombre parecido: Kevin / Kebin; mismo
// año de nacimiento". The stored explanation holds levels and weights only (never a value), so the
// two values shown beside a "parecido" come from the records on screen, and only when the reader
// may see both. Weights order the reasons (strongest first) but are never shown.
import type { TFunction } from 'i18next';
import type { MatchCandidate } from './missing-api';

type Compared = NonNullable<MatchCandidate['candidate']>;
type Field = MatchCandidate['explanation']['fields'][number];

/** Fields with their own words per level; others fall back to the engine's field and level labels. */
const worded = new Set(['given_names', 'surnames', 'birth', 'sex', 'nationality']);

/** The values a reason quotes when the two differ (a "parecido" says which two). */
function valuesOf(field: string, r: MatchCandidate['report'] | Compared | null): string | undefined {
  if (!r) return undefined;
  if (field === 'given_names') return r.givenNames;
  if (field === 'surnames') return r.surnames;
  if (field === 'birth') return r.birthDate ?? (r.birthYear !== undefined ? String(r.birthYear) : undefined);
  return undefined;
}

/**
 * Levels that say "the same" (the same name, one surname the same, the same year) need no quote;
 * the others say which two values differ.
 */
const sameLevels: Record<string, readonly number[]> = { given_names: [1], surnames: [1, 2], birth: [1, 3, 4] };
const quotes = (f: Field) => !(sameLevels[f.field] ?? [1]).includes(f.level);

export function reasonOf(f: Field, candidate: MatchCandidate, t: TFunction): string {
  const key = `matchReview.reason.${f.field}.${f.level}`;
  const reason = worded.has(f.field)
    ? t(key as 'matchReview.reason.sex.1', { defaultValue: f.label })
    : t('matchReview.fallback', {
        field: t(`missing.explanation.field.${f.field}` as 'missing.explanation.field.sex', { defaultValue: f.field }),
        level: t(`missing.explanation.level.${f.field}.${f.level}` as 'missing.explanation.level.sex.1', {
          defaultValue: f.label,
        }),
      });
  const a = valuesOf(f.field, candidate.report);
  const b = valuesOf(f.field, candidate.candidate);
  return quotes(f) && a && b && a !== b ? t('matchReview.values', { reason, a, b }) : reason;
}

/** Agreeing and disagreeing reasons, each strongest first; fields without data say nothing. */
export function matchReasons(candidate: MatchCandidate, t: TFunction): { agree: string[]; disagree: string[] } {
  const known = candidate.explanation.fields.filter((f) => f.level !== 0);
  const agree = known.filter((f) => f.weight >= 0).sort((x, y) => y.weight - x.weight);
  const disagree = known.filter((f) => f.weight < 0).sort((x, y) => x.weight - y.weight);
  return {
    agree: agree.map((f) => reasonOf(f, candidate, t)),
    disagree: disagree.map((f) => reasonOf(f, candidate, t)),
  };
}
