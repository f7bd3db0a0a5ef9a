// Pages reached from an e-mailed link or from the login page, without a session
// (docs/decisions/0129-accounts-only-the-owner-controls.md): accept an invitation (choose the
// password, then two-factor set-up follows), forgot password, and reset with the second factor.
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { TextField } from '../../../shared/components/text-field';
import type { InvitationInfo, ResetInfo } from '@acompana/core/api';
import { errorMessage } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { useSession } from '../../session/session-context';
import { LanguageSwitch } from '../../shell/language-switch';
import { twoFactorLink } from '../../shell/modules';
import { accountApi, linkToken } from './account-api';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="login">
      <header className="login__header">
        <p className="login__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login__main" tabIndex={-1}>
        <div className="card login__card">
          <PageTitle appName={t('app.name')}>{title}</PageTitle>
          {children}
        </div>
      </main>
    </div>
  );
}

/** Runs a form action, keeping the busy flag and the translated error. */
function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

function InvitationPage() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [token] = useState(linkToken); // read once: the fragment is cleared after use
  const [info, setInfo] = useState<InvitationInfo | null>(null);
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const { busy, error, run } = useAction();
  useEffect(() => {
    void run(async () => setInfo(await accountApi.inspectInvitation(token)));
  }, [token]); // run is recreated each render; the token is what matters
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await accountApi.acceptInvitation({ token, password, ...(totp ? { totp } : {}) });
      window.history.replaceState(null, '', window.location.pathname);
      signedIn(result.me, result.csrfToken);
      navigate(result.me.totpEnrolled ? '/' : twoFactorLink.path, { replace: true });
    });
  };
  return (
    <Frame title={t('accountLife.invitation.title')}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {info ? (
        <form className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
          <p>{t('accountLife.invitation.intro', { organisation: info.organisation, email: info.email })}</p>
          <p>{info.existingAccount ? t('accountLife.invitation.existing') : t('accountLife.invitation.new')}</p>
          <TextField
            label={info.existingAccount ? t('login.password') : t('accountLife.newPassword')}
            hint={info.existingAccount ? undefined : t('accountLife.passwordHint')}
            name="password"
            type="password"
            autoComplete={info.existingAccount ? 'current-password' : 'new-password'}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {info.existingAccount ? (
            <TextField
              label={t('login.totp')}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={totp}
              onChange={(event) => setTotp(event.target.value.replace(/\s+/g, ''))}
            />
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('accountLife.invitation.accept')}
            </button>
          </div>
        </form>
      ) : null}
    </Frame>
  );
}

function ForgotPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await accountApi.forgot(email);
      setSent(true);
    });
  };
  return (
    <Frame title={t('accountLife.forgot.title')}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {sent ? (
        <Alert tone="success">{t('accountLife.forgot.sent')}</Alert>
      ) : (
        <form className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
          <p>{t('accountLife.forgot.intro')}</p>
          <TextField
            label={t('login.email')}
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('accountLife.forgot.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/login">{t('accountLife.backToLogin')}</Link>
      </p>
    </Frame>
  );
}

function ResetPage() {
  const { t } = useTranslation();
  const [token] = useState(linkToken); // read once: the fragment is cleared after use
  const [info, setInfo] = useState<ResetInfo | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => {
    void run(async () => setInfo(await accountApi.inspectReset(token)));
  }, [token]); // run is recreated each render; the token is what matters
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.replace(/\s+/g, '');
    // Six digits are a TOTP code; anything else is taken as a recovery code.
    const second = /^\d{6}$/.test(clean) ? { totp: clean } : clean ? { recoveryCode: clean } : {};
    void run(async () => {
      await accountApi.reset({ token, password, ...second });
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    });
  };
  return (
    <Frame title={t('accountLife.reset.title')}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? (
        <>
          <Alert tone="success">{t('accountLife.reset.done')}</Alert>
          <p>
            <Link to="/login">{t('accountLife.backToLogin')}</Link>
          </p>
        </>
      ) : info ? (
        <form className="form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
          <p>{t('accountLife.reset.intro', { email: info.email })}</p>
          <TextField
            label={t('accountLife.newPassword')}
            hint={t('accountLife.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {info.secondFactor === 'totp' ? (
            <TextField
              label={t('accountLife.reset.code')}
              hint={t('accountLife.reset.codeHint')}
              name="code"
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('accountLife.reset.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </Frame>
  );
}

export function PublicAccountPage({ path }: { path: string }) {
  if (path === '/account/invitation') return <InvitationPage />;
  if (path === '/account/reset') return <ResetPage />;
  return <ForgotPage />;
}
