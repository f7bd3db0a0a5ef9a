// Cases: filters by status, caseworker, team, screening alert, nationality and opening dates,
// tolerant name search (the server ranks names by blind index), and "load more" by cursor.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './cases.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage, type Translate, plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from '../people/form-fields';
import { countryName, countryOptions, formatInstant } from '../people/reference-data';
import { caseFlags, casesApi, caseStatuses } from './cases-api';
import type { CaseAssignees, CaseListFilters, CaseSummary } from './cases-api';

type ListState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; items: CaseSummary[]; nextCursor: string | null; filters: CaseListFilters };

export function caseTitle(item: { givenNames: string | null; surnames: string | null }, t: Translate): string {
  const name = [item.givenNames, item.surnames].filter(Boolean).join(' ');
  return name || t('cases.household');
}

export function CasesListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [form, setForm] = useState<CaseListFilters>({});
  const [assignees, setAssignees] = useState<CaseAssignees>({ accounts: [], teams: [] });
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const abortRef = useRef<AbortController | null>(null);
  const set = (patch: Partial<CaseListFilters>) => setForm((f) => ({ ...f, ...patch }));

  const search = useCallback(async (filters: CaseListFilters) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ status: 'loading' });
    setMoreError(null);
    try {
      const page = await casesApi.list(filters, controller.signal);
      setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, filters });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void search({});
    casesApi.assignees().then(setAssignees, () => undefined);
    return () => abortRef.current?.abort();
  }, [search]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(form);
  }

  async function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await casesApi.list({ ...state.filters, cursor: state.nextCursor });
      const first = page.items[0];
      setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
      if (first) requestAnimationFrame(() => document.getElementById(`case-link-${first.id}`)?.focus());
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  const filtered = state.status === 'ready' && Object.values(state.filters).some(Boolean);
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('cases.title')}</PageTitle>
      <form className="search-form" role="search" aria-label={t('cases.list.label')} onSubmit={submit}>
        <InputField id="cases-q" type="search" label={t('cases.list.query')} hint={t('cases.list.hint')} value={form.q ?? ''} autoComplete="off" onChange={(e) => set({ q: e.target.value })} className="search-form__query" />
        <SelectField id="cases-status" label={t('cases.list.status')} value={form.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as CaseListFilters['status'] })}>
          <option value="">{t('cases.list.any')}</option>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`cases.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="cases-worker" label={t('cases.list.worker')} value={form.assignedTo ?? ''} onChange={(e) => set({ assignedTo: e.target.value || undefined })}>
          <option value="">{t('cases.list.any')}</option>
          <option value="me">{t('cases.list.mine')}</option>
          {assignees.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="cases-team" label={t('cases.list.team')} value={form.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value || undefined })}>
          <option value="">{t('cases.list.any')}</option>
          {assignees.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="cases-flag" label={t('cases.list.flag')} value={form.flag ?? ''} onChange={(e) => set({ flag: e.target.value || undefined })}>
          <option value="">{t('cases.list.any')}</option>
          {caseFlags.map((f) => (
            <option key={f} value={f}>
              {t(`cases.flags.${f}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="cases-nationality" label={t('cases.list.nationality')} value={form.nationality ?? ''} onChange={(e) => set({ nationality: e.target.value || undefined })}>
          <option value="">{t('cases.list.any')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <InputField id="cases-from" type="date" label={t('cases.list.openedFrom')} value={form.openedFrom ?? ''} onChange={(e) => set({ openedFrom: e.target.value || undefined })} />
        <InputField id="cases-to" type="date" label={t('cases.list.openedTo')} value={form.openedTo ?? ''} onChange={(e) => set({ openedTo: e.target.value || undefined })} />
        <div className="search-form__submit">
          <button type="submit" className="button button--primary">
            {t('cases.list.submit')}
          </button>
        </div>
      </form>

      <section aria-labelledby="cases-results" aria-busy={state.status === 'loading'}>
        <h2 id="cases-results">{filtered ? t('cases.list.results') : t('cases.list.all')}</h2>
        <div role="status" className="results-status">
          {state.status === 'loading' ? t('app.loading') : null}
          {state.status === 'ready' ? (state.items.length === 0 ? t('cases.list.none') : t('cases.list.count', { count: state.items.length })) : null}
        </div>
        {state.status === 'failed' ? <Alert tone="error">{errorMessage(state.error, t)}</Alert> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <ul className="case-list">
            {state.items.map((item) => (
              <li key={item.id} className="case-list__item">
                <Link className="case-list__name" to={`/cases/${item.id}`} id={`case-link-${item.id}`}>
                  {caseTitle(item, plain(t))}
                </Link>
                <span className="case-list__facts">
                  {[
                    t(`cases.status.${item.status}`),
                    item.assignedName ?? t('cases.list.unassigned'),
                    item.teamName,
                    item.nationality ? countryName(item.nationality, language) : null,
                    t('cases.list.openedOn', { date: formatInstant(item.openedAt, language) }),
                    item.openTasks > 0 ? t('cases.list.openTasks', { count: item.openTasks }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {item.overdueTasks > 0 ? <span className="case-overdue">{t('cases.list.overdueTasks', { count: item.overdueTasks })}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {moreError ? <Alert tone="error">{errorMessage(moreError, t)}</Alert> : null}
        {state.status === 'ready' && state.nextCursor ? (
          <p>
            <button type="button" className="button button--quiet" disabled={loadingMore} onClick={() => void loadMore()}>
              {loadingMore ? t('app.loading') : t('cases.list.more')}
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
