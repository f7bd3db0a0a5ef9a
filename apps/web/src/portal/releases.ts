// The network's published statistics releases on the portal (decision 0127): only frozen
// releases, listed from GET /api/public/releases, each with its PDF bulletin (Spanish or English,
// the closest to the reader's language) and its data (HXL CSV). Nothing is shown when the server
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
  void fetch('/api/public/releases', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ items: ReleaseSummary[] }>) : null))
    .then((body) => {
      if (!body?.items.length || !main.isConnected) return;
      const download = (r: ReleaseSummary, format: 'pdf' | 'csv', label: string) =>
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
              h('p', {}, r.periodFrom === r.periodTo ? r.periodFrom : `${r.periodFrom} – ${r.periodTo}`),
              h('p', {}, download(r, 'pdf', 'PDF'), ' ', download(r, 'csv', 'CSV (HXL)')),
            ),
          ),
        ),
      );
    })
    .catch(() => undefined);
}
