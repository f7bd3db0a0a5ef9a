// One reception: the facts recorded at arrival, the reintegration needs assessment, the plan of
// referrals that comes from it, and the follow-ups at 30, 90 and 180 days.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
// The list rows (plan, follow-ups) share the cases module's list styles.
import '../cases/cases.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, useLocation } from '../../router/router';
import { countryName, formatPlainDate } from '../people/reference-data';
import { AssessmentSection } from './assessment-section';
import { PlanSection } from './plan-section';
import { FollowUpsSection } from './follow-ups-section';
import { PersonReferralsSection } from './person-referrals-section';
import { reintegrationApi } from './reintegration-api';
import type { Reception } from './reintegration-api';

export function ReceptionPage({ receptionId }: { receptionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [reception, setReception] = useState<Reception | null>(null);
  const [error, setError] = useState<unknown>(null);
  const familyFailed = useLocation().search.get('family') === 'failed';

  useEffect(() => {
    reintegrationApi.reception(receptionId).then(setReception, setError);
  }, [receptionId]);

  const reload = () => void reintegrationApi.reception(receptionId).then(setReception, setError);

  if (error && !reception) return <Alert tone="error">{errorMessage(error, t)}</Alert>;
  if (!reception) return <p role="status">{t('app.loading')}</p>;
  const name = `${reception.givenNames} ${reception.surnames}`.trim();
  const facts: [string, string | null][] = [
    [t('reintegration.receivedOn'), formatPlainDate(reception.receivedOn, language)],
    [t('reintegration.arrivalMode'), t(`reintegration.mode.${reception.arrivalMode}`)],
    [t('reintegration.portOfEntry'), reception.portOfEntry],
    [t('reintegration.returnedFrom'), countryName(reception.returnedFrom, language)],
    [t('reintegration.authority'), t(`reintegration.authorities.${reception.returningAuthority}`)],
    [t('returns.stayingPlace'), reception.stayingPlace],
    [t('reintegration.familyLeftBehind'), reception.familyLeftBehind],
    [t('reintegration.belongingsRetained'), reception.belongingsRetained],
    [t('reintegration.documentsRetained'), reception.documentsRetained],
    [t('reintegration.notes'), reception.notes],
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reintegration">{t('reintegration.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('reintegration.receptionOf', { name })}</PageTitle>
      <p>
        <Link to={`/people/${reception.personId}`}>{t('reintegration.personRecord')}</Link>
      </p>
      {familyFailed ? (
        <Alert tone="warning">
          {t('returns.familyFailed')} <Link to="/reintegration/families">{t('returns.openFamilies')}</Link>
        </Alert>
      ) : null}
      <section aria-labelledby="reception-facts">
        <h2 id="reception-facts">{t('reintegration.reception')}</h2>
        <dl className="record-facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </section>
      <AssessmentSection reception={reception} onSaved={setReception} />
      {reception.assessment ? <PlanSection reception={reception} onSent={setReception} onChanged={reload} /> : null}
      {/* Referrals to any directory service outside the plan, even before an assessment (issue 16). */}
      <PersonReferralsSection personId={reception.personId} outsidePlanOnly />
      <FollowUpsSection reception={reception} onRecorded={reload} />
    </>
  );
}
