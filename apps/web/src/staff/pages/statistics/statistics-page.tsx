// Statistics dashboard (issue 10, item 2; decision 0122): one indicator at a time, for the
// organisation, one team, or the network (only protected aggregates of other organisations),
// filtered by period and state; bars by the indicator's main breakdown, a monthly series, a map
// by state, each with its table, and the same figures as CSV, JSON or XLSX.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './statistics.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { BarChart } from '../../../shared/components/charts/bar-chart';
import { TimeSeriesChart } from '../../../shared/components/charts/time-series-chart';
import { RegionTileMap } from '../../../shared/components/charts/region-tile-map';
import { CENTRAL_AMERICA, regionTiles } from '../../../shared/components/charts/region-tiles';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { useMe } from '../../session/session-context';
import { InputField, SelectField } from '../people/form-fields';
import { ReportScheduleSection } from './report-schedule-section';
import { ReleasesSection } from './releases-section';
import {
  seriesOf,
  statisticsApi,
  totalOf,
  type StatsCatalogue,
  type StatsQuery,
  type StatsTableView,
} from './statistics-api';

type Panels = {
  main: StatsTableView;
  series: StatsTableView | null;
  map: StatsTableView | null;
  /** Acts by perpetrator institution, beside the main breakdown (decision 0127). */
  institution: StatsTableView | null;
};
type ViewState =
  | { status: 'idle' | 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; query: StatsQuery; panels: Panels };

