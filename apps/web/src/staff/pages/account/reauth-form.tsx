// "Confirm it is you": the current password, or one of the account's passkeys, proven again in
// this session before a sensitive change (decision 0140, OWASP ASVS 3.7.1). Used by the
// authenticator-app replacement and by administrator role changes.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { TextField } from '../../../shared/components/text-field';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { accountApi } from './account-api';
import { isWebAuthnCancel } from './passkeys-api';

export function ReauthForm({
  onDone,
  submitLabel,
  onCancel,
}: {
  onDone: () => void | Promise<void>;
  submitLabel?: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ text: string; onField: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (prove: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await prove();
      setPassword('');
      await onDone();
    } catch (failure) {
      if (isWebAuthnCancel(failure)) setError({ text: t('accountLife.reauth.passkeyCancelled'), onField: false });
      else
        setError({
          text: errorMessage(failure, t),
          onField: failure instanceof ApiError && failure.field === 'password',
        });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => accountApi.reauthenticate(password));
  };
  return (
    <form className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <p>{t('accountLife.reauth.intro')}</p>
      {error && !error.onField ? <Alert tone="error">{error.text}</Alert> : null}
      <TextField
        label={t('accountLife.currentPassword')}
        name="reauthPassword"
        type="password"
        autoComplete="current-password"
        value={password}
        error={error?.onField ? error.text : null}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel ?? t('accountLife.reauth.submit')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => accountApi.reauthenticateWithPasskey())}
        >
          {t('accountLife.reauth.withPasskey')}
        </button>
        {onCancel ? (
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('accountLife.reauth.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
