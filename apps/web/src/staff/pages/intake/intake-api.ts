// Typed calls of the intake API: the family in one step, "es la misma persona" (link, merge),
// the arrival date, the proposed case plan and opening the case with the plan as accepted.
// Types come from the zod schemas in core (type-only imports: no schema code reaches the bundle).
import type {
  IntakeCreate,
  IntakeResult,
  PersonLink,
  PlanProposal,
  PlanProposalTask,
} from '../../../../../../packages/core/src/people/intake.schemas.ts';
import { apiRequest } from '../../api/client';

export type { IntakeCreate, IntakeResult, PersonLink, PlanProposal, PlanProposalTask };
export type IntakeMember = IntakeCreate['members'][number];

const enc = encodeURIComponent;

export const intakeApi = {
  register: (body: IntakeCreate) => apiRequest<IntakeResult>('POST', '/api/intake', { body }),
  arrival: (personId: string) =>
    apiRequest<{ arrivedOn: string | null }>('GET', `/api/people/${enc(personId)}/arrival`),
  links: (personId: string) => apiRequest<{ items: PersonLink[] }>('GET', `/api/people/${enc(personId)}/links`),
  unlink: (personId: string, linkId: string) =>
    apiRequest<void>('DELETE', `/api/people/${enc(personId)}/links/${enc(linkId)}`),
  planProposal: (personId: string) => apiRequest<PlanProposal>('GET', `/api/people/${enc(personId)}/plan-proposal`),
  openCase: (personId: string, plan: { key: string; dueOn: string }[]) =>
    apiRequest<{ id: string }>('POST', '/api/cases', { body: { personId, plan } }),
};
