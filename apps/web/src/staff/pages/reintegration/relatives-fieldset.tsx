// The family who stayed in the other country, recorded at reception as related people — each
// with their relationship, whether they are a child, and where they are (place and country) —
// rather than as a sentence in a note. Saved as the person's family file (families API), so the
// person's page and the family file show who is where.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { InputField, SelectField } from '../people/form-fields';
import { countryOptions } from '../people/reference-data';
import { relativeKinds } from './returns-api';
import type { RelativeKind } from './returns-api';

export interface Relative {
  name: string;
  relationship: RelativeKind;
  isChild: boolean;
  place: string;
  country: string;
}
export const blankRelative = (country: string): Relative => ({
  name: '',
  relationship: 'spouse',
  isChild: false,
  place: '',
  country,
});

export function RelativesFieldset({
  relatives,
  onChange,
  defaultCountry,
}: {
  relatives: Relative[];
  onChange: (next: Relative[]) => void;
  defaultCountry: string;
}) {
  const { t } = useTranslation();
  const countries = useMemo(() => countryOptions(currentLanguage()), []);
  const update = (i: number, patch: Partial<Relative>) =>
    onChange(relatives.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="relatives">
      <legend>{t('returns.relatives.title')}</legend>
      <p className="field__hint">{t('returns.relatives.hint')}</p>
      {relatives.map((r, i) => {
        const n = i + 1;
        return (
          <div key={i} className="relative" role="group" aria-label={t('returns.relatives.item', { n })}>
            <InputField
              id={`relative-${n}-name`}
              required
              label={t('returns.relatives.name', { n })}
              value={r.name}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <SelectField
              id={`relative-${n}-relationship`}
              label={t('returns.relatives.relationship', { n })}
              value={r.relationship}
              onChange={(e) => update(i, { relationship: e.target.value as RelativeKind })}
            >
              {relativeKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`returns.relatives.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <label className="relative__child">
              <input type="checkbox" checked={r.isChild} onChange={(e) => update(i, { isChild: e.target.checked })} />{' '}
              {t('returns.relatives.isChild', { n })}
            </label>
            <InputField
              id={`relative-${n}-place`}
              required
              label={t('returns.relatives.place', { n })}
              hint={i === 0 ? t('returns.relatives.placeHint') : undefined}
              value={r.place}
              onChange={(e) => update(i, { place: e.target.value })}
            />
            <SelectField
              id={`relative-${n}-country`}
              label={t('returns.relatives.country', { n })}
              value={r.country}
              onChange={(e) => update(i, { country: e.target.value })}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange(relatives.filter((_, j) => j !== i))}
            >
              {t('returns.relatives.remove', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...relatives, blankRelative(defaultCountry)])}
      >
        {t('returns.relatives.add')}
      </button>
    </fieldset>
  );
}
