// Sharing agreements with partner organisations (decision 0128): both sides see each agreement;
// this organisation creates the ones that share its records, and either side may revoke one.
// Purposes are shown by name with the person fields each lets the partner read, in words.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { adminApi } from './admin-api';
import type { SharingAgreement, SharingAgreementList } from './admin-api';
import { dayText, fieldLabel } from './admin-format';
import { NewAgreementDialog } from './new-agreement-dialog';
import { RevokeAgreementDialog } from './revoke-agreement-dialog';
import './admin.css';

type Load =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'done'; data: SharingAgreementList };

export function SharingAgreementsPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<SharingAgreement | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setLoad({ status: 'done', data: await adminApi.agreements() });
    } catch (failure) {
      setLoad({ status: 'failed', message: errorMessage(failure, t) });
    }
  }, [t]);

  useEffect(() => {
    void reload();
    // Only on arrival; writes reload explicitly.
  }, []);

  const language = currentLanguage() === 'en' ? 'en' : 'es';
  const purposeName = (id: string) => {
    if (load.status !== 'done') return id;
    return load.data.purposes.find((p) => p.id === id)?.label[language] ?? id;
  };
  const partnerOf = (a: SharingAgreement) => (a.direction === 'outgoing' ? a.to.name : a.from.name);

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('adminScreens.sharing.title')}</PageTitle>
      <p>{t('adminScreens.sharing.intro')}</p>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      <p>
        <button
          type="button"
          className="button button--primary"
          disabled={load.status !== 'done'}
          onClick={() => setCreating(true)}
        >
          {t('adminScreens.sharing.new')}
        </button>
      </p>
      {load.status === 'loading' ? <p className="admin-skeleton">{t('adminScreens.loading')}</p> : null}
      {load.status === 'failed' ? <Alert tone="error">{load.message}</Alert> : null}
      {load.status === 'done' && load.data.items.length === 0 ? <p>{t('adminScreens.sharing.empty')}</p> : null}
      {load.status === 'done' && load.data.items.length > 0 ? (
        <table className="admin-table">
          <caption className="visually-hidden">{t('adminScreens.sharing.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminScreens.sharing.partner')}</th>
              <th scope="col">{t('adminScreens.sharing.direction')}</th>
              <th scope="col">{t('adminScreens.sharing.purposes')}</th>
              <th scope="col">{t('adminScreens.sharing.validity')}</th>
              <th scope="col">{t('adminScreens.sharing.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('adminScreens.sharing.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {load.data.items.map((a) => (
              <tr key={a.id}>
                <td data-label={t('adminScreens.sharing.partner')}>{partnerOf(a)}</td>
                <td data-label={t('adminScreens.sharing.direction')}>
                  {a.direction === 'outgoing'
                    ? t('adminScreens.sharing.outgoing')
                    : t('adminScreens.sharing.incoming', { org: a.from.name })}
                </td>
                <td data-label={t('adminScreens.sharing.purposes')}>
                  <ul className="admin-purposes">
                    {a.purposes.map((p) => {
                      const fields = a.fieldsByPurpose[p] ?? [];
                      return (
                        <li key={p}>
                          <strong>{purposeName(p)}</strong>
                          <span className="admin-fields">
                            {fields.length === 0
                              ? t('adminScreens.sharing.noPersonFields')
                              : t('adminScreens.sharing.fieldsShared', {
                                  fields: fields.map((f) => fieldLabel(t, f)).join(', '),
                                })}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td data-label={t('adminScreens.sharing.validity')}>
                  {a.validUntil
                    ? t('adminScreens.sharing.fromUntil', { from: dayText(a.validFrom), until: dayText(a.validUntil) })
                    : t('adminScreens.sharing.fromOpen', { from: dayText(a.validFrom) })}
                </td>
                <td data-label={t('adminScreens.sharing.status')}>
                  <span className={`admin-status admin-status--${a.status}`}>
                    {t(`adminScreens.sharing.statuses.${a.status}`)}
                  </span>
                </td>
                <td>
                  {a.status === 'active' || a.status === 'scheduled' ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={t('adminScreens.sharing.revokeWith', { org: partnerOf(a) })}
                      onClick={() => setRevoking(a)}
                    >
                      {t('adminScreens.sharing.revoke')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating && load.status === 'done' ? (
        <NewAgreementDialog
          purposes={load.data.purposes}
          partners={load.data.partners}
          onCancel={() => setCreating(false)}
          onCreated={async (created) => {
            await reload();
            setCreating(false);
            setNotice(t('adminScreens.sharing.created', { org: created.to.name }));
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeAgreementDialog
          partner={partnerOf(revoking)}
          direction={revoking.direction}
          onCancel={() => setRevoking(null)}
          onConfirm={async () => {
            await adminApi.revokeAgreement(revoking.id);
            await reload();
            setRevoking(null);
            setNotice(t('adminScreens.sharing.revoked', { org: partnerOf(revoking) }));
          }}
        />
      ) : null}
    </>
  );
}
