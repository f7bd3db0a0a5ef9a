// Typed calls of the reintegration, consular and family APIs. Payload types come from the zod
// schemas in core (type-only imports: no schema code reaches the bundle).
import type {
  AssessmentInput,
  ConsularCreate,
  ConsularRequest,
  Family,
  FollowUp,
  FollowUpRecord,
  PlanReferralCreate,
  Reception,
  ReceptionCreate,
} from '../../../../../../packages/core/src/reintegration/index.ts';
import type {
  ReferralShareableField,
  ReferralSnapshot,
} from '../../../../../../packages/core/src/directory/referral.schemas.ts';
import { apiRequest } from '../../api/client';

export type { ConsularRequest, Family, FollowUp, Reception, ReferralShareableField, ReferralSnapshot };

export const needAreas = [
  'housing',
  'health',
  'education',
  'employment',
  'financial_inclusion',
  'gbv',
  'legal_identity',
  'validation_of_studies',
  'psychosocial',
] as const;
export type NeedArea = (typeof needAreas)[number];
export const needLevels = ['none', 'some', 'urgent'] as const;
export const arrivalModes = ['air', 'land', 'sea'] as const;
export const returningAuthorities = ['ice', 'cbp', 'inm', 'other_state', 'voluntary', 'other'] as const;
export const followUpOutcomes = ['settled', 'progressing', 'struggling', 'lost_contact', 'migrated_again'] as const;
export const consularKinds = [
  'notification',
  'documents',
  'legal_representation',
  'repatriation',
  'detention_visit',
  'other',
] as const;
export const consularStatuses = ['granted', 'refused', 'no_answer', 'withdrawn'] as const;
export const shareableFields = [
  'name',
  'birthDate',
  'sex',
  'nationality',
  'languages',
  'documents',
  'contacts',
  'origin',
  'genderIdentity',
] as const satisfies readonly ReferralShareableField[];
export const holdingAuthorities = ['ice', 'cbp', 'orr', 'inm', 'dif', 'shelter', 'other', 'none'] as const;
export const memberStatuses = ['separated', 'located', 'in_contact', 'reunified'] as const;
export const tracingChannels = ['icrc_rfl', 'consulate', 'authority', 'partner', 'other'] as const;

export interface ReceptionSummary {
  id: string;
  personId: string;
  givenNames: string;
  surnames: string;
  receivedOn: string;
  portOfEntry: string;
  returnedFrom: string;
  assessed: boolean;
  nextFollowUp: string | null;
}
export interface DirectoryHit {
  id: string;
  name: string;
  organisation: string;
  place: string;
}

const enc = encodeURIComponent;

/** The public HSDS search, reduced to what the worker chooses from. */
interface HsdsPage {
  contents: {
    id: string;
    name: string;
    organization?: { name?: string } | null;
    service_at_locations?: { location?: { addresses?: { city?: string; state_province?: string }[] } }[];
  }[];
}

export const reintegrationApi = {
  receptions: () =>
    apiRequest<{ items: ReceptionSummary[]; nextCursor: string | null }>('GET', '/api/reintegration/receptions'),
  reception: (id: string) => apiRequest<Reception>('GET', `/api/reintegration/receptions/${enc(id)}`),
  createReception: (body: ReceptionCreate) => apiRequest<Reception>('POST', '/api/reintegration/receptions', { body }),
  assess: (id: string, body: AssessmentInput) =>
    apiRequest<Reception>('PUT', `/api/reintegration/receptions/${enc(id)}/assessment`, { body }),
  refer: (id: string, body: PlanReferralCreate) =>
    apiRequest<Reception>('POST', `/api/reintegration/receptions/${enc(id)}/referrals`, { body }),
  preview: (personId: string, fields: readonly string[]) =>
    apiRequest<{ sharedFields: string[]; snapshot: ReferralSnapshot; consentActive: boolean }>(
      'GET',
      `/api/referrals/preview?personId=${enc(personId)}&fields=${enc(fields.join(','))}`,
    ),
  followUps: (status: 'open' | 'overdue' | 'done') =>
    apiRequest<{ items: FollowUp[] }>('GET', `/api/reintegration/follow-ups?status=${status}`),
  recordFollowUp: (id: string, body: FollowUpRecord) =>
    apiRequest<FollowUp>('POST', `/api/reintegration/follow-ups/${enc(id)}`, { body }),
  consular: () => apiRequest<{ items: ConsularRequest[] }>('GET', '/api/consular-requests'),
  createConsular: (body: ConsularCreate) => apiRequest<ConsularRequest>('POST', '/api/consular-requests', { body }),
  consularOutcome: (
    id: string,
    body: { version: number; status: (typeof consularStatuses)[number]; outcomeOn: string; note?: string },
  ) => apiRequest<ConsularRequest>('POST', `/api/consular-requests/${enc(id)}/outcome`, { body }),
  async services(need: string): Promise<DirectoryHit[]> {
    const page = await apiRequest<HsdsPage>('GET', `/api/public/hsds/services?need=${enc(need)}&per_page=50`);
    return page.contents.map((s) => {
      const address = s.service_at_locations?.[0]?.location?.addresses?.[0];
      return {
        id: s.id,
        name: s.name,
        organisation: s.organization?.name ?? '',
        place: [address?.city, address?.state_province].filter(Boolean).join(', '),
      };
    });
  },
};

export const familiesApi = {
  list: () =>
    apiRequest<{
      items: { id: string; label: string; status: string; memberCount: number; reunifiedOn: string | null }[];
    }>('GET', '/api/families'),
  get: (id: string) => apiRequest<Family>('GET', `/api/families/${enc(id)}`),
  create: (label: string) => apiRequest<Family>('POST', '/api/families', { body: { label } }),
  addMember: (id: string, body: Record<string, unknown>) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/members`, { body }),
  updateMember: (id: string, memberId: string, body: Record<string, unknown>) =>
    apiRequest<Family>('PUT', `/api/families/${enc(id)}/members/${enc(memberId)}`, { body }),
  childCase: (id: string, memberId: string) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/members/${enc(memberId)}/case`),
  trace: (id: string, body: { memberId: string; channel: string; requestedOn: string; note?: string }) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/tracing`, { body }),
  closeTrace: (id: string, tracingId: string, body: { status: 'located' | 'closed_not_found'; closedOn: string }) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/tracing/${enc(tracingId)}`, { body }),
  addStep: (id: string, body: { title: string; dueOn?: string }) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/plan`, { body }),
  stepDone: (id: string, stepId: string, doneOn: string) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/plan/${enc(stepId)}/done`, { body: { doneOn } }),
  reunify: (id: string, version: number, reunifiedOn: string) =>
    apiRequest<Family>('POST', `/api/families/${enc(id)}/reunify`, { body: { version, reunifiedOn } }),
};

/** Today as YYYY-MM-DD in the browser's zone (the default of every date field here). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
