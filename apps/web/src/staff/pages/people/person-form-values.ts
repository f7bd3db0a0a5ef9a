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

export interface PersonFormValues {
  givenNames: string;
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
  return values.documents.filter((d) => d.number.trim() !== '' || d.type.trim() !== '').map((d) => ({ type: d.type.trim(), number: d.number.trim() }));
}

function languagesOf(values: PersonFormValues) {
  return values.languages
    .filter((l) => l.language.trim() !== '')
    .map((l) => ({ language: l.language.trim(), ...(l.interpreterNeeded ? { interpreterNeeded: true } : {}) }));
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
      return old && old.type === d.type && old.number === d.number ? { ...d, ...(old.issuer ? { issuer: old.issuer } : {}), ...(old.expiry ? { expiry: old.expiry } : {}) } : d;
    });
  }
  const languages = languagesOf(values);
  if (JSON.stringify(languages) !== JSON.stringify(languagesOf(before))) body.languages = languages;
  return body;
}
