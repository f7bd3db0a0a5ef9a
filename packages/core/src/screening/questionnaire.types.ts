// Screening questionnaires are data: versioned, with every question and every risk rule in
// Spanish and English. Answers are stored with the questionnaire id and version used, so a later
// version never reinterprets earlier answers.
import type { LocalizedText } from '../deadlines/index.ts';

export type AnswerValue = boolean | string | number | readonly string[];

export interface Choice {
  value: string;
  label: LocalizedText;
}

export interface Question {
  key: string;
  text: LocalizedText;
  kind: 'yes_no' | 'choice' | 'multi_choice' | 'number';
  choices?: readonly Choice[];
  /** Asked only when this condition holds on the answers so far or on the person's profile. */
  askIf?: Condition;
  /** Help for the interviewer: how to ask, what not to ask. */
  hint?: LocalizedText;
}

/** A small, serialisable condition language: enough for screening, easy to review. */
export type Condition =
  | { answer: string; is: AnswerValue }
  | { answer: string; includes: string }
  | { answer: string; atLeast: number }
  | { profile: ProfileFlag }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export type ProfileFlag =
  | 'child'
  | 'unaccompanied_child'
  | 'woman'
  | 'lgbtiq'
  | 'indigenous'
  | 'disability'
  | 'chronic_illness'
  | 'pregnant'
  | 'older_person'
  | 'violence_survivor'
  | 'human_rights_defender';

export type Severity = 'info' | 'attention' | 'urgent';

export interface RiskRule {
  flag: string;
  severity: Severity;
  when: Condition;
  /** Why the flag was raised, shown to the caseworker. */
  explanation: LocalizedText;
  /** What the case plan should include (task keys the case module turns into tasks). */
  suggestedTasks?: readonly string[];
}

export interface Questionnaire {
  id: string;
  version: number;
  title: LocalizedText;
  /** Whom this questionnaire is for; undefined means everyone. */
  appliesTo?: Condition;
  questions: readonly Question[];
  rules: readonly RiskRule[];
}

export interface RaisedFlag {
  questionnaireId: string;
  questionnaireVersion: number;
  flag: string;
  severity: Severity;
  explanation: LocalizedText;
  suggestedTasks: readonly string[];
}
