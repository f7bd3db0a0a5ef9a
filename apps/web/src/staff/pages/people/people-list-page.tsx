// "People and cases": a tolerant search (name, alias or document number, any spelling; the
// server ranks best matches first), filters by nationality, sex and profile indicator, and
// "load more" by cursor.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from './form-fields';
import { peopleApi, sexes } from './people-api';
import { allIndicators } from './profile-api';
import type { PersonListFilters, PersonSummary } from './people-api';
import { personName } from './person-name';
import { countryName, countryOptions } from './reference-data';

type ListState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; items: PersonSummary[]; nextCursor: string | null; filters: PersonListFilters };

export function PeopleListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [q, setQ] = useState('');
  const [nationality, setNationality] = useState('');
  const [sex, setSex] = useState<PersonListFilters['sex']>('');
  const [profile, setProfile] = useState('');
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const search = useCallback(async (filters: PersonListFilters) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ status: 'loading' });
    setMoreError(null);
    try {
      const page = await peopleApi.list(filters, controller.signal);
      setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, filters });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void search({});
    return () => abortRef.current?.abort();
  }, [search]);

  useEffect(() => {
    if (focusIndex === null || state.status !== 'ready') return;
    const person = state.items[focusIndex];
    if (person) document.getElementById(`person-link-${person.id}`)?.focus();
  }, [focusIndex, state]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFocusIndex(null);
    void search({ q, nationality, sex, profile });
  }

  async function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await peopleApi.list({ ...state.filters, cursor: state.nextCursor });
      setFocusIndex(state.items.length);
      setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  const searching = state.status === 'ready' && Boolean(state.filters.q?.trim());
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('nav.people')}</PageTitle>
      <p className="page-actions">
        <Link className="button button--primary" to="/people/new">
          {t('people.registerLink')}
        </Link>
      </p>
      <form className="search-form" role="search" aria-label={t('people.search.label')} onSubmit={submit}>
        <InputField id="people-q" type="search" label={t('people.search.query')} hint={t('people.search.hint')} value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} className="search-form__query" />
        <SelectField id="people-nationality" label={t('people.fields.nationality')} value={nationality} onChange={(e) => setNationality(e.target.value)}>
          <option value="">{t('people.search.any')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="people-sex" label={t('people.fields.sex')} value={sex} onChange={(e) => setSex(e.target.value as PersonListFilters['sex'])}>
          <option value="">{t('people.search.any')}</option>
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(`people.sex.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="people-profile" label={t('profile.legend')} value={profile} onChange={(e) => setProfile(e.target.value)}>
          <option value="">{t('people.search.any')}</option>
          {allIndicators.map((key) => (
            <option key={key} value={key}>
              {t(`profile.indicators.${key}`)}
            </option>
          ))}
        </SelectField>
        <div className="search-form__submit">
          <button type="submit" className="button button--primary">
            {t('people.search.submit')}
          </button>
        </div>
      </form>

      <section aria-labelledby="people-results" aria-busy={state.status === 'loading'}>
        <h2 id="people-results">{searching ? t('people.search.results') : t('people.search.all')}</h2>
        <div role="status" className="results-status">
          {state.status === 'loading' ? t('app.loading') : null}
          {state.status === 'ready' ? (state.items.length === 0 ? t('people.search.none') : t('people.search.count', { count: state.items.length })) : null}
        </div>
        {state.status === 'failed' ? <Alert tone="error">{errorMessage(state.error, t)}</Alert> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <ul className="person-list">
            {state.items.map((person) => (
              <li key={person.id} className="person-list__item">
                <Link className="person-list__name" to={`/people/${person.id}`} id={`person-link-${person.id}`}>
                  {personName(person, t)}
                </Link>
                <span className="person-list__facts">
                  {[
                    person.aliases.length > 0 ? t('people.aliasList', { aliases: person.aliases.join(', ') }) : null,
                    person.sex ? t(`people.sex.${person.sex}`) : null,
                    person.birthYear ? t('people.bornIn', { year: person.birthYear }) : null,
                    person.nationality ? countryName(person.nationality, language) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {moreError ? <Alert tone="error">{errorMessage(moreError, t)}</Alert> : null}
        {state.status === 'ready' && state.nextCursor ? (
          <p>
            <button type="button" className="button button--quiet" disabled={loadingMore} onClick={() => void loadMore()}>
              {loadingMore ? t('app.loading') : t('people.search.more')}
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
