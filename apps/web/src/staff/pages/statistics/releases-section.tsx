// Network statistics releases (decision 0127): the published releases with their downloads (for
// every statistics reader), and for those allowed to publish the form to prepare one - title,
// closed period, tables, organisations taking part - its preview with suppression applied, and
// the publish step. Published releases are frozen: the list never changes an existing one.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { ApiError, apiRequest } from '../../api/client';
import { errorMessage, fieldMessage } from '../../api/error-message';
import { PublishReleaseDialog } from './publish-release-dialog';
import { ReleaseList } from './release-list';
import { ReleasePreview } from './release-preview';
import {
  periodWords,
  type ReleaseCatalogue as Catalogue,
  type ReleaseDocument,
  type ReleaseDraft as Draft,
  type ReleaseSummary,
} from './release-types';

const FIELDS = ['title', 'periodFrom', 'periodTo', 'tables', 'orgIds'];
/** True when the server named one of the form's fields (its messages then go at the fields). */
const atFields = (error: unknown): boolean =>
  error instanceof ApiError && error.problems.some((p) => p.field && FIELDS.includes(p.field));

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="statistics-field-error">
      {message}
    </p>
  ) : null;
}

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
  const [confirming, setConfirming] = useState(false);

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
  // Each server error naming a field is shown at that field; a changed draft needs a new preview.
  const errorAt = (field: string): string | null => fieldMessage(error, t, field);
  const invalid = (field: string) =>
    errorAt(field) ? { 'aria-invalid': true, 'aria-describedby': `release-${field}-error` } : {};
  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview(null);
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
  // Errors of the publication itself are shown in the dialog, which stays open to retry.
  const onConfirmPublish = async () => {
    const release = await apiRequest<ReleaseSummary>('POST', '/api/stats/releases', { body: draft });
    setConfirming(false);
    setPreview(null);
    setPublished(release.title);
    await load();
  };

  return (
    <section aria-labelledby="releases-title" className="statistics-releases">
      <h2 id="releases-title">{t('statistics.releases.title')}</h2>
      <p className="muted">{t('statistics.releases.intro', { days: data?.embargoDays ?? 15 })}</p>
      {error && !atFields(error) ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {published ? <Alert tone="success">{t('statistics.releases.published', { title: published })}</Alert> : null}
      {data === null ? <p role="status">{t('app.loading')}</p> : null}
      {data !== null && data.items.length === 0 ? <p>{t('statistics.releases.none')}</p> : null}
      {data !== null && data.items.length > 0 ? <ReleaseList items={data.items} lang={lang} /> : null}
      {data?.canPublish ? (
        <form
          className="statistics-releases__form"
          onSubmit={onPreview}
          aria-labelledby="release-form-title"
          noValidate
        >
          <h3 id="release-form-title">{t('statistics.releases.prepare')}</h3>
          <label htmlFor="release-title">{t('statistics.releases.releaseTitle')}</label>
          <input
            id="release-title"
            required
            maxLength={200}
            value={draft.title}
            {...invalid('title')}
            onChange={(e) => edit({ title: e.target.value })}
          />
          <FieldError id="release-title-error" message={errorAt('title')} />
          <div className="statistics-releases__period">
            <div>
              <label htmlFor="release-from">{t('statistics.releases.from')}</label>
              <input
                id="release-from"
                type="month"
                required
                value={draft.periodFrom}
                {...invalid('periodFrom')}
                onChange={(e) => edit({ periodFrom: e.target.value })}
              />
              <FieldError id="release-periodFrom-error" message={errorAt('periodFrom')} />
            </div>
            <div>
              <label htmlFor="release-to">{t('statistics.releases.to')}</label>
              <input
                id="release-to"
                type="month"
                required
                value={draft.periodTo}
                {...invalid('periodTo')}
                onChange={(e) => edit({ periodTo: e.target.value })}
              />
              <FieldError id="release-periodTo-error" message={errorAt('periodTo')} />
            </div>
          </div>
          <fieldset {...invalid('tables')}>
            <legend>{t('statistics.releases.tables')}</legend>
            {data.indicators.map((id) => (
              <label key={id} className="statistics-releases__choice">
                <input
                  type="checkbox"
                  checked={draft.tables.includes(id)}
                  onChange={(e) => edit({ tables: toggle(draft.tables, id, e.target.checked) })}
                />{' '}
                {t(INDICATOR_KEYS[id] ?? 'statistics.releases.tables')}
              </label>
            ))}
            <FieldError id="release-tables-error" message={errorAt('tables')} />
          </fieldset>
          <fieldset {...invalid('orgIds')}>
            <legend>{t('statistics.releases.organisations')}</legend>
            {data.organisations.map((o) => (
              <label key={o.id} className="statistics-releases__choice">
                <input
                  type="checkbox"
                  checked={draft.orgIds.includes(o.id)}
                  onChange={(e) => edit({ orgIds: toggle(draft.orgIds, o.id, e.target.checked) })}
                />{' '}
                {o.name}
              </label>
            ))}
            <FieldError id="release-orgIds-error" message={errorAt('orgIds')} />
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t('statistics.releases.preview')}
          </button>
        </form>
      ) : null}
      {preview ? (
        <ReleasePreview release={preview} lang={lang} busy={busy} onPublish={() => setConfirming(true)} />
      ) : null}
      {preview && confirming ? (
        <PublishReleaseDialog
          title={preview.title}
          period={periodWords(preview.periodFrom, preview.periodTo, lang)}
          onConfirm={onConfirmPublish}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
