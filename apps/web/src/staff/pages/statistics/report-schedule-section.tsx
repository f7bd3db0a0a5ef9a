// Monthly statistics reports (issue 10, item 6; decision 0122): the organisation's schedule
// (administrators create, pause, resume or delete it) and the stored reports, which anyone who may
// export statistics can download. The PDFs hold exact internal counts: they never leave the
// organisation through this screen (downloads are audited by the server).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { apiRequest } from '../../api/client';
import { errorMessage } from '../../api/error-message';

interface Schedule {
  enabled: boolean;
  lang: 'es' | 'en';
  email: boolean;
}

interface StoredReport {
  id: string;
  from: string;
  to: string;
  lang: string;
  sizeBytes: number;
  createdAt: string;
}

type Loaded = { schedule: Schedule | null; files: StoredReport[] };

export function ReportScheduleSection({ canManage, lang }: { canManage: boolean; lang: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Schedule>({ enabled: true, lang: lang === 'en' ? 'en' : 'es', email: false });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [schedule, files] = await Promise.all([
        apiRequest<Schedule | null>('GET', '/api/reports/schedule'),
        apiRequest<StoredReport[]>('GET', '/api/reports/files'),
      ]);
      setData({ schedule: schedule ?? null, files });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = (schedule: Schedule) => act(() => apiRequest('PUT', '/api/reports/schedule', { body: schedule }));
  const schedule = data?.schedule ?? null;

  return (
    <section aria-labelledby="reports-title" className="statistics-reports">
      <h2 id="reports-title">{t('statistics.reports.title')}</h2>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <h3>{t('statistics.reports.schedule')}</h3>
      <p role="status">
        {data === null
          ? t('app.loading')
          : schedule === null
            ? t('statistics.reports.none')
            : t(schedule.enabled ? 'statistics.reports.active' : 'statistics.reports.paused', {
                language: t(`statistics.reports.languages.${schedule.lang}`),
                email: schedule.email ? t('statistics.reports.withEmail') : t('statistics.reports.withoutEmail'),
              })}
      </p>
      {canManage && data !== null ? (
        schedule === null ? (
          <form
            className="statistics-reports__form"
            onSubmit={(e) => {
              e.preventDefault();
              void save(draft);
            }}
          >
            <label htmlFor="report-lang">{t('statistics.reports.language')}</label>
            <select
              id="report-lang"
              value={draft.lang}
              onChange={(e) => setDraft({ ...draft, lang: e.target.value as Schedule['lang'] })}
            >
              <option value="es">{t('statistics.reports.languages.es')}</option>
              <option value="en">{t('statistics.reports.languages.en')}</option>
            </select>
            <label>
              <input
                type="checkbox"
                checked={draft.email}
                onChange={(e) => setDraft({ ...draft, email: e.target.checked })}
              />{' '}
              {t('statistics.reports.email')}
            </label>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('statistics.reports.create')}
            </button>
          </form>
        ) : (
          <p className="statistics-reports__actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void save({ ...schedule, enabled: !schedule.enabled })}
            >
              {schedule.enabled ? t('statistics.reports.pause') : t('statistics.reports.resume')}
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void act(() => apiRequest('DELETE', '/api/reports/schedule'))}
            >
              {t('statistics.reports.delete')}
            </button>
          </p>
        )
      ) : null}
      <h3>{t('statistics.reports.stored')}</h3>
      {data !== null && data.files.length === 0 ? <p>{t('statistics.reports.noFiles')}</p> : null}
      {data !== null && data.files.length > 0 ? (
        <table className="statistics-reports__files">
          <caption className="visually-hidden">{t('statistics.reports.stored')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.reports.period')}</th>
              <th scope="col">{t('statistics.reports.language')}</th>
              <th scope="col">{t('statistics.reports.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('statistics.reports.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.files.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.from === f.to ? f.from : `${f.from} – ${f.to}`}</th>
                <td>{f.lang === 'en' || f.lang === 'es' ? t(`statistics.reports.languages.${f.lang}`) : f.lang}</td>
                <td>{new Date(f.createdAt).toLocaleString(lang)}</td>
                <td>
                  <a className="button" href={`/api/reports/files/${encodeURIComponent(f.id)}`} download>
                    {t('statistics.reports.downloadPeriod', { period: f.from })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
