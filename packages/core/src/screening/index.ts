export type {
  AnswerValue,
  Choice,
  Condition,
  ProfileFlag,
  Question,
  Questionnaire,
  RaisedFlag,
  RiskRule,
  Severity,
} from './questionnaire.types.ts';
export {
  checkAnswers,
  holds,
  questionsToAsk,
  raisedFlags,
  type AnswerProblem,
  type Answers,
} from './screening-evaluate.ts';
export { childBestInterests, medicalUrgency } from './care-questionnaires.ts';
export { genderBasedViolence, internationalProtection, trafficking } from './protection-questionnaires.ts';
export { findQuestionnaire, questionnaires } from './questionnaire-registry.ts';
export { screeningCreateSchema, screeningSchema, type ScreeningView } from './screening.schemas.ts';
