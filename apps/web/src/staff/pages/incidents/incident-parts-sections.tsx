// Who did what to whom (victims in incident-victims-section.tsx): perpetrators (institution from the hierarchy, suspected one and
// attribution when unknown, unit and individuals) and acts linking them.
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Translate, plain } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { Incident, Vocabulary } from './incidents-api';
import { termLabel, termOptions } from './incident-labels';
import { attributions, datePrecisions } from './incident-options';

export interface SectionProps {
  event: Incident;
  vocabulary: Vocabulary | null;
  readOnly: boolean;
  onSaved: (event: Incident) => void;
}

/** A section with its list and, for those who may change the event, its form. */
export function PartSection({
  id,
  title,
  children,
  form,
  onSubmit,
  busy,
  error,
  submitLabel,
}: {
  id: string;
  title: string;
  children: ReactNode;
  form: ReactNode | null;
  onSubmit: () => Promise<void>;
  busy: boolean;
  error: string | null;
  submitLabel: string;
}) {
  return (
    <section aria-labelledby={id} className="card section-card">
      <h2 id={id}>{title}</h2>
      {children}
      {form ? (
        <form
          className="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void onSubmit();
          }}
        >
          {form}
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {submitLabel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function useSave(onSaved: (event: Incident) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<Incident>, after?: () => void) {
    setBusy(true);
    setError(null);
    try {
      onSaved(await action());
      after?.();
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

export function victimLabel(event: Incident, victimId: string, t: Translate): string {
  const index = event.victims.findIndex((v) => v.id === victimId);
  const v = event.victims[index];
  if (!v) return '';
  return t('incidents.victims.item', {
    n: index + 1,
    count: v.count,
    sex: t(`incidents.sex.${v.sex as 'F'}`),
    age: t(`incidents.age.${v.ageGroup as '18-29'}`),
  });
}

export function PerpetratorsSection({ event, vocabulary, readOnly, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useSave(onSaved);
  const [p, setP] = useState({
    institution: 'unknown',
    suspected: '',
    attribution: 'confirmed',
    unit: '',
    individuals: '',
  });
  const terms = vocabulary?.institutions.terms ?? [];
  const submit = () =>
    run(
      () =>
        incidentsApi.addPerpetrator(event.id, {
          institution: p.institution,
          attribution: p.attribution as 'confirmed',
          ...(p.suspected ? { suspectedInstitution: p.suspected } : {}),
          ...(p.unit ? { unit: p.unit } : {}),
          ...(p.individuals.trim()
            ? {
                individuals: p.individuals
                  .split('\n')
                  .map((x) => x.trim())
                  .filter(Boolean),
              }
            : {}),
        }),
      () => setP({ ...p, unit: '', individuals: '' }),
    );
  return (
    <PartSection
      id="incident-perpetrators"
      title={t('incidents.perpetrators.title')}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={t('incidents.perpetrators.add')}
      form={
        readOnly ? null : (
          <div className="fieldset">
            <SelectField
              id="perpetrator-institution"
              label={t('incidents.perpetrators.institution')}
              value={p.institution}
              onChange={(e) => setP({ ...p, institution: e.target.value })}
            >
              {termOptions(terms, language)}
            </SelectField>
            <SelectField
              id="perpetrator-suspected"
              label={t('incidents.perpetrators.suspected')}
              value={p.suspected}
              onChange={(e) => setP({ ...p, suspected: e.target.value })}
            >
              <option value="">{t('incidents.form.none')}</option>
              {termOptions(
                terms.filter((x) => x.key !== 'unknown'),
                language,
              )}
            </SelectField>
            <SelectField
              id="perpetrator-attribution"
              label={t('incidents.perpetrators.attribution')}
              value={p.attribution}
              onChange={(e) => setP({ ...p, attribution: e.target.value })}
            >
              {attributions.map((a) => (
                <option key={a} value={a}>
                  {t(`incidents.attribution.${a}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="perpetrator-unit"
              label={t('incidents.perpetrators.unit')}
              hint={t('incidents.perpetrators.unitHint')}
              value={p.unit}
              onChange={(e) => setP({ ...p, unit: e.target.value })}
            />
            <InputField
              id="perpetrator-individuals"
              label={t('incidents.perpetrators.individuals')}
              value={p.individuals}
              onChange={(e) => setP({ ...p, individuals: e.target.value })}
            />
          </div>
        )
      }
    >
      <ul className="incident-parts">
        {event.perpetrators.map((x) => (
          <li key={x.id}>
            <strong>
              {[...x.institutionPath]
                .reverse()
                .map((k) => termLabel(terms, k, language))
                .join(' › ')}
            </strong>
            {x.suspectedInstitution
              ? ` · ${t('incidents.perpetrators.suspectedOf', { institution: termLabel(terms, x.suspectedInstitution, language), attribution: t(`incidents.attribution.${x.attribution as 'possible'}`) })}`
              : ''}
            {x.unit ? ` · ${x.unit}` : ''}
            {x.individuals.length > 0 ? ` · ${x.individuals.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </PartSection>
  );
}

export function ActsSection({ event, vocabulary, readOnly, onSaved }: SectionProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { busy, error, run } = useSave(onSaved);
  const [a, setA] = useState({
    type: '',
    victimIds: [] as string[],
    perpetratorIds: [] as string[],
    date: '',
    precision: 'day',
  });
  const terms = vocabulary?.violationTypes.terms ?? [];
  const institutions = vocabulary?.institutions.terms ?? [];
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const submit = () =>
    run(
      () =>
        incidentsApi.addAct(event.id, {
          type: a.type,
          victimIds: a.victimIds,
          perpetratorIds: a.perpetratorIds,
          ...(a.date ? { date: { date: a.date, precision: a.precision as 'day' } } : {}),
        }),
      () => setA({ ...a, victimIds: [], perpetratorIds: [] }),
    );
  return (
    <PartSection
      id="incident-acts"
      title={t('incidents.acts.title')}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={t('incidents.acts.add')}
      form={
        readOnly ? null : (
          <>
            <div className="fieldset">
              <SelectField
                id="act-type"
                label={t('incidents.acts.type')}
                required
                value={a.type}
                onChange={(e) => setA({ ...a, type: e.target.value })}
              >
                <option value="">{t('incidents.acts.choose')}</option>
                {termOptions(terms, language)}
              </SelectField>
              <InputField
                id="act-date"
                type="date"
                label={t('incidents.acts.date')}
                value={a.date}
                onChange={(e) => setA({ ...a, date: e.target.value })}
              />
              <SelectField
                id="act-precision"
                label={t('incidents.fields.precision')}
                value={a.precision}
                onChange={(e) => setA({ ...a, precision: e.target.value })}
              >
                {datePrecisions.map((p) => (
                  <option key={p} value={p}>
                    {t(`incidents.precision.${p}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <fieldset className="checkbox-row">
              <legend>{t('incidents.acts.victims')}</legend>
              {event.victims.length === 0 ? <span className="muted">{t('incidents.acts.noVictims')}</span> : null}
              {event.victims.map((v) => (
                <label key={v.id}>
                  <input
                    type="checkbox"
                    checked={a.victimIds.includes(v.id)}
                    onChange={() => setA({ ...a, victimIds: toggle(a.victimIds, v.id) })}
                  />{' '}
                  {victimLabel(event, v.id, plain(t))}
                </label>
              ))}
            </fieldset>
            <fieldset className="checkbox-row">
              <legend>{t('incidents.acts.perpetrators')}</legend>
              {event.perpetrators.map((p) => (
                <label key={p.id}>
                  <input
                    type="checkbox"
                    checked={a.perpetratorIds.includes(p.id)}
                    onChange={() => setA({ ...a, perpetratorIds: toggle(a.perpetratorIds, p.id) })}
                  />{' '}
                  {termLabel(institutions, p.institution, language)}
                  {p.unit ? ` (${p.unit})` : ''}
                </label>
              ))}
            </fieldset>
          </>
        )
      }
    >
      <ul className="incident-parts">
        {event.acts.map((act) => (
          <li key={act.id}>
            <strong>{act.label[language]}</strong>
            {act.date ? ` · ${act.date.date}` : ''}
            {' · '}
            {act.victimIds.map((id) => victimLabel(event, id, plain(t))).join('; ')}
            {act.perpetratorIds.length > 0
              ? ` · ${t('incidents.acts.by')} ${act.perpetratorIds.map((id) => termLabel(institutions, event.perpetrators.find((p) => p.id === id)?.institution, language)).join(', ')}`
              : ''}
          </li>
        ))}
      </ul>
    </PartSection>
  );
}
