// Shapes of the releases API (apps/server/src/stats/releases.routes.ts) the screen reads, and the
// words for a period ("octubre de 2026", "agosto – octubre de 2026").

export interface ReleaseSummary {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  publishedAt: string;
}

export interface ReleaseCatalogue {
  items: ReleaseSummary[];
  indicators: string[];
  organisations: { id: string; name: string }[];
  embargoDays: number;
  canPublish: boolean;
}

export type Text = { es: string; en: string };

export interface ReleaseDocument {
  id: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  threshold: number;
  organisations: { id: string; name: string }[];
  method: Text;
  tables: {
    indicator: string;
    title: Text;
    unit: Text;
    dimensions: { id: string; title: Text; categories: { key: string; label: Text }[] }[];
    cells: { keys: (string | null)[]; count: number | null }[];
  }[];
}

export interface ReleaseDraft {
  title: string;
  periodFrom: string;
  periodTo: string;
  tables: string[];
  orgIds: string[];
}

function monthWords(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** A release's period in words, in the screen's language. */
export function periodWords(from: string, to: string, lang: string): string {
  return from === to ? monthWords(from, lang) : `${monthWords(from, lang)} – ${monthWords(to, lang)}`;
}

/** A publication date in words ("20 de noviembre de 2026"). */
export function dateWords(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
}
