// The people who sign in to the organisation (decision 0140): role, teams, status and last sign-in;
// invite, change role or teams, disable or re-enable, force a password reset, remove. Every action
// asks first and says what happens; the server audits each one. Only an administrator sees the
// actions; the administrator's own row has none (nobody changes their own access here).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { useMe } from '../../session/session-context';
import { useRoleLabel } from '../role-label';
import { adminApi } from './admin-api';
import type { AccountAction, AccountSummary } from './admin-api';
import { instantText } from './admin-format';
import { AccountActionDialog, InviteDialog, RoleDialog, TeamsDialog } from './accounts-dialogs';
import './admin.css';

type Open =
  | { kind: 'invite' }
  | { kind: 'role'; account: AccountSummary }
  | { kind: 'teams'; account: AccountSummary }
  | { kind: 'action'; account: AccountSummary; action: AccountAction };

type Load = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'done'; items: AccountSummary[] };

function statusKey(a: AccountSummary): 'disabled' | 'noPassword' | 'noTotp' | 'active' {
  if (a.disabled) return 'disabled';
  if (a.passwordSet === false) return 'noPassword';
  if (!a.totpEnrolled) return 'noTotp';
  return 'active';
}

export function AccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = me.role === 'admin';

  const reload = useCallback(async () => {
    try {
      setLoad({ status: 'done', items: (await adminApi.accountList()).items });
    } catch (failure) {
      setLoad({ status: 'failed', message: errorMessage(failure, t) });
    }
  }, [t]);
  useEffect(() => {
    void reload();
    // Only on arrival; every action reloads explicitly.
  }, []);

  const finish = async (text: string) => {
    await reload();
    setOpen(null);
    setNotice(text);
  };
  const knownTeams =
    load.status === 'done'
      ? [...new Set(load.items.flatMap((a) => (a.teams ?? []).map((team) => team.name)))].sort((x, y) =>
          x.localeCompare(y),
        )
      : [];
  const actionButton = (account: AccountSummary, action: AccountAction, label: string) => (
    <button
      type="button"
      className="button"
      aria-label={t('accountsAdmin.actionFor', { action: label, name: account.displayName })}
      onClick={() => setOpen({ kind: 'action', account, action })}
    >
      {label}
    </button>
  );

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('accountsAdmin.title')}</PageTitle>
      <p>{t('accountsAdmin.intro')}</p>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {isAdmin ? (
        <p>
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'invite' })}>
            {t('accountsAdmin.invite.open')}
          </button>
        </p>
      ) : null}
      {load.status === 'loading' ? <p className="admin-skeleton">{t('adminScreens.loading')}</p> : null}
      {load.status === 'failed' ? <Alert tone="error">{load.message}</Alert> : null}
      {load.status === 'done' ? (
        <table className="admin-table">
          <caption className="visually-hidden">{t('accountsAdmin.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accountsAdmin.person')}</th>
              <th scope="col">{t('accountsAdmin.role')}</th>
              <th scope="col">{t('accountsAdmin.teams')}</th>
              <th scope="col">{t('accountsAdmin.status')}</th>
              <th scope="col">{t('accountsAdmin.lastSignIn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('accountsAdmin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {load.items.map((a) => {
              const self = a.id === me.account.id;
              return (
                <tr key={a.id}>
                  <td data-label={t('accountsAdmin.person')}>
                    <strong>{a.displayName}</strong>
                    <span className="admin-fields">{a.email}</span>
                  </td>
                  <td data-label={t('accountsAdmin.role')}>{roleLabel(a.role)}</td>
                  <td data-label={t('accountsAdmin.teams')}>
                    {(a.teams ?? []).length
                      ? (a.teams ?? []).map((team) => team.name).join(', ')
                      : t('accountsAdmin.noTeams')}
                  </td>
                  <td data-label={t('accountsAdmin.status')}>
                    <span className={`admin-status admin-status--${statusKey(a)}`}>
                      {t(`accountsAdmin.statuses.${statusKey(a)}`)}
                    </span>
                    {a.managedHere === false ? (
                      <span className="admin-fields">{t('accountsAdmin.managedElsewhere')}</span>
                    ) : null}
                  </td>
                  <td data-label={t('accountsAdmin.lastSignIn')}>
                    {a.lastSignInAt ? instantText(a.lastSignInAt, language) : t('accountsAdmin.never')}
                  </td>
                  <td>
                    {isAdmin && !self ? (
                      <div className="admin-row-actions">
                        <button
                          type="button"
                          className="button"
                          aria-label={t('accountsAdmin.actionFor', {
                            action: t('accountsAdmin.changeRole'),
                            name: a.displayName,
                          })}
                          onClick={() => setOpen({ kind: 'role', account: a })}
                        >
                          {t('accountsAdmin.changeRole')}
                        </button>
                        <button
                          type="button"
                          className="button"
                          aria-label={t('accountsAdmin.actionFor', {
                            action: t('accountsAdmin.changeTeams'),
                            name: a.displayName,
                          })}
                          onClick={() => setOpen({ kind: 'teams', account: a })}
                        >
                          {t('accountsAdmin.changeTeams')}
                        </button>
                        {a.managedHere !== false
                          ? actionButton(
                              a,
                              a.disabled ? 'enable' : 'disable',
                              a.disabled ? t('accountsAdmin.enable') : t('accountsAdmin.disable'),
                            )
                          : null}
                        {a.managedHere !== false && !a.disabled
                          ? actionButton(a, 'force-reset', t('accountsAdmin.forceReset'))
                          : null}
                        {actionButton(a, 'remove', t('accountsAdmin.remove'))}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {open?.kind === 'invite' ? (
        <InviteDialog
          onCancel={() => setOpen(null)}
          onDone={(email) => finish(t('accountsAdmin.invite.done', { email }))}
        />
      ) : null}
      {open?.kind === 'role' ? (
        <RoleDialog
          account={open.account}
          onCancel={() => setOpen(null)}
          onDone={(role) =>
            finish(t('accountsAdmin.roleDialog.done', { name: open.account.displayName, role: roleLabel(role) }))
          }
        />
      ) : null}
      {open?.kind === 'teams' ? (
        <TeamsDialog
          account={open.account}
          known={knownTeams}
          onCancel={() => setOpen(null)}
          onDone={() => finish(t('accountsAdmin.teamsDialog.done', { name: open.account.displayName }))}
        />
      ) : null}
      {open?.kind === 'action' ? (
        <AccountActionDialog
          account={open.account}
          action={open.action}
          onCancel={() => setOpen(null)}
          onDone={(result) =>
            finish(
              open.action === 'force-reset' && result.emailed === false
                ? t('accountsAdmin.confirm.forceReset.notEmailed', { name: open.account.displayName })
                : t(`accountsAdmin.confirm.${open.action === 'force-reset' ? 'forceReset' : open.action}.done`, {
                    name: open.account.displayName,
                  }),
            )
          }
        />
      ) : null}
    </>
  );
}
