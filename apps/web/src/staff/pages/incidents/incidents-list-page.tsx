// Incidents: filters (dates, state, violation type, perpetrator institution - which includes its
// sub-units -, victims' sex and age group, attacks on defenders), then the events as a list, a
// timeline by date or a state map; chosen shareable events go to partners as CSV (HXL) or JSON.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/capabilities';
import '../../../shared/styles/records.css';
import './incidents.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { useCursorList } from '../../shared/cursor-list';
import { FilterForm, FilterSelect } from '../../shared/filter-form';
import { ResultsSection } from '../../shared/results-section';
import { InputField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { IncidentFilters, IncidentMapSummary, Vocabulary } from './incidents-api';
import { IncidentsMap, IncidentsTimelineBars } from './incidents-map';
import { statesByName, stateName } from './incident-places';
import { ConfidentialityBadge, termOptions } from './incident-labels';
import { ageGroups, victimSexes } from './incident-options';

type View = 'list' | 'timeline' | 'map';

export function IncidentsListPage() {
  const { t } = useTranslation();
  const canRecord = useCan('incident.record');
  const language = currentLanguage();
  const [form, setForm] = useState<IncidentFilters>({});
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const [summary, setSummary] = useState<IncidentMapSummary | null>(null);
  const [view, setView] = useState<View>('list');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const set = (patch: Partial<IncidentFilters>) => setForm((f) => ({ ...f, ...patch }));
  const any = t('incidents.list.any');

  // A new search also counts the events (timeline, map, total); a further page does not change them.
  const fetchIncidents = useCallback(async (filters: IncidentFilters, signal?: AbortSignal) => {
    if (filters.cursor) return incidentsApi.list(filters, signal);
    const [page, counts] = await Promise.all([incidentsApi.list(filters, signal), incidentsApi.summary(filters)]);
    setSummary(counts);
    return page;
  }, []);
  const list = useCursorList(fetchIncidents);
  const { state, items } = list;

  useEffect(() => {
    incidentsApi.vocabulary().then(setVocabulary, () => undefined);
  }, []);

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
      setNotice({
        tone: 'success',
        text: t('incidents.export.done', { exported: out.exported, skipped: out.skipped }),
      });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error, t) });
    }
  }

  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const months = [...new Set(items.map((i) => i.start.date.slice(0, 7)))];

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('incidents.title')}</PageTitle>
      {canRecord ? (
        <p className="page-actions">
          <Link className="button button--primary" to="/incidents/new">
            {t('incidents.new')}
          </Link>
        </p>
      ) : null}
      <FilterForm
        label={t('incidents.list.label')}
        submitLabel={t('incidents.list.submit')}
        onSubmit={() => void list.search(form)}
      >
        <InputField
          id="incidents-from"
          type="date"
          label={t('incidents.list.from')}
          value={form.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        <InputField
          id="incidents-to"
          type="date"
          label={t('incidents.list.to')}
          value={form.to ?? ''}
          onChange={(e) => set({ to: e.target.value || undefined })}
        />
        <FilterSelect
          id="incidents-state"
          label={t('incidents.fields.state')}
          anyLabel={any}
          value={form.state}
          onChange={(value) => set({ state: value || undefined })}
          options={statesByName.map((s) => ({ value: s.code, label: s.name }))}
        />
        <FilterSelect
          id="incidents-act"
          label={t('incidents.list.act')}
          anyLabel={any}
          value={form.act}
          onChange={(value) => set({ act: value || undefined })}
        >
          {termOptions(vocabulary?.violationTypes.terms ?? [], language)}
        </FilterSelect>
        <FilterSelect
          id="incidents-institution"
          label={t('incidents.list.institution')}
          hint={t('incidents.list.institutionHint')}
          anyLabel={any}
          value={form.institution}
          onChange={(value) => set({ institution: value || undefined })}
        >
          {termOptions(vocabulary?.institutions.terms ?? [], language)}
        </FilterSelect>
        <FilterSelect
          id="incidents-sex"
          label={t('incidents.list.sex')}
          anyLabel={any}
          value={form.sex}
          onChange={(value) => set({ sex: value || undefined })}
          options={victimSexes.map((s) => ({ value: s, label: t(`incidents.sex.${s}`) }))}
        />
        <FilterSelect
          id="incidents-age"
          label={t('incidents.list.ageGroup')}
          anyLabel={any}
          value={form.ageGroup}
          onChange={(value) => set({ ageGroup: value || undefined })}
          options={ageGroups.map((a) => ({ value: a, label: t(`incidents.age.${a}`) }))}
        />
        <FilterSelect
          id="incidents-defenders"
          label={t('incidents.list.defenders')}
          anyLabel={any}
          value={form.defenders}
          onChange={(value) => set({ defenders: value || undefined })}
          options={[
            { value: 'true', label: t('incidents.list.defendersOnly') },
            { value: 'false', label: t('incidents.list.defendersNot') },
          ]}
        />
      </FilterForm>

      <div className="view-switch" role="group" aria-label={t('incidents.list.viewLabel')}>
        {(['list', 'timeline', 'map'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="button button--quiet"
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {t(`incidents.list.view.${v}`)}
          </button>
        ))}
      </div>

      <ResultsSection
        id="incidents-results"
        heading={t(`incidents.list.view.${view}`)}
        list={list}
        readyStatus={summary ? t('incidents.list.count', { count: summary.total }) : null}
        moreLabel={t('incidents.list.more')}
        moreShown={view !== 'map'}
      >
        {view === 'map' && summary ? (
          <IncidentsMap
            summary={summary}
            onPickState={(code) => {
              set({ state: code });
              void list.search({ ...form, state: code });
              setView('list');
            }}
          />
        ) : null}
        {view === 'timeline' && summary ? <IncidentsTimelineBars summary={summary} /> : null}
        {view !== 'map' && items.length > 0 ? (
          <>
            {view === 'list' ? (
              <div className="export-bar">
                <span>{t('incidents.export.chosen', { count: chosen.size })}</span>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={chosen.size === 0}
                  onClick={() => void exportChosen('csv')}
                >
                  {t('incidents.export.csv')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={chosen.size === 0}
                  onClick={() => void exportChosen('json')}
                >
                  {t('incidents.export.json')}
                </button>
                <span className="muted">{t('incidents.export.hint')}</span>
              </div>
            ) : null}
            {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
            {(view === 'timeline' ? months : ['all']).map((month) => (
              <div key={month}>
                {view === 'timeline' ? <h3>{month}</h3> : null}
                <ul className={view === 'timeline' ? 'incident-list incident-list--timeline' : 'incident-list'}>
                  {items
                    .filter((i) => view !== 'timeline' || i.start.date.startsWith(month))
                    .map((item) => (
                      <li key={item.id} className="incident-list__item">
                        {view === 'list' ? (
                          <input
                            type="checkbox"
                            id={`choose-${item.id}`}
                            aria-label={t('incidents.export.choose', { title: item.title })}
                            checked={chosen.has(item.id)}
                            onChange={() => toggle(item.id)}
                          />
                        ) : null}
                        <Link className="incident-list__title" to={`/incidents/${item.id}`}>
                          {item.title}
                        </Link>
                        <ConfidentialityBadge level={item.confidentiality} />
                        <span className="incident-list__facts">
                          {[
                            item.start.date,
                            stateName(item.place.stateCode),
                            item.actTypes
                              .map(
                                (a) => vocabulary?.violationTypes.terms.find((x) => x.key === a)?.label[language] ?? a,
                              )
                              .join(', '),
                            t('incidents.list.victims', { count: item.victimCount }),
                            item.againstDefenders ? t('incidents.list.defenderTag') : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </>
        ) : null}
        {state.status === 'ready' && items.length === 0 && view !== 'map' ? <p>{t('incidents.list.none')}</p> : null}
      </ResultsSection>
    </>
  );
}
