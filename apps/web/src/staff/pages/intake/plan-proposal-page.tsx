// The case plan proposed from the person's screening flags and differentiated profile: each task
// with why it is proposed and its due date, soonest first. The caseworker leaves out or
// reschedules what she decides (a child's best-interests steps stay) and opens the case with it.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import '../screening/screening.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { InputField } from '../people/form-fields';
import { peopleApi } from '../people/people-api';
import { personName } from '../people/person-name';
import { formatPlainDate } from '../people/reference-data';
import { intakeApi, type PlanProposalTask } from './intake-api';

type Row = PlanProposalTask & { included: boolean };
type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; name: string };

export function PlanProposalPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const [person, proposal] = await Promise.all([peopleApi.get(personId), intakeApi.planProposal(personId)]);
        setRows(proposal.tasks.map((task) => ({ ...task, included: true })));
        setLoad({ status: 'ready', name: personName(person, t) });
      } catch (failure) {
        setLoad({ status: 'failed', error: failure });
      }
    })();
  }, [personId, t]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed')
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('intake.plan.title')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
      </>
    );

  const update = (key: string, change: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  // Shown in the order the work will be done, as the case will show it.
  const sorted = [...rows].sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  async function accept(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const opened = await intakeApi.openCase(
        personId,
        sorted.filter((r) => r.included).map((r) => ({ key: r.key, dueOn: r.dueOn })),
      );
      navigate(`/cases/${opened.id}`);
    } catch (failure) {
      setError(errorMessage(failure, t));
      focusWhenPresent(() => document.getElementById('plan-error'));
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/people/${personId}`}>{t('screening.backToPerson', { name: load.name })}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('intake.plan.titleFor', { name: load.name })}</PageTitle>
      <p>{t('intake.plan.intro')}</p>
      {error ? (
        <div id="plan-error" tabIndex={-1} className="focus-target">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {sorted.length === 0 ? <p>{t('intake.plan.empty')}</p> : null}
      <form className="form" noValidate onSubmit={(event) => void accept(event)}>
        <ol className="plan-proposal">
          {sorted.map((row) => (
            <li key={row.key} className="card plan-proposal__task">
              <div className="checkbox">
                <input
                  id={`plan-${row.key}`}
                  type="checkbox"
                  checked={row.included}
                  disabled={row.required}
                  onChange={(e) => update(row.key, { included: e.target.checked })}
                />
                <label htmlFor={`plan-${row.key}`}>
                  <strong>{row.label[language]}</strong>
                  {row.required ? ` (${t('intake.plan.required')})` : ''}
                </label>
              </div>
              <p className="muted">
                {t('intake.plan.because')} {row.reasons.map((r) => r[language]).join(' · ')}
              </p>
              {row.included ? (
                <InputField
                  id={`plan-due-${row.key}`}
                  type="date"
                  label={t('intake.plan.dueOn', { task: row.label[language] })}
                  hint={formatPlainDate(row.dueOn, language)}
                  value={row.dueOn}
                  onChange={(e) => {
                    if (e.target.value) update(row.key, { dueOn: e.target.value });
                  }}
                />
              ) : null}
            </li>
          ))}
        </ol>
        <p className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('intake.plan.opening') : t('intake.plan.accept')}
          </button>
          <Link className="button button--quiet" to={`/people/${personId}`}>
            {t('screening.cancel')}
          </Link>
        </p>
      </form>
    </>
  );
}
