// The "Caso y plan" tab: the person's cases (status, caseworker, open tasks), each one click from
// its page where the plan is kept; "Abrir caso" when none is open and the role may open one.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { useCapabilities } from '../../session/capabilities';
import { casesApi } from '../cases/cases-api';
import { OpenCaseButton } from '../cases/open-case-button';
import { formatInstant } from './reference-data';

export const personCasesKey = (personId: string) => ['person-cases', personId] as const;

/** The person's cases, for roles that may read cases (others see no case line at all). */
export function usePersonCases(personId: string) {
  const mayRead = useCapabilities()?.records.case?.read !== undefined;
  return useQuery({
    enabled: mayRead,
    queryKey: personCasesKey(personId),
    queryFn: async () => (await casesApi.list({ personId })).items,
  });
}

export function PersonCases({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cases = usePersonCases(personId);
  const items = cases.data ?? [];
  const hasOpen = items.some((c) => c.status !== 'closed');
  return (
    <section aria-labelledby="person-cases-title" className="card section-card">
      <h2 id="person-cases-title">{t('cases.personCases')}</h2>
      {cases.isFetching && cases.isPending ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {cases.isError ? <Alert tone="error">{errorMessage(cases.error, t)}</Alert> : null}
      {!cases.isSuccess && !cases.isFetching && !cases.isError ? (
        <p className="muted">{t('personTabs.casesNotYours')}</p>
      ) : null}
      {cases.isSuccess && items.length === 0 ? <p className="muted">{t('personTabs.noCases')}</p> : null}
      {items.length > 0 ? (
        <ul className="record-list">
          {items.map((c) => (
            <li key={c.id} className="record-list__item">
              <Link to={`/cases/${c.id}`}>
                {t('personTabs.caseOpenedOn', { date: formatInstant(c.openedAt, language) })}
              </Link>
              <span className="muted">
                {' · '}
                {t(`cases.status.${c.status}`)}
                {' · '}
                {c.assignedName ?? t('cases.page.none')}
                {' · '}
                {t('personTabs.openTasks', { count: c.openTasks })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {cases.isSuccess && !hasOpen ? <OpenCaseButton personId={personId} /> : null}
    </section>
  );
}
