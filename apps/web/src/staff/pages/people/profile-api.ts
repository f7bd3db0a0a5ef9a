// Typed calls of the differentiated profile, intake plan, photo and households API. Payload
// types come from the zod schemas in core (type-only imports: no schema code reaches the bundle).
import type {
  IntakePlan,
  PersonProfile,
  ProfileIndicator,
} from '../../../../../../packages/core/src/people/profile.ts';
import type {
  Household,
  HouseholdKind,
  Relationship,
} from '../../../../../../packages/core/src/households/household.schemas.ts';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';

export type { Household, HouseholdKind, IntakePlan, PersonProfile, ProfileIndicator, Relationship };

/** Indicators staff record (child, older person and woman are also derived from the record). */
export const recordedIndicators = [
  'unaccompanied_child',
  'separated_child',
  'woman',
  'pregnant',
  'breastfeeding',
  'single_parent',
  'lgbtiq',
  'indigenous',
  'afrodescendant',
  'disability',
  'chronic_illness',
  'violence_survivor',
  'trafficking_indicators',
  'human_rights_defender',
  'interpreter_needed',
] as const satisfies readonly ProfileIndicator[];
export const allIndicators = [
  'child',
  'older_person',
  ...recordedIndicators,
] as const satisfies readonly ProfileIndicator[];
export type Indicator = (typeof allIndicators)[number];

export const householdKinds = [
  'family',
  'caravan_group',
  'unaccompanied_child',
  'separated_child',
  'other',
] as const satisfies readonly HouseholdKind[];
export const memberRelationships = [
  'parent',
  'child',
  'guardian',
  'ward',
  'sibling',
  'partner',
  'grandparent',
  'grandchild',
  'other_relative',
  'other',
] as const satisfies readonly Relationship[];

const enc = encodeURIComponent;

async function uploadPhoto(personId: string, file: File, language: string): Promise<void> {
  const csrfToken = currentCsrfToken();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    'Content-Type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/people/${enc(personId)}/photo`, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { code: 'client.network', message: '' });
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => undefined)) as unknown;
  const error =
    body && typeof body === 'object' && 'code' in body
      ? (body as { code: string; message: string; field?: string })
      : { code: 'client.unexpected', message: '' };
  throw new ApiError(response.status, error);
}

export const profileApi = {
  save: (personId: string, body: { version: number; indicators: string[]; notes?: string }) =>
    apiRequest<PersonProfile>('PUT', `/api/people/${enc(personId)}/profile`, { body }),
  intakePlan: (personId: string) =>
    apiRequest<IntakePlan & { profile: PersonProfile }>('GET', `/api/people/${enc(personId)}/intake-plan`),
  photoUrl: (personId: string, stamp: string) => `/api/people/${enc(personId)}/photo?v=${enc(stamp)}`,
  uploadPhoto,
  removePhoto: (personId: string) => apiRequest<void>('DELETE', `/api/people/${enc(personId)}/photo`),
};

export const householdsApi = {
  forPerson: (personId: string) => apiRequest<{ items: Household[] }>('GET', `/api/people/${enc(personId)}/households`),
  create: (body: {
    kind: HouseholdKind;
    label?: string;
    members: { personId: string; relationship: Relationship; responsibleAdultId?: string | null }[];
  }) => apiRequest<Household>('POST', '/api/households', { body }),
  addMember: (
    id: string,
    body: { version: number; personId: string; relationship: Relationship; responsibleAdultId?: string | null },
  ) => apiRequest<Household>('POST', `/api/households/${enc(id)}/members`, { body }),
  removeMember: (id: string, personId: string, version: number) =>
    apiRequest<Household>('DELETE', `/api/households/${enc(id)}/members/${enc(personId)}?version=${version}`),
  setResponsibleAdult: (id: string, personId: string, version: number, responsibleAdultId: string | null) =>
    apiRequest<Household>('PUT', `/api/households/${enc(id)}/members/${enc(personId)}/responsible-adult`, {
      body: { version, responsibleAdultId },
    }),
};
