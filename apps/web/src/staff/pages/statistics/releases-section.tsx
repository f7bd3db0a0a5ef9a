// Network statistics releases (decision 0127): the published releases with their downloads (for
// every statistics reader), and for those allowed to publish the form to prepare one - title,
// closed period, tables, organisations taking part - its preview with suppression applied, and
// the publish step. Published releases are frozen: the list never changes an existing one.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { apiRequest } from '../../api/client';
import { errorMessage } from '../../api/error-message';

interface ReleaseSummary {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  publishedAt: string;
}

interface Catalogue {
  items: ReleaseSummary[];
  indicators: string[];
  organisations: { id: string; name: string }[];
  embargoDays: number;
  canPublish: boolean;
}

type Text = { es: string; en: string };
interface ReleaseDocument {
  title: string;
  periodFrom: string;
  periodTo: string;
  method: Text;
  tables: {
    indicator: string;
    title: Text;
    unit: Text;
    dimensions: { id: string; title: Text; categories: { key: string; label: Text }[] }[];
    cells: { keys: (string | null)[]; count: number | null }[];
  }[];
}

interface Draft {
  title: string;
  periodFrom: string;
  periodTo: string;
  tables: string[];
  orgIds: string[];
}

const FORMATS = ['csv', 'json', 'xlsx', 'pdf'] as const;
const INDICATOR_KEYS: Record<
  string,
  | 'statistics.releases.indicators.incidents_acts'
  | 'statistics.releases.indicators.people_registered'
  | 'statistics.releases.indicators.procedures_deadlines'
> = {
  'incidents.acts': 'statistics.releases.indicators.incidents_acts',
  'people.registered': 'statistics.releases.indicators.people_registered',
  'procedures.deadlines': 'statistics.releases.indicators.procedures_deadlines',
};

function monthBefore(months: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 7);
}

