// Households module: payload schemas and the member rules shared by the server and the web app.
export * from './household.schemas.ts';
export { householdIssues, type HouseholdIssue, type HouseholdIssueCode, type MemberFacts } from './household-rules.ts';
