// The organisation's OpenID Connect provider (decision 0130, screen of decision 0140): issuer, client
// id, client secret (write-only: typed to set or change it, never shown again), allowed e-mail
// domains, whether the provider takes care of the second factor. "Probar la conexión" asks the
// provider's discovery document with what is typed and stores nothing; saving checks it again.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { TextField } from '../../../shared/components/text-field';
import { errorMessage, fieldProblems } from '../../api/error-message';
import { useModalAction } from '../../shared/modal-action';
import { adminApi } from './admin-api';
import type { OidcProvider } from './admin-api';
import './admin.css';

type Field = 'issuer' | 'clientId' | 'clientSecret' | 'allowedDomains';

function RemoveDialog({ onConfirm, onCancel }: { onConfirm: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(onConfirm);
  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="oidc-remove-title" onCancel={onCancel}>
      <h2 id="oidc-remove-title">{t('oidcAdmin.remove.title')}</h2>
      <p>{t('oidcAdmin.remove.effect')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void run()}>
          {t('oidcAdmin.remove.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('adminScreens.cancel')}
        </button>
      </div>
    </dialog>
  );
}

export function OidcSettingsPage() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<OidcProvider | null | undefined>(undefined);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [domains, setDomains] = useState('');
  const [delegated, setDelegated] = useState(false);
  const [enabled, setEnabled] = useState(true);
  const [busy, setBusy] = useState(false);
  // `fields`: the server's message for each field it refused (shown there instead of at the top).
  const [status, setStatus] = useState<{
    tone: 'error' | 'success';
    text: string;
    fields?: Partial<Record<Field, string>>;
  } | null>(null);
  const [removing, setRemoving] = useState(false);

  const show = (provider: OidcProvider | null) => {
    setLoaded(provider);
    setIssuer(provider?.issuer ?? '');
    setClientId(provider?.clientId ?? '');
    setSecret('');
    setDomains(provider?.allowedDomains.join(', ') ?? '');
    setDelegated(provider?.secondFactorDelegated ?? false);
    setEnabled(provider?.enabled ?? true);
  };
  useEffect(() => {
    adminApi.oidcProvider().then(
      (r) => show(r.provider),
      (failure: unknown) => {
        setLoaded(null);
        setStatus({ tone: 'error', text: errorMessage(failure, t) });
      },
    );
  }, []);

  const failed = (failure: unknown) => {
    const fields: Partial<Record<Field, string>> = {};
    for (const problem of fieldProblems(failure, t)) fields[problem.field.split('.')[0] as Field] ??= problem.message;
    setStatus({ tone: 'error', text: errorMessage(failure, t), ...(Object.keys(fields).length > 0 ? { fields } : {}) });
  };
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await work();
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  };
  const typedSecret = secret === '' ? {} : { clientSecret: secret };
  const test = () =>
    attempt(async () => {
      const result = await adminApi.testOidcProvider({
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...typedSecret,
      });
      setStatus({ tone: 'success', text: t('oidcAdmin.testOk', { issuer: result.issuer }) });
    });
  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const saved = await adminApi.saveOidcProvider({
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...typedSecret,
        allowedDomains: domains.split(/[\s,]+/).filter(Boolean),
        secondFactorDelegated: delegated,
        enabled,
        groupsClaim: loaded?.groupsClaim ?? null,
        groupRoles: loaded?.groupRoles ?? {},
        createAccountsRole: loaded?.createAccountsRole ?? null,
      });
      show(saved);
      setStatus({ tone: 'success', text: t('oidcAdmin.saved') });
    });
  };
  const at = (field: Field) => status?.fields?.[field] ?? null;

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('oidcAdmin.title')}</PageTitle>
      <p>{t('oidcAdmin.intro')}</p>
      {loaded === undefined ? <p className="admin-skeleton">{t('adminScreens.loading')}</p> : null}
      <div aria-live="polite">{status && !status.fields ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
      {loaded !== undefined ? (
        <form className="form admin-oidc-form" noValidate onSubmit={save} aria-busy={busy || undefined}>
          <TextField
            label={t('oidcAdmin.issuer')}
            hint={t('oidcAdmin.issuerHint')}
            name="issuer"
            type="url"
            value={issuer}
            error={at('issuer')}
            onChange={(e) => setIssuer(e.target.value)}
          />
          <TextField
            label={t('oidcAdmin.clientId')}
            name="clientId"
            autoComplete="off"
            value={clientId}
            error={at('clientId')}
            onChange={(e) => setClientId(e.target.value)}
          />
          <TextField
            label={t('oidcAdmin.clientSecret')}
            hint={loaded?.hasClientSecret ? t('oidcAdmin.secretKept') : t('oidcAdmin.secretHint')}
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            value={secret}
            error={at('clientSecret')}
            onChange={(e) => setSecret(e.target.value)}
          />
          <TextField
            label={t('oidcAdmin.domains')}
            hint={t('oidcAdmin.domainsHint')}
            name="allowedDomains"
            value={domains}
            error={at('allowedDomains')}
            onChange={(e) => setDomains(e.target.value)}
          />
          <label className="admin-check">
            <input type="checkbox" checked={delegated} onChange={(e) => setDelegated(e.target.checked)} />
            <span>{t('oidcAdmin.delegated')}</span>
          </label>
          <label className="admin-check">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            <span>{t('oidcAdmin.enabled')}</span>
          </label>
          {loaded ? (
            <p>
              {t('oidcAdmin.redirectUri')} <code className="admin-record-id">{loaded.redirectUri}</code>
            </p>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button" disabled={busy} onClick={() => void test()}>
              {t('oidcAdmin.test')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('oidcAdmin.save')}
            </button>
            {loaded ? (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => setRemoving(true)}>
                {t('oidcAdmin.remove.open')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {removing ? (
        <RemoveDialog
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            await adminApi.removeOidcProvider();
            show(null);
            setRemoving(false);
            setStatus({ tone: 'success', text: t('oidcAdmin.remove.done') });
          }}
        />
      ) : null}
    </>
  );
}
