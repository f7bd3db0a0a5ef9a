// The register/edit form's values (all text, as typed) and their conversion to API payloads.
import type { Person, PersonCreate, PersonUpdate, Sex } from './people-api';

export interface DocumentRow {
  type: string;
  number: string;
}

export interface LanguageRow {
  language: string;
  interpreterNeeded: boolean;
}

export interface ContactRow {
  channel: ContactChannel | '';
  value: string;
  note: string;
}

export const contactChannels = [
  'phone',
  'whatsapp',
  'signal',
  'telegram',
  'email',
  'address',
  'relative',
  'other',
] as const;
export type ContactChannel = (typeof contactChannels)[number];

export interface PersonFormValues {
  givenNames: string;
  /** Aliases and nicknames, one per line. */
  aliases: string;
  genderIdentity: string;
  originCountry: string;
  originPlace: string;
  contacts: ContactRow[];
  firstSurname: string;
  secondSurname: string;
  sex: Sex | '';
  birthDate: string;
  estimatedAge: string;
  nationality: string;
  documents: DocumentRow[];
  languages: LanguageRow[];
  notes: string;
}

export const emptyPersonForm: PersonFormValues = {
  givenNames: '',
  aliases: '',
  genderIdentity: '',
  originCountry: '',
  originPlace: '',
  contacts: [],
  firstSurname: '',
  secondSurname: '',
  sex: '',
  birthDate: '',
  estimatedAge: '',
  nationality: '',
  documents: [],
  languages: [],
  notes: '',
};

export function valuesFromPerson(person: Person): PersonFormValues {
  return {
    givenNames: person.givenNames,
    aliases: person.aliases.join('\n'),
    genderIdentity: person.genderIdentity ?? '',
    originCountry: person.origin?.country ?? '',
    originPlace: person.origin?.place ?? '',
    contacts: person.contacts.map((c) => ({
      channel: (contactChannels as readonly string[]).includes(c.channel) ? (c.channel as ContactChannel) : 'other',
      value: c.value,
      note: c.note ?? '',
    })),
    firstSurname: person.firstSurname ?? (person.secondSurname ? '' : person.surnames),
    secondSurname: person.secondSurname ?? '',
    sex: person.sex ?? '',
    birthDate: person.birthDate ?? '',
    estimatedAge: '',
    nationality: person.nationality ?? '',
    documents: person.documents.map((d) => ({ type: d.type, number: d.number })),
    languages: person.languages.map((l) => ({ language: l.language, interpreterNeeded: l.interpreterNeeded ?? false })),
    notes: person.notes ?? '',
  };
}

const filled = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

function documentsOf(values: PersonFormValues) {
  return values.documents
    .filter((d) => d.number.trim() !== '' || d.type.trim() !== '')
    .map((d) => ({ type: d.type.trim(), number: d.number.trim() }));
}

function languagesOf(values: PersonFormValues) {
  return values.languages
    .filter((l) => l.language.trim() !== '')
    .map((l) => ({ language: l.language.trim(), ...(l.interpreterNeeded ? { interpreterNeeded: true } : {}) }));
}

function aliasesOf(values: PersonFormValues): string[] {
  return values.aliases
    .split(/\n|;/)
    .map((a) => a.trim())
    .filter(Boolean);
}

function originOf(values: PersonFormValues): { country?: string; place?: string } | undefined {
  const country = filled(values.originCountry);
  const place = filled(values.originPlace);
  return country || place ? { ...(country ? { country } : {}), ...(place ? { place } : {}) } : undefined;
}

function contactsOf(values: PersonFormValues) {
  return values.contacts
    .filter((c) => c.value.trim() !== '')
    .map((c) => ({
      channel: c.channel || 'other',
      value: c.value.trim(),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    }));
}

function ageOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

export function toCreatePayload(values: PersonFormValues): PersonCreate {
  const body: PersonCreate = {};
  const set = <K extends keyof PersonCreate>(key: K, value: PersonCreate[K] | undefined) => {
    if (value !== undefined) body[key] = value;
  };
  set('givenNames', filled(values.givenNames));
  set('firstSurname', filled(values.firstSurname));
  set('secondSurname', filled(values.secondSurname));
  set('sex', values.sex || undefined);
  set('birthDate', filled(values.birthDate));
  if (!values.birthDate) set('estimatedAge', ageOf(values.estimatedAge));
  set('nationality', filled(values.nationality));
  const documents = documentsOf(values);
  if (documents.length > 0) body.documents = documents;
  const languages = languagesOf(values);
  if (languages.length > 0) body.languages = languages;
  const aliases = aliasesOf(values);
  if (aliases.length > 0) body.aliases = aliases;
  set('genderIdentity', filled(values.genderIdentity));
  set('origin', originOf(values));
  const contacts = contactsOf(values);
  if (contacts.length > 0) body.contacts = contacts as PersonCreate['contacts'];
  set('notes', filled(values.notes));
  return body;
}

/** Only what changed since the record was read, with the version the editor saw. */
export function toUpdatePayload(values: PersonFormValues, original: Person): PersonUpdate {
  const before = valuesFromPerson(original);
  const body: PersonUpdate = { version: original.version };
  const text = (key: 'givenNames' | 'firstSurname' | 'secondSurname' | 'birthDate' | 'nationality' | 'notes') => {
    if (values[key].trim() === before[key].trim()) return;
    const value = filled(values[key]);
    if (key === 'givenNames') body.givenNames = value ?? '';
    else body[key] = value ?? null;
  };
  text('givenNames');
  text('firstSurname');
  text('secondSurname');
  text('birthDate');
  text('nationality');
  text('notes');
  if (values.sex !== before.sex) body.sex = values.sex || null;
  if (!values.birthDate && values.estimatedAge.trim() !== '') body.estimatedAge = ageOf(values.estimatedAge) ?? null;
  const documents = documentsOf(values);
  if (JSON.stringify(documents) !== JSON.stringify(documentsOf(before))) {
    // Keep what the form does not show (issuer, expiry) on rows that are still the same document.
    body.documents = documents.map((d, i) => {
      const old = original.documents[i];
      return old && old.type === d.type && old.number === d.number
        ? { ...d, ...(old.issuer ? { issuer: old.issuer } : {}), ...(old.expiry ? { expiry: old.expiry } : {}) }
        : d;
    });
  }
  const languages = languagesOf(values);
  if (JSON.stringify(languages) !== JSON.stringify(languagesOf(before))) body.languages = languages;
  const aliases = aliasesOf(values);
  if (JSON.stringify(aliases) !== JSON.stringify(aliasesOf(before))) body.aliases = aliases;
  if (values.genderIdentity.trim() !== before.genderIdentity.trim())
    body.genderIdentity = filled(values.genderIdentity) ?? null;
  if (JSON.stringify(originOf(values)) !== JSON.stringify(originOf(before))) body.origin = originOf(values) ?? null;
  const contacts = contactsOf(values);
  if (JSON.stringify(contacts) !== JSON.stringify(contactsOf(before)))
    body.contacts = contacts as PersonUpdate['contacts'];
  return body;
}
