// The release as it would be published (suppression applied, nothing stored): per table its total,
// how many cells are hidden, and each breakdown with its hidden figures written "oculto" (in words
// and in italics, never by colour alone); then the step to publish, which asks first.
import { useTranslation } from 'react-i18next';
import { periodWords, type ReleaseDocument } from './release-types';

interface ReleasePreviewProps {
  release: ReleaseDocument;
  lang: string;
  busy: boolean;
  onPublish: () => void;
}

export function ReleasePreview({ release, lang, busy, onPublish }: ReleasePreviewProps) {
  const { t } = useTranslation();
  const locale = lang === 'en' ? 'en' : 'es';
  return (
    <section aria-labelledby="release-preview-title" className="statistics-releases__preview">
      <h3 id="release-preview-title">{t('statistics.releases.previewOf', { title: release.title })}</h3>
      <p>
        {t('statistics.releases.periodOf', { period: periodWords(release.periodFrom, release.periodTo, lang) })}{' '}
        {t('statistics.releases.organisationsCount', { count: release.organisations.length })}
      </p>
      <p className="muted">{release.method[locale]}</p>
      <p className="muted">{t('statistics.releases.hiddenExplain', { threshold: release.threshold })}</p>
      {release.tables.map((table) => {
        const inner = table.cells.filter((c) => c.keys.every((k) => k !== null));
        const hidden = inner.filter((c) => c.count === null).length;
        const grand = table.cells.find((c) => c.keys.every((k) => k === null))?.count ?? null;
        return (
          <div key={table.indicator} className="statistics-releases__table">
            <h4>{table.title[locale]}</h4>
            <p>
              {grand === null
                ? t('statistics.totalHidden')
                : t('statistics.total', { count: grand, unit: table.unit[locale] })}{' '}
              {t('statistics.releases.hiddenCells', { hidden, cells: inner.length })}
            </p>
            <div className="statistics-releases__margins">
              {table.dimensions.map((dim, d) => (
                <table key={dim.id} className="statistics-releases__margin">
                  <caption>{dim.title[locale]}</caption>
                  <tbody>
                    {dim.categories.map((c) => {
                      const cell = table.cells.find((x) =>
                        x.keys.every((k, i) => (i === d ? k === c.key : k === null)),
                      );
                      const count = cell?.count ?? null;
                      return (
                        <tr key={c.key}>
                          <th scope="row">{c.label[locale]}</th>
                          <td className={count === null ? 'statistics-hidden' : undefined}>
                            {count ?? t('statistics.releases.hidden')}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ))}
            </div>
          </div>
        );
      })}
      <button type="button" className="button button--primary" disabled={busy} onClick={onPublish}>
        {t('statistics.releases.publish')}
      </button>
    </section>
  );
}
