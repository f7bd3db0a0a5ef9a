// The dialogs of the accounts screen (decision 0140): each says what will happen before it is done,
// keeps what was typed when the server refuses, and shows the server's error at its field.
// Making or unmaking an administrator asks the acting admin to confirm it is them first.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { TextField } from '../../../shared/components/text-field';
import { roles } from '../../api/api-types';
import { ApiError } from '../../api/client';
import { errorMessage, fieldMessage, namesFields } from '../../api/error-message';
import { useModalAction } from '../../shared/modal-action';
import { SelectField } from '../people/form-fields';
import { useRoleLabel } from '../role-label';
import { ReauthForm } from '../account/reauth-form';
import { adminApi } from './admin-api';
import type { AccountAction, AccountSummary } from './admin-api';

function DialogButtons({
  busy,
  confirm,
  danger,
  onCancel,
}: {
  busy: boolean;
  confirm: string;
  danger?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
        {confirm}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('adminScreens.cancel')}
      </button>
    </div>
  );
}

export function InviteDialog({ onDone, onCancel }: { onDone: (email: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('caseworker');
  const [teams, setTeams] = useState('');
  const { ref, busy, error, run } = useModalAction(async () => {
    const teamList = teams
      .split(',')
      .map((team) => team.trim())
      .filter(Boolean);
    await adminApi.invite({
      email: email.trim(),
      displayName: name.trim(),
      role,
      ...(teamList.length ? { teams: teamList } : {}),
    });
    await onDone(email.trim());
  });
  // Every field the server refused shows its own message (`teams` also for one of the teams).
  const message = (field: string) => fieldMessage(error, t, field, true);
  const general = error && !namesFields(error) ? errorMessage(error, t) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void run();
  };
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="invite-title" onCancel={onCancel}>
      <h2 id="invite-title">{t('accountsAdmin.invite.title')}</h2>
      <p>{t('accountsAdmin.invite.intro')}</p>
      {general ? <Alert tone="error">{general}</Alert> : null}
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label={t('accountsAdmin.invite.email')}
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          error={message('email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('accountsAdmin.invite.name')}
          name="displayName"
          value={name}
          error={message('displayName')}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          id="invite-role"
          label={t('accountsAdmin.role')}
          value={role}
          error={message('role')}
          onChange={(e) => setRole(e.target.value)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('accountsAdmin.teams')}
          hint={t('accountsAdmin.teamsHint')}
          name="teams"
          value={teams}
          error={message('teams')}
          onChange={(e) => setTeams(e.target.value)}
        />
        <DialogButtons busy={busy} confirm={t('accountsAdmin.invite.submit')} onCancel={onCancel} />
      </form>
    </dialog>
  );
}

export function RoleDialog({
  account,
  onDone,
  onCancel,
}: {
  account: AccountSummary;
  onDone: (role: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [role, setRole] = useState<string>(account.role);
  const [needsReauth, setNeedsReauth] = useState(false);
  const { ref, busy, error, run } = useModalAction(async () => {
    try {
      await adminApi.changeRole(account.id, role);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'auth.reauth_required') {
        setNeedsReauth(true);
        return;
      }
      throw failure;
    }
    await onDone(role);
  });
  const involvesAdmin = role === 'admin' || account.role === 'admin';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void run();
  };
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="role-title" onCancel={onCancel}>
      <h2 id="role-title">{t('accountsAdmin.roleDialog.title', { name: account.displayName })}</h2>
      <p>{t('accountsAdmin.roleDialog.effect')}</p>
      {involvesAdmin ? <Alert tone="warning">{t('accountsAdmin.roleDialog.adminWarning')}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {needsReauth ? (
        <ReauthForm
          submitLabel={t('accountsAdmin.roleDialog.confirmAndChange')}
          onCancel={onCancel}
          onDone={async () => {
            setNeedsReauth(false);
            await run();
          }}
        />
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <SelectField
            id="change-role"
            label={t('accountsAdmin.role')}
            value={role}
            onChange={(e) => setRole(e.target.value)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </SelectField>
          <DialogButtons busy={busy} confirm={t('accountsAdmin.roleDialog.submit')} onCancel={onCancel} />
        </form>
      )}
    </dialog>
  );
}

export function TeamsDialog({
  account,
  known,
  onDone,
  onCancel,
}: {
  account: AccountSummary;
  known: string[];
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>((account.teams ?? []).map((team) => team.name));
  const [extra, setExtra] = useState('');
  const { ref, busy, error, run } = useModalAction(async () => {
    const added = extra
      .split(',')
      .map((team) => team.trim())
      .filter(Boolean);
    await adminApi.changeTeams(account.id, [...new Set([...chosen, ...added])]);
    await onDone();
  });
  const toggle = (name: string) =>
    setChosen((now) => (now.includes(name) ? now.filter((n) => n !== name) : [...now, name]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void run();
  };
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="teams-title" onCancel={onCancel}>
      <h2 id="teams-title">{t('accountsAdmin.teamsDialog.title', { name: account.displayName })}</h2>
      <p>{t('accountsAdmin.teamsDialog.effect')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form className="form" noValidate onSubmit={submit}>
        {known.length > 0 ? (
          <fieldset className="admin-purpose-choices">
            <legend>{t('accountsAdmin.teams')}</legend>
            {known.map((name) => (
              <label key={name} className="admin-purpose-choice">
                <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} />
                <span>{name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <TextField
          label={t('accountsAdmin.teamsDialog.newTeam')}
          hint={t('accountsAdmin.teamsHint')}
          name="newTeam"
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
        />
        <DialogButtons busy={busy} confirm={t('accountsAdmin.teamsDialog.submit')} onCancel={onCancel} />
      </form>
    </dialog>
  );
}

export function AccountActionDialog({
  account,
  action,
  onDone,
  onCancel,
}: {
  account: AccountSummary;
  action: AccountAction;
  onDone: (result: { emailed?: boolean }) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(async () =>
    onDone(await adminApi.accountAction(account.id, action)),
  );
  const key = action === 'force-reset' ? 'forceReset' : action;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void run();
  };
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="account-action-title" onCancel={onCancel}>
      <h2 id="account-action-title">{t(`accountsAdmin.confirm.${key}.title`, { name: account.displayName })}</h2>
      <p>{t(`accountsAdmin.confirm.${key}.effect`, { name: account.displayName })}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form noValidate onSubmit={submit}>
        <DialogButtons
          busy={busy}
          danger={action !== 'enable'}
          confirm={t(`accountsAdmin.confirm.${key}.submit`)}
          onCancel={onCancel}
        />
      </form>
    </dialog>
  );
}
