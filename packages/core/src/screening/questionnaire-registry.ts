import type { Questionnaire } from './questionnaire.types.ts';
import { childBestInterests, medicalUrgency } from './care-questionnaires.ts';
import { genderBasedViolence, internationalProtection, trafficking } from './protection-questionnaires.ts';

/** Every version ever shipped stays here: stored answers name the version they were given in. */
export const questionnaires: readonly Questionnaire[] = [
  internationalProtection,
  childBestInterests,
  genderBasedViolence,
  trafficking,
  medicalUrgency,
];

export function findQuestionnaire(id: string, version?: number): Questionnaire | undefined {
  return questionnaires
    .filter((q) => q.id === id && (version === undefined || q.version === version))
    .sort((a, b) => b.version - a.version)[0];
}
