// Filling in one screening questionnaire for a person: the questions that apply (follow-up
// questions appear as answers call for them, and the person's profile decides some), then the
// flags it raised, each with the answer that raised it, and the way on to the proposed plan.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './screening.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { peopleApi } from '../people/people-api';
import { profileApi } from '../people/profile-api';
import { personName } from '../people/person-name';
import { latestVersions, screeningApi, type Answer, type Questionnaire, type ScreeningView } from './screening-api';
import { answersToSend, asProfile, questionsNow } from './screening-logic';
import { ScreeningQuestion } from './screening-question';
import { ScreeningFlags } from './screening-flags';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; questionnaire: Questionnaire; name: string; profile: string[] };

export function ScreeningPage({ personId, questionnaireId }: { personId: string; questionnaireId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ScreeningView | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void (async () => {
      try {
        const [{ items }, person, plan] = await Promise.all([
          screeningApi.questionnaires(),
          peopleApi.get(personId),
          profileApi.intakePlan(personId),
        ]);
        const questionnaire = latestVersions(items).find((q) => q.id === questionnaireId);
        if (!questionnaire) throw new Error('unknown questionnaire');
        setLoad({ status: 'ready', questionnaire, name: personName(person, t), profile: plan.profile.effective });
      } catch (failure) {
        setLoad({ status: 'failed', error: failure });
      }
    })();
  }, [personId, questionnaireId, t]);

  const profile = useMemo(() => asProfile(load.status === 'ready' ? load.profile : []), [load]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed')
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('screening.title')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
      </>
    );
  const { questionnaire, name } = load;
  const questions = questionsNow(questionnaire, answers, profile);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await screeningApi.record(personId, {
        questionnaireId,
        answers: answersToSend(questionnaire, answers, profile),
      });
      setResult(saved);
      focusWhenPresent(() => document.getElementById('screening-result'));
    } catch (failure) {
      setError(errorMessage(failure, t));
      focusWhenPresent(() => errorRef.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/people/${personId}`}>{t('screening.backToPerson', { name })}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{questionnaire.title[language]}</PageTitle>
      <p>{t('screening.intro', { name })}</p>
      {result ? (
        <section
          id="screening-result"
          tabIndex={-1}
          className="card section-card focus-target"
          aria-labelledby="screening-result-title"
        >
          <h2 id="screening-result-title">{t('screening.resultTitle')}</h2>
          <ScreeningFlags screening={result} questionnaire={questionnaire} profile={load.profile} />
          <p className="form__actions">
            <Link className="button button--primary" to={`/people/${personId}/plan`}>
              {t('screening.toPlan')}
            </Link>
            <Link className="button button--quiet" to={`/people/${personId}`}>
              {t('screening.backToPerson', { name })}
            </Link>
          </p>
        </section>
      ) : (
        <form className="form screening-form" noValidate onSubmit={(event) => void submit(event)}>
          {error ? (
            <div ref={errorRef} tabIndex={-1} className="focus-target">
              <Alert tone="error">{error}</Alert>
            </div>
          ) : null}
          {questions.map((question) => (
            <ScreeningQuestion
              key={question.key}
              question={question}
              value={answers[question.key]}
              onChange={(value) =>
                setAnswers((current) => {
                  const next = { ...current };
                  if (value === undefined) delete next[question.key];
                  else next[question.key] = value;
                  return next;
                })
              }
            />
          ))}
          <p className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('screening.saving') : t('screening.save')}
            </button>
            <Link className="button button--quiet" to={`/people/${personId}`}>
              {t('screening.cancel')}
            </Link>
          </p>
        </form>
      )}
    </>
  );
}
