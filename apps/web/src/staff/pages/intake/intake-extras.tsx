// The parts of the intake form around the adult's record: the arrival date, her differentiated
// profile with the questions it calls for (travelling alone with her children; which illness),
// the children who came with her, and the consents she gives (for herself and, as their
// guardian, for them).
import { useTranslation } from 'react-i18next';
import { InputField } from '../people/form-fields';
import { ProfileFieldset } from '../people/profile-fieldset';
import { ChildrenFieldset, type ChildDraft } from './children-fieldset';
import { ConditionQuestion } from './condition-question';

export const intakeConsents = ['care', 'referral', 'sharing', 'statistics'] as const;
export type IntakeConsent = (typeof intakeConsents)[number];

export interface IntakeExtrasValue {
  arrivedOn: string;
  indicators: Set<string>;
  condition: string;
  travelsAlone: boolean | null;
  children: ChildDraft[];
  consents: Set<IntakeConsent>;
  consentMethod: 'signed' | 'oral_with_witness';
  witnessName: string;
}

interface Props {
  value: IntakeExtrasValue;
  onChange: (next: IntakeExtrasValue) => void;
  errors: Record<string, string>;
}

export function IntakeExtras({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<IntakeExtrasValue>) => onChange({ ...value, ...change });
  const withChildren = value.children.length > 0;
  const answerAlone = (alone: boolean) => {
    const indicators = new Set(value.indicators);
    if (alone) indicators.add('single_parent');
    else indicators.delete('single_parent');
    set({ travelsAlone: alone, indicators });
  };
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('intake.arrival.legend')}</legend>
        <InputField
          id="intake-arrivedOn"
          type="date"
          label={t('intake.arrival.label')}
          hint={t('intake.arrival.hint')}
          value={value.arrivedOn}
          error={errors.arrivedOn ?? null}
          onChange={(e) => set({ arrivedOn: e.target.value })}
        />
      </fieldset>
      <ChildrenFieldset items={value.children} onChange={(children) => set({ children })} errors={errors} />
      {withChildren ? (
        <fieldset className="fieldset">
          <legend>{t('intake.alone.question')}</legend>
          <p className="field__hint">{t('intake.alone.hint')}</p>
          <div className="choice-row">
            {[true, false].map((alone) => (
              <div className="checkbox" key={String(alone)}>
                <input
                  id={`intake-alone-${alone ? 'yes' : 'no'}`}
                  type="radio"
                  name="intake-alone"
                  checked={value.travelsAlone === alone}
                  onChange={() => answerAlone(alone)}
                />
                <label htmlFor={`intake-alone-${alone ? 'yes' : 'no'}`}>
                  {t(alone ? 'screening.yes' : 'screening.no')}
                </label>
              </div>
            ))}
          </div>
          {value.travelsAlone ? <p className="muted">{t('intake.alone.recorded')}</p> : null}
        </fieldset>
      ) : null}
      <ProfileFieldset
        idPrefix="register-profile"
        selected={value.indicators}
        onChange={(indicators) => set({ indicators })}
      />
      <ConditionQuestion
        id="intake-condition"
        indicators={[...value.indicators]}
        value={value.condition}
        onChange={(condition) => set({ condition })}
        who={t('intake.condition.adult')}
      />
      <fieldset className="fieldset">
        <legend>{t('intake.consents.legend')}</legend>
        <p className="field__hint">{t(withChildren ? 'intake.consents.hintChildren' : 'intake.consents.hint')}</p>
        <div className="checkbox-grid">
          {intakeConsents.map((purpose) => (
            <div className="checkbox" key={purpose}>
              <input
                id={`intake-consent-${purpose}`}
                type="checkbox"
                checked={value.consents.has(purpose)}
                onChange={(e) => {
                  const consents = new Set(value.consents);
                  if (e.target.checked) consents.add(purpose);
                  else consents.delete(purpose);
                  set({ consents });
                }}
              />
              <label htmlFor={`intake-consent-${purpose}`}>{t(`intake.consents.${purpose}`)}</label>
            </div>
          ))}
        </div>
        <div className="choice-row">
          {(['signed', 'oral_with_witness'] as const).map((method) => (
            <div className="checkbox" key={method}>
              <input
                id={`intake-method-${method}`}
                type="radio"
                name="intake-method"
                checked={value.consentMethod === method}
                onChange={() => set({ consentMethod: method })}
              />
              <label htmlFor={`intake-method-${method}`}>{t(`people.consents.methods.${method}`)}</label>
            </div>
          ))}
        </div>
        {value.consentMethod === 'oral_with_witness' ? (
          <InputField
            id="intake-witness"
            label={t('intake.consents.witness')}
            value={value.witnessName}
            error={errors.witnessName ?? null}
            onChange={(e) => set({ witnessName: e.target.value })}
          />
        ) : null}
      </fieldset>
    </>
  );
}
