// The network's published releases, newest first, each with its downloads: the PDF bulletin in the
// screen's language, its tables as HXL CSV (cells, and totals in a file of their own), XLSX,
// JSON, and deaths and disappearances in the columns of IOM's Missing Migrants Project. A list
// of cards rather than a table, so it reads at 360 px without scrolling sideways.
import { useTranslation } from 'react-i18next';
import { dateWords, periodWords, type ReleaseSummary } from './release-types';

const FORMATS = [
  ['pdf', 'format=pdf'],
  ['csv', 'format=csv'],
  ['totals', 'format=csv&part=totals'],
  ['xlsx', 'format=xlsx'],
  ['json', 'format=json'],
  ['mmp', 'format=mmp'],
] as const;

export function ReleaseList({ items, lang }: { items: ReleaseSummary[]; lang: string }) {
  const { t } = useTranslation();
  const locale = lang === 'en' ? 'en' : 'es';
  return (
    <ul className="statistics-releases__list" aria-label={t('statistics.releases.list')}>
      {items.map((r) => (
        <li key={r.id} className="statistics-releases__item">
          <h3 className="statistics-releases__name">{r.title}</h3>
          <p className="muted">
            {periodWords(r.periodFrom, r.periodTo, lang)} ·{' '}
            {t('statistics.releases.publishedOn', { date: dateWords(r.publishedAt, lang) })}
          </p>
          <div
            className="statistics-exports"
            role="group"
            aria-label={t('statistics.releases.download', { title: r.title })}
          >
            {FORMATS.map(([format, query]) => (
              <a
                key={format}
                className="button button--small"
                href={`/api/public/releases/${encodeURIComponent(r.id)}/download?${query}&lang=${locale}`}
                download
              >
                {t(`statistics.formats.${format}`)}
              </a>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
