// Cases: filters by status, caseworker, team, screening alert, nationality and opening dates,
// tolerant name search (the server ranks names by blind index), and "load more" by cursor.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './cases.css';
import { PageTitle } from '../../../shared/components/page-title';
import { DataTable, listColumnHelper } from '../../../shared/components/data-table';
import { currentLanguage, type Translate, plain } from '../../../i18n/i18n';
import { Link } from '../../router/router';
import { useCursorList } from '../../shared/cursor-list';
import { FilterForm, FilterSelect } from '../../shared/filter-form';
import { ResultsSection } from '../../shared/results-section';
import { InputField } from '../people/form-fields';
import { countryName, countryOptions, formatInstant } from '../people/reference-data';
import { caseFlags, casesApi, caseStatuses } from './cases-api';
import type { CaseAssignees, CaseListFilters, CaseSummary } from './cases-api';

const fetchCases = (filters: CaseListFilters, signal?: AbortSignal) => casesApi.list(filters, signal);
const caseLinkId = (item: CaseSummary) => `case-link-${item.id}`;

export function caseTitle(item: { givenNames: string | null; surnames: string | null }, t: Translate): string {
  const name = [item.givenNames, item.surnames].filter(Boolean).join(' ');
  return name || t('cases.household');
}

const caseColumn = listColumnHelper<CaseSummary>();

// Statuses and countries in words; dates sorted as dates, counts as numbers.
function useCaseColumns() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return useMemo(() => {
    return [
      caseColumn.accessor((item) => caseTitle(item, plain(t)), {
        id: 'name',
        header: t('lists.cases.name'),
        enableHiding: false,
        sortFn: 'collate',
        cell: (info) => (
          <Link className="case-list__name" to={`/cases/${info.row.original.id}`} id={caseLinkId(info.row.original)}>
            {info.getValue()}
          </Link>
        ),
      }),
      caseColumn.accessor((item) => t(`cases.status.${item.status}`), {
        id: 'status',
        header: t('lists.cases.status'),
        sortFn: 'collate',
      }),
      caseColumn.accessor((item) => item.assignedName ?? t('cases.list.unassigned'), {
        id: 'worker',
        header: t('lists.cases.worker'),
        sortFn: 'collate',
      }),
      caseColumn.accessor((item) => item.teamName ?? undefined, {
        id: 'team',
        header: t('lists.cases.team'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
      caseColumn.accessor((item) => (item.nationality ? countryName(item.nationality, language) : undefined), {
        id: 'nationality',
        header: t('lists.cases.nationality'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
      caseColumn.accessor('openedAt', {
        header: t('lists.cases.opened'),
        sortFn: 'basic',
        cell: (info) => formatInstant(info.getValue(), language),
      }),
      caseColumn.accessor('openTasks', { header: t('lists.cases.tasks'), sortFn: 'basic' }),
      caseColumn.accessor('overdueTasks', {
        header: t('lists.cases.overdue'),
        sortFn: 'basic',
        // The column's header already says "Vencidas": the cell is the number, in red when some are.
        cell: (info) =>
          info.getValue() > 0 ? <span className="case-overdue">{info.getValue()}</span> : String(info.getValue()),
      }),
    ];
  }, [t, language]);
}

export function CasesListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language).map((c) => ({ value: c.code, label: c.name })), [language]);
  const [form, setForm] = useState<CaseListFilters>({});
  const [assignees, setAssignees] = useState<CaseAssignees>({ accounts: [], teams: [] });
  const list = useCursorList(fetchCases, caseLinkId);
  const { state } = list;
  const set = (patch: Partial<CaseListFilters>) => setForm((f) => ({ ...f, ...patch }));
  const any = t('cases.list.any');
  const columns = useCaseColumns();

  useEffect(() => {
    casesApi.assignees().then(setAssignees, () => undefined);
  }, []);

  const filtered = state.status === 'ready' && Object.values(state.filters).some(Boolean);
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('cases.title')}</PageTitle>
      <FilterForm
        label={t('cases.list.label')}
        submitLabel={t('cases.list.submit')}
        onSubmit={() => void list.search(form)}
      >
        <InputField
          id="cases-q"
          type="search"
          label={t('cases.list.query')}
          hint={t('cases.list.hint')}
          value={form.q ?? ''}
          autoComplete="off"
          onChange={(e) => set({ q: e.target.value })}
          className="search-form__query"
        />
        <FilterSelect
          id="cases-status"
          label={t('cases.list.status')}
          anyLabel={any}
          value={form.status}
          onChange={(value) => set({ status: (value || undefined) as CaseListFilters['status'] })}
          options={caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        />
        <FilterSelect
          id="cases-worker"
          label={t('cases.list.worker')}
          anyLabel={any}
          value={form.assignedTo}
          onChange={(value) => set({ assignedTo: value || undefined })}
          options={[
            { value: 'me', label: t('cases.list.mine') },
            ...assignees.accounts.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <FilterSelect
          id="cases-team"
          label={t('cases.list.team')}
          anyLabel={any}
          value={form.teamId}
          onChange={(value) => set({ teamId: value || undefined })}
          options={assignees.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <FilterSelect
          id="cases-flag"
          label={t('cases.list.flag')}
          anyLabel={any}
          value={form.flag}
          onChange={(value) => set({ flag: value || undefined })}
          options={caseFlags.map((f) => ({ value: f, label: t(`cases.flags.${f}`) }))}
        />
        <FilterSelect
          id="cases-nationality"
          label={t('cases.list.nationality')}
          anyLabel={any}
          value={form.nationality}
          onChange={(value) => set({ nationality: value || undefined })}
          options={countries}
        />
        <InputField
          id="cases-from"
          type="date"
          label={t('cases.list.openedFrom')}
          value={form.openedFrom ?? ''}
          onChange={(e) => set({ openedFrom: e.target.value || undefined })}
        />
        <InputField
          id="cases-to"
          type="date"
          label={t('cases.list.openedTo')}
          value={form.openedTo ?? ''}
          onChange={(e) => set({ openedTo: e.target.value || undefined })}
        />
      </FilterForm>

      <ResultsSection
        id="cases-results"
        heading={filtered ? t('cases.list.results') : t('cases.list.all')}
        list={list}
        readyStatus={
          list.items.length === 0 ? t('cases.list.none') : t('cases.list.count', { count: list.items.length })
        }
        moreLabel={t('cases.list.more')}
      >
        <DataTable
          listId="cases"
          labelledBy="cases-results"
          data={list.items}
          columns={columns}
          getRowId={(item) => item.id}
          loading={state.status === 'loading'}
          rowClassName="case-list__item"
          hiddenByDefault={['team']}
          empty={
            <>
              <p>
                <strong>{t('lists.cases.emptyTitle')}</strong>
              </p>
              <p>{t('lists.cases.emptyHint')}</p>
            </>
          }
        />
      </ResultsSection>
    </>
  );
}
