// Referrals of a person to any service of the directory, outside a reintegration plan (decision
// 0139, issue 16): on the person's page and on a reception. The worker chooses a need and one of
// the services ranked for this person; before anything is filled the form says whether the
// service receives referrals through Acompaña. If it does, the referral is sent there (the worker
// chooses the data to share and sees what the receiver will see); if not, it is a "canalización
// externa" made by phone, letter or an accompanied visit and recorded here. Every external
// referral of the person is listed with where it stands, and its outcome is recorded later.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import './reintegration.css';
import { currentLanguage } from '../../../i18n/i18n';
import { Alert } from '../../../shared/components/alert';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { useCan } from '../../session/capabilities';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { formatPlainDate } from '../people/reference-data';
import { ReceiverPreview } from '../referrals/receiver-preview';
import { directoryNeeds } from '../referrals/referrals-api';
import type { DirectoryNeed } from '../referrals/referrals-api';
import { AnswerForm } from './plan-item';
import { reintegrationApi, shareableFields, today } from './reintegration-api';
import type { ReferralShareableField, ReferralSnapshot } from './reintegration-api';
import { distanceWords } from './distance-words';
import { externalChannels, returnsApi } from './returns-api';
import type { ExternalChannel, ExternalReferral, ReferralOption, ReferralOptions } from './returns-api';

function optionLabel(s: ReferralOption, t: TFunction): string {
  const where = [s.city, s.distanceKm === null ? null : distanceWords(s.distanceKm, t)].filter(Boolean).join(', ');
  return [s.name, s.organisation !== s.name ? s.organisation : null, where].filter(Boolean).join(' — ');
}