/** The place filter: Mexico's states, then each Central American country's departments, by name. */
function placeGroups(language: string) {
  const countries = new Intl.DisplayNames([language], { type: 'region' });
  return ['MX', ...CENTRAL_AMERICA].map((country) => ({
    country,
    label: countries.of(country) ?? country,
    places: regionTiles
      .filter((r) => r.country === country)
      .map((r) => ({ key: r.key, name: language === 'en' ? r.nameEn : r.name }))
      .sort((a, b) => a.name.localeCompare(b.name, language)),
  }));
}

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const language = currentLanguage();
  const [catalogue, setCatalogue] = useState<StatsCatalogue | null>(null);
  const [form, setForm] = useState<StatsQuery>({ indicator: 'incidents.acts', scope: 'organisation' });
  const [view, setView] = useState<ViewState>({ status: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const set = (patch: Partial<StatsQuery>) => setForm((f) => ({ ...f, ...patch }));
  const indicator = useMemo(
    () => catalogue?.indicators.find((i) => i.id === form.indicator),
    [catalogue, form.indicator],
  );
  const canExport = Boolean(me.permissions.statistics?.export);

  const show = useCallback(async (query: StatsQuery, cat: StatsCatalogue) => {
    const ind = cat.indicators.find((i) => i.id === query.indicator);
    if (!ind) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setView({ status: 'loading' });
    const network = query.scope === 'network';
    const dims = network ? ind.network : ind.dimensions.map((d) => d.id);
    const main = dims.find((d) => d !== 'month' && d !== 'state') ?? dims[0] ?? 'month';
    const hasState = dims.includes('state');
    const q = { ...query, state: hasState ? query.state : undefined, to: network ? query.from : query.to };
    try {
      const byInstitution = dims.includes('institution') && main !== 'institution';
      const [mainTable, series, map, institution] = await Promise.all([
        statisticsApi.table(q, main, true, controller.signal),
        !network && dims.includes('month')
          ? statisticsApi.table(q, 'month', true, controller.signal)
          : Promise.resolve(null),
        hasState ? statisticsApi.table(q, 'state', false, controller.signal) : Promise.resolve(null),
        byInstitution ? statisticsApi.table(q, 'institution', true, controller.signal) : Promise.resolve(null),
      ]);
      setView({ status: 'ready', query: q, panels: { main: mainTable, series, map, institution } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setView({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    statisticsApi.catalogue(controller.signal).then(
      (cat) => {
        setCatalogue(cat);
        void show({ indicator: 'incidents.acts', scope: 'organisation' }, cat);
      },
      (error: unknown) => setView({ status: 'failed', error }),
    );
    return () => {
      controller.abort();
      abortRef.current?.abort();
    };
  }, [show, language]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (catalogue) void show(form, catalogue);
  }

  const network = form.scope === 'network';
  const stateAvailable = Boolean(
    indicator && (network ? indicator.network : indicator.dimensions.map((d) => d.id)).includes('state'),
  );
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('statistics.title')}</PageTitle>
      <p className="muted">{t('statistics.intro')}</p>
      <form className="search-form statistics-form" aria-label={t('statistics.filters')} onSubmit={submit}>
        <SelectField
          id="stats-indicator"
          label={t('statistics.indicator')}
          value={form.indicator}
          onChange={(e) => set({ indicator: e.target.value })}
        >
          {(catalogue?.indicators ?? [])
            .filter((i) => !network || i.network.length > 0)
            .map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="stats-scope"
          label={t('statistics.scope')}
          value={form.scope}
          onChange={(e) =>
            set({
              scope: e.target.value as StatsQuery['scope'],
              ...(e.target.value === 'network' ? { from: form.from ?? lastMonth() } : {}),
            })
          }
        >
          <option value="organisation">{t('statistics.scopes.organisation')}</option>
          {catalogue?.teams.length ? <option value="team">{t('statistics.scopes.team')}</option> : null}
          <option value="network">{t('statistics.scopes.network')}</option>
        </SelectField>
        {form.scope === 'team' ? (
          <SelectField
            id="stats-team"
            label={t('statistics.team')}
            value={form.team ?? ''}
            onChange={(e) => set({ team: e.target.value || undefined })}
          >
            <option value="">{t('statistics.chooseTeam')}</option>
            {(catalogue?.teams ?? []).map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <InputField
          id="stats-from"
          type="month"
          label={network ? t('statistics.month') : t('statistics.from')}
          hint={t('statistics.monthHint')}
          value={form.from ?? ''}
          onChange={(e) => set({ from: e.target.value || undefined })}
        />
        {network ? null : (
          <InputField
            id="stats-to"
            type="month"
            label={t('statistics.to')}
            hint={t('statistics.monthHint')}
            value={form.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        )}
        <SelectField
          id="stats-state"
          label={t('statistics.state')}
          value={form.state ?? ''}
          disabled={!stateAvailable}
          onChange={(e) => set({ state: e.target.value || undefined })}
        >
          <option value="">{t('statistics.allStates')}</option>
          {placeGroups(currentLanguage()).map((group) => (
            <optgroup key={group.country} label={group.label}>
              {group.places.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <div className="search-form__submit">
          <button type="submit" className="button button--primary">
            {t('statistics.show')}
          </button>
        </div>
      </form>
      {network ? <p className="muted">{t('statistics.networkNote')}</p> : null}
      <section aria-labelledby="stats-results" aria-busy={view.status === 'loading'}>
        <div role="status" className="results-status">
          {view.status === 'loading' ? t('app.loading') : null}
        </div>
        {view.status === 'failed' ? <Alert tone="error">{errorMessage(view.error, t)}</Alert> : null}
        {view.status === 'ready' ? (
          <Results query={view.query} panels={view.panels} canExport={canExport} lang={language} />
        ) : (
          <h2 id="stats-results" className="visually-hidden">
            {t('statistics.results')}
          </h2>
        )}
      </section>
      <ReleasesSection lang={language} />
      {canExport ? (
        <ReportScheduleSection canManage={Boolean(me.permissions.org_settings?.update)} lang={language} />
      ) : null}
    </>
  );
}

function Results({
  query,
  panels,
  canExport,
  lang,
}: {
  query: StatsQuery;
  panels: Panels;
  canExport: boolean;
  lang: string;
}) {
  const { t } = useTranslation();
  const { main, series, map, institution } = panels;
  const institutionDim = institution?.dimensions[0];
  const total = totalOf(main);
  const valueHeader = main.unit;
  const mainDim = main.dimensions[0];
  return (
    <>
      <h2 id="stats-results">{main.title}</h2>
      <p className="statistics-total">
        {total === null ? t('statistics.totalHidden') : t('statistics.total', { count: total, unit: main.unit })}
        {main.scope === 'organisation' || main.scope === 'team'
          ? ` ${t('statistics.smallMarked', { threshold: main.threshold })}`
          : ''}
        {main.asOf ? ` ${t('statistics.asOf', { time: new Date(main.asOf).toLocaleString(lang) })}` : ''}
      </p>
      <div className="statistics-grid">
        {mainDim ? (
          <BarChart
            title={t('statistics.byDimension', { dimension: mainDim.title })}
            header={mainDim.title}
            valueHeader={valueHeader}
            data={seriesOf(main)}
          />
        ) : null}
        {institution && institutionDim ? (
          <BarChart
            title={t('statistics.byDimension', { dimension: institutionDim.title })}
            header={institutionDim.title}
            valueHeader={valueHeader}
            data={seriesOf(institution)}
          />
        ) : null}
        {series ? (
          <TimeSeriesChart
            title={t('statistics.byMonth')}
            header={t('statistics.monthHeader')}
            valueHeader={valueHeader}
            data={seriesOf(series)}
          />
        ) : null}
        {map ? (
          <RegionTileMap
            title={t('statistics.byState')}
            header={t('statistics.state')}
            valueHeader={valueHeader}
            data={seriesOf(map)}
          />
        ) : null}
      </div>
      <p className="muted">{main.method}</p>
      {canExport && mainDim ? (
        <p className="statistics-exports">
          {t('statistics.download')}{' '}
          {(['csv', 'json', 'xlsx'] as const).map((f) => (
            <a key={f} className="button" href={statisticsApi.exportUrl(query, mainDim.id, f, lang)} download>
              {t(`statistics.formats.${f}`)}
            </a>
          ))}
          {query.scope === 'organisation' && query.from && query.to ? (
            <a
              className="button"
              href={`/api/reports/statistics.pdf?from=${query.from}&to=${query.to}&lang=${lang}`}
              download
            >
              {t('statistics.formats.pdf')}
            </a>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
