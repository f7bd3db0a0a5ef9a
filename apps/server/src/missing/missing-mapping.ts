// From stored rows and decrypted fields to the API's shapes, to the engine's PersonRecord, and to
// the side-by-side view of the review screen (a partner's record only with what sharing allows).
import type { PersonRecord } from '@acompana/core';
import type { ComparedRecord, FoundRecord, MissingReport } from '@acompana/core';
import type { FoundRow, PersonLiteRow, ReportRow } from './missing.queries.ts';

export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const day = (value: Date | string | null | undefined) =>
  value ? (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)) : undefined;
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

type Data = Record<string, unknown>;
const str = (d: Data, k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
const obj = <T>(d: Data, k: string) => (d[k] && typeof d[k] === 'object' ? (d[k] as T) : undefined);

/** Drops undefined values so optional fields are absent, not null. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function toReport(row: ReportRow, d: Data): MissingReport {
  return compact({
    id: row.id,
    status: row.status,
    version: Number(row.version),
    ownerAccountId: row.owner_account_id,
    teamId: row.team_id,
    createdAt: iso(row.created_at),
    givenNames: str(d, 'givenNames'),
    surnames: str(d, 'surnames'),
    aliases: (d.aliases as string[] | undefined) ?? [],
    sex: row.sex ?? undefined,
    birthDate: str(d, 'birthDate'),
    ageMin: num(row.age_min),
    ageMax: num(row.age_max),
    nationality: row.nationality ?? undefined,
    origin: obj(d, 'origin'),
    physical: obj(d, 'physical'),
    belongings: obj(d, 'belongings'),
    lastContact: obj(d, 'lastContact'),
    relatives: (d.relatives as MissingReport['relatives'] | undefined) ?? [],
    dnaSample: obj(d, 'dnaSample'),
    authorities: (d.authorities as MissingReport['authorities'] | undefined) ?? [],
    notes: str(d, 'notes'),
    anteMortem: obj(d, 'anteMortem'),
    traceConsent:
      d.traceConsent && row.trace_consent_at && !row.trace_consent_withdrawn_at
        ? { ...(d.traceConsent as object), recordedAt: iso(row.trace_consent_at) }
        : null,
  }) as MissingReport;
}

export function toFound(row: FoundRow, d: Data): FoundRecord {
  return compact({
    id: row.id,
    kind: row.kind,
    status: row.status,
    version: Number(row.version),
    ownerAccountId: row.owner_account_id,
    teamId: row.team_id,
    createdAt: iso(row.created_at),
    givenNames: str(d, 'givenNames'),
    surnames: str(d, 'surnames'),
    aliases: (d.aliases as string[] | undefined) ?? [],
    foundOn: day(row.found_on),
    foundPlace: str(d, 'foundPlace'),
    custodian: obj(d, 'custodian'),
    sex: row.sex ?? undefined,
    ageMin: num(row.age_min),
    ageMax: num(row.age_max),
    description: obj(d, 'description'),
    belongings: obj(d, 'belongings'),
    circumstances: str(d, 'circumstances'),
    notes: str(d, 'notes'),
    postMortem: obj(d, 'postMortem'),
    forensicStage: typeof row.forensic_stage === 'string' ? row.forensic_stage : undefined,
  }) as FoundRecord;
}

/** Fields of a partner's person that sharing for search discloses (and the engine may compare). */
export const PARTNER_SHARED_FIELDS = [
  'givenNames',
  'surnames',
  'aliases',
  'sex',
  'birthDate',
  'birthYear',
  'eventDate',
] as const;

export function reportView(row: ReportRow, d: Data): ComparedRecord {
  const lc = obj<{ date?: string; place?: string }>(d, 'lastContact');
  return compact({
    kind: 'report' as const,
    id: row.id,
    orgId: row.org_id,
    access: 'own' as const,
    givenNames: str(d, 'givenNames'),
    surnames: str(d, 'surnames'),
    aliases: d.aliases as string[] | undefined,
    sex: row.sex ?? undefined,
    birthDate: str(d, 'birthDate'),
    birthYear: num(row.birth_year),
    ageMin: num(row.age_min),
    ageMax: num(row.age_max),
    nationality: row.nationality ?? undefined,
    originPlace: obj<{ place?: string }>(d, 'origin')?.place,
    eventDate: lc?.date,
    eventPlace: lc?.place,
    physical: physicalOf(d, 'physical'),
  });
}

/** The physical description as stored, or nothing when empty (never a partner's: callers decide). */
function physicalOf(d: Data, key: string): ComparedRecord['physical'] {
  const p = obj<NonNullable<ComparedRecord['physical']>>(d, key);
  return p && Object.keys(p).length > 0 ? p : undefined;
}

export function otherReportView(row: ReportRow, d: Data): ComparedRecord {
  return { ...reportView(row, d), kind: 'missing_report' };
}

export function personView(row: PersonLiteRow, d: Data, partner: boolean): ComparedRecord {
  const shared = compact({
    kind: 'person' as const,
    id: row.id,
    orgId: row.org_id,
    access: partner ? ('partner' as const) : ('own' as const),
    givenNames: str(d, 'givenNames'),
    surnames: str(d, 'surnames'),
    aliases: (d.aliases as string[] | undefined)?.length ? (d.aliases as string[]) : undefined,
    sex: row.sex ?? undefined,
    birthDate: str(d, 'birthDate'),
    birthYear: num(row.birth_year),
    eventDate: day(row.created_at),
  });
  if (partner) return { ...shared, sharedFields: [...PARTNER_SHARED_FIELDS] };
  return compact({
    ...shared,
    nationality: row.nationality ?? undefined,
    originPlace: obj<{ place?: string }>(d, 'origin')?.place,
  });
}

export function foundView(row: FoundRow, d: Data): ComparedRecord {
  const desc = obj<Record<string, unknown>>(d, 'description');
  const described = desc
    ? Object.entries(desc)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ')
    : undefined;
  return compact({
    kind: 'found_record' as const,
    id: row.id,
    orgId: row.org_id,
    access: 'own' as const,
    givenNames: str(d, 'givenNames'),
    surnames: str(d, 'surnames'),
    aliases: (d.aliases as string[] | undefined)?.length ? (d.aliases as string[]) : undefined,
    sex: row.sex ?? undefined,
    ageMin: num(row.age_min),
    ageMax: num(row.age_max),
    eventDate: day(row.found_on),
    eventPlace: str(d, 'foundPlace'),
    description: described,
    physical: physicalOf(d, 'description'),
  });
}

/** The engine's view of a compared record (ids prefixed by kind, to be unique across tables). */
export function toPersonRecord(v: ComparedRecord): PersonRecord {
  const sex = v.sex === 'F' || v.sex === 'M' || v.sex === 'X' ? v.sex : '';
  return compact({
    id: `${v.kind}:${v.id}`,
    givenNames: v.givenNames,
    surnames: v.surnames,
    sex: sex || undefined,
    birthDate:
      v.birthDate ??
      (v.birthYear !== undefined && v.ageMin === undefined && v.ageMax === undefined ? String(v.birthYear) : undefined),
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    nationality: v.nationality,
    originPlace: v.originPlace,
    eventDate: v.eventDate && /^\d{4}-\d{2}-\d{2}$/.test(v.eventDate) ? v.eventDate : undefined,
    eventPlace: v.eventPlace,
    description: v.description,
  }) as PersonRecord;
}
