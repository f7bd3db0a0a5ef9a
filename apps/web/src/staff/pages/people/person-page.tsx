// A person's page: a header that says who this is (facts, flags, open case and who carries it)
// and tabs that open on demand (UI.md "Record page"). The record is read from the server (the read
// is audited there); the selected tab is in the URL (?tab=procedures) so a link opens it.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { RecordHeader, RecordTabs } from '../../../shared/components/record-page';
import { plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate, useLocation } from '../../router/router';
import { peopleApi } from './people-api';
import type { Person } from './people-api';
import { personName } from './person-name';
import { PersonHeader } from './person-header';
import { personTabIds, personTabs } from './person-tabs';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; person: Person };

/** The in-app path of a person's page on a given tab (the summary needs no parameter). */
export function personPath(personId: string, tab?: string): string {
  return tab && tab !== 'summary' ? `/people/${personId}?tab=${encodeURIComponent(tab)}` : `/people/${personId}`;
}

export function PersonPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setLoad({ status: 'ready', person: await peopleApi.get(personId) });
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, [personId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('people.person.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
        <p>
          <Link to="/people">{t('people.backToList')}</Link>
        </p>
      </>
    );
  }
  const person = load.person;
  const registered = search.get('registered') === '1';
  const wanted = search.get('tab') ?? 'summary';
  const tab = (personTabIds as readonly string[]).includes(wanted) ? wanted : 'summary';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{personName(person, t)}</PageTitle>
      <RecordHeader>
        <PersonHeader person={person} />
      </RecordHeader>
      {registered ? <Alert tone="success">{t('people.register.done')}</Alert> : null}
      <RecordTabs
        label={t('personTabs.label')}
        tabs={personTabs(plain(t), {
          person,
          reload,
          onSaved: (updated) => setLoad({ status: 'ready', person: updated }),
        })}
        selected={tab}
        onSelect={(id) => navigate(personPath(person.id, id), { replace: true })}
      />
    </>
  );
}
