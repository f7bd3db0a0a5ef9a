// The "differentiated profile" checkboxes, used at registration and when editing the profile.
// Indicators derived from the record (child, older person, woman) are shown checked and
// disabled when they already hold, so the worker sees why the intake plan changes.
import { useTranslation } from 'react-i18next';
import { recordedIndicators, type Indicator } from './profile-api';

interface Props {
  idPrefix: string;
  selected: ReadonlySet<string>;
  derived?: readonly string[];
  onChange: (next: Set<string>) => void;
}

export function ProfileFieldset({ idPrefix, selected, derived = [], onChange }: Props) {
  const { t } = useTranslation();
  const derivedShown = (['child', 'older_person', 'woman'] as const).filter(
    (k) => derived.includes(k) && !selected.has(k),
  );
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <fieldset className="fieldset profile-fieldset">
      <legend>{t('profile.legend')}</legend>
      <p className="muted" id={`${idPrefix}-hint`}>
        {t('profile.hint')}
      </p>
      <div className="checkbox-grid">
        {derivedShown.map((key) => (
          <div className="checkbox" key={`derived-${key}`}>
            <input
              id={`${idPrefix}-derived-${key}`}
              type="checkbox"
              checked
              disabled
              aria-describedby={`${idPrefix}-hint`}
            />
            <label htmlFor={`${idPrefix}-derived-${key}`}>
              {t(`profile.indicators.${key}`)} ({t('profile.derived')})
            </label>
          </div>
        ))}
        {recordedIndicators.map((key: Indicator) => (
          <div className="checkbox" key={key}>
            <input
              id={`${idPrefix}-${key}`}
              type="checkbox"
              checked={selected.has(key)}
              onChange={(e) => toggle(key, e.target.checked)}
            />
            <label htmlFor={`${idPrefix}-${key}`}>{t(`profile.indicators.${key}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
