// Reference lists from core (plain data, no schema code) and their names in the UI language:
// country names come from Intl.DisplayNames, procedure titles from core's own es/en texts.
import { countryCodes } from '../../../../../../packages/core/src/people/countries.ts';
import { findProcedureType, procedureTypes } from '../../../../../../packages/core/src/procedures/procedure-types.ts';
import { procedureStageLabels } from '../../../../../../packages/core/src/procedures/procedure-stages.ts';
import { displayTimeZone } from '../../../shared/components/time-zone';

export { countryCodes, findProcedureType, procedureStageLabels, procedureTypes };

export type Localized = { es: string; en: string };

export function localized(text: Localized, language: string): string {
  return language === 'en' ? text.en : text.es;
}

const regionNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, language: string): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/** Every country, sorted by its name in the UI language. */
export function countryOptions(language: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return countryCodes
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Deadline rules counted in hours: their trigger is a date and a time. */
const hourRules: ReadonlySet<string> = new Set(['mx.inm.detention.max']);
export function triggerTakesTime(ruleId: string | null): boolean {
  return ruleId !== null && hourRules.has(ruleId);
}

/** A YYYY-MM-DD calendar date, formatted in the UI language (no time zone shift). */
export function formatPlainDate(date: string, language: string, style: 'long' | 'medium' | 'full' = 'long'): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(parsed);
}

export function formatInstant(instant: string, language: string): string {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  const timeZone = displayTimeZone();
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(parsed);
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
