// A case: who it is for, status, caseworker and team (saved with the version read; a stale
// version shows what the other person changed and loads the current one), the plan, notes,
// attachments and the timeline; closing and reopening ask for a reason.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './cases.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage, plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { SelectField } from '../people/form-fields';
import { formatInstant } from '../people/reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { casesApi } from './cases-api';
import type { CaseAssignees, CaseView } from './cases-api';
import { caseTitle } from './cases-list-page';
import { conflictMessage } from './case-conflict';
import { ReasonDialog } from './reason-dialog';
import { CasePlanSection } from './case-plan-section';
import { CaseNotesSection } from './case-notes-section';
import { CaseAttachmentsSection } from './case-attachments-section';
import { CaseTimelineSection } from './case-timeline-section';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; item: CaseView };
type Editable = { status: 'open' | 'active' | 'on_hold'; assignedAccountId: string; teamId: string };

const editableOf = (c: CaseView): Editable => ({
  status: c.status === 'closed' ? 'open' : c.status,
  assignedAccountId: c.assignedAccountId ?? '',
  teamId: c.teamId ?? '',
});

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [assignees, setAssignees] = useState<CaseAssignees>({ accounts: [], teams: [] });
  const [form, setForm] = useState<Editable | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const [saving, setSaving] = useState(false);
  const [revision, setRevision] = useState(0);

  const show = useCallback((item: CaseView) => {
    setLoad({ status: 'ready', item });
    setForm(editableOf(item));
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

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setSaving(true);
    setNotice(null);
    try {
      show(
        await casesApi.update(item.id, {
          version: item.version,
          status: form.status,
          assignedAccountId: form.assignedAccountId || null,
          teamId: form.teamId || null,
        }),
      );
      setNotice({ tone: 'success', text: t('cases.page.saved') });
    } catch (error) {
      await failed(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.page.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('cases.page.title', { name: caseTitle(item, plain(t)) })}</PageTitle>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {item.childProtection ? <Alert tone="warning">{t('cases.page.childProtection')}</Alert> : null}

      <section aria-labelledby="case-summary" className="card section-card">
        <h2 id="case-summary">{t('cases.page.summary')}</h2>
        <dl className="record">
          <div className="record__row">
            <dt>{t('cases.page.person')}</dt>
            <dd>
              {item.personId ? (
                <Link to={`/people/${item.personId}`}>{caseTitle(item, plain(t))}</Link>
              ) : (
                t('cases.household')
              )}
            </dd>
          </div>
          <div className="record__row">
            <dt>{t('cases.page.status')}</dt>
            <dd id="case-status">{t(`cases.status.${item.status}`)}</dd>
          </div>
          <div className="record__row">
            <dt>{t('cases.page.worker')}</dt>
            <dd>{item.assignedName ?? t('cases.page.none')}</dd>
          </div>
          <div className="record__row">
            <dt>{t('cases.page.team')}</dt>
            <dd>{item.teamName ?? t('cases.page.none')}</dd>
          </div>
          <div className="record__row">
            <dt>{t('cases.page.openedAt')}</dt>
            <dd>{formatInstant(item.openedAt, language)}</dd>
          </div>
          {item.closedAt ? (
            <div className="record__row">
              <dt>{t('cases.page.closedAt')}</dt>
              <dd>{formatInstant(item.closedAt, language)}</dd>
            </div>
          ) : null}
        </dl>
        {!item.canUpdate ? <p className="muted">{t('cases.page.readOnly')}</p> : null}
        {item.canUpdate && form && !closed ? (
          <form className="case-header" onSubmit={(e) => void save(e)}>
            <SelectField
              id="case-edit-status"
              label={t('cases.page.status')}
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.target.value as Editable['status'] })}
            >
              {(['open', 'active', 'on_hold'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`cases.status.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="case-edit-worker"
              label={t('cases.page.worker')}
              value={form.assignedAccountId}
              onChange={(e) => setForm({ ...form, assignedAccountId: e.target.value })}
            >
              <option value="">{t('cases.page.none')}</option>
              {assignees.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="case-edit-team"
              label={t('cases.page.team')}
              value={form.teamId}
              onChange={(e) => setForm({ ...form, teamId: e.target.value })}
            >
              <option value="">{t('cases.page.none')}</option>
              {assignees.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </SelectField>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? t('cases.page.saving') : t('cases.page.save')}
              </button>
            </div>
          </form>
        ) : null}
        {item.canUpdate ? (
          <p>
            <button
              id="case-close-toggle"
              type="button"
              className="button button--quiet"
              onClick={() => setDialog(closed ? 'reopen' : 'close')}
            >
              {closed ? t('cases.close.reopen') : t('cases.close.close')}
            </button>
          </p>
        ) : null}
      </section>

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

      <CasePlanSection item={item} assignees={assignees} onChanged={reload} onFailed={failed} />
      {item.canUpdate ? (
        <CaseNotesSection caseId={item.id} readOnly={closed} onChanged={() => setRevision((r) => r + 1)} />
      ) : null}
      {item.canUpdate ? (
        <CaseAttachmentsSection caseId={item.id} readOnly={closed} onChanged={() => setRevision((r) => r + 1)} />
      ) : null}
      <CaseTimelineSection caseId={item.id} revision={revision} />
    </>
  );
}
