// What each sharing purpose shares, as data (decision 0128). A sharing agreement names purposes;
// each purpose names the record types a partner may read under it and, for the person record,
// exactly which fields. The server projects a partner's read onto these fields and nothing else;
// the staff app shows the same lists on the agreement screen, so what an administrator agrees to
// is what the partner receives.
import type { LocalizedText } from '../deadlines/index.ts';
import type { RecordType } from './policy-grants.ts';

const t = (es: string, en: string): LocalizedText => ({ es, en });

/** The fields of the person record (API names) that any purpose could ever share. */
export const personShareableFields = [
  'givenNames',
  'surnames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'sex',
  'birthDate',
  'birthYear',
  'nationality',
  'origin',
  'languages',
  'genderIdentity',
  'documents',
  'contacts',
  'notes',
] as const;
export type PersonShareableField = (typeof personShareableFields)[number];

export const sharingPurposeIds = ['search', 'tracing', 'referral', 'directory', 'statistics'] as const;
export type SharingPurposeId = (typeof sharingPurposeIds)[number];

export interface SharingPurpose {
  id: SharingPurposeId;
  label: LocalizedText;
  description: LocalizedText;
  /** Record types a partner reads directly under this purpose (with the person's consent where it applies). */
  reads: readonly RecordType[];
  /**
   * The person fields the partner receives under this purpose. For 'referral' they are the most a
   * sender may choose on one referral; the record itself is never read directly under it.
   */
  personFields: readonly PersonShareableField[];
  /** The consent (person_consents.purpose) the person must have given, or null when no person data moves. */
  consent: 'sharing' | 'referral' | null;
}

/** Names, sex, dates and places: what recognising a missing person needs, never documents, contacts or notes. */
const IDENTIFYING: readonly PersonShareableField[] = [
  'givenNames',
  'surnames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'sex',
  'birthDate',
  'birthYear',
  'nationality',
  'origin',
];

export const sharingPurposes: Record<SharingPurposeId, SharingPurpose> = {
  search: {
    id: 'search',
    label: t('Búsqueda de personas desaparecidas', 'Missing-person search'),
    description: t(
      'La contraparte puede encontrar y reconocer a la persona: nombres, sexo, fechas y lugares. Nunca documentos, contactos ni notas.',
      'The partner can find and recognise the person: names, sex, dates and places. Never documents, contacts or notes.',
    ),
    reads: ['person', 'missing_report'],
    personFields: IDENTIFYING,
    consent: 'sharing',
  },
  tracing: {
    id: 'tracing',
    label: t('Solicitudes de rastreo', 'Tracing requests'),
    description: t(
      'Intercambio de solicitudes de rastreo y respuestas; ninguna ficha de persona se lee directamente.',
      'Exchange of tracing requests and replies; no person record is read directly.',
    ),
    reads: [],
    personFields: [],
    consent: null,
  },
  referral: {
    id: 'referral',
    label: t('Canalizaciones', 'Referrals'),
    description: t(
      'Quien canaliza elige en cada canalización qué datos envía, como máximo estos; la ficha no se lee directamente.',
      'The sender chooses on each referral which data to send, at most these; the record is not read directly.',
    ),
    reads: ['referral'],
    personFields: [
      'givenNames',
      'surnames',
      'sex',
      'birthDate',
      'nationality',
      'origin',
      'languages',
      'genderIdentity',
      'documents',
      'contacts',
    ],
    consent: 'referral',
  },
  directory: {
    id: 'directory',
    label: t('Directorio de servicios', 'Service directory'),
    description: t(
      'Las fichas de servicios del directorio; ningún dato de personas.',
      'Service directory entries; no data about people.',
    ),
    reads: ['directory_entry'],
    personFields: [],
    consent: null,
  },
  statistics: {
    id: 'statistics',
    label: t('Estadísticas agregadas', 'Aggregate statistics'),
    description: t(
      'Solo cifras agregadas con protección de celdas pequeñas; ningún registro individual.',
      'Aggregate figures only, with small cells protected; no individual record.',
    ),
    reads: [],
    personFields: [],
    consent: null,
  },
};

export function isSharingPurpose(value: string): value is SharingPurposeId {
  return (sharingPurposeIds as readonly string[]).includes(value);
}

/**
 * The person fields a partner may read on a record of `fromOrgId`: the union over the purposes
 * that an active agreement grants AND the person consented to AND that read the person record.
 * Empty means the partner reads nothing of it.
 */
export function sharedPersonFields(
  sharing: readonly { fromOrgId: string; purposes: readonly string[] }[],
  fromOrgId: string,
  consentedPurposes: readonly string[],
): { purposes: SharingPurposeId[]; fields: PersonShareableField[] } {
  const agreed = new Set(sharing.filter((s) => s.fromOrgId === fromOrgId).flatMap((s) => s.purposes));
  const purposes = sharingPurposeIds.filter(
    (p) => agreed.has(p) && consentedPurposes.includes(p) && sharingPurposes[p].reads.includes('person'),
  );
  const wanted = new Set(purposes.flatMap((p) => sharingPurposes[p].personFields));
  return { purposes, fields: personShareableFields.filter((f) => wanted.has(f)) };
}
