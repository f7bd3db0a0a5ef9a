// Typed calls of the people and procedures API used by the people and agenda pages. Payload types
// come from the zod schemas in core (type-only imports: no schema code reaches the bundle).
import type { z } from 'zod';
import type {
  Consent,
  DuplicateCandidate,
  Person,
  PersonCreate,
  PersonSummary,
  PersonUpdate,
  consentMethodSchema,
  consentPurposeSchema,
  personSexSchema,
} from '../../../../../../packages/core/src/people/person.schemas.ts';
import type {
  AgendaItem,
  ProcedureStepView,
  ProcedureTimelineItem,
  ProcedureView,
  agendaSchema,
  deadlineStatusSchema,
} from '../../../../../../packages/core/src/procedures/procedure.schemas.ts';
import { apiRequest } from '../../api/client';

export type {
  AgendaItem,
  Consent,
  DuplicateCandidate,
  Person,
  PersonCreate,
  PersonSummary,
  PersonUpdate,
  ProcedureStepView,
  ProcedureTimelineItem,
  ProcedureView,
};
export type Sex = z.infer<typeof personSexSchema>;
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;
export type ConsentMethod = z.infer<typeof consentMethodSchema>;
export type DeadlineStatus = z.infer<typeof deadlineStatusSchema>;
export type Agenda = z.infer<typeof agendaSchema>;
export type AgendaScope = 'mine' | 'organisation';

export const sexes = ['F', 'M', 'X'] as const satisfies readonly Sex[];
export const consentPurposes = [
  'care',
  'referral',
  'sharing',
  'statistics',
] as const satisfies readonly ConsentPurpose[];
export const consentMethods = [
  'signed',
  'oral_with_witness',
  'by_guardian',
] as const satisfies readonly ConsentMethod[];
/** Methods where the server requires the witness's or guardian's name. */
export const methodsNeedingWitness: ReadonlySet<ConsentMethod> = new Set(['oral_with_witness', 'by_guardian']);
/** The document types the schema documents; the API accepts any text, the form offers these. */
export const documentTypes = [
  'passport',
  'national_id',
  'birth_certificate',
  'consular_id',
  'refugee_card',
  'humanitarian_visa',
  'other',
] as const;

export interface PersonListFilters {
  q?: string;
  nationality?: string;
  sex?: Sex | '';
  /** A differentiated-profile indicator (filtered in SQL by the server). */
  profile?: string;
  cursor?: string;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export const peopleApi = {
  list: (filters: PersonListFilters, signal?: AbortSignal) =>
    apiRequest<{ items: PersonSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/people${query({ q: filters.q?.trim(), nationality: filters.nationality, sex: filters.sex || undefined, profile: filters.profile || undefined, cursor: filters.cursor })}`,
      { signal },
    ),
  get: (id: string) => apiRequest<Person>('GET', `/api/people/${enc(id)}`),
  create: (body: PersonCreate) => apiRequest<Person>('POST', '/api/people', { body }),
  duplicateCheck: (body: PersonCreate) =>
    apiRequest<{ items: DuplicateCandidate[] }>('POST', '/api/people/duplicate-check', { body }),
  update: (id: string, body: PersonUpdate) => apiRequest<Person>('PATCH', `/api/people/${enc(id)}`, { body }),
  consents: (id: string) => apiRequest<{ items: Consent[] }>('GET', `/api/people/${enc(id)}/consents`),
  recordConsent: (id: string, body: { purpose: ConsentPurpose; method: ConsentMethod; witnessName?: string }) =>
    apiRequest<Consent>('POST', `/api/people/${enc(id)}/consents`, { body }),
  withdrawConsent: (id: string, consentId: string) =>
    apiRequest<void>('POST', `/api/people/${enc(id)}/consents/${enc(consentId)}/withdraw`),
};

export const proceduresApi = {
  forPerson: (personId: string) =>
    apiRequest<{ items: ProcedureView[] }>('GET', `/api/people/${enc(personId)}/procedures`),
  open: (personId: string, type: string) =>
    apiRequest<ProcedureView>('POST', '/api/procedures', { body: { personId, type } }),
  setTrigger: (id: string, step: string, trigger: string, details?: Record<string, string>) =>
    apiRequest<ProcedureView>('PUT', `/api/procedures/${enc(id)}/steps/${enc(step)}`, {
      body: details && Object.keys(details).length > 0 ? { trigger, details } : { trigger },
    }),
  complete: (id: string, step: string, completedOn: string) =>
    apiRequest<ProcedureView>('POST', `/api/procedures/${enc(id)}/steps/${enc(step)}/complete`, {
      body: { completedOn },
    }),
  timeline: (id: string) =>
    apiRequest<{ items: ProcedureTimelineItem[] }>('GET', `/api/procedures/${enc(id)}/timeline`),
  agenda: (scope: AgendaScope) => apiRequest<Agenda>('GET', `/api/agenda?scope=${scope}`),
  issueFeed: () => apiRequest<{ url: string }>('POST', '/api/agenda/feed'),
  revokeFeed: () => apiRequest<void>('DELETE', '/api/agenda/feed'),
};
