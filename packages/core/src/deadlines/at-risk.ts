// The "at risk" rule's thresholds (decision 0102), in a file of their own so the staff app can
// state the rule in words from the same numbers without loading the calendars.
export const AT_RISK_WORKING_DAYS = 5;
export const AT_RISK_CALENDAR_DAYS_WITHOUT_CALENDAR = 7;
export const AT_RISK_FRACTION = 0.25;
