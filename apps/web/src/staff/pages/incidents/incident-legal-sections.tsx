// Complaints and legal actions (authority, file number, status history, next deadline computed
// by the deadline engine with its explanation, outcome) and the protection-measures log for
// defenders and people at risk (requested, granted, implemented, denied, lifted; who and when).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { InputField, SelectField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import { statesByName } from './incident-places';
import { eventDateInWords } from './incident-dates';
import { PartSection, useSave, type SectionProps } from './incident-parts-sections';
import {
  complaintAuthorities,
  complaintDeadlineRules,
  complaintOutcomeKinds,
  complaintStatuses,
  protectionAuthorities,
  protectionMeasures,
  protectionStages,
} from './incident-options';

export function ComplaintsSection({ event, readOnly, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const day = (date: string) => eventDateInWords(date, 'day', language, '');
  const { busy, error, run } = useSave(onSaved);
  const [c, setC] = useState({
    authority: 'cndh',
    authorityState: '',
    fileNumber: '',
    filedOn: '',
    ruleId: '',
    trigger: '',
  });
  const [change, setChange] = useState<Record<string, { status: string; changedOn: string; outcomeKind: string }>>({});
  const submit = () =>
    run(() =>
      incidentsApi.addComplaint(event.id, {
        authority: c.authority as 'cndh',
        filedOn: c.filedOn,
        ...(c.authorityState ? { authorityState: c.authorityState } : {}),
        ...(c.fileNumber ? { fileNumber: c.fileNumber } : {}),
        ...(c.ruleId && c.trigger ? { deadline: { ruleId: c.ruleId, trigger: c.trigger } } : {}),
      }),
    );
  return (
    <PartSection
      id="incident-complaints"
      title={t('incidents.complaints.title')}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={t('incidents.complaints.add')}
      form={
        readOnly ? null : (
          <div className="fieldset">
            <SelectField
              id="complaint-authority"
              label={t('incidents.complaints.authority')}
              value={c.authority}
              onChange={(e) => setC({ ...c, authority: e.target.value })}
            >
              {complaintAuthorities.map((a) => (
                <option key={a} value={a}>
                  {t(`incidents.authority.${a}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="complaint-state"
              label={t('incidents.complaints.state')}
              value={c.authorityState}
              onChange={(e) => setC({ ...c, authorityState: e.target.value })}
            >
              <option value="">{t('incidents.form.none')}</option>
              {statesByName.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <InputField
              id="complaint-file"
              label={t('incidents.complaints.fileNumber')}
              value={c.fileNumber}
              onChange={(e) => setC({ ...c, fileNumber: e.target.value })}
            />
            <InputField
              id="complaint-filed"
              type="date"
              required
              label={t('incidents.complaints.filedOn')}
              value={c.filedOn}
              onChange={(e) => setC({ ...c, filedOn: e.target.value })}
            />
            <SelectField
              id="complaint-rule"
              label={t('incidents.complaints.rule')}
              hint={t('incidents.complaints.ruleHint')}
              value={c.ruleId}
              onChange={(e) => setC({ ...c, ruleId: e.target.value })}
            >
              <option value="">{t('incidents.form.none')}</option>
              {complaintDeadlineRules.map((r) => (
                <option key={r} value={r}>
                  {t(`incidents.rules.${r.replace(/\./g, '_') as 'mx_revision'}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="complaint-trigger"
              type="date"
              label={t('incidents.complaints.trigger')}
              value={c.trigger}
              onChange={(e) => setC({ ...c, trigger: e.target.value })}
            />
          </div>
        )
      }
    >
      <ul className="incident-parts">
        {event.complaints.map((x) => {
          const edit = change[x.id] ?? { status: x.status, changedOn: '', outcomeKind: x.outcomeKind ?? '' };
          return (
            <li key={x.id}>
              <strong>{t(`incidents.authority.${x.authority as 'cndh'}`)}</strong>
              {x.fileNumber ? ` · ${x.fileNumber}` : ''} ·{' '}
              {t('incidents.complaints.filedOnDate', { date: day(x.filedOn) })} ·{' '}
              {t(`incidents.complaintStatus.${x.status}`)}
              {x.outcomeKind ? ` · ${t(`incidents.outcome.${x.outcomeKind as 'other'}`)}` : ''}
              {x.deadline ? (
                <p>
                  {t('incidents.complaints.next', { date: x.deadline.dueDate ? day(x.deadline.dueDate) : '' })} —{' '}
                  <span className="muted">{x.deadline.explanation[language]}</span>
                </p>
              ) : x.nextDeadline ? (
                <p>{t('incidents.complaints.next', { date: day(x.nextDeadline) })}</p>
              ) : null}
              <p className="muted">
                {x.history
                  .map((h) => `${t(`incidents.complaintStatus.${h.status as 'filed'}`)} ${day(h.changedOn)}`)
                  .join(' → ')}
              </p>
              {!readOnly ? (
                <div className="fieldset">
                  <SelectField
                    id={`complaint-status-${x.id}`}
                    label={t('incidents.complaints.newStatus')}
                    value={edit.status}
                    onChange={(e) => setChange({ ...change, [x.id]: { ...edit, status: e.target.value } })}
                  >
                    {complaintStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`incidents.complaintStatus.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                  <InputField
                    id={`complaint-changed-${x.id}`}
                    type="date"
                    label={t('incidents.complaints.changedOn')}
                    value={edit.changedOn}
                    onChange={(e) => setChange({ ...change, [x.id]: { ...edit, changedOn: e.target.value } })}
                  />
                  <SelectField
                    id={`complaint-outcome-${x.id}`}
                    label={t('incidents.complaints.outcome')}
                    value={edit.outcomeKind}
                    onChange={(e) => setChange({ ...change, [x.id]: { ...edit, outcomeKind: e.target.value } })}
                  >
                    <option value="">{t('incidents.form.none')}</option>
                    {complaintOutcomeKinds.map((o) => (
                      <option key={o} value={o}>
                        {t(`incidents.outcome.${o}`)}
                      </option>
                    ))}
                  </SelectField>
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy || !edit.changedOn}
                    onClick={() =>
                      void run(() =>
                        incidentsApi.complaintStatus(event.id, x.id, {
                          status: edit.status as 'filed',
                          changedOn: edit.changedOn,
                          version: x.version,
                          ...(edit.outcomeKind ? { outcomeKind: edit.outcomeKind as 'other' } : {}),
                        }),
                      )
                    }
                  >
                    {t('incidents.complaints.saveStatus')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </PartSection>
  );
}

export function ProtectionSection({ event, readOnly, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useSave(onSaved);
  const [m, setM] = useState({ measure: 'panic_button', authority: 'federal_mechanism', on: '', details: '' });
  const [next, setNext] = useState<Record<string, { stage: string; on: string }>>({});
  const submit = () =>
    run(
      () =>
        incidentsApi.addMeasure(event.id, {
          measure: m.measure as 'other',
          authority: m.authority as 'cndh',
          on: m.on,
          ...(m.details ? { details: m.details } : {}),
        }),
      () => setM({ ...m, details: '' }),
    );
  return (
    <PartSection
      id="incident-protection"
      title={t('incidents.protection.title')}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={t('incidents.protection.add')}
      form={
        readOnly ? null : (
          <div className="fieldset">
            <SelectField
              id="measure-kind"
              label={t('incidents.protection.measure')}
              value={m.measure}
              onChange={(e) => setM({ ...m, measure: e.target.value })}
            >
              {protectionMeasures.map((x) => (
                <option key={x} value={x}>
                  {t(`incidents.measure.${x}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="measure-authority"
              label={t('incidents.protection.authority')}
              value={m.authority}
              onChange={(e) => setM({ ...m, authority: e.target.value })}
            >
              {protectionAuthorities.map((x) => (
                <option key={x} value={x}>
                  {t(`incidents.protectionAuthority.${x}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="measure-on"
              type="date"
              required
              label={t('incidents.protection.requestedOn')}
              value={m.on}
              onChange={(e) => setM({ ...m, on: e.target.value })}
            />
            <InputField
              id="measure-details"
              label={t('incidents.protection.details')}
              value={m.details}
              onChange={(e) => setM({ ...m, details: e.target.value })}
            />
          </div>
        )
      }
    >
      {event.protectionMeasures.length === 0 ? <p>{t('incidents.protection.none')}</p> : null}
      <ul className="incident-parts">
        {event.protectionMeasures.map((x) => {
          const edit = next[x.id] ?? { stage: x.stage, on: '' };
          return (
            <li key={x.id}>
              <strong>{t(`incidents.measure.${x.measure as 'other'}`)}</strong> ·{' '}
              {t(`incidents.protectionAuthority.${x.authority as 'cndh'}`)} · {t(`incidents.stage.${x.stage}`)}{' '}
              {x.stageOn}
              {x.details ? <p>{x.details}</p> : null}
              <p className="muted">
                {x.history.map((h) => `${t(`incidents.stage.${h.stage as 'requested'}`)} ${h.on}`).join(' → ')}
              </p>
              {!readOnly ? (
                <div className="fieldset">
                  <SelectField
                    id={`measure-stage-${x.id}`}
                    label={t('incidents.protection.stage')}
                    value={edit.stage}
                    onChange={(e) => setNext({ ...next, [x.id]: { ...edit, stage: e.target.value } })}
                  >
                    {protectionStages.map((s) => (
                      <option key={s} value={s}>
                        {t(`incidents.stage.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                  <InputField
                    id={`measure-stage-on-${x.id}`}
                    type="date"
                    label={t('incidents.protection.on')}
                    value={edit.on}
                    onChange={(e) => setNext({ ...next, [x.id]: { ...edit, on: e.target.value } })}
                  />
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy || !edit.on}
                    onClick={() =>
                      void run(() =>
                        incidentsApi.measureStage(event.id, x.id, {
                          stage: edit.stage as 'granted',
                          on: edit.on,
                          version: x.version,
                        }),
                      )
                    }
                  >
                    {t('incidents.protection.saveStage')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </PartSection>
  );
}
