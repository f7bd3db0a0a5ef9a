// ES / EN toggle. Each button is written in its own language (lang attribute) so a screen reader
// pronounces "English" in English even while the page is in Spanish.
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from '../../i18n/i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="language-switch__button"
          lang={language}
          aria-pressed={language === active}
          title={t(`language.${language}` as const)}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
