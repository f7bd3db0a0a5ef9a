// Referring the person for one need of the plan, to any service of the directory. The services
// come ranked for this person (nearest to where they are staying, those they are not eligible
// for left out), and before anything is filled the form says whether the chosen service receives
// referrals through Acompaña: then the worker chooses the data to share, sees what the receiver
// will see and sends; otherwise it is a "canalización externa" the worker makes by phone, letter
// or an accompanied visit and records here (channel, date, whom they spoke to, why).
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { ReceiverPreview } from '../referrals/receiver-preview';
import { reintegrationApi, shareableFields, today } from './reintegration-api';
import type { NeedArea, Reception, ReferralShareableField, ReferralSnapshot } from './reintegration-api';
import { externalChannels, returnsApi } from './returns-api';
import { distanceWords } from './distance-words';
import type { ExternalChannel, ReferralOption, ReferralOptions } from './returns-api';

function optionLabel(s: ReferralOption, t: TFunction): string {
  const where = [s.city, s.distanceKm === null ? null : distanceWords(s.distanceKm, t)].filter(Boolean).join(', ');
  return [s.name, s.organisation !== s.name ? s.organisation : null, where].filter(Boolean).join(' — ');
}

export function PlanReferralForm({
  reception,
  areas,
  initialArea,
  initialServiceId,
  onSent,
}: {
  reception: Reception;
  areas: NeedArea[];
  initialArea: NeedArea | '';
  initialServiceId: string;
  onSent: (r: Reception) => void;
}) {
  const { t } = useTranslation();
  const [area, setArea] = useState<NeedArea | ''>(initialArea);
  const [options, setOptions] = useState<ReferralOptions | null>(null);
  const [serviceId, setServiceId] = useState(initialServiceId);
  const [fields, setFields] = useState<ReferralShareableField[]>(['name']);
  const [urgency, setUrgency] = useState<'routine' | 'urgent' | 'emergency'>('routine');
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<ExternalChannel>('phone');
  const [referredOn, setReferredOn] = useState(today());
  const [contact, setContact] = useState('');
  const [preview, setPreview] = useState<{ snapshot: ReferralSnapshot; consentActive: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!area) return;
    let live = true;
    setOptions(null);
    returnsApi.options(reception.personId, area).then(
      (found) => live && setOptions(found),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [area, reception.personId]);

  const chosen = options?.items.find((s) => s.id === serviceId) ?? null;

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!area || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      onSent(
        chosen.acceptsReferrals
          ? await reintegrationApi.refer(reception.id, {
              area,
              toServiceId: chosen.id,
              urgency,
              reason: reason.trim(),
              sharedFields: fields,
            })
          : await returnsApi.referExternal(reception.id, {
              area,
              serviceId: chosen.id,
              channel,
              referredOn,
              reason: reason.trim(),
              ...(contact.trim() ? { contact: contact.trim() } : {}),
            }),
      );
      setPreview(null);
      setReason('');
      setContact('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={send} aria-labelledby="plan-new-title" className="plan-form">
      <h3 id="plan-new-title" tabIndex={-1}>
        {t('reintegration.plan.new')}
      </h3>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <SelectField
        id="plan-area"
        label={t('reintegration.plan.area')}
        value={area}
        onChange={(e) => {
          setArea(e.target.value as NeedArea);
          setServiceId('');
        }}
      >
        <option value="">{t('reintegration.plan.chooseArea')}</option>
        {areas.map((a) => (
          <option key={a} value={a}>
            {t(`reintegration.areas.${a}`)}
          </option>
        ))}
      </SelectField>
      {area && options === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {options ? (
        <>
          <p className="field__hint" id="plan-ranking">
            {options.origin
              ? t('returns.picker.rankedFrom', { place: options.origin.city })
              : t('returns.picker.unranked')}
            {options.excludedIneligible > 0
              ? ` ${t('returns.picker.excluded', { count: options.excludedIneligible })}`
              : ''}
          </p>
          {options.items.length === 0 ? (
            <p role="status">{t('reintegration.plan.noServices')}</p>
          ) : (
            <SelectField
              id="plan-service"
              label={t('reintegration.plan.service')}
              value={serviceId}
              onChange={(e) => {
                setServiceId(e.target.value);
                setPreview(null);
              }}
            >
              <option value="">{t('reintegration.plan.chooseService')}</option>
              {options.items.map((s) => (
                <option key={s.id} value={s.id}>
                  {optionLabel(s, t)}
                </option>
              ))}
            </SelectField>
          )}
        </>
      ) : null}
      {chosen ? (
        <div className={chosen.acceptsReferrals ? 'plan-channel plan-channel--online' : 'plan-channel'} role="note">
          <p className="plan-channel__title">
            {chosen.acceptsReferrals ? t('returns.form.online') : t('returns.form.external')}
          </p>
          <p>{chosen.acceptsReferrals ? t('returns.form.onlineHelp') : t('returns.form.externalHelp')}</p>
          {!chosen.acceptsReferrals && (chosen.phones.length > 0 || chosen.email) ? (
            <p>
              {t('returns.form.contactAt', { contact: [...chosen.phones, chosen.email].filter(Boolean).join(', ') })}
            </p>
          ) : null}
          {chosen.eligibility ? <p>{t('returns.form.eligibility', { text: chosen.eligibility })}</p> : null}
        </div>
      ) : null}
      {chosen && chosen.acceptsReferrals ? (
        <>
          <fieldset className="field-choices">
            <legend>{t('reintegration.plan.fields')}</legend>
            {shareableFields.map((f) => (
              <label key={f}>
                <input
                  type="checkbox"
                  checked={fields.includes(f)}
                  onChange={() => {
                    setPreview(null);
                    setFields((list) => (list.includes(f) ? list.filter((x) => x !== f) : [...list, f]));
                  }}
                />{' '}
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
        </>
      ) : null}
      {chosen && !chosen.acceptsReferrals ? (
        <>
          <SelectField
            id="plan-channel"
            label={t('returns.form.channel')}
            value={channel}
            onChange={(e) => setChannel(e.target.value as ExternalChannel)}
          >
            {externalChannels.map((c) => (
              <option key={c} value={c}>
                {t(`returns.channels.${c}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="plan-referred-on"
            type="date"
            required
            label={t('returns.form.referredOn')}
            value={referredOn}
            onChange={(e) => setReferredOn(e.target.value)}
          />
          <InputField
            id="plan-contact"
            label={t('returns.form.contact')}
            hint={t('returns.form.contactHint')}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        </>
      ) : null}
      {chosen ? (
        <TextAreaField
          id="plan-reason"
          required
          label={t('referrals.reason')}
          hint={chosen.acceptsReferrals ? t('referrals.reasonHint') : t('returns.form.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : null}
      {chosen && chosen.acceptsReferrals ? (
        <>
          <p>
            <button
              type="button"
              className="button"
              disabled={fields.length === 0}
              onClick={() => {
                setError(null);
                reintegrationApi.preview(reception.personId, fields).then(setPreview, setError);
              }}
            >
              {t('referrals.previewButton')}
            </button>
          </p>
          {preview ? <ReceiverPreview snapshot={preview.snapshot} consentActive={preview.consentActive} /> : null}
          <button type="submit" className="button button--primary" disabled={busy || !preview || !reason.trim()}>
            {t('referrals.send')}
          </button>
        </>
      ) : null}
      {chosen && !chosen.acceptsReferrals ? (
        <button type="submit" className="button button--primary" disabled={busy || !reason.trim() || !referredOn}>
          {t('returns.form.record')}
        </button>
      ) : null}
    </form>
  );
}