function ExternalRow({ item, onChanged }: { item: ExternalReferral; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [answering, setAnswering] = useState(false);
  const open = item.status === 'sent' || item.status === 'accepted';
  return (
    <li className="case-list__item plan-item">
      <span className="case-list__name">
        {item.service.name}
        {item.service.organisation !== item.service.name ? ` — ${item.service.organisation}` : ''}
      </span>
      <span className="case-list__facts">
        {t(`referrals.status.${item.status}`)} ·{' '}
        {t('returns.personReferrals.madeOn', {
          date: formatPlainDate(item.referredOn, language),
          channel: t(`returns.channels.${item.channel}`),
        })}
      </span>
      {item.receptionId ? (
        <span className="case-list__facts">
          <Link to={`/reintegration/${item.receptionId}`}>
            {t('returns.personReferrals.inPlan', {
              area: t(`reintegration.areas.${item.area ?? ''}`, { defaultValue: item.area ?? '' }),
            })}
          </Link>
        </span>
      ) : null}
      <p className="plan-item__note">
        <strong>{t('referrals.reason')}:</strong> {item.reason}
      </p>
      {item.declineReason ? (
        <p className="plan-item__note">
          <strong>{t('referrals.declineReason')}:</strong> {item.declineReason}
        </p>
      ) : null}
      {item.outcome ? (
        <p className="plan-item__note">
          <strong>{t('referrals.outcome')}:</strong> {item.outcome}
        </p>
      ) : null}
      {open ? (
        answering ? (
          <AnswerForm
            item={{ referralId: item.id, version: item.version, status: item.status }}
            onAnswered={() => {
              setAnswering(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" className="button button--quiet button--small" onClick={() => setAnswering(true)}>
            {t('returns.answer.open', { service: item.service.name })}
          </button>
        )
      ) : null}
    </li>
  );
}

function ReferralForm({ personId, onDone }: { personId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [need, setNeed] = useState<DirectoryNeed | ''>('');
  const [options, setOptions] = useState<ReferralOptions | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [fields, setFields] = useState<ReferralShareableField[]>(['name']);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<ExternalChannel>('phone');
  const [referredOn, setReferredOn] = useState(today());
  const [contact, setContact] = useState('');
  const [preview, setPreview] = useState<{ snapshot: ReferralSnapshot; consentActive: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!need) return;
    let live = true;
    setOptions(null);
    returnsApi.options(personId, need).then(
      (found) => live && setOptions(found),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [need, personId]);

  const chosen = options?.items.find((s) => s.id === serviceId) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      if (chosen.acceptsReferrals) {
        await returnsApi.send({
          personId,
          toServiceId: chosen.id,
          urgency: 'routine',
          reason: reason.trim(),
          sharedFields: fields,
        });
        onDone(t('returns.personReferrals.sent', { service: chosen.name }));
      } else {
        await returnsApi.createExternal({
          personId,
          serviceId: chosen.id,
          channel,
          referredOn,
          reason: reason.trim(),
          ...(contact.trim() ? { contact: contact.trim() } : {}),
        });
        onDone(t('returns.personReferrals.recorded', { service: chosen.name }));
      }
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="person-referral-new" className="plan-form">
      <h3 id="person-referral-new" tabIndex={-1}>
        {t('returns.personReferrals.formTitle')}
      </h3>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <SelectField
        id="person-referral-need"
        label={t('referrals.picker.need')}
        value={need}
        onChange={(e) => {
          setNeed(e.target.value as DirectoryNeed);
          setServiceId('');
          setPreview(null);
        }}
      >
        <option value="">{t('returns.personReferrals.chooseNeed')}</option>
        {directoryNeeds.map((n) => (
          <option key={n} value={n}>
            {t(`referrals.needs.${n}`)}
          </option>
        ))}
      </SelectField>
      {need && options === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {options ? (
        <>
          <p className="field__hint">
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
              id="person-referral-service"
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
      ) : null}
      {chosen && !chosen.acceptsReferrals ? (
        <>
          <SelectField
            id="person-referral-channel"
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
            id="person-referral-date"
            type="date"
            required
            label={t('returns.form.referredOn')}
            value={referredOn}
            onChange={(e) => setReferredOn(e.target.value)}
          />
          <InputField
            id="person-referral-contact"
            label={t('returns.form.contact')}
            hint={t('returns.form.contactHint')}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        </>
      ) : null}
      {chosen ? (
        <TextAreaField
          id="person-referral-reason"
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
                reintegrationApi.preview(personId, fields).then(setPreview, setError);
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

/**
 * The person's referrals to directory services outside a plan. `outsidePlanOnly` (the reception
 * page, whose plan lists its own) leaves out those made for a need of a plan.
 */
export function PersonReferralsSection({
  personId,
  outsidePlanOnly = false,
}: {
  personId: string;
  outsidePlanOnly?: boolean;
}) {
  const { t } = useTranslation();
  const canSend = useCan('referral.send');
  const [items, setItems] = useState<ExternalReferral[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(() => {
    returnsApi.externalOf(personId).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (e: unknown) => setError(e),
    );
  }, [personId]);
  useEffect(load, [load]);

  // A role without referrals sees no section rather than a refusal.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  const shown = (items ?? []).filter((i) => !outsidePlanOnly || i.receptionId === null);
  return (
    <section aria-labelledby="person-referrals-title" className="person-referrals">
      <h2 id="person-referrals-title">
        {outsidePlanOnly ? t('returns.personReferrals.titleOutsidePlan') : t('returns.personReferrals.title')}
      </h2>
      <p>{t('returns.personReferrals.intro')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {done ? (
        <p role="status" className="form-success">
          {done}
        </p>
      ) : null}
      {items === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {items !== null && shown.length === 0 ? <p>{t('returns.personReferrals.none')}</p> : null}
      {shown.length > 0 ? (
        <ul className="case-list">
          {shown.map((item) => (
            <ExternalRow key={item.id} item={item} onChanged={load} />
          ))}
        </ul>
      ) : null}
      {canSend ? (
        formOpen ? (
          <ReferralForm
            key={formKey}
            personId={personId}
            onDone={(message) => {
              setDone(message);
              setFormOpen(false);
              setFormKey((k) => k + 1);
              load();
            }}
          />
        ) : (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDone(null);
                setFormOpen(true);
                window.setTimeout(() => document.getElementById('person-referral-new')?.focus(), 0);
              }}
            >
              {t('returns.personReferrals.open')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}
