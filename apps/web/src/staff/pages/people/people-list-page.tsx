// "People and cases": a tolerant search (name, alias or document number, any spelling; the
// server ranks best matches first), filters by nationality, sex and profile indicator, and
// "load more" by cursor (the first new person takes focus).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { PageTitle } from '../../../shared/components/page-title';
import { DataTable, listColumnHelper } from '../../../shared/components/data-table';
import { currentLanguage } from '../../../i18n/i18n';
import { Link } from '../../router/router';
import { useCursorList } from '../../shared/cursor-list';
import { FilterForm, FilterSelect } from '../../shared/filter-form';
import { ResultsSection } from '../../shared/results-section';
import { InputField } from './form-fields';
import { peopleApi, sexes } from './people-api';
import { allIndicators } from './profile-api';
import type { PersonListFilters, PersonSummary } from './people-api';
import { personName } from './person-name';
import { countryName, countryOptions } from './reference-data';
import { useCan } from '../../session/capabilities';

const personColumn = listColumnHelper<PersonSummary>();

// Codes become words in the cells and in the sort (a country sorts by its name in the reader's
// language, not by its ISO code).
function usePeopleColumns() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return useMemo(() => {
    return [
      personColumn.accessor((person) => personName(person, t), {
        id: 'name',
        header: t('lists.people.name'),
        enableHiding: false,
        sortFn: 'collate',
        cell: (info) => (
          <Link
            className="person-list__name"
            to={`/people/${info.row.original.id}`}
            id={personLinkId(info.row.original)}
          >
            {info.getValue()}
          </Link>
        ),
      }),
      personColumn.accessor((person) => (person.aliases.length > 0 ? person.aliases.join(', ') : undefined), {
        id: 'aliases',
        header: t('lists.people.aliases'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
      personColumn.accessor((person) => (person.sex ? t(`people.sex.${person.sex}`) : undefined), {
        id: 'sex',
        header: t('lists.people.sex'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
      personColumn.accessor((person) => person.birthYear ?? undefined, {
        id: 'birthYear',
        header: t('lists.people.birthYear'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
      personColumn.accessor((person) => (person.nationality ? countryName(person.nationality, language) : undefined), {
        id: 'nationality',
        header: t('lists.people.nationality'),
        sortFn: 'collate',
        sortUndefined: 'last',
      }),
    ];
  }, [t, language]);
}

const fetchPeople = (filters: PersonListFilters, signal?: AbortSignal) => peopleApi.list(filters, signal);
const personLinkId = (person: PersonSummary) => `person-link-${person.id}`;

export function PeopleListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language).map((c) => ({ value: c.code, label: c.name })), [language]);
  const [q, setQ] = useState('');
  const [nationality, setNationality] = useState('');
  const [sex, setSex] = useState<PersonListFilters['sex']>('');
  const [profile, setProfile] = useState('');
  const list = useCursorList(fetchPeople, personLinkId);
  const { state } = list;

  const canRegister = useCan('person.register');
  const columns = usePeopleColumns();
  const searching = state.status === 'ready' && Boolean(state.filters.q?.trim());
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('nav.people')}</PageTitle>
      {canRegister ? (
        <p className="page-actions">
          <Link className="button button--primary" to="/people/new">
            {t('people.registerLink')}
          </Link>
        </p>
      ) : null}
      <FilterForm
        label={t('people.search.label')}
        submitLabel={t('people.search.submit')}
        onSubmit={() => void list.search({ q, nationality, sex, profile })}
      >
        <InputField
          id="people-q"
          type="search"
          label={t('people.search.query')}
          hint={t('people.search.hint')}
          value={q}
          autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
          className="search-form__query"
        />
        <FilterSelect
          id="people-nationality"
          label={t('people.fields.nationality')}
          anyLabel={t('people.search.any')}
          value={nationality}
          onChange={setNationality}
          options={countries}
        />
        <FilterSelect
          id="people-sex"
          label={t('people.fields.sex')}
          anyLabel={t('people.search.any')}
          value={sex}
          onChange={(value) => setSex(value as PersonListFilters['sex'])}
          options={sexes.map((s) => ({ value: s, label: t(`people.sex.${s}`) }))}
        />
        <FilterSelect
          id="people-profile"
          label={t('profile.legend')}
          anyLabel={t('people.search.any')}
          value={profile}
          onChange={setProfile}
          options={allIndicators.map((key) => ({ value: key, label: t(`profile.indicators.${key}`) }))}
        />
      </FilterForm>

      <ResultsSection
        id="people-results"
        heading={searching ? t('people.search.results') : t('people.search.all')}
        list={list}
        readyStatus={
          list.items.length === 0 ? t('people.search.none') : t('people.search.count', { count: list.items.length })
        }
        moreLabel={t('people.search.more')}
      >
        <DataTable
          listId="people"
          labelledBy="people-results"
          data={list.items}
          columns={columns}
          getRowId={(person) => person.id}
          loading={state.status === 'loading'}
          rowClassName="person-list__item"
          hiddenByDefault={['aliases']}
          empty={
            <>
              <p>
                <strong>{t('lists.people.emptyTitle')}</strong>
              </p>
              <p>{t('lists.people.emptySearch')}</p>
              {canRegister ? (
                <p>
                  <Link to="/people/new">{t('lists.people.emptyRegister')}</Link>
                </p>
              ) : null}
            </>
          }
        />
      </ResultsSection>
    </>
  );
}
