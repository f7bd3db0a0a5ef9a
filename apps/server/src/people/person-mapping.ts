// From stored rows and decrypted fields to the API's shapes (optional fields left out when empty).
import type { Person, PersonSummary } from '@acompana/core';
import type { PersonData } from './person-crypto.ts';
import type { PersonRow } from './people.queries.ts';

export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export function toPerson(row: PersonRow, data: Partial<PersonData>): Person {
  return {
    id: row.id,
    givenNames: data.givenNames ?? '',
    surnames: data.surnames ?? '',
    ...(data.firstSurname ? { firstSurname: data.firstSurname } : {}),
    ...(data.secondSurname ? { secondSurname: data.secondSurname } : {}),
    aliases: data.aliases ?? [],
    ...(row.sex ? { sex: row.sex } : {}),
    ...(data.genderIdentity ? { genderIdentity: data.genderIdentity } : {}),
    ...(data.birthDate ? { birthDate: data.birthDate } : {}),
    ...(row.birth_year !== null ? { birthYear: Number(row.birth_year) } : {}),
    birthYearEstimated: row.birth_year_estimated,
    ...(row.nationality ? { nationality: row.nationality } : {}),
    ...(data.origin ? { origin: data.origin } : {}),
    languages: data.languages ?? [],
    documents: data.documents ?? [],
    contacts: data.contacts ?? [],
    ...(data.notes ? { notes: data.notes } : {}),
    teamId: row.team_id,
    ownerAccountId: row.owner_account_id,
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toSummary(row: PersonRow, data: Partial<PersonData>, score?: number): PersonSummary {
  return {
    id: row.id,
    givenNames: data.givenNames ?? '',
    surnames: data.surnames ?? '',
    aliases: data.aliases ?? [],
    ...(row.sex ? { sex: row.sex } : {}),
    ...(row.birth_year !== null ? { birthYear: Number(row.birth_year) } : {}),
    ...(row.nationality ? { nationality: row.nationality } : {}),
    version: Number(row.version),
    ...(score !== undefined ? { score } : {}),
  };
}
