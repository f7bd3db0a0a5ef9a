// A case: a header that says whose case it is, its status and who carries it (with the actions
// the role may take: change status or caseworker in a dialog, close or reopen with a reason), and
// tabs that open on demand — summary, plan, procedures (opened from here), notes, attachments,
// history. The selected tab is in the URL (?tab=procedures). Writes send the version read; a stale
// version shows what the other person changed and loads the current one.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './cases.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { RecordHeader, RecordTabs, type RecordTab } from '../../../shared/components/record-page';
import { currentLanguage, plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate, useLocation } from '../../router/router';
import { formatInstant } from '../people/reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { ProceduresSection } from '../people/procedures-section';
import { casesApi } from './cases-api';
import type { CaseAssignees, CaseView } from './cases-api';
import { caseTitle } from './cases-list-page';
import { conflictMessage } from './case-conflict';
import { ReasonDialog } from './reason-dialog';
import { CasePlanSection } from './case-plan-section';
import { CaseNotesSection } from './case-notes-section';
import { CaseAttachmentsSection } from './case-attachments-section';
import { CaseTimelineSection } from './case-timeline-section';
import { CaseEditDialog } from './case-edit-dialog';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; item: CaseView };

const caseTabIds = ['summary', 'plan', 'procedures', 'notes', 'attachments', 'history'] as const;

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { search } = useLocation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [assignees, setAssignees] = useState<CaseAssignees>({ accounts: [], teams: [] });
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const [editing, setEditing] = useState(false);
  const [revision, setRevision] = useState(0);

  const show = useCallback((item: CaseView) => {
    setLoad({ status: 'ready', item });
    setRevision((r) => r + 1);
  }, []);

  const reload = useCallback(async () => {
    try {
      show(await casesApi.get(caseId));
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, [caseId, show]);

  useEffect(() => {
    void reload();
    casesApi.assignees().then(setAssignees, () => undefined);
  }, [reload]);

  /** A failed write: a conflict reloads the case and says what changed; anything else is shown. */
  const failed = useCallback(
    async (error: unknown) => {
      const conflict = conflictMessage(error, t);
      if (conflict) {
        await reload();
        setNotice({ tone: 'warning', text: conflict });
      } else setNotice({ tone: 'error', text: errorMessage(error, t) });
    },
    [reload, t],
  );

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('cases.page.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
        <p>
          <Link to="/cases">{t('cases.page.backToList')}</Link>
        </p>
      </>
    );
  }
  const item = load.item;
  const closed = item.status === 'closed';
  const wanted = search.get('tab') ?? 'summary';
  const tab = (caseTabIds as readonly string[]).includes(wanted) ? wanted : 'summary';

  const tabs: RecordTab[] = [
    { id: 'summary', label: t('caseTabs.tabs.summary'), render: () => <CaseSummary item={item} /> },
    {
      id: 'plan',
      label: t('caseTabs.tabs.plan'),
      render: () => <CasePlanSection item={item} assignees={assignees} onChanged={reload} onFailed={failed} />,
    },
    {
      id: 'procedures',
      label: t('caseTabs.tabs.procedures'),
      render: () =>
        item.personId ? (
          <ProceduresSection personId={item.personId} />
        ) : (
          <p className="muted">{t('caseTabs.noPersonProcedures')}</p>
        ),
    },
    {
      id: 'notes',
      label: t('caseTabs.tabs.notes'),
      render: () =>
        item.canUpdate ? (
          <CaseNotesSection caseId={item.id} readOnly={closed} onChanged={() => setRevision((r) => r + 1)} />
        ) : (
          <p className="muted">{t('cases.page.readOnly')}</p>
        ),
    },
    {
      id: 'attachments',
      label: t('caseTabs.tabs.attachments'),
      render: () =>
        item.canUpdate ? (
          <CaseAttachmentsSection caseId={item.id} readOnly={closed} onChanged={() => setRevision((r) => r + 1)} />
        ) : (
          <p className="muted">{t('cases.page.readOnly')}</p>
        ),
    },
    {
      id: 'history',
      label: t('caseTabs.tabs.history'),
      render: () => <CaseTimelineSection caseId={item.id} revision={revision} />,
    },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.page.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('cases.page.title', { name: caseTitle(item, plain(t)) })}</PageTitle>
      <RecordHeader
        actions={
          item.canUpdate ? (
            <>
              {!closed ? (
                <button type="button" id="case-edit" className="button button--quiet" onClick={() => setEditing(true)}>
                  {t('caseTabs.edit')}
                </button>
              ) : null}
              <button
                id="case-close-toggle"
                type="button"
                className="button button--quiet"
                onClick={() => setDialog(closed ? 'reopen' : 'close')}
              >
                {closed ? t('cases.close.reopen') : t('cases.close.close')}
              </button>
            </>
          ) : null
        }
      >
        <ul className="record-badges" aria-label={t('personTabs.statusLabel')}>
          <li className="record-badge" id="case-status">
            {t(`cases.status.${item.status}`)}
          </li>
          <li className="record-badge">
            {t('caseTabs.owner', {
              worker: item.assignedName ?? t('cases.page.none'),
              team: item.teamName ?? t('cases.page.none'),
            })}
          </li>
          <li className="record-badge">{t('caseTabs.openedOn', { date: formatInstant(item.openedAt, language) })}</li>
          {item.childProtection ? (
            <li className="record-badge record-badge--attention">
              {t('cases.flags.unaccompanied_or_separated_child')}
            </li>
          ) : null}
        </ul>
        {item.personId ? (
          <p>
            <Link to={`/people/${item.personId}`}>{t('caseTabs.personFile', { name: caseTitle(item, plain(t)) })}</Link>
          </p>
        ) : null}
      </RecordHeader>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {item.childProtection ? <Alert tone="warning">{t('cases.page.childProtection')}</Alert> : null}
      {!item.canUpdate ? <p className="muted">{t('cases.page.readOnly')}</p> : null}

      <CaseEditDialog
        item={item}
        assignees={assignees}
        isOpen={editing}
        onOpenChange={setEditing}
        onSave={async (edit) => {
          setNotice(null);
          try {
            show(
              await casesApi.update(item.id, {
                version: item.version,
                status: edit.status,
                assignedAccountId: edit.assignedAccountId || null,
                teamId: edit.teamId || null,
              }),
            );
            setNotice({ tone: 'success', text: t('cases.page.saved') });
            focusWhenPresent(() => document.getElementById('case-edit'));
          } catch (error) {
            setEditing(false);
            await failed(error);
            throw error;
          }
        }}
      />
      {dialog ? (
        <ReasonDialog
          mode={dialog}
          onCancel={() => {
            setDialog(null);
            focusWhenPresent(() => document.getElementById('case-close-toggle'));
          }}
          onConfirm={async (reason) => {
            try {
              show(
                dialog === 'close'
                  ? await casesApi.close(item.id, item.version, reason)
                  : await casesApi.reopen(item.id, item.version, reason),
              );
              setNotice({
                tone: 'success',
                text: dialog === 'close' ? t('cases.close.closed') : t('cases.close.reopened'),
              });
              setDialog(null);
              focusWhenPresent(() => document.getElementById('case-close-toggle'));
            } catch (error) {
              if (conflictMessage(error, t)) {
                setDialog(null);
                await failed(error);
              } else throw error;
            }
          }}
        />
      ) : null}

      <RecordTabs
        label={t('caseTabs.label')}
        tabs={tabs}
        selected={tab}
        onSelect={(id) =>
          navigate(id === 'summary' ? `/cases/${item.id}` : `/cases/${item.id}?tab=${id}`, { replace: true })
        }
      />
    </>
  );
}

function CaseSummary({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: [string, string][] = [
    [t('cases.page.status'), t(`cases.status.${item.status}`)],
    [t('cases.page.worker'), item.assignedName ?? t('cases.page.none')],
    [t('cases.page.team'), item.teamName ?? t('cases.page.none')],
    [t('cases.page.openedAt'), formatInstant(item.openedAt, language)],
    ...(item.closedAt ? [[t('cases.page.closedAt'), formatInstant(item.closedAt, language)] as [string, string]] : []),
    [t('caseTabs.openTasks'), String(item.tasks.filter((task) => !task.done).length)],
  ];
  return (
    <section aria-labelledby="case-summary" className="card section-card">
      <h2 id="case-summary">{t('cases.page.summary')}</h2>
      <dl className="record">
        {rows.map(([term, value]) => (
          <div key={term} className="record__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
