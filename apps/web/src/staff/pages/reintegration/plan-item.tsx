// One referral of the plan: the need, the service, how it was made (through Acompaña or by
// phone, letter, visit…), where it stands, the reason a service gave for declining and the
// outcome. For an external referral the worker records the service's answer here, since no one
// answers it on the platform.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { today } from './reintegration-api';
import { externalAnswers, returnsApi } from './returns-api';
import type { PlanItem } from './returns-api';

type Answer = (typeof externalAnswers)[number];

/** The service's answer to an external referral, recorded by the worker (also on the person's page). */
export function AnswerForm({
  item,
  onAnswered,
}: {
  item: Pick<PlanItem, 'referralId' | 'version' | 'status'>;
  onAnswered: () => void;
}) {
  const { t } = useTranslation();
  const choices = externalAnswers.filter((a) => item.status === 'sent' || a !== 'accepted');
  const [status, setStatus] = useState<Answer>(choices[0] ?? 'completed');
  const [answeredOn, setAnsweredOn] = useState(today());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = `answer-${item.referralId}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await returnsApi.answerExternal(item.referralId, {
        version: item.version,
        status,
        answeredOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onAnswered();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <form className="plan-answer" onSubmit={submit} aria-label={t('returns.answer.title')}>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <SelectField
        id={`${id}-status`}
        label={t('returns.answer.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as Answer)}
      >
        {choices.map((a) => (
          <option key={a} value={a}>
            {t(`returns.answer.statuses.${a}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        id={`${id}-date`}
        type="date"
        required
        label={t('returns.answer.date')}
        value={answeredOn}
        onChange={(e) => setAnsweredOn(e.target.value)}
      />
      <TextAreaField
        id={`${id}-note`}
        required={status === 'declined'}
        label={status === 'declined' ? t('returns.answer.declineReason') : t('returns.answer.outcome')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || (status === 'declined' && !note.trim())}>
        {t('returns.answer.save')}
      </button>
    </form>
  );
}

export function PlanItemRow({ item, onChanged }: { item: PlanItem; onChanged: () => void }) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState(false);
  const open = item.status === 'sent' || item.status === 'accepted';
  const how =
    item.kind === 'external' && item.channel
      ? t('returns.plan.externalBy', { channel: t(`returns.channels.${item.channel as 'phone'}`) })
      : t('returns.plan.online');
  return (
    <li className="case-list__item plan-item">
      <span className="case-list__name">
        {t(`reintegration.areas.${item.area}`, { defaultValue: item.area })} → {item.toServiceName ?? item.toOrgName}
      </span>
      <span className="case-list__facts">
        {t(`referrals.status.${item.status as 'sent'}`)} · {how}
      </span>
      {item.overdue ? <span className="case-overdue">{t('referrals.overdue')}</span> : null}
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
      {item.kind === 'external' && open ? (
        answering ? (
          <AnswerForm
            item={item}
            onAnswered={() => {
              setAnswering(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" className="button button--quiet button--small" onClick={() => setAnswering(true)}>
            {t('returns.answer.open', {
              service: item.toServiceName ?? item.toOrgName,
            })}
          </button>
        )
      ) : null}
    </li>
  );
}