export function ReleasesSection({ lang }: { lang: string }) {
  const { t } = useTranslation();
  const locale = lang === 'en' ? 'en' : 'es';
  const [data, setData] = useState<Catalogue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft>({
    title: '',
    periodFrom: monthBefore(2),
    periodTo: monthBefore(2),
    tables: ['incidents.acts'],
    orgIds: [],
  });
  const [preview, setPreview] = useState<ReleaseDocument | null>(null);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const catalogue = await apiRequest<Catalogue>('GET', '/api/stats/releases');
      setData(catalogue);
      setDraft((d) => (d.orgIds.length ? d : { ...d, orgIds: catalogue.organisations.map((o) => o.id) }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setPublished(null);
      setPreview(await apiRequest<ReleaseDocument>('POST', '/api/stats/releases/preview', { body: draft }));
    });
  };
  const onPublish = () =>
    void run(async () => {
      const release = await apiRequest<ReleaseSummary>('POST', '/api/stats/releases', { body: draft });
      setPreview(null);
      setPublished(release.title);
      await load();
    });

  return (
    <section aria-labelledby="releases-title" className="statistics-releases">
      <h2 id="releases-title">{t('statistics.releases.title')}</h2>
      <p className="muted">{t('statistics.releases.intro', { days: data?.embargoDays ?? 15 })}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {published ? <Alert tone="success">{t('statistics.releases.published', { title: published })}</Alert> : null}
      {data === null ? <p role="status">{t('app.loading')}</p> : null}
      {data !== null && data.items.length === 0 ? <p>{t('statistics.releases.none')}</p> : null}
      {data !== null && data.items.length > 0 ? (
        <table className="statistics-releases__list">
          <caption className="visually-hidden">{t('statistics.releases.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.releases.releaseTitle')}</th>
              <th scope="col">{t('statistics.releases.period')}</th>
              <th scope="col">{t('statistics.releases.publishedAt')}</th>
              <th scope="col">{t('statistics.releases.downloads')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                <td>{r.periodFrom === r.periodTo ? r.periodFrom : `${r.periodFrom} – ${r.periodTo}`}</td>
                <td>{new Date(r.publishedAt).toLocaleDateString(lang)}</td>
                <td className="statistics-exports">
                  {FORMATS.map((f) => (
                    <a
                      key={f}
                      className="button"
                      href={`/api/public/releases/${encodeURIComponent(r.id)}/download?format=${f}&lang=${locale}`}
                      download
                      aria-label={`${t(`statistics.formats.${f}`)}: ${r.title}`}
                    >
                      {t(`statistics.formats.${f}`)}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data?.canPublish ? (
        <form className="statistics-releases__form" onSubmit={onPreview} aria-labelledby="release-form-title">
          <h3 id="release-form-title">{t('statistics.releases.prepare')}</h3>
          <label htmlFor="release-title">{t('statistics.releases.releaseTitle')}</label>
          <input
            id="release-title"
            required
            maxLength={200}
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
          <label htmlFor="release-from">{t('statistics.releases.from')}</label>
          <input
            id="release-from"
            type="month"
            required
            value={draft.periodFrom}
            onChange={(e) => setDraft({ ...draft, periodFrom: e.target.value })}
          />
          <label htmlFor="release-to">{t('statistics.releases.to')}</label>
          <input
            id="release-to"
            type="month"
            required
            value={draft.periodTo}
            onChange={(e) => setDraft({ ...draft, periodTo: e.target.value })}
          />
          <fieldset>
            <legend>{t('statistics.releases.tables')}</legend>
            {data.indicators.map((id) => (
              <label key={id}>
                <input
                  type="checkbox"
                  checked={draft.tables.includes(id)}
                  onChange={(e) => setDraft({ ...draft, tables: toggle(draft.tables, id, e.target.checked) })}
                />{' '}
                {t(INDICATOR_KEYS[id] ?? 'statistics.releases.tables')}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('statistics.releases.organisations')}</legend>
            {data.organisations.map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  checked={draft.orgIds.includes(o.id)}
                  onChange={(e) => setDraft({ ...draft, orgIds: toggle(draft.orgIds, o.id, e.target.checked) })}
                />{' '}
                {o.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t('statistics.releases.preview')}
          </button>
        </form>
      ) : null}
      {preview ? <Preview release={preview} locale={locale} busy={busy} onPublish={onPublish} /> : null}
    </section>
  );
}

function Preview({
  release,
  locale,
  busy,
  onPublish,
}: {
  release: ReleaseDocument;
  locale: 'es' | 'en';
  busy: boolean;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="release-preview-title" className="statistics-releases__preview">
      <h3 id="release-preview-title">{t('statistics.releases.previewOf', { title: release.title })}</h3>
      <p className="muted">{release.method[locale]}</p>
      {release.tables.map((table) => {
        const inner = table.cells.filter((c) => c.keys.every((k) => k !== null));
        const hidden = inner.filter((c) => c.count === null).length;
        const grand = table.cells.find((c) => c.keys.every((k) => k === null))?.count ?? null;
        return (
          <div key={table.indicator}>
            <h4>{table.title[locale]}</h4>
            <p>
              {grand === null
                ? t('statistics.totalHidden')
                : t('statistics.total', { count: grand, unit: table.unit[locale] })}{' '}
              {t('statistics.releases.hiddenCells', { hidden, cells: inner.length })}
            </p>
            {table.dimensions.map((dim, d) => (
              <table key={dim.id} className="statistics-releases__margin">
                <caption>{dim.title[locale]}</caption>
                <tbody>
                  {dim.categories.map((c) => {
                    const cell = table.cells.find((x) => x.keys.every((k, i) => (i === d ? k === c.key : k === null)));
                    return (
                      <tr key={c.key}>
                        <th scope="row">{c.label[locale]}</th>
                        <td>{cell?.count ?? t('statistics.releases.hidden')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ))}
          </div>
        );
      })}
      <button type="button" className="button button--primary" disabled={busy} onClick={onPublish}>
        {t('statistics.releases.publish')}
      </button>
    </section>
  );
}
