// The network's published statistics releases on the portal (decision 0127): only frozen
// releases, listed from GET /api/public/releases, each with its PDF bulletin (Spanish or English,
// the closest to the reader's language), its data (HXL CSV) and its deaths and disappearances in
// the Missing Migrants Project's columns. Nothing is shown when the server
// cannot be reached (offline) or nothing is published.
import { h } from './dom';
import type { Context } from './context';

interface ReleaseSummary {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  publishedAt: string;
}

export function renderReleases(main: HTMLElement, ctx: Context): void {
  const { t, lang } = ctx;
  const fileLang = lang === 'es' ? 'es' : 'en';
  // A period in words in the reader's language ("octubre de 2026"), the code if Intl lacks it.
  const month = (m: string): string => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    try {
      return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, mo - 1, 1)),
      );
    } catch {
      return m;
    }
  };
  void fetch('/api/public/releases', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ items: ReleaseSummary[] }>) : null))
    .then((body) => {
      if (!body?.items.length || !main.isConnected) return;
      const download = (r: ReleaseSummary, format: 'pdf' | 'csv' | 'mmp', label: string) =>
        h(
          'a',
          {
            className: 'button',
            href: `/api/public/releases/${encodeURIComponent(r.id)}/download?format=${format}&lang=${fileLang}`,
          },
          label,
        );
      main.append(
        h('h2', {}, t.releasesTitle),
        h('p', {}, t.releasesIntro),
        h(
          'ul',
          { className: 'cards' },
          body.items.map((r) =>
            h(
              'li',
              { className: 'card' },
              h('h3', {}, r.title),
              h(
                'p',
                {},
                r.periodFrom === r.periodTo ? month(r.periodFrom) : `${month(r.periodFrom)} – ${month(r.periodTo)}`,
              ),
              h(
                'p',
                {},
                download(r, 'pdf', 'PDF'),
                ' ',
                download(r, 'csv', 'CSV (HXL)'),
                ' ',
                // A dataset's own name (IOM's Missing Migrants Project), not translated.
                download(r, 'mmp', 'Missing Migrants (IOM) CSV'),
              ),
            ),
          ),
        ),
      );
    })
    .catch(() => undefined);
}
