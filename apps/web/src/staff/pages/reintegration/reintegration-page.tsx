// Return and reintegration, the worker's desk: follow-ups due at 30, 90 and 180 days (open,
// overdue or done) and the receptions recorded, with the ways to record a new one, the family
// files and the consular requests.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/capabilities';
import '../../../shared/styles/records.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { SelectField } from '../people/form-fields';
import { countryName, formatPlainDate } from '../people/reference-data';
import { reintegrationApi } from './reintegration-api';
import type { FollowUp, ReceptionSummary } from './reintegration-api';

type Status = 'open' | 'overdue' | 'done';

export function ReintegrationPage() {
  const { t } = useTranslation();
  const canReceive = useCan('reintegration.receive');
  const language = currentLanguage();
  const [status, setStatus] = useState<Status>('open');
  const [followUps, setFollowUps] = useState<FollowUp[] | null>(null);
  const [receptions, setReceptions] = useState<ReceptionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setFollowUps(null);
    reintegrationApi.followUps(status).then((r) => setFollowUps(r.items), setError);
  }, [status]);
  useEffect(() => {
    reintegrationApi.receptions().then((r) => setReceptions(r.items), setError);
  }, []);

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('reintegration.title')}</PageTitle>
      <p className="page-actions">
        {canReceive ? (
          <>
            <Link className="button button--primary" to="/reintegration/new">
              {t('reintegration.newReception')}
            </Link>{' '}
          </>
        ) : null}
        <Link className="button" to="/reintegration/families">
          {t('families.title')}
        </Link>{' '}
        <Link className="button" to="/reintegration/consular">
          {t('consular.title')}
        </Link>
      </p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}

      <section aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">{t('reintegration.followUps.title')}</h2>
        <SelectField
          id="follow-up-status"
          label={t('reintegration.followUps.show')}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status)}
        >
          {(['open', 'overdue', 'done'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`reintegration.followUps.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <div role="status" className="results-status">
          {followUps === null ? t('app.loading') : followUps.length === 0 ? t('reintegration.followUps.none') : null}
        </div>
        {followUps && followUps.length > 0 ? (
          <ul className="case-list">
            {followUps.map((f) => (
              <li key={f.id} className="case-list__item">
                <Link className="case-list__name" to={`/reintegration/${f.receptionId}`}>
                  {`${f.givenNames ?? ''} ${f.surnames ?? ''}`.trim()}
                </Link>
                <span className="case-list__facts">
                  {t('reintegration.followUps.milestone', { days: f.milestone })} ·{' '}
                  {f.doneOn
                    ? t('reintegration.followUps.doneOn', { date: formatPlainDate(f.doneOn, language) })
                    : t('reintegration.followUps.dueOn', { date: formatPlainDate(f.dueOn, language) })}
                  {f.outcome ? ` · ${t(`reintegration.outcome.${f.outcome}`)}` : ''}
                </span>
                {f.overdue ? <span className="case-overdue">{t('reintegration.followUps.overdue')}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="receptions-title">
        <h2 id="receptions-title">{t('reintegration.receptions')}</h2>
        {receptions === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : receptions.length === 0 ? (
          <p>{t('reintegration.noReceptions')}</p>
        ) : (
          <ul className="case-list">
            {receptions.map((r) => (
              <li key={r.id} className="case-list__item">
                <Link className="case-list__name" to={`/reintegration/${r.id}`}>
                  {`${r.givenNames} ${r.surnames}`.trim()}
                </Link>
                <span className="case-list__facts">
                  {[
                    formatPlainDate(r.receivedOn, language),
                    r.portOfEntry,
                    t('reintegration.from', { country: countryName(r.returnedFrom, language) }),
                    r.assessed
                      ? r.nextFollowUp
                        ? t('reintegration.followUps.next', { date: formatPlainDate(r.nextFollowUp, language) })
                        : null
                      : t('reintegration.notAssessed'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
