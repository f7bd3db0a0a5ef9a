// A person record as a partner organisation reads it under a sharing agreement: only the fields
// of the purposes both agreed and consented to (packages/core sharing-purposes.ts, decision 0128).
// Columns outside those fields are not even decrypted; internal ids of the holding organisation
// (team, owner) are withheld; the profile and the photo never leave the organisation.
import {
  personShareableFields,
  sharedPersonFields,
  type Actor,
  type Person,
  type PersonShareableField,
} from '@acompana/core';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { decryptPersonColumns, type EncryptedPersonColumn } from './person-crypto.ts';
import type { PersonRow } from './people.queries.ts';
import { iso } from './person-mapping.ts';

/** The encrypted columns behind each shareable field (sex, nationality and birth year are coarse columns). */
const columnsOf: Record<PersonShareableField, EncryptedPersonColumn[]> = {
  givenNames: ['given_names'],
  surnames: ['surnames'],
  firstSurname: ['first_surname'],
  secondSurname: ['second_surname'],
  aliases: ['aliases'],
  sex: [],
  birthDate: ['birth_date'],
  birthYear: [],
  nationality: [],
  origin: ['origin'],
  languages: ['languages'],
  genderIdentity: ['gender_identity'],
  documents: ['documents'],
  contacts: ['contacts'],
  notes: ['notes'],
};

export interface PartnerView {
  person: Person;
  /** The encrypted columns that were read, for the audit entry. */
  columns: EncryptedPersonColumn[];
}

export async function partnerPersonView(
  keyring: Keyring,
  actor: Actor,
  row: PersonRow,
  consentedPurposes: readonly string[],
): Promise<PartnerView> {
  const { purposes, fields } = sharedPersonFields(actor.sharing, row.org_id, consentedPurposes);
  const has = new Set<string>(fields);
  const columns = fields.flatMap((f) => columnsOf[f]);
  const data = await decryptPersonColumns(keyring, row.org_id, row, columns);
  const person: Person = {
    id: row.id,
    givenNames: data.givenNames ?? '',
    surnames: data.surnames ?? '',
    ...(data.firstSurname ? { firstSurname: data.firstSurname } : {}),
    ...(data.secondSurname ? { secondSurname: data.secondSurname } : {}),
    aliases: data.aliases ?? [],
    ...(has.has('sex') && row.sex ? { sex: row.sex } : {}),
    ...(data.genderIdentity ? { genderIdentity: data.genderIdentity } : {}),
    ...(data.birthDate ? { birthDate: data.birthDate } : {}),
    ...(has.has('birthYear') && row.birth_year !== null ? { birthYear: Number(row.birth_year) } : {}),
    birthYearEstimated: has.has('birthYear') ? row.birth_year_estimated : false,
    ...(has.has('nationality') && row.nationality ? { nationality: row.nationality } : {}),
    ...(data.origin ? { origin: data.origin } : {}),
    languages: data.languages ?? [],
    documents: data.documents ?? [],
    contacts: data.contacts ?? [],
    ...(data.notes ? { notes: data.notes } : {}),
    teamId: null,
    ownerAccountId: null,
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    shared: {
      fromOrgId: row.org_id,
      purposes,
      fields,
      withheld: personShareableFields.filter((f) => !has.has(f)),
    },
  };
  return { person, columns };
}

/** Reads a partner's record under its agreement, audited on the holding organisation's side with the fields read. */
export async function readAsPartner(
  deps: { keyring: Keyring; audit: AuditWriter },
  actor: Actor,
  row: PersonRow,
  consentedPurposes: readonly string[],
  ip: string | null | undefined,
): Promise<Person> {
  const view = await partnerPersonView(deps.keyring, actor, row, consentedPurposes);
  const shared = view.person.shared?.fields ?? [];
  const coarse = (['sex', 'nationality', 'birth_year'] as const).filter(
    (c) => row[c] !== null && shared.includes(c === 'birth_year' ? 'birthYear' : c),
  );
  await deps.audit.record({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'person.read',
    recordType: 'person',
    recordId: row.id,
    orgId: row.org_id,
    fields: [...view.columns.filter((c) => row[c] !== null && row[c] !== undefined), ...coarse],
    ip: ip ?? null,
    details: { shared: true, purposes: view.person.shared?.purposes.join(',') ?? '' },
  });
  return view.person;
}
