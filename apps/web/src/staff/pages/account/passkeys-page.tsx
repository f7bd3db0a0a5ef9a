// The signed-in person's passkeys: add one (the browser asks the device for a fingerprint, face or
// PIN), see when each was last used, remove one. A passkey signs in without a password and cannot
// be used on a look-alike site (docs/decisions/0130-passkeys-and-oidc.md).
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { TextField } from '../../../shared/components/text-field';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { isWebAuthnCancel, passkeysApi, type PasskeySummary } from './passkeys-api';
import { ReauthForm } from './reauth-form';

export function PasskeysPage() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<PasskeySummary[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Adding a way in asks for the password or an existing passkey again first (decision 0140).
  const [reauth, setReauth] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const load = async () => {
    try {
      setItems((await passkeysApi.list()).items);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  useEffect(() => {
    void load();
  }, []); // once, on opening the page

  useEffect(() => {
    if (error || done) statusRef.current?.focus();
  }, [error, done]);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
      await load();
    } catch (failure) {
      setError(isWebAuthnCancel(failure) ? t('passkeys.cancelled') : errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const register = () => {
    const label = name.trim() || t('passkeys.defaultName');
    void run(async () => {
      try {
        await passkeysApi.register(label);
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'auth.reauth_required') {
          setReauth(true);
          return null;
        }
        throw failure;
      }
      setName('');
      return t('passkeys.added', { name: label });
    });
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    register();
  };

  const remove = (passkey: PasskeySummary) =>
    void run(async () => {
      await passkeysApi.remove(passkey.id);
      return t('passkeys.removed', { name: passkey.name });
    });

  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('passkeys.title')}</PageTitle>
      <p>{t('passkeys.intro')}</p>
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {done ? <Alert tone="success">{done}</Alert> : null}
      </div>
      <section aria-labelledby="passkeys-list">
        <h2 id="passkeys-list">{t('passkeys.listTitle')}</h2>
        {items === null ? (
          <p>{t('passkeys.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('passkeys.none')}</p>
        ) : (
          <ul className="passkeys__list">
            {items.map((passkey) => (
              <li key={passkey.id} className="passkeys__item">
                <strong>{passkey.name}</strong>{' '}
                <span>
                  {t('passkeys.created', { date: date(passkey.createdAt) })}
                  {passkey.lastUsedAt ? ` · ${t('passkeys.lastUsed', { date: date(passkey.lastUsedAt) })}` : ''}
                </span>{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={busy}
                  aria-label={t('passkeys.removeNamed', { name: passkey.name })}
                  onClick={() => remove(passkey)}
                >
                  {t('passkeys.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="form" noValidate onSubmit={add} aria-busy={busy || undefined}>
        <h2>{t('passkeys.addTitle')}</h2>
        <TextField
          label={t('passkeys.name')}
          hint={t('passkeys.nameHint')}
          name="passkey-name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || reauth}>
            {busy ? t('passkeys.working') : t('passkeys.add')}
          </button>
        </div>
      </form>
      {reauth ? (
        <ReauthForm
          onCancel={() => setReauth(false)}
          onDone={() => {
            setReauth(false);
            register();
          }}
        />
      ) : null}
    </>
  );
}
