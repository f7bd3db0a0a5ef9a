// The receiver's answers to a referral (accept, decline with a reason, redirect to another
// directory service found with a directory search, record the outcome) and closing without
// outcome (either side).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField } from '../people/form-fields';
import { referralsApi } from './referrals-api';
import { ServicePicker } from './service-picker';
import type { Referral } from './referrals-api';

type Mode = 'decline' | 'redirect' | 'complete' | 'close' | null;

export function ReferralActions({
  referral,
  box,
  onChanged,
}: {
  referral: Referral;
  box: 'incoming' | 'outgoing';
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const open = referral.status === 'sent' || referral.status === 'accepted';
  if (!open) return null;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      setMode(null);
      setText('');
      setServiceId('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = referral.id;
    if (mode === 'decline') void run(() => referralsApi.decline(id, text.trim()));
    if (mode === 'redirect' && serviceId) void run(() => referralsApi.redirect(id, serviceId));
    if (mode === 'complete') void run(() => referralsApi.complete(id, text.trim()));
    if (mode === 'close') void run(() => referralsApi.close(id, text.trim()));
  }

  const incoming = box === 'incoming';
  const buttons: Mode[] = incoming
    ? referral.status === 'sent'
      ? ['decline', 'redirect', 'close']
      : ['complete', 'close']
    : ['close'];
  return (
    <div>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <p className="inline-form">
        {incoming && referral.status === 'sent' ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => void run(() => referralsApi.accept(referral.id))}
          >
            {t('referrals.actions.accept')}
          </button>
        ) : null}
        {buttons.map(
          (m) =>
            m && (
              <button
                key={m}
                type="button"
                className="button button--quiet button--small"
                aria-expanded={mode === m}
                onClick={() => setMode(mode === m ? null : m)}
              >
                {t(`referrals.actions.${m}`)}
              </button>
            ),
        )}
      </p>
      {mode ? (
        <form className="inline-form" onSubmit={submit}>
          {mode === 'redirect' ? (
            <ServicePicker
              idPrefix={`referral-${referral.id}-redirect`}
              excludeId={referral.toService?.id ?? null}
              value={serviceId}
              onChange={setServiceId}
            />
          ) : (
            <InputField
              id={`referral-${referral.id}-${mode}`}
              label={t(`referrals.actionField.${mode}`)}
              required={mode !== 'close'}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={mode === 'redirect' && !serviceId}
          >
            {t(`referrals.actions.${mode}`)}
          </button>
        </form>
      ) : null}
    </div>
  );
}
