// Incidents: filters (dates, state, violation type, perpetrator institution - which includes its
// sub-units -, victims' sex and age group, attacks on defenders), then the events as a list, a
// timeline by date or a state map; chosen shareable events go to partners as CSV (HXL) or JSON.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './incidents.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { IncidentFilters, IncidentMapSummary, IncidentSummary, Vocabulary } from './incidents-api';
import { IncidentsMap, IncidentsTimelineBars } from './incidents-map';
import { statesByName, stateName } from './incident-places';
import { ConfidentialityBadge, termOptions } from './incident-labels';
import { ageGroups, victimSexes } from './incident-options';

type View = 'list' | 'timeline' | 'map';
type ListState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; items: IncidentSummary[]; nextCursor: string | null; filters: IncidentFilters };

export function IncidentsListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form, setForm] = useState<IncidentFilters>({});
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [summary, setSummary] = useState<IncidentMapSummary | null>(null);
  const [view, setView] = useState<View>('list');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const set = (patch: Partial<IncidentFilters>) => setForm((f) => ({ ...f, ...patch }));

  const search = useCallback(async (filters: IncidentFilters) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ status: 'loading' });
    try {
      const [page, counts] = await Promise.all([incidentsApi.list(filters, controller.signal), incidentsApi.summary(filters)]);
      setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, filters });
      setSummary(counts);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void search({});
    incidentsApi.vocabulary().then(setVocabulary, () => undefined);
    return () => abortRef.current?.abort();
  }, [search]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(form);
  }

  async function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    const page = await incidentsApi.list({ ...state.filters, cursor: state.nextCursor });
    setState({ ...state, items: [...state.items, ...page.items], nextCursor: page.nextCursor });
  }

  async function exportChosen(format: 'csv' | 'json') {
    setNotice(null);
    try {
      const out = await incidentsApi.exportEvents([...chosen], format, false, language);
      const url = URL.createObjectURL(out.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `incidents.${format}`;
      a.click();
      URL.revokeObjectURL(url);
      setNotice({ tone: 'success', text: t('incidents.export.done', { exported: out.exported, skipped: out.skipped }) });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error, t) });
    }
  }

  const toggle = (id: string) => setChosen((c) => {
    const next = new Set(c);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const items = state.status === 'ready' ? state.items : [];
  const months = [...new Set(items.map((i) => i.start.date.slice(0, 7)))];

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('incidents.title')}</PageTitle>
      <p className="page-actions">
        <Link className="button button--primary" to="/incidents/new">{t('incidents.new')}</Link>
      </p>
      <form className="search-form" role="search" aria-label={t('incidents.list.label')} onSubmit={submit}>
        <InputField id="incidents-from" type="date" label={t('incidents.list.from')} value={form.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        <InputField id="incidents-to" type="date" label={t('incidents.list.to')} value={form.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        <SelectField id="incidents-state" label={t('incidents.fields.state')} value={form.state ?? ''} onChange={(e) => set({ state: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          {statesByName.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
        </SelectField>
        <SelectField id="incidents-act" label={t('incidents.list.act')} value={form.act ?? ''} onChange={(e) => set({ act: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          {termOptions(vocabulary?.violationTypes.terms ?? [], language)}
        </SelectField>
        <SelectField id="incidents-institution" label={t('incidents.list.institution')} hint={t('incidents.list.institutionHint')} value={form.institution ?? ''} onChange={(e) => set({ institution: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          {termOptions(vocabulary?.institutions.terms ?? [], language)}
        </SelectField>
        <SelectField id="incidents-sex" label={t('incidents.list.sex')} value={form.sex ?? ''} onChange={(e) => set({ sex: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          {victimSexes.map((s) => <option key={s} value={s}>{t(`incidents.sex.${s}`)}</option>)}
        </SelectField>
        <SelectField id="incidents-age" label={t('incidents.list.ageGroup')} value={form.ageGroup ?? ''} onChange={(e) => set({ ageGroup: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          {ageGroups.map((a) => <option key={a} value={a}>{t(`incidents.age.${a}`)}</option>)}
        </SelectField>
        <SelectField id="incidents-defenders" label={t('incidents.list.defenders')} value={form.defenders ?? ''} onChange={(e) => set({ defenders: e.target.value || undefined })}>
          <option value="">{t('incidents.list.any')}</option>
          <option value="true">{t('incidents.list.defendersOnly')}</option>
          <option value="false">{t('incidents.list.defendersNot')}</option>
        </SelectField>
        <div className="search-form__submit">
          <button type="submit" className="button button--primary">{t('incidents.list.submit')}</button>
        </div>
      </form>

      <div className="view-switch" role="group" aria-label={t('incidents.list.viewLabel')}>
        {(['list', 'timeline', 'map'] as const).map((v) => (
          <button key={v} type="button" className="button button--quiet" aria-pressed={view === v} onClick={() => setView(v)}>{t(`incidents.list.view.${v}`)}</button>
        ))}
      </div>

      <section aria-labelledby="incidents-results" aria-busy={state.status === 'loading'}>
        <h2 id="incidents-results">{t(`incidents.list.view.${view}`)}</h2>
        <div role="status" className="results-status">
          {state.status === 'loading' ? t('app.loading') : null}
          {state.status === 'ready' && summary ? t('incidents.list.count', { count: summary.total }) : null}
        </div>
        {state.status === 'failed' ? <Alert tone="error">{errorMessage(state.error, t)}</Alert> : null}
        {view === 'map' && summary ? <IncidentsMap summary={summary} onPickState={(code) => { set({ state: code }); void search({ ...form, state: code }); setView('list'); }} /> : null}
        {view === 'timeline' && summary ? <IncidentsTimelineBars summary={summary} /> : null}
        {view !== 'map' && items.length > 0 ? (
          <>
            {view === 'list' ? (
              <div className="export-bar">
                <span>{t('incidents.export.chosen', { count: chosen.size })}</span>
                <button type="button" className="button button--quiet" disabled={chosen.size === 0} onClick={() => void exportChosen('csv')}>{t('incidents.export.csv')}</button>
                <button type="button" className="button button--quiet" disabled={chosen.size === 0} onClick={() => void exportChosen('json')}>{t('incidents.export.json')}</button>
                <span className="muted">{t('incidents.export.hint')}</span>
              </div>
            ) : null}
            {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
            {(view === 'timeline' ? months : ['all']).map((month) => (
              <div key={month}>
                {view === 'timeline' ? <h3>{month}</h3> : null}
                <ul className={view === 'timeline' ? 'incident-list incident-list--timeline' : 'incident-list'}>
                  {items.filter((i) => view !== 'timeline' || i.start.date.startsWith(month)).map((item) => (
                    <li key={item.id} className="incident-list__item">
                      {view === 'list' ? (
                        <input type="checkbox" id={`choose-${item.id}`} aria-label={t('incidents.export.choose', { title: item.title })} checked={chosen.has(item.id)} onChange={() => toggle(item.id)} />
                      ) : null}
                      <Link className="incident-list__title" to={`/incidents/${item.id}`}>{item.title}</Link>
                      <ConfidentialityBadge level={item.confidentiality} />
                      <span className="incident-list__facts">
                        {[item.start.date, stateName(item.place.stateCode), item.actTypes.map((a) => vocabulary?.violationTypes.terms.find((x) => x.key === a)?.label[language] ?? a).join(', '),
                          t('incidents.list.victims', { count: item.victimCount }), item.againstDefenders ? t('incidents.list.defenderTag') : null].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {state.status === 'ready' && state.nextCursor ? (
              <p><button type="button" className="button button--quiet" onClick={() => void loadMore()}>{t('incidents.list.more')}</button></p>
            ) : null}
          </>
        ) : null}
        {state.status === 'ready' && items.length === 0 && view !== 'map' ? <p>{t('incidents.list.none')}</p> : null}
      </section>
    </>
  );
}
