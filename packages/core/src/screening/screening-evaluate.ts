// Evaluating a questionnaire: which questions to ask given the answers so far and the person's
// profile, whether the answers are valid, and which risk flags they raise (with why).
import type {
  AnswerValue,
  Condition,
  ProfileFlag,
  Question,
  Questionnaire,
  RaisedFlag,
} from './questionnaire.types.ts';

export type Answers = Readonly<Record<string, AnswerValue>>;

export function holds(condition: Condition, answers: Answers, profile: ReadonlySet<ProfileFlag>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, profile));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers, profile));
  if ('not' in condition) return !holds(condition.not, answers, profile);
  if ('profile' in condition) return profile.has(condition.profile);
  const value = answers[condition.answer];
  if (value === undefined) return false;
  if ('is' in condition) return value === condition.is;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return typeof value === 'number' && value >= condition.atLeast;
}

/** The questions to ask now, in order (a question whose condition does not hold is skipped). */
export function questionsToAsk(q: Questionnaire, answers: Answers, profile: ReadonlySet<ProfileFlag>): Question[] {
  return q.questions.filter((question) => !question.askIf || holds(question.askIf, answers, profile));
}

export interface AnswerProblem {
  question: string;
  problem: 'unknown_question' | 'not_applicable' | 'wrong_type' | 'unknown_choice' | 'out_of_range';
}

/** Checks answers against the questionnaire: every problem names its question. */
export function checkAnswers(q: Questionnaire, answers: Answers, profile: ReadonlySet<ProfileFlag>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const asked = new Set(questionsToAsk(q, answers, profile).map((x) => x.key));
  for (const [key, value] of Object.entries(answers)) {
    const question = q.questions.find((x) => x.key === key);
    if (!question) {
      problems.push({ question: key, problem: 'unknown_question' });
      continue;
    }
    if (!asked.has(key)) problems.push({ question: key, problem: 'not_applicable' });
    const choices = new Set((question.choices ?? []).map((c) => c.value));
    switch (question.kind) {
      case 'yes_no':
        if (typeof value !== 'boolean') problems.push({ question: key, problem: 'wrong_type' });
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value))
          problems.push({ question: key, problem: 'wrong_type' });
        else if (value < 0 || value > 1000) problems.push({ question: key, problem: 'out_of_range' });
        break;
      case 'choice':
        if (typeof value !== 'string') problems.push({ question: key, problem: 'wrong_type' });
        else if (!choices.has(value)) problems.push({ question: key, problem: 'unknown_choice' });
        break;
      case 'multi_choice':
        if (!Array.isArray(value)) problems.push({ question: key, problem: 'wrong_type' });
        else if (value.some((v) => !choices.has(v))) problems.push({ question: key, problem: 'unknown_choice' });
        break;
    }
  }
  return problems;
}

export function raisedFlags(q: Questionnaire, answers: Answers, profile: ReadonlySet<ProfileFlag>): RaisedFlag[] {
  return q.rules
    .filter((rule) => holds(rule.when, answers, profile))
    .map((rule) => ({
      questionnaireId: q.id,
      questionnaireVersion: q.version,
      flag: rule.flag,
      severity: rule.severity,
      explanation: rule.explanation,
      suggestedTasks: rule.suggestedTasks ?? [],
    }));
}
