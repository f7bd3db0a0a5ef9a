// How two physical descriptions compare, field by field, for the ante-mortem / post-mortem side by
// side: heights within a margin (a family's estimate and a measured stature both err), and free
// texts by the words they share (accents and case aside, short words ignored). Guidance for the
// reviewer, marked as such on screen; the matching engine decides nothing from it.
// Type-only, with its extension, so the unit test (run by Node, outside the web build) can load this file.
import type { ComparedRecord } from '../../../../../../packages/core/src/missing/index.ts';

export type Physical = NonNullable<ComparedRecord['physical']>;
export type AmPmRow = 'height' | 'build' | 'hair' | 'eyes' | 'skin' | 'scars' | 'tattoos' | 'dentalNotes' | 'other';
export const amPmRows: readonly AmPmRow[] = [
  'height',
  'build',
  'hair',
  'eyes',
  'skin',
  'scars',
  'tattoos',
  'dentalNotes',
  'other',
];

/** A family's "about 1.70" against a measured stature: wider than a tape measure's error. */
export const HEIGHT_MARGIN_CM = 8;

export type Verdict =
  { kind: 'height'; agrees: boolean; diff: number } | { kind: 'words'; agrees: boolean; words: string[] } | null;

const height = (p: Physical | undefined) => p?.heightCm ?? p?.statureCm;

export function valueOf(p: Physical | undefined, row: AmPmRow): string | number | undefined {
  if (!p) return undefined;
  return row === 'height' ? height(p) : p[row];
}

const wordsOf = (text: string) =>
  new Set(
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4),
  );

export function verdictOf(am: Physical | undefined, pm: Physical | undefined, row: AmPmRow): Verdict {
  const a = valueOf(am, row);
  const b = valueOf(pm, row);
  if (a === undefined || b === undefined || a === '' || b === '') return null;
  if (row === 'height') {
    const diff = Math.abs(Number(a) - Number(b));
    return { kind: 'height', agrees: diff <= HEIGHT_MARGIN_CM, diff };
  }
  const theirs = wordsOf(String(b));
  const shared = [...wordsOf(String(a))].filter((w) => theirs.has(w));
  return { kind: 'words', agrees: shared.length > 0, words: shared };
}
