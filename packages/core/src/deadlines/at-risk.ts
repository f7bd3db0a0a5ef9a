// The "at risk" rule's thresholds (decision 0102), in a file of their own so the staff app can
// state the rule in words from the same numbers without loading the calendars.
export const AT_RISK_WORKING_DAYS = 5;
export const AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR = 7;
export const AT_RISK_FRACTION = 0.25;

/**
 * Which part of the rule made a deadline "at risk", with its threshold as the engine applied it,
 * so that wherever the status appears it can be said in words ("En riesgo: faltan 5 días hábiles
 * o menos para el vencimiento") from the rule itself, not from a text that could drift from it.
 */
export type AtRiskReason =
  | { rule: 'working_days'; limit: number }
  | { rule: 'calendar_days'; limit: number }
  | { rule: 'share_of_period'; limit: number };

export const atRiskRules = ['working_days', 'calendar_days', 'share_of_period'] as const;
