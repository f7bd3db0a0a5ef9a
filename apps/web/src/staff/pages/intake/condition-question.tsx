// A differentiated question that follows the profile: when a chronic illness or a disability is
// marked, which one (kept with the profile's notes, encrypted) so the clinic referral says it.
import { useTranslation } from 'react-i18next';
import { InputField } from '../people/form-fields';

interface Props {
  id: string;
  indicators: readonly string[];
  value: string;
  onChange: (value: string) => void;
  who: string;
}

export function ConditionQuestion({ id, indicators, value, onChange, who }: Props) {
  const { t } = useTranslation();
  if (!indicators.includes('chronic_illness') && !indicators.includes('disability')) return null;
  return (
    <InputField
      id={id}
      label={t('intake.condition.label', { who })}
      hint={t('intake.condition.hint')}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
