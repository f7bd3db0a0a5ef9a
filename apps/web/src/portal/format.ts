// Dates in the reader's language. Chromium's ICU data may lack Haitian Creole, so its month
// names are written here rather than left to fall back to another language.
import type { Lang } from './i18n';

const HT_MONTHS = [
  'janvye',
  'fevriye',
  'mas',
  'avril',
  'me',
  'jen',
  'jiyè',
  'out',
  'septanm',
  'oktòb',
  'novanm',
  'desanm',
];

export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  if (lang === 'ht') return `${day} ${HT_MONTHS[month - 1] ?? month} ${year}`;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}
