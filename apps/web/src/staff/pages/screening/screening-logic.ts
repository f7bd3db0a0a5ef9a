// What the screening page computes from the questionnaire data: which questions to ask now, and
// which answers raised a flag (the leaves of the rule's condition that hold), so that a flag is
// shown next to the answer that raised it.
import { holds, questionsToAsk } from '../../../../../../packages/core/src/screening/screening-evaluate.ts';
import type { Answer, Condition, Question, Questionnaire } from './screening-api';

type Profile = ReadonlySet<Parameters<typeof holds>[2] extends ReadonlySet<infer F> ? F : never>;

export function questionsNow(q: Questionnaire, answers: Record<string, Answer>, profile: Profile): Question[] {
  return questionsToAsk(q, answers, profile);
}

/** Answers no longer asked (a "yes" changed to "no") are not sent. */
export function answersToSend(
  q: Questionnaire,
  answers: Record<string, Answer>,
  profile: Profile,
): Record<string, Answer> {
  const asked = new Set(questionsToAsk(q, answers, profile).map((x) => x.key));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => asked.has(key)));
}

/** The question keys whose answers made the condition hold. */
export function triggeringQuestions(condition: Condition, answers: Record<string, Answer>, profile: Profile): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => triggeringQuestions(c, answers, profile));
  if ('any' in condition)
    return condition.any
      .filter((c) => holds(c, answers, profile))
      .flatMap((c) => triggeringQuestions(c, answers, profile));
  if ('not' in condition || 'profile' in condition) return [];
  return holds(condition, answers, profile) ? [condition.answer] : [];
}

export function asProfile(effective: readonly string[]): Profile {
  return new Set(effective) as unknown as Profile;
}
