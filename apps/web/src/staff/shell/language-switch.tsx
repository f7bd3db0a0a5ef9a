// ES / EN toggle. Each button is written in its own language (lang attribute) so a screen reader
// pronounces "English" in English even while the page is in Spanish.
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages } from '../../i18n/i18n';
import type { Language } from '../../i18n/i18n';
import { staffApi } from '../api/staff-api';
import { useSession } from '../session/session-context';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  const { state } = useSession();
  const choose = (language: Language) => {
    void changeLanguage(language);
    // Signed in, the choice is the account's: it follows the person to another device.
    if (state.status === 'authenticated') staffApi.setLocale(language).catch(() => undefined);
  };
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
          onClick={() => choose(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
