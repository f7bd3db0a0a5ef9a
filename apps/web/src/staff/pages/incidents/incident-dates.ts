// An event's date in words, at its precision: "3 de diciembre de 2026", "diciembre de 2026",
// "2026", "hacia el 3 de diciembre de 2026" (UI.md: dates read in words, never YYYY-MM-DD).
import { formatDate } from '../../../shared/components/format-date';

export function eventDateInWords(date: string, precision: string, language: string, around: string): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  if (precision === 'year') return formatDate(d, language, { year: 'numeric', timeZone: 'UTC' });
  if (precision === 'month') return formatDate(d, language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = formatDate(d, language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return precision === 'approximate' ? `${around} ${day}` : day;
}
