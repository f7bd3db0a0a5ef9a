// Replacing the authenticator app (new phone, or a secret someone else once saw): confirm it is
// you, add the new secret to the new app, prove it with one code. Until then the old app keeps
// working; afterwards the other sessions end (decision 0140).
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { TextField } from '../../../shared/components/text-field';
import type { TotpSetup } from '../../api/api-types';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { accountApi } from './account-api';
import { ReauthForm } from './reauth-form';

type Stage = 'idle' | 'reauth' | 'setup' | 'done';

const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function TotpReplaceSection() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>('idle');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ text: string; onCode: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (stage === 'setup' || stage === 'done') headingRef.current?.focus();
  }, [stage]);

  const start = async () => {
    setError(null);
    try {
      setSetup(await accountApi.replaceTotpSetup());
      setStage('setup');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'auth.reauth_required') setStage('reauth');
      else setError({ text: errorMessage(failure, t), onCode: false });
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountApi.replaceTotpConfirm(code.replace(/\s+/g, ''));
      setCode('');
      setSetup(null);
      setStage('done');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'auth.reauth_required') setStage('reauth');
      setError({ text: errorMessage(failure, t), onCode: failure instanceof ApiError && failure.field === 'code' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="replace-totp">
      <h2 id="replace-totp" ref={headingRef} tabIndex={-1}>
        {t('accountLife.replaceTotp.title')}
      </h2>
      <p>{t('accountLife.replaceTotp.intro')}</p>
      {error && !error.onCode ? <Alert tone="error">{error.text}</Alert> : null}
      {stage === 'done' ? <Alert tone="success">{t('accountLife.replaceTotp.done')}</Alert> : null}
      {stage === 'idle' || stage === 'done' ? (
        <button type="button" className="button button--primary" onClick={() => void start()}>
          {t('accountLife.replaceTotp.start')}
        </button>
      ) : null}
      {stage === 'reauth' ? (
        <ReauthForm onDone={start} submitLabel={t('accountLife.reauth.submit')} onCancel={() => setStage('idle')} />
      ) : null}
      {stage === 'setup' && setup ? (
        <div className="two-factor__setup">
          <p>{t('accountLife.replaceTotp.step1')}</p>
          <dl className="two-factor__secrets">
            <dt>{t('twoFactor.secret')}</dt>
            <dd>
              <code className="two-factor__secret" data-testid="new-totp-secret">
                {groupSecret(setup.secret)}
              </code>
            </dd>
            <dt>{t('twoFactor.url')}</dt>
            <dd>
              <code className="two-factor__url">{setup.otpauthUrl}</code>
            </dd>
          </dl>
          <form className="form" noValidate onSubmit={(event) => void confirm(event)} aria-busy={busy || undefined}>
            <TextField
              label={t('accountLife.replaceTotp.code')}
              name="newTotpCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              error={error?.onCode ? error.text : null}
              onChange={(event) => setCode(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('accountLife.replaceTotp.confirm')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setStage('idle')}>
                {t('accountLife.reauth.cancel')}
              </button>
            </div>
          </form>
        </div>
      ) : null}
    </section>
  );
}
