// One i18next instance for every entry point. Translations are bundled (two small JSON files)
// rather than fetched, so the first paint is already in the right language and works offline.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import es from './es.json';
import en from './en.json';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'acompana.language';

// `satisfies` makes the type check fail when en.json lacks a key that es.json has.
const resources = {
  es: { translation: es },
  en: { translation: en satisfies typeof es },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof es };
  }
}

/**
 * `t` as helper functions receive it: a plain function of a key. Checking every call against the
 * whole catalogue's key union inside such helpers makes TypeScript's instantiation too deep once
 * the catalogue is large; the components' own `t` calls stay fully typed, and the catalogue test
 * checks that every key used exists in both languages.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The components' `t` handed to a helper that takes a `Translate`. */
export function plain(t: unknown): Translate {
  return t as Translate;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStored(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, policy); fall back to the browser
  }
}

/**
 * Spanish whatever the browser says (decision 0134): staff on borrowed or English-language
 * machines work in Spanish unless they chose otherwise; once signed in, the account's remembered
 * choice wins (session-context).
 */
export function detectLanguage(): Language {
  return readStored() ?? 'es';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'es';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // not persisted: the choice still holds for this page load
  }
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    // Screen readers pick their voice from <html lang>; keep it in step with the UI.
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: detectLanguage(),
    fallbackLng: 'es',
    supportedLngs: [...languages],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
  return i18next;
}
