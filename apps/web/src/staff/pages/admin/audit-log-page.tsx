// The audit-log browser for an organisation's administrators (decision 0128): filters by action,
// account, record and days; newest first; "Cargar más" follows the server's cursor; the CSV export
// takes the same filters. Actions are shown in words where a label exists, else as their code.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { DateInputField } from '../../../shared/components/date-field';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { FilterForm, FilterSelect } from '../../shared/filter-form';
import { InputField } from '../people/form-fields';
import { adminApi, auditExportHref, emptyAuditFilters } from './admin-api';
import type { AccountOption, AuditFilters, AuditLogEntry } from './admin-api';
import { actionLabel, auditActionChoices, instantText, recordTypeLabel } from './admin-format';
import './admin.css';

type Entries = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'done' };

export function AuditLogPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState<AuditFilters>(emptyAuditFilters);
  const [applied, setApplied] = useState<AuditFilters>(emptyAuditFilters);
  const [items, setItems] = useState<AuditLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<Entries>({ status: 'loading' });
  const [accounts, setAccounts] = useState<AccountOption[]>([]);

  // The request still running: new filters (or more of the same list) cancel it, so that a slow
  // page of older filters never lands on top of the newer filters' entries.
  const running = useRef<AbortController | null>(null);
  const load = useCallback(
    async (filters: AuditFilters, after: string | null) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ status: 'loading' });
      try {
        const page = await adminApi.auditLog(filters, after, controller.signal);
        if (controller.signal.aborted) return;
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setState({ status: 'done' });
      } catch (failure) {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: errorMessage(failure, t) });
      }
    },
    [t],
  );

  useEffect(() => {
    void load(emptyAuditFilters, null);
    adminApi.accounts().then(
      (answer) => setAccounts(answer.items),
      () => setAccounts([]),
    );
    // Only on arrival; the filter form and "Cargar más" load again.
    return () => running.current?.abort();
  }, []);

  const set = (key: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('adminScreens.audit.title')}</PageTitle>
      <p>{t('adminScreens.audit.intro')}</p>
      <FilterForm
        label={t('adminScreens.audit.filters')}
        submitLabel={t('adminScreens.audit.apply')}
        onSubmit={() => {
          setApplied(draft);
          void load(draft, null);
        }}
      >
        <FilterSelect
          id="audit-action"
          label={t('adminScreens.audit.action')}
          anyLabel={t('adminScreens.audit.anyAction')}
          value={draft.action}
          onChange={set('action')}
          options={auditActionChoices.map((code) => ({ value: code, label: actionLabel(t, code) }))}
        />
        <FilterSelect
          id="audit-account"
          label={t('adminScreens.audit.account')}
          anyLabel={t('adminScreens.audit.anyAccount')}
          value={draft.accountId}
          onChange={set('accountId')}
          options={accounts.map((a) => ({ value: a.id, label: a.displayName || a.email }))}
        />
        <InputField
          id="audit-record"
          label={t('adminScreens.audit.recordId')}
          hint={t('adminScreens.audit.recordIdHint')}
          value={draft.recordId}
          onChange={(e) => set('recordId')(e.target.value)}
        />
        <DateInputField
          id="audit-from"
          label={t('adminScreens.audit.from')}
          language={language}
          value={draft.from}
          onChange={set('from')}
        />
        <DateInputField
          id="audit-to"
          label={t('adminScreens.audit.to')}
          language={language}
          value={draft.to}
          onChange={set('to')}
        />
      </FilterForm>
      <p>
        <a className="button" href={auditExportHref(applied)} download>
          {t('adminScreens.audit.export')}
        </a>
      </p>
      {state.status === 'failed' ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === 'done' && items.length === 0 ? <p>{t('adminScreens.audit.empty')}</p> : null}
      {items.length > 0 ? (
        <table className="admin-table">
          <caption className="visually-hidden">{t('adminScreens.audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminScreens.audit.when')}</th>
              <th scope="col">{t('adminScreens.audit.who')}</th>
              <th scope="col">{t('adminScreens.audit.action')}</th>
              <th scope="col">{t('adminScreens.audit.record')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.seq}>
                <td data-label={t('adminScreens.audit.when')}>{instantText(e.at, language)}</td>
                <td data-label={t('adminScreens.audit.who')}>{e.actorName ?? t('adminScreens.audit.system')}</td>
                <td data-label={t('adminScreens.audit.action')}>{actionLabel(t, e.action)}</td>
                <td data-label={t('adminScreens.audit.record')}>
                  {recordTypeLabel(t, e.recordType)}
                  {e.recordId ? <span className="admin-record-id"> {e.recordId}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {state.status === 'loading' ? <p className="admin-skeleton">{t('adminScreens.loading')}</p> : null}
      {cursor && state.status !== 'loading' ? (
        <p>
          <button type="button" className="button" onClick={() => void load(applied, cursor)}>
            {t('adminScreens.audit.more')}
          </button>
        </p>
      ) : null}
    </>
  );
}
