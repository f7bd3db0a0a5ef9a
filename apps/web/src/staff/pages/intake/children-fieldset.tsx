// The children who arrived with the person being registered: each with the few fields a child's
// record needs (names, sex, birth date or age), the relationship, and an age-appropriate profile:
// the indicators that matter for a child, and a follow-up question when one calls for it (a
// chronic illness or disability: which one, and whether the medicine is at hand).
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '../people/form-fields';
import { ConditionQuestion } from './condition-question';

export interface ChildDraft {
  key: number;
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  sex: '' | 'F' | 'M' | 'X';
  birthDate: string;
  estimatedAge: string;
  relationship: 'child' | 'grandchild' | 'sibling' | 'other_relative' | 'ward';
  indicators: string[];
  condition: string;
}

export const childIndicators = ['chronic_illness', 'disability', 'indigenous', 'interpreter_needed'] as const;
const childRelationships = ['child', 'grandchild', 'sibling', 'other_relative', 'ward'] as const;

export function newChild(key: number): ChildDraft {
  return {
    key,
    givenNames: '',
    firstSurname: '',
    secondSurname: '',
    sex: '',
    birthDate: '',
    estimatedAge: '',
    relationship: 'child',
    indicators: [],
    condition: '',
  };
}

interface Props {
  items: ChildDraft[];
  onChange: (next: ChildDraft[]) => void;
  errors: Record<string, string>;
}

export function ChildrenFieldset({ items, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (key: number, change: Partial<ChildDraft>) =>
    onChange(items.map((c) => (c.key === key ? { ...c, ...change } : c)));
  return (
    <fieldset className="fieldset intake-children">
      <legend>{t('intake.children.legend')}</legend>
      <p className="muted">{t('intake.children.hint')}</p>
      {items.map((child, index) => {
        const n = index + 1;
        const id = (field: string) => `intake-child-${child.key}-${field}`;
        const err = (field: string) => errors[`members.${n}.${field}`] ?? null;
        const toggle = (indicator: string, on: boolean) =>
          set(child.key, {
            indicators: on ? [...child.indicators, indicator] : child.indicators.filter((i) => i !== indicator),
          });
        return (
          <section key={child.key} className="card intake-child" aria-labelledby={id('title')}>
            <h3 id={id('title')}>{t('intake.children.title', { n })}</h3>
            <InputField
              id={id('givenNames')}
              label={t('intake.children.givenNames', { n })}
              autoComplete="off"
              value={child.givenNames}
              error={err('person.givenNames')}
              onChange={(e) => set(child.key, { givenNames: e.target.value })}
            />
            <div className="field-row">
              <InputField
                id={id('firstSurname')}
                label={t('intake.children.firstSurname', { n })}
                autoComplete="off"
                value={child.firstSurname}
                error={err('person.surnames')}
                onChange={(e) => set(child.key, { firstSurname: e.target.value })}
              />
              <InputField
                id={id('secondSurname')}
                label={t('intake.children.secondSurname', { n })}
                autoComplete="off"
                value={child.secondSurname}
                onChange={(e) => set(child.key, { secondSurname: e.target.value })}
              />
            </div>
            <div className="field-row">
              <SelectField
                id={id('sex')}
                label={t('intake.children.sex', { n })}
                value={child.sex}
                onChange={(e) => set(child.key, { sex: e.target.value as ChildDraft['sex'] })}
              >
                <option value="">{t('intake.children.sexUnknown')}</option>
                <option value="F">{t('intake.children.girl')}</option>
                <option value="M">{t('intake.children.boy')}</option>
                <option value="X">{t('people.sex.X')}</option>
              </SelectField>
              <SelectField
                id={id('relationship')}
                label={t('intake.children.relationship', { n })}
                value={child.relationship}
                error={err('relationship')}
                onChange={(e) => set(child.key, { relationship: e.target.value as ChildDraft['relationship'] })}
              >
                {childRelationships.map((r) => (
                  <option key={r} value={r}>
                    {t(`intake.children.relationships.${r}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="field-row">
              <InputField
                id={id('birthDate')}
                type="date"
                label={t('intake.children.birthDate', { n })}
                value={child.birthDate}
                error={err('person.birthDate')}
                onChange={(e) => set(child.key, { birthDate: e.target.value })}
              />
              <InputField
                id={id('estimatedAge')}
                label={t('intake.children.estimatedAge', { n })}
                hint={t('intake.children.estimatedAgeHint')}
                inputMode="numeric"
                value={child.estimatedAge}
                error={err('person.estimatedAge')}
                onChange={(e) => set(child.key, { estimatedAge: e.target.value.replace(/\D/g, '') })}
              />
            </div>
            <fieldset className="fieldset">
              <legend>{t('intake.children.profile', { n })}</legend>
              <div className="checkbox-grid">
                {childIndicators.map((indicator) => (
                  <div className="checkbox" key={indicator}>
                    <input
                      id={id(`indicator-${indicator}`)}
                      type="checkbox"
                      checked={child.indicators.includes(indicator)}
                      onChange={(e) => toggle(indicator, e.target.checked)}
                    />
                    <label htmlFor={id(`indicator-${indicator}`)}>{t(`profile.indicators.${indicator}`)}</label>
                  </div>
                ))}
              </div>
              <ConditionQuestion
                id={id('condition')}
                indicators={child.indicators}
                value={child.condition}
                onChange={(condition) => set(child.key, { condition })}
                who={t('intake.children.title', { n })}
              />
            </fieldset>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onChange(items.filter((c) => c.key !== child.key))}
            >
              {t('intake.children.remove', { n })}
            </button>
          </section>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...items, newChild(Math.max(0, ...items.map((c) => c.key)) + 1)])}
      >
        {t('intake.children.add')}
      </button>
    </fieldset>
  );
}
