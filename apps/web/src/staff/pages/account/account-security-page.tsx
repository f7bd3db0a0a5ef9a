// The owner's own security settings (docs/decisions/0129-accounts-only-the-owner-controls.md):
// change the password (the current one is required; other devices sign in again) and make new
// single-use recovery codes, shown once; replace the authenticator app after re-authenticating.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { TextField } from '../../../shared/components/text-field';
import { errorMessage, fieldProblems, type FieldProblem } from '../../api/error-message';
import { useMe } from '../../session/session-context';
import { accountApi } from './account-api';
import { TotpReplaceSection } from './totp-replace-section';

function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; text: string; fields?: FieldProblem[] } | null>(
    null,
  );
  const at = (field: string) => status?.fields?.find((p) => p.field === field)?.message ?? null;
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await accountApi.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setStatus({ tone: 'success', text: t('accountLife.security.passwordChanged') });
    } catch (failure) {
      // Each shown at the field it is about (a short or common new password, a wrong current one).
      const fields = fieldProblems(failure, t);
      setStatus({ tone: 'error', text: errorMessage(failure, t), ...(fields.length > 0 ? { fields } : {}) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password">{t('accountLife.security.passwordTitle')}</h2>
      {status && !status.fields ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
        <TextField
          label={t('accountLife.currentPassword')}
          error={at('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <TextField
          label={t('accountLife.newPassword')}
          hint={t('accountLife.passwordHint')}
          error={at('newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('accountLife.security.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

function RecoveryCodes() {
  const { t } = useTranslation();
  const me = useMe();
  const [remaining, setRemaining] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    accountApi.recoveryCodesLeft().then(
      (r) => setRemaining(r.remaining),
      () => setRemaining(null),
    );
  }, [codes]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCodes((await accountApi.newRecoveryCodes(password)).codes);
      setPassword('');
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="recovery-codes">
      <h2 id="recovery-codes">{t('accountLife.security.codesTitle')}</h2>
      <p>{t('accountLife.security.codesIntro')}</p>
      {remaining !== null ? <p>{t('accountLife.security.codesLeft', { count: remaining })}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {codes ? (
        <>
          <Alert tone="warning">{t('accountLife.security.codesOnce')}</Alert>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {me.totpEnrolled ? (
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
          <TextField
            label={t('accountLife.currentPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('accountLife.security.newCodes')}
            </button>
          </div>
        </form>
      ) : (
        <Alert tone="info">{t('accountLife.security.codesNeedTotp')}</Alert>
      )}
    </section>
  );
}

export function AccountSecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('accountLife.security.title')}</PageTitle>
      <ChangePassword />
      {me.totpEnrolled ? <TotpReplaceSection /> : null}
      <RecoveryCodes />
    </>
  );
}
