// Login in one or two steps: email and password, then — if the server answers
// auth.totp_required — the 6-digit code, sent again together with the credentials.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../shared/components/alert';
import { PageTitle } from '../../shared/components/page-title';
import { TextField } from '../../shared/components/text-field';
import { ApiError } from '../api/client';
import { errorMessage, fieldProblems } from '../api/error-message';
import { staffApi } from '../api/staff-api';
import { Link } from '../router/router';
import type { SignedOutReason } from '../session/session-context';
import { useSession } from '../session/session-context';
import { LanguageSwitch } from '../shell/language-switch';
import { SkipLink } from '../shell/skip-link';
import { OtherSignIn, PasskeyInsteadOfCode } from './account/passkeys-login';

type Field = 'email' | 'password' | 'totp';
const fields: readonly string[] = ['email', 'password', 'totp'];

interface LoginError {
  message: string;
  /** The first field the server refused (focus goes there), null when it named none of the form's. */
  field: Field | null;
  /** Every field of the form the server refused, with its message. */
  fields: Partial<Record<Field, string>>;
}

const reasonKeys = {
  loggedOut: 'login.loggedOut',
  loggedOutAll: 'login.loggedOutAll',
  expired: 'login.sessionExpired',
} as const;

export function LoginPage({ reason }: { reason: SignedOutReason | null }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    totp: useRef<HTMLInputElement>(null),
  };
  const alertRef = useRef<HTMLDivElement>(null);

  // After each answer, put focus where the user has to act: the field at fault, the code input,
  // or the error message. A new object each time, so that the same target can be asked twice.
  const [focusRequest, setFocusRequest] = useState<{ target: Field | 'alert' } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const element = focusRequest.target === 'alert' ? alertRef.current : refs[focusRequest.target].current;
    element?.focus();
  }, [focusRequest]); // refs are stable objects

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const code = totp.replace(/\s+/g, '');
      const result = await staffApi.login({ email, password, ...(step === 'totp' ? { totp: code } : {}) });
      signedIn(result.me, result.csrfToken); // the router then leaves /login
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.code === 'auth.totp_required' && step === 'credentials') {
        setStep('totp');
        setError(null);
        setFocusRequest({ target: 'totp' });
        return;
      }
      const refused: Partial<Record<Field, string>> = {};
      for (const problem of fieldProblems(failure, t))
        if (fields.includes(problem.field)) refused[problem.field as Field] ??= problem.message;
      const field = (Object.keys(refused)[0] as Field | undefined) ?? null;
      setError({ message: errorMessage(failure, t), field, fields: refused });
      if (field === 'totp') setTotp('');
      setFocusRequest({ target: field ?? 'alert' });
    }
  };

  const restart = () => {
    setStep('credentials');
    setTotp('');
    setPassword('');
    setError(null);
    setFocusRequest({ target: 'email' });
  };

  const fieldError = (field: Field) => error?.fields[field] ?? null;

  return (
    <div className="login">
      <SkipLink />
      <header className="login__header">
        <p className="login__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login__main" tabIndex={-1}>
        <div className="card login__card">
          <PageTitle appName={t('app.name')}>
            {step === 'credentials' ? t('login.title') : t('login.totpTitle')}
          </PageTitle>
          {reason && !error ? <Alert tone="info">{t(reasonKeys[reason])}</Alert> : null}
          {error && !error.field ? (
            <div ref={alertRef} tabIndex={-1}>
              <Alert tone="error">{error.message}</Alert>
            </div>
          ) : null}
          <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy || undefined}>
            {step === 'credentials' ? (
              <>
                <p className="login__intro">{t('login.intro')}</p>
                <TextField
                  ref={refs.email}
                  label={t('login.email')}
                  name="email"
                  type="email"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={email}
                  error={fieldError('email')}
                  onChange={(event) => setEmail(event.target.value)}
                />
                <TextField
                  ref={refs.password}
                  label={t('login.password')}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  error={fieldError('password')}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </>
            ) : (
              <>
                <p className="login__intro">{t('login.totpIntro')}</p>
                <TextField
                  ref={refs.totp}
                  label={t('login.totp')}
                  hint={t('login.totpHint')}
                  name="totp"
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={12}
                  className="field--code"
                  value={totp}
                  error={fieldError('totp')}
                  onChange={(event) => setTotp(event.target.value)}
                />
              </>
            )}
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('login.submitting') : step === 'credentials' ? t('login.submit') : t('login.verify')}
              </button>
              {step === 'totp' ? (
                <button type="button" className="button button--quiet" onClick={restart} disabled={busy}>
                  {t('login.back')}
                </button>
              ) : null}
            </div>
          </form>
          <p className="login__forgot">
            <Link to="/account/forgot">{t('accountLife.forgotLink')}</Link>
          </p>
          {step === 'credentials' ? <OtherSignIn /> : <PasskeyInsteadOfCode email={email} password={password} />}
        </div>
      </main>
    </div>
  );
}
