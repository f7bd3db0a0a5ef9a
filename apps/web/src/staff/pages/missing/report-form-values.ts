// The report form's flat values (one string per input, keyed by the payload path) and the payload
// they make: empty inputs are left out, numbers parsed, nested objects only when something is filled.
import type { MissingReportCreate } from './missing-api';

export interface RelativeForm {
  name: string;
  relationship: string;
  channel: string;
  contact: string;
  consentToContact: boolean;
}

export type ReportForm = Record<string, string | undefined>;

export const emptyRelative = (): RelativeForm => ({
  name: '',
  relationship: '',
  channel: 'phone',
  contact: '',
  consentToContact: false,
});

const clean = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The fields under `prefix.` as an object, or undefined when none is filled. */
function group(
  form: ReportForm,
  prefix: string,
  numbers: readonly string[] = [],
): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(form)) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const v = clean(value);
    if (!v) continue;
    const name = key.slice(prefix.length + 1);
    out[name] = numbers.includes(name) ? Number(v) : v;
  }
  return Object.keys(out).length ? out : undefined;
}

export function buildReport(form: ReportForm, relativeRows: readonly RelativeForm[]): MissingReportCreate {
  const text = (key: string) => clean(form[key]) || undefined;
  const num = (key: string) => (text(key) ? Number(text(key)) : undefined);
  const relatives = relativeRows
    .filter((r) => r.name.trim())
    .map((r) => ({
      name: r.name.trim(),
      ...(r.relationship.trim() ? { relationship: r.relationship.trim() } : {}),
      contacts: r.contact.trim() ? [{ channel: r.channel as 'phone', value: r.contact.trim() }] : [],
      consentToContact: r.consentToContact,
    }));
  const dna = group(form, 'dnaSample');
  const authority = group(form, 'authority');
  const consent = group(form, 'traceConsent');
  const origin = group(form, 'origin');
  const payload: Record<string, unknown> = {
    givenNames: text('givenNames'),
    surnames: text('surnames'),
    aliases: text('aliases')
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    sex: text('sex'),
    birthDate: text('birthDate'),
    ageMin: num('ageMin'),
    ageMax: num('ageMax'),
    nationality: text('nationality'),
    origin:
      origin || text('nationality')
        ? { ...(text('nationality') ? { country: text('nationality') } : {}), ...origin }
        : undefined,
    physical: group(form, 'physical', ['heightCm']),
    belongings: group(form, 'belongings'),
    lastContact: group(form, 'lastContact'),
    relatives: relatives.length ? relatives : undefined,
    dnaSample: dna || form.dnaGiven === 'yes' ? { given: form.dnaGiven === 'yes', ...dna } : undefined,
    authorities: authority ? [authority] : undefined,
    traceConsent: consent?.givenBy
      ? { method: 'signed', date: new Date().toISOString().slice(0, 10), ...consent }
      : undefined,
    notes: text('notes'),
  };
  return Object.fromEntries(
    Object.entries(payload).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as MissingReportCreate;
}
