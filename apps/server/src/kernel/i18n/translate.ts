// Server-side messages (errors, CLI output) in Spanish and English. The staff UI has its own
// translation files; these cover what the API itself says.
import { readFileSync } from 'node:fs';

export type Locale = 'es' | 'en';
export const supportedLocales: readonly Locale[] = ['es', 'en'];

function load(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`./messages-${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
}

const catalogues: Record<Locale, Record<string, string>> = { es: load('es'), en: load('en') };

export function translate(locale: Locale, key: string, params: Record<string, string> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.es[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Picks es or en from an Accept-Language header; Spanish is the default language of Acompaña. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'es';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => (supportedLocales as readonly string[]).includes(entry.lang));
  return (found?.lang as Locale | undefined) ?? 'es';
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
