// Follow-ups at 30, 90 and 180 days after the assessment: due date, overdue, and the record of
// each (when it was done and how the person is doing).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { formatPlainDate } from '../people/reference-data';
import { followUpOutcomes, reintegrationApi, today } from './reintegration-api';
import type { FollowUp, Reception } from './reintegration-api';
import { PendingSection } from './pending-section';

function RecordForm({ followUp, onRecorded }: { followUp: FollowUp; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [doneOn, setDoneOn] = useState(today());
  const [outcome, setOutcome] = useState<(typeof followUpOutcomes)[number]>('progressing');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await reintegrationApi.recordFollowUp(followUp.id, {
        doneOn,
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onRecorded();
    } catch (e) {
      setError(e);
    }
  }
  const id = `follow-up-${followUp.milestone}`;
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={t('reintegration.followUps.record', { days: followUp.milestone })}
    >
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <InputField
        id={`${id}-date`}
        type="date"
        label={t('reintegration.followUps.date')}
        value={doneOn}
        max={today()}
        onChange={(e) => setDoneOn(e.target.value)}
      />
      <SelectField
        id={`${id}-outcome`}
        label={t('reintegration.followUps.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as typeof outcome)}
      >
        {followUpOutcomes.map((o) => (
          <option key={o} value={o}>
            {t(`reintegration.outcome.${o}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        id={`${id}-note`}
        label={t('reintegration.followUps.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button">
        {t('reintegration.followUps.save')}
      </button>
    </form>
  );
}

export function FollowUpsSection({ reception, onRecorded }: { reception: Reception; onRecorded: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="reception-follow-ups">
      <h2 id="reception-follow-ups">{t('reintegration.followUps.title')}</h2>
      <PendingSection reception={reception} />
      <h3>{t('returns.followUpsScheduled')}</h3>
      {reception.followUps.length === 0 ? (
        <p>{t('reintegration.followUps.afterAssessment')}</p>
      ) : (
        <ul className="case-list">
          {reception.followUps.map((f) => (
            <li key={f.id} className="case-list__item">
              <span className="case-list__name">{t('reintegration.followUps.milestone', { days: f.milestone })}</span>
              <span className="case-list__facts">
                {f.doneOn
                  ? `${t('reintegration.followUps.doneOn', { date: formatPlainDate(f.doneOn, language) })} · ${t(`reintegration.outcome.${f.outcome ?? 'progressing'}`)}${f.note ? ` — ${f.note}` : ''}`
                  : t('reintegration.followUps.dueOn', { date: formatPlainDate(f.dueOn, language) })}
              </span>
              {f.overdue ? <span className="case-overdue">{t('reintegration.followUps.overdue')}</span> : null}
              {!f.doneOn ? (
                open === f.id ? (
                  <RecordForm
                    followUp={f}
                    onRecorded={() => {
                      setOpen(null);
                      onRecorded();
                    }}
                  />
                ) : (
                  <button type="button" className="button button--quiet button--small" onClick={() => setOpen(f.id)}>
                    {t('reintegration.followUps.record', { days: f.milestone })}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
