// The intake plan the profile produces: screening questionnaires (required or optional), each
// opened from here to be filled in, alerts (and whether the child-protection focal point is
// told), best-interests steps, and the way to the case plan proposed from all of it.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { Link } from '../../router/router';
import type { IntakePlan } from './profile-api';
import '../screening/screening.css';

export function IntakePlanView({ plan, personId }: { plan: IntakePlan; personId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="intake-plan" aria-labelledby="intake-plan-title">
      <h3 id="intake-plan-title">{t('profile.plan.title')}</h3>
      <h4>{t('profile.plan.alerts')}</h4>
      {plan.alerts.length === 0 ? (
        <p className="muted">{t('profile.plan.noAlerts')}</p>
      ) : (
        <ul className="intake-plan__alerts">
          {plan.alerts.map((a) => (
            <li key={a.key} className={`intake-alert intake-alert--${a.severity}`}>
              <strong>{a.label[language]}</strong>
              {a.notifies ? ` · ${t('profile.plan.notifies')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('profile.plan.questionnaires')}</h4>
      <ul className="questionnaire-links">
        {plan.questionnaires.map((q) => (
          <li key={q.id}>
            {personId ? (
              <Link to={`/people/${personId}/screening/${q.id}`}>{q.title[language]}</Link>
            ) : (
              q.title[language]
            )}
            <span className={q.required ? 'badge badge--active' : 'badge'}>
              {q.required ? t('profile.plan.required') : t('profile.plan.offered')}
            </span>
          </li>
        ))}
      </ul>
      {plan.bestInterestsSteps.length > 0 ? (
        <>
          <h4>{t('profile.plan.steps')}</h4>
          <ol>
            {plan.bestInterestsSteps.map((s) => (
              <li key={s.key}>
                {s.label[language]}
                {s.legalBasis ? (
                  <span className="muted"> · {t('profile.plan.basis', { basis: s.legalBasis })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {personId ? (
        <p>
          <Link className="button button--quiet" to={`/people/${personId}/plan`}>
            {t('intake.plan.open')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
