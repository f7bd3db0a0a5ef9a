// Which person fields are encrypted, in which column, and how they are turned into ciphertext and
// back. Every column is registered for key rotation here, once, when the module loads.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

export interface PersonData {
  givenNames: string;
  surnames: string;
  firstSurname?: string | undefined;
  secondSurname?: string | undefined;
  aliases: string[];
  sex?: 'F' | 'M' | 'X' | undefined;
  genderIdentity?: string | undefined;
  birthDate?: string | undefined;
  birthYear?: number | undefined;
  birthYearEstimated: boolean;
  nationality?: string | undefined;
  origin?: { country?: string | undefined; place?: string | undefined } | undefined;
  languages: { language: string; interpreterNeeded?: boolean | undefined }[];
  documents: { type: string; number: string; issuer?: string | undefined; expiry?: string | undefined }[];
  contacts: { channel: string; value: string; note?: string | undefined }[];
  notes?: string | undefined;
}

/** Encrypted column → field of PersonData; text columns hold the string, JSON columns JSON. */
export const textColumns = {
  given_names: 'givenNames',
  surnames: 'surnames',
  first_surname: 'firstSurname',
  second_surname: 'secondSurname',
  birth_date: 'birthDate',
  gender_identity: 'genderIdentity',
  notes: 'notes',
} as const satisfies Record<string, keyof PersonData>;

export const jsonColumns = {
  aliases: 'aliases',
  origin: 'origin',
  languages: 'languages',
  documents: 'documents',
  contacts: 'contacts',
} as const satisfies Record<string, keyof PersonData>;

export type EncryptedPersonColumn = keyof typeof textColumns | keyof typeof jsonColumns;
export const encryptedPersonColumns = [
  ...Object.keys(textColumns),
  ...Object.keys(jsonColumns),
] as EncryptedPersonColumn[];

/** The field name (API, camelCase) of each encrypted column, and back. */
export const fieldOfColumn: Record<EncryptedPersonColumn, keyof PersonData> = { ...textColumns, ...jsonColumns };

const contextOf = (column: string) => `people.${column}`;

for (const column of encryptedPersonColumns) {
  registerEncryptedColumn({ table: 'people', idColumn: 'id', orgColumn: 'org_id', column, context: contextOf(column) });
}
registerEncryptedColumn({
  table: 'person_consents',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'witness_name',
  context: 'person_consents.witness_name',
});

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((v) => v === undefined || v === null || v === '');
  return false;
}

/**
 * Ciphertext for every encrypted column whose field is present in `data` (null when the value
 * is empty, so that an empty field leaves nothing to decrypt). Absent fields are left out.
 */
export async function encryptPersonFields(
  keyring: Keyring,
  orgId: string,
  data: Partial<PersonData>,
): Promise<Partial<Record<EncryptedPersonColumn, Buffer | null>>> {
  const out: Partial<Record<EncryptedPersonColumn, Buffer | null>> = {};
  for (const [column, field] of Object.entries(fieldOfColumn) as [EncryptedPersonColumn, keyof PersonData][]) {
    if (!(field in data)) continue;
    const value = data[field];
    if (isEmpty(value)) {
      out[column] = null;
      continue;
    }
    const plaintext = column in jsonColumns ? JSON.stringify(value) : String(value);
    out[column] = await keyring.encrypt(orgId, contextOf(column), plaintext);
  }
  return out;
}

/** Decrypts the given columns of a row into PersonData fields (missing columns stay undefined). */
export async function decryptPersonColumns(
  keyring: Keyring,
  orgId: string,
  row: Partial<Record<EncryptedPersonColumn, unknown>>,
  columns: readonly EncryptedPersonColumn[] = encryptedPersonColumns,
): Promise<Partial<PersonData>> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const blob = row[column];
    if (blob === null || blob === undefined) continue;
    const plaintext = await keyring.decrypt(orgId, contextOf(column), blob);
    out[fieldOfColumn[column]] = column in jsonColumns ? JSON.parse(plaintext) : plaintext;
  }
  return out as Partial<PersonData>;
}

export async function encryptWitness(keyring: Keyring, orgId: string, name: string): Promise<Buffer> {
  return keyring.encrypt(orgId, 'person_consents.witness_name', name);
}

export async function decryptWitness(keyring: Keyring, orgId: string, blob: unknown): Promise<string> {
  return keyring.decrypt(orgId, 'person_consents.witness_name', blob);
}
