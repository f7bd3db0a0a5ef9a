// The other ways in on the login page: a passkey (no password; the device checks a fingerprint,
// face or PIN), or the organisation's own identity provider, and the account's code after that
// provider when the organisation asks for it (docs/decisions/0130-passkeys-and-oidc.md).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { TextField } from '../../../shared/components/text-field';
import { errorMessage } from '../../api/error-message';
import { useLocation } from '../../router/router';
import { useSession } from '../../session/session-context';
import { isWebAuthnCancel, passkeysApi } from './passkeys-api';

const oidcErrorCodes = [
  'oidc.unknown_provider',
  'oidc.invalid_state',
  'oidc.invalid_response',
  'oidc.provider_unreachable',
  'oidc.email_not_verified',
  'oidc.no_account',
  'oidc.no_role',
] as const;

export function OtherSignIn() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const { search } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [org, setOrg] = useState('');
  const [code, setCode] = useState('');
  const providerError = search.get('oidcError');
  const secondFactor = search.get('oidc') === 'second-factor';

  const attempt = async (action: () => Promise<{ me: Parameters<typeof signedIn>[0]; csrfToken: string }>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      signedIn(result.me, result.csrfToken);
    } catch (failure) {
      setBusy(false);
      setError(isWebAuthnCancel(failure) ? t('passkeys.cancelled') : errorMessage(failure, t));
    }
  };

  const goToProvider = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const slug = org.trim().toLowerCase();
    if (slug) window.location.assign(`/api/auth/oidc/${encodeURIComponent(slug)}/start`);
  };

  const finish = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void attempt(() => passkeysApi.oidcSecondFactor(code.replace(/\s+/g, '')));
  };

  const knownProviderError = oidcErrorCodes.find((c) => c === providerError);
  return (
    <section className="login__other" aria-labelledby="login-other">
      <h2 id="login-other">{t('passkeys.otherWays')}</h2>
      {knownProviderError ? <Alert tone="error">{t(`passkeys.oidcErrors.${knownProviderError}`)}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {secondFactor ? (
        <form className="form" noValidate onSubmit={finish}>
          <p>{t('passkeys.oidcSecondFactor')}</p>
          <TextField
            label={t('login.totp')}
            hint={t('login.totpHint')}
            name="oidc-totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            className="field--code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('login.verify')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void attempt(() => passkeysApi.signIn())}
        >
          {t('passkeys.signIn')}
        </button>
      </div>
      <form className="form" noValidate onSubmit={goToProvider}>
        <TextField
          label={t('passkeys.orgCode')}
          hint={t('passkeys.orgCodeHint')}
          name="org"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={63}
          value={org}
          onChange={(event) => setOrg(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy || !org.trim()}>
            {t('passkeys.withProvider')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** On the code step of the password login: a passkey of the same account instead of the code. */
export function PasskeyInsteadOfCode({ email, password }: { email: string; password: string }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const use = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await passkeysApi.secondFactor(email, password);
      signedIn(result.me, result.csrfToken);
    } catch (failure) {
      setBusy(false);
      setError(isWebAuthnCancel(failure) ? t('passkeys.cancelled') : errorMessage(failure, t));
    }
  };
  return (
    <div className="login__other">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void use()}>
        {t('passkeys.insteadOfCode')}
      </button>
    </div>
  );
}
