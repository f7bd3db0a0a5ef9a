// TOTP enrolment: the server makes a secret, the user adds it to an authenticator app and proves
// it with one code. There is no QR code yet (it would need an encoder in the bundle); the secret
// and the otpauth:// URL are shown as text to type or paste.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../shared/components/alert';
import { PageTitle } from '../../shared/components/page-title';
import { TextField } from '../../shared/components/text-field';
import type { TotpSetup } from '../api/api-types';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { staffApi } from '../api/staff-api';
import { Link } from '../router/router';
import { useMe, useSession } from '../session/session-context';

type Stage = 'idle' | 'starting' | 'setup' | 'confirming' | 'done';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read aloud and to type. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { signedIn } = useSession();
  const [stage, setStage] = useState<Stage>('idle');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ message: string; onCode: boolean } | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stage === 'setup') codeRef.current?.focus();
    if (stage === 'done') doneRef.current?.focus();
  }, [stage, error]);

  const start = async () => {
    setStage('starting');
    setError(null);
    try {
      setSetup(await staffApi.totpSetup());
      setStage('setup');
    } catch (failure) {
      setError({ message: errorMessage(failure, t), onCode: false });
      setStage('idle');
    }
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStage('confirming');
    setError(null);
    try {
      await staffApi.totpConfirm(code.replace(/\s+/g, ''));
      signedIn(await staffApi.me()); // totpEnrolled and mustEnrollTotp change on the server
      setStage('done');
    } catch (failure) {
      const onCode = failure instanceof ApiError && failure.field === 'code';
      setError({ message: errorMessage(failure, t), onCode });
      if (onCode) setCode('');
      setStage('setup');
    }
  };

  const showSetup = setup !== null && (stage === 'setup' || stage === 'confirming');
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('twoFactor.title')}</PageTitle>
      {me.mustEnrollTotp ? <Alert tone="warning">{t('twoFactor.required')}</Alert> : null}
      <p>{t('twoFactor.intro')}</p>
      {error && !error.onCode ? <Alert tone="error">{error.message}</Alert> : null}

      {stage === 'done' ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert tone="success">{t('twoFactor.success')}</Alert>
          <p>
            <Link to="/">{t('twoFactor.continue')}</Link>
          </p>
        </div>
      ) : null}

      {me.totpEnrolled && stage !== 'done' ? <Alert tone="info">{t('twoFactor.enrolled')}</Alert> : null}

      {!me.totpEnrolled && (stage === 'idle' || stage === 'starting') ? (
        <button
          type="button"
          className="button button--primary"
          disabled={stage === 'starting'}
          onClick={() => void start()}
        >
          {stage === 'starting' ? t('twoFactor.starting') : t('twoFactor.start')}
        </button>
      ) : null}

      {showSetup ? (
        <div className="two-factor__setup">
          <p>{t('twoFactor.step1')}</p>
          <dl className="two-factor__secrets">
            <dt>{t('twoFactor.secret')}</dt>
            <dd>
              <code className="two-factor__secret" data-testid="totp-secret">
                {groupSecret(setup.secret)}
              </code>
            </dd>
            <dt>{t('twoFactor.url')}</dt>
            <dd>
              <code className="two-factor__url">{setup.otpauthUrl}</code>
            </dd>
          </dl>
          <form className="form" noValidate onSubmit={(event) => void confirm(event)}>
            <p>{t('twoFactor.step2')}</p>
            <TextField
              ref={codeRef}
              label={t('twoFactor.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              className="field--code"
              value={code}
              error={error?.onCode ? error.message : null}
              onChange={(event) => setCode(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={stage === 'confirming'}>
                {stage === 'confirming' ? t('twoFactor.confirming') : t('twoFactor.confirm')}
              </button>
            </div>
          </form>
        </div>
      ) : null}
    </>
  );
}
