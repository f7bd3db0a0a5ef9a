// Which fields of reports, found records and candidate notes are encrypted, in which column, and
// how they become ciphertext and back. Every column is registered for key rotation here, once.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

interface TableSpec {
  table: string;
  /** column → [API field, 'text' | 'json'] */
  columns: Record<string, readonly [string, 'text' | 'json']>;
}

export const reportSpec = {
  table: 'missing_reports',
  columns: {
    given_names: ['givenNames', 'text'],
    surnames: ['surnames', 'text'],
    aliases: ['aliases', 'json'],
    birth_date: ['birthDate', 'text'],
    origin: ['origin', 'json'],
    physical: ['physical', 'json'],
    belongings: ['belongings', 'json'],
    last_contact: ['lastContact', 'json'],
    relatives: ['relatives', 'json'],
    dna_sample: ['dnaSample', 'json'],
    authorities: ['authorities', 'json'],
    notes: ['notes', 'text'],
    trace_consent: ['traceConsent', 'json'],
    ante_mortem: ['anteMortem', 'json'],
  },
} as const satisfies TableSpec;

export const foundSpec = {
  table: 'found_records',
  columns: {
    given_names: ['givenNames', 'text'],
    surnames: ['surnames', 'text'],
    aliases: ['aliases', 'json'],
    found_place: ['foundPlace', 'text'],
    custodian: ['custodian', 'json'],
    description: ['description', 'json'],
    belongings: ['belongings', 'json'],
    circumstances: ['circumstances', 'text'],
    notes: ['notes', 'text'],
    post_mortem: ['postMortem', 'json'],
  },
} as const satisfies TableSpec;

for (const spec of [reportSpec, foundSpec] as TableSpec[]) {
  for (const column of Object.keys(spec.columns)) {
    registerEncryptedColumn({
      table: spec.table,
      idColumn: 'id',
      orgColumn: 'org_id',
      column,
      context: `${spec.table}.${column}`,
    });
  }
}
for (const column of ['note', 'ampm_explanation'])
  registerEncryptedColumn({
    table: 'match_candidates',
    idColumn: 'id',
    orgColumn: 'org_id',
    column,
    context: `match_candidates.${column}`,
  });

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/** Ciphertext (or null when empty) for every encrypted column of `spec` present in `data`. */
export async function encryptFields(
  keyring: Keyring,
  spec: TableSpec,
  orgId: string,
  data: Record<string, unknown>,
): Promise<Record<string, Buffer | null>> {
  const out: Record<string, Buffer | null> = {};
  for (const [column, [field, kind]] of Object.entries(spec.columns)) {
    const value = data[field];
    if (isEmpty(value)) {
      out[column] = null;
      continue;
    }
    out[column] = await keyring.encrypt(
      orgId,
      `${spec.table}.${column}`,
      kind === 'json' ? JSON.stringify(value) : String(value),
    );
  }
  return out;
}

/** Decrypts the given columns of a row into API fields (absent or null columns are left out). */
export async function decryptFields(
  keyring: Keyring,
  spec: TableSpec,
  orgId: string,
  row: Record<string, unknown>,
  columns: readonly string[] = Object.keys(spec.columns),
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const entry = spec.columns[column];
    const blob = row[column];
    if (!entry || blob === null || blob === undefined) continue;
    const plaintext = await keyring.decrypt(orgId, `${spec.table}.${column}`, blob);
    out[entry[0]] = entry[1] === 'json' ? JSON.parse(plaintext) : plaintext;
  }
  return out;
}

export const encryptNote = (keyring: Keyring, orgId: string, note: string) =>
  keyring.encrypt(orgId, 'match_candidates.note', note);
export const decryptNote = (keyring: Keyring, orgId: string, blob: unknown) =>
  keyring.decrypt(orgId, 'match_candidates.note', blob);

// Photos of reports and found records: the image bytes (base64) under the organisation's key, as
// a person's photo and evidence files are (decision 0109).
const PHOTO = 'missing_photos.content';
registerEncryptedColumn({
  table: 'missing_photos',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'content',
  context: PHOTO,
});
export const encryptPhoto = (keyring: Keyring, orgId: string, bytes: Buffer) =>
  keyring.encrypt(orgId, PHOTO, bytes.toString('base64'));
export const decryptPhoto = async (keyring: Keyring, orgId: string, blob: unknown) =>
  Buffer.from(await keyring.decrypt(orgId, PHOTO, blob), 'base64');

// The forensic workflow's step details (method, date, to whom released, note), under the
// organisation's key like the remains' other personal fields (decision 0147). Registered here, a
// module the runtime always loads, so the CLI's key rotation covers it too.
export const WORKFLOW_DETAILS = 'remains_workflow_steps.details';
registerEncryptedColumn({
  table: 'remains_workflow_steps',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'details',
  context: WORKFLOW_DETAILS,
});
