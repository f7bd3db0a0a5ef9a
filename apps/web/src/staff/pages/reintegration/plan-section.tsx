// The plan of referrals: for a need of the assessment, the worker finds a service in the
// directory, chooses exactly which of the person's data to share, sees what the receiver will
// see (the same function the receiver's read runs), and sends. The person's referral consent is
// required; without it the server refuses and says why.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { SelectField, TextAreaField } from '../people/form-fields';
import { ReceiverPreview } from '../referrals/receiver-preview';
import { reintegrationApi, shareableFields } from './reintegration-api';
import type { DirectoryHit, NeedArea, Reception, ReferralShareableField, ReferralSnapshot } from './reintegration-api';

export function PlanSection({ reception, onSent }: { reception: Reception; onSent: (r: Reception) => void }) {
  const { t } = useTranslation();
  const needed = (reception.assessment?.needs ?? []).filter((n) => n.level !== 'none').map((n) => n.area);
  const [area, setArea] = useState<NeedArea | ''>(needed[0] ?? '');
  const [services, setServices] = useState<DirectoryHit[] | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [fields, setFields] = useState<ReferralShareableField[]>(['name']);
  const [urgency, setUrgency] = useState<'routine' | 'urgent' | 'emergency'>('routine');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<{ snapshot: ReferralSnapshot; consentActive: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function findServices(next: NeedArea) {
    setServices(null);
    setServiceId('');
    try {
      setServices(await reintegrationApi.services(next));
    } catch (e) {
      setError(e);
    }
  }

  function toggle(field: ReferralShareableField) {
    setPreview(null);
    setFields((f) => (f.includes(field) ? f.filter((x) => x !== field) : [...f, field]));
  }

  async function showPreview() {
    setError(null);
    try {
      setPreview(await reintegrationApi.preview(reception.personId, fields));
    } catch (e) {
      setError(e);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!area || !serviceId) return;
    setBusy(true);
    setError(null);
    try {
      onSent(
        await reintegrationApi.refer(reception.id, {
          area,
          toServiceId: serviceId,
          urgency,
          reason: reason.trim(),
          sharedFields: fields,
        }),
      );
      setPreview(null);
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('reintegration.plan.title')}</h2>
      {reception.plan.length === 0 ? (
        <p>{t('reintegration.plan.none')}</p>
      ) : (
        <ul className="case-list">
          {reception.plan.map((p) => (
            <li key={p.referralId} className="case-list__item">
              <span className="case-list__name">
                {t(`reintegration.areas.${p.area as NeedArea}`)} → {p.toServiceName ?? p.toOrgName}
              </span>
              <span className="case-list__facts">{t(`referrals.status.${p.status as 'sent'}`)}</span>
              {p.overdue ? <span className="case-overdue">{t('referrals.overdue')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={send} aria-labelledby="plan-new-title">
        <h3 id="plan-new-title">{t('reintegration.plan.new')}</h3>
        {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        <SelectField
          id="plan-area"
          label={t('reintegration.plan.area')}
          value={area}
          onChange={(e) => {
            const next = e.target.value as NeedArea;
            setArea(next);
            if (next) void findServices(next);
          }}
        >
          <option value="">{t('reintegration.plan.chooseArea')}</option>
          {needed.map((a) => (
            <option key={a} value={a}>
              {t(`reintegration.areas.${a}`)}
            </option>
          ))}
        </SelectField>
        {area && services === null ? (
          <button type="button" className="button" onClick={() => void findServices(area)}>
            {t('reintegration.plan.findServices')}
          </button>
        ) : null}
        {services ? (
          services.length === 0 ? (
            <p role="status">{t('reintegration.plan.noServices')}</p>
          ) : (
            <SelectField
              id="plan-service"
              label={t('reintegration.plan.service')}
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
            >
              <option value="">{t('reintegration.plan.chooseService')}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {[s.name, s.organisation, s.place].filter(Boolean).join(' — ')}
                </option>
              ))}
            </SelectField>
          )
        ) : null}
        <fieldset className="field-choices">
          <legend>{t('reintegration.plan.fields')}</legend>
          {shareableFields.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} />{' '}
              {t(`referrals.fields.${f}`)}
            </label>
          ))}
        </fieldset>
        <SelectField
          id="plan-urgency"
          label={t('referrals.urgency')}
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as typeof urgency)}
        >
          {(['routine', 'urgent', 'emergency'] as const).map((u) => (
            <option key={u} value={u}>
              {t(`referrals.urgencies.${u}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="plan-reason"
          required
          label={t('referrals.reason')}
          hint={t('referrals.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <p>
          <button type="button" className="button" disabled={fields.length === 0} onClick={() => void showPreview()}>
            {t('referrals.previewButton')}
          </button>
        </p>
        {preview ? <ReceiverPreview snapshot={preview.snapshot} consentActive={preview.consentActive} /> : null}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !preview || !serviceId || !reason.trim()}
        >
          {t('referrals.send')}
        </button>
      </form>
    </section>
  );
}
