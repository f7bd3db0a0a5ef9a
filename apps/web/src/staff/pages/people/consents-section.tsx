// Consents per purpose: the list (active and withdrawn), recording one (in a dialog opened when
// asked for), withdrawing one.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { RecordDialog } from '../../../shared/components/record-dialog';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage, failureAt, formFailure, type FormFailure } from '../../api/error-message';
import { InputField, SelectField } from './form-fields';
import { consentMethods, consentPurposes, methodsNeedingWitness, peopleApi } from './people-api';
import type { Consent, ConsentMethod, ConsentPurpose } from './people-api';
import { formatInstant } from './reference-data';

export function ConsentsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [items, setItems] = useState<Consent[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [purpose, setPurpose] = useState<ConsentPurpose>('care');
  const [method, setMethod] = useState<ConsentMethod>('signed');
  const [witness, setWitness] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await peopleApi.consents(personId)).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function record(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const needsWitness = methodsNeedingWitness.has(method);
      await peopleApi.recordConsent(personId, {
        purpose,
        method,
        ...(needsWitness && witness.trim() ? { witnessName: witness.trim() } : {}),
      });
      setWitness('');
      setFormOpen(false);
      setDone(t('people.consents.recorded', { purpose: t(`people.consents.purposes.${purpose}`) }));
      await load();
    } catch (e) {
      setError(formFailure(e, t));
      requestAnimationFrame(() =>
        document
          .getElementById(e instanceof ApiError && e.field === 'witnessName' ? 'consent-witness' : 'consent-purpose')
          ?.focus(),
      );
    } finally {
      setBusy(false);
    }
  }

  async function withdraw(consent: Consent) {
    setError(null);
    setDone(null);
    try {
      await peopleApi.withdrawConsent(personId, consent.id);
      setDone(t('people.consents.withdrawn', { purpose: t(`people.consents.purposes.${consent.purpose}`) }));
      await load();
      requestAnimationFrame(() => document.getElementById('consents-title')?.focus());
    } catch (e) {
      setError({ message: errorMessage(e, t), fields: [] });
    }
  }

  return (
    <section aria-labelledby="consents-title" className="card section-card">
      <h2 id="consents-title" tabIndex={-1}>
        {t('people.consents.title')}
      </h2>
      {loadError ? <Alert tone="error">{errorMessage(loadError, t)}</Alert> : null}
      {items && items.length === 0 ? <p className="muted">{t('people.consents.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="consent-list">
          {items.map((c) => (
            <li key={c.id} className="consent-list__item">
              <span className={c.withdrawnAt ? 'badge badge--withdrawn' : 'badge badge--active'}>
                {c.withdrawnAt ? t('people.consents.statusWithdrawn') : t('people.consents.statusActive')}
              </span>{' '}
              <strong>{t(`people.consents.purposes.${c.purpose}`)}</strong>
              <span className="consent-list__facts">
                {t('people.consents.recordedOn', {
                  method: t(`people.consents.methods.${c.method}`),
                  date: formatInstant(c.recordedAt, language),
                })}
                {c.witnessName ? ` · ${t('people.consents.witnessIs', { name: c.witnessName })}` : ''}
                {c.withdrawnAt
                  ? ` · ${t('people.consents.withdrawnOn', { date: formatInstant(c.withdrawnAt, language) })}`
                  : ''}
              </span>
              {c.withdrawnAt ? null : (
                <button type="button" className="button button--quiet button--small" onClick={() => void withdraw(c)}>
                  {t('people.consents.withdraw', { purpose: t(`people.consents.purposes.${c.purpose}`) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error && !formOpen ? <Alert tone="error">{error.message}</Alert> : null}
      <p>
        <button
          type="button"
          id="consent-open"
          className="button button--quiet"
          onClick={() => {
            setError(null);
            setDone(null);
            setFormOpen(true);
          }}
        >
          {t('people.consents.recordTitle')}
        </button>
      </p>
      <RecordDialog
        title={t('people.consents.recordTitle')}
        closeLabel={t('personTabs.close')}
        isOpen={formOpen}
        onOpenChange={setFormOpen}
      >
        {() => (
          <form
            className="form"
            onSubmit={(e) => void record(e)}
            aria-label={t('people.consents.recordTitle')}
            noValidate
          >
            {error ? <Alert tone="error">{error.message}</Alert> : null}
            <div className="field-row">
              <SelectField
                id="consent-purpose"
                label={t('people.consents.purpose')}
                value={purpose}
                error={failureAt(error, 'purpose')}
                onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}
              >
                {consentPurposes.map((p) => (
                  <option key={p} value={p}>
                    {t(`people.consents.purposes.${p}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="consent-method"
                label={t('people.consents.method')}
                value={method}
                onChange={(e) => setMethod(e.target.value as ConsentMethod)}
              >
                {consentMethods.map((m) => (
                  <option key={m} value={m}>
                    {t(`people.consents.methods.${m}`)}
                  </option>
                ))}
              </SelectField>
              {methodsNeedingWitness.has(method) ? (
                <InputField
                  id="consent-witness"
                  label={
                    method === 'by_guardian' ? t('people.consents.guardianName') : t('people.consents.witnessName')
                  }
                  value={witness}
                  autoComplete="off"
                  error={failureAt(error, 'witnessName')}
                  onChange={(e) => setWitness(e.target.value)}
                />
              ) : null}
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('people.consents.record')}
              </button>
            </div>
          </form>
        )}
      </RecordDialog>
    </section>
  );
}
