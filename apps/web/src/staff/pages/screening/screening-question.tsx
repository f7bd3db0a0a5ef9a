// One screening question as a control: yes/no and single choice as radio buttons, several
// choices as checkboxes, a number as a numeric field. The interviewer's hint is read with it.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import type { Answer, Question } from './screening-api';

interface Props {
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer | undefined) => void;
}

export function ScreeningQuestion({ question, value, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = `q-${question.key}`;
  const hint = question.hint ? (
    <p className="field__hint" id={`${id}-hint`}>
      {question.hint[language]}
    </p>
  ) : null;
  const describedBy = question.hint ? `${id}-hint` : undefined;
  if (question.kind === 'number') {
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {question.text[language]}
        </label>
        {hint}
        <input
          id={id}
          className="field__input"
          type="text"
          inputMode="numeric"
          aria-describedby={describedBy}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '');
            onChange(digits === '' ? undefined : Number(digits));
          }}
        />
      </div>
    );
  }
  const options =
    question.kind === 'yes_no'
      ? [
          { value: 'yes', label: t('screening.yes') },
          { value: 'no', label: t('screening.no') },
        ]
      : (question.choices ?? []).map((c) => ({ value: c.value, label: c.label[language] }));
  const multi = question.kind === 'multi_choice';
  const checked = (option: string) =>
    question.kind === 'yes_no'
      ? value === (option === 'yes')
      : multi
        ? Array.isArray(value) && value.includes(option)
        : value === option;
  const pick = (option: string, on: boolean) => {
    if (question.kind === 'yes_no') return onChange(option === 'yes');
    if (!multi) return onChange(option);
    const list = Array.isArray(value) ? value.filter((v) => v !== option) : [];
    const next = on ? [...list, option] : list;
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="fieldset screening-question" aria-describedby={describedBy}>
      <legend>{question.text[language]}</legend>
      {hint}
      <div className={question.kind === 'yes_no' ? 'choice-row' : 'checkbox-grid'}>
        {options.map((option) => (
          <div className="checkbox" key={option.value}>
            <input
              id={`${id}-${option.value}`}
              type={multi ? 'checkbox' : 'radio'}
              name={id}
              checked={checked(option.value)}
              onChange={(e) => pick(option.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
