// The minimal search fields of a report that a tracing request carries to a partner: names, sex,
// birth, month and place of last contact. Used when a request is sent and when a confirmed match
// opens one for the organisation holding the record.
import type { TracingQuery } from '@acompana/core';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { decryptFields, reportSpec } from './missing-crypto.ts';
import type { ReportRow } from './missing.queries.ts';

export async function tracingQueryOf(keyring: Keyring, row: ReportRow): Promise<TracingQuery> {
  const d = await decryptFields(keyring, reportSpec, row.org_id, row, [
    'given_names',
    'surnames',
    'aliases',
    'birth_date',
    'last_contact',
  ]);
  const lc = d.lastContact as { date?: string; place?: string } | undefined;
  const entries = Object.entries({
    givenNames: d.givenNames,
    surnames: d.surnames,
    aliases: (d.aliases as string[] | undefined)?.length ? d.aliases : undefined,
    sex: row.sex ?? undefined,
    birthDate: d.birthDate ?? (row.birth_year && row.age_min === null ? String(row.birth_year) : undefined),
    ageMin: row.age_min ?? undefined,
    ageMax: row.age_max ?? undefined,
    lastContactMonth: lc?.date?.slice(0, 7),
    lastContactPlace: lc?.place,
  });
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== null)) as TracingQuery;
}
