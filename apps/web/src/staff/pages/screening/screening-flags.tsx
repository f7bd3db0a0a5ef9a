// The flags a screening raised, each with why (the rule's explanation) and the answer that
// raised it, in words: "¿Tiene miedo de regresar a su país? — Sí".
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import type { Answer, Questionnaire, ScreeningView } from './screening-api';
import { asProfile, triggeringQuestions } from './screening-logic';

export function ScreeningFlags({
  screening,
  questionnaire,
  profile,
}: {
  screening: ScreeningView;
  questionnaire: Questionnaire;
  profile: readonly string[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const answers = screening.answers as Record<string, Answer>;
  const answerText = (key: string): string => {
    const question = questionnaire.questions.find((q) => q.key === key);
    const value = answers[key];
    if (!question || value === undefined) return '';
    const choice = (v: string) => question.choices?.find((c) => c.value === v)?.label[language] ?? v;
    const said =
      typeof value === 'boolean'
        ? t(value ? 'screening.yes' : 'screening.no')
        : Array.isArray(value)
          ? value
              .filter((v) => JSON.stringify(questionnaire.rules).includes(`"${v}"`))
              .map(choice)
              .join('; ') || value.map(choice).join('; ')
          : typeof value === 'string'
            ? choice(value)
            : String(value);
    return `${question.text[language]} — ${said}`;
  };
  if (screening.flags.length === 0) return <p>{t('screening.noFlags')}</p>;
  return (
    <ul className="screening-flags">
      {screening.flags.map((flag) => {
        const rule = questionnaire.rules.find((r) => r.flag === flag.flag);
        const raisedBy = rule ? [...new Set(triggeringQuestions(rule.when, answers, asProfile(profile)))] : [];
        return (
          <li key={flag.flag} className={`screening-flag screening-flag--${flag.severity}`}>
            <p>
              <span className={`badge ${flag.severity === 'urgent' ? 'badge--overdue' : 'badge--at-risk'}`}>
                {t(`screening.severity.${flag.severity}`)}
              </span>{' '}
              <strong>{t(`screening.flags.${flag.flag}`, { defaultValue: flag.explanation[language] })}</strong>
            </p>
            <p>{flag.explanation[language]}</p>
            {raisedBy.length > 0 ? (
              <p className="muted">
                {t('screening.raisedBy')}{' '}
                {raisedBy.map((key) => (
                  <span key={key} className="screening-flag__answer">
                    {answerText(key)}
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
