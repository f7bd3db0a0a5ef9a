// Words for the administration screens: dates as dd/mm/aaaa, audit actions, record types and
// person fields by name (UI.md "words, not codes"); a code without a label is shown as it is.
import type { TFunction } from 'i18next';

/** 'YYYY-MM-DD' → 'dd/mm/aaaa'. */
export function dayText(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

/** An instant as dd/mm/aaaa hh:mm (24 h) in the browser's time zone. */
export function instantText(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-MX', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** i18n keys cannot hold dots: 'sharing_agreement.create' → 'sharing_agreement_create'. */
const keyOf = (code: string) => code.replace(/\./g, '_');

export function actionLabel(t: TFunction, action: string): string {
  return t(`adminScreens.actions.${keyOf(action)}`, { defaultValue: action });
}

export function recordTypeLabel(t: TFunction, recordType: string): string {
  return t(`adminScreens.recordTypes.${keyOf(recordType)}`, { defaultValue: recordType });
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`adminScreens.fields.${keyOf(field)}`, { defaultValue: field });
}

/** The audit actions offered in the action filter, in the order shown. */
export const auditActionChoices = [
  'sharing_agreement.',
  'sharing_agreement.create',
  'sharing_agreement.revoke',
  'person.',
  'person.read',
  'case.',
  'referral.',
  'account.',
  'access.refused.',
  'audit_log.',
] as const;
