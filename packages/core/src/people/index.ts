// People module: payload schemas and the checks shared by the server and the web app.
export * from './person.schemas.ts';
export { validatePersonInput, isRealDate, type PersonIssue, type PersonIssueCode } from './person-validation.ts';
export { countryCodes, isCountryCode } from './countries.ts';
export * from './profile.ts';
export * from './intake.schemas.ts';
// Households are personal data of their members (decision 0115): exported with the people module.
export * from '../households/index.ts';
