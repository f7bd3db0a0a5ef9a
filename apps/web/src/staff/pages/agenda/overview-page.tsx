// "Organisation overview" (coordinators, admins): the organisation's open deadlines by lawyer and
// by procedure type, and every overdue step with whose it is and who carries it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { apiRequest } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import type { ProcedureOverview } from '../../../../../../packages/core/src/procedures/procedure.schemas.ts';
import { formatPlainDate, localized } from '../people/reference-data';
import './overview-page.css';

type Load =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; overview: ProcedureOverview };
const columns = ['open', 'overdue', 'dueThisWeek', 'atRisk'] as const;

export const overviewPath = '/procedures/overview';

export function OverviewPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const language = currentLanguage();

  useEffect(() => {
    apiRequest<ProcedureOverview>('GET', '/api/procedures/overview').then(
      (overview) => setLoad({ status: 'ready', overview }),
      (error: unknown) => setLoad({ status: 'failed', error }),
    );
  }, []);

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('overview.title')}</PageTitle>
      <p>
        <Link to="/procedures">{t('overview.backToAgenda')}</Link>
      </p>
      {load.status === 'loading' ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {load.status === 'failed' ? <Alert tone="error">{errorMessage(load.error, t)}</Alert> : null}
      {load.status === 'ready' ? (
        <>
          <p>{t('agenda.today', { date: formatPlainDate(load.overview.today, language, 'full') })}</p>
          <ul className="overview-totals" aria-label={t('overview.totals')}>
            {columns.map((c) => (
              <li key={c} className={`overview-totals__item overview-totals__item--${c}`}>
                <span className="overview-totals__number">{load.overview.totals[c]}</span> {t(`overview.columns.${c}`)}
              </li>
            ))}
          </ul>
          <CountsTable
            caption={t('overview.byLawyer')}
            firstHeader={t('overview.lawyer')}
            rows={load.overview.byLawyer.map((l) => ({
              key: l.accountId ?? 'none',
              label: l.name ?? t('overview.unassigned'),
              counts: l,
            }))}
          />
          <CountsTable
            caption={t('overview.byType')}
            firstHeader={t('overview.type')}
            rows={load.overview.byType.map((r) => ({ key: r.type, label: localized(r.title, language), counts: r }))}
          />
          <section aria-labelledby="overview-overdue">
            <h2 id="overview-overdue">
              {t('overview.overdue')} <span className="agenda-section__count">({load.overview.overdue.length})</span>
            </h2>
            {load.overview.overdue.length === 0 ? (
              <p className="muted">{t('agenda.empty')}</p>
            ) : (
              <ul className="agenda-list">
                {load.overview.overdue.map((item) => (
                  <li key={`${item.procedureId}-${item.stepKey}`} className="agenda-item agenda-item--overdue">
                    <p className="agenda-item__date">
                      <strong>{t('overview.dueWas', { date: formatPlainDate(item.dueDate, language, 'full') })}</strong>
                    </p>
                    <p className="agenda-item__what">
                      {localized(item.stepTitle, language)} — {localized(item.procedureTitle, language)}
                    </p>
                    <p>{t('overview.carriedBy', { name: item.ownerName ?? t('overview.unassigned') })}</p>
                    <p>
                      <Link to={`/people/${item.personId}?tab=procedures`}>
                        {item.personName
                          ? t('agenda.openFileOf', { name: item.personName })
                          : t('agenda.openFile', { step: localized(item.stepTitle, language) })}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

interface CountsRow {
  key: string;
  label: string;
  counts: Record<(typeof columns)[number], number>;
}

function CountsTable({ caption, firstHeader, rows }: { caption: string; firstHeader: string; rows: CountsRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="overview-table-wrap">
      <table className="overview-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`overview.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map((c) => (
                <td key={c} className={c === 'overdue' && r.counts[c] > 0 ? 'overview-table__alert' : undefined}>
                  {r.counts[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
