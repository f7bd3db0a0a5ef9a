// Typed calls of the screening API: the questionnaires (public knowledge, every version) and a
// person's screenings with the flags they raised.
import type {
  Condition,
  Questionnaire,
  Question,
  RiskRule,
} from '../../../../../../packages/core/src/screening/questionnaire.types.ts';
import type { ScreeningView } from '../../../../../../packages/core/src/screening/screening.schemas.ts';
import { apiRequest } from '../../api/client';

export type { Condition, Questionnaire, Question, RiskRule, ScreeningView };
export type Answer = boolean | string | number | string[];

const enc = encodeURIComponent;

export const screeningApi = {
  questionnaires: () => apiRequest<{ items: Questionnaire[] }>('GET', '/api/screening/questionnaires'),
  list: (personId: string) => apiRequest<{ items: ScreeningView[] }>('GET', `/api/people/${enc(personId)}/screenings`),
  record: (personId: string, body: { questionnaireId: string; answers: Record<string, Answer> }) =>
    apiRequest<ScreeningView>('POST', `/api/people/${enc(personId)}/screenings`, { body }),
};

/** The newest version of each questionnaire (what a new screening uses). */
export function latestVersions(items: readonly Questionnaire[]): Questionnaire[] {
  const latest = new Map<string, Questionnaire>();
  for (const q of items) if ((latest.get(q.id)?.version ?? 0) < q.version) latest.set(q.id, q);
  return [...latest.values()];
}
