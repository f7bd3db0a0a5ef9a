// Which capability a staff route needs (decision 0134): a deep link to a page the account's role
// cannot use shows a clear "no access" page instead of a form that fails on submit.
import type { Capabilities, StaffAction, StaffModule } from '@acompana/core/api';

type Need = { module: StaffModule } | { action: StaffAction };

/** Most specific first: a page that starts something needs that action, the rest their module. */
const needs: ReadonlyArray<[RegExp, Need]> = [
  [/^\/people\/new$/, { action: 'person.register' }],
  [/^\/people(\/|$)/, { module: 'people' }],
  [/^\/cases(\/|$)/, { module: 'cases' }],
  [/^\/procedures(\/|$)/, { module: 'procedures' }],
  [/^\/incidents\/new$/, { action: 'incident.record' }],
  [/^\/incidents(\/|$)/, { module: 'incidents' }],
  [/^\/search\/(reports|found)\/new$/, { action: 'missing.report' }],
  [/^\/search(\/|$)/, { module: 'search' }],
  [/^\/referrals(\/|$)/, { module: 'referrals' }],
  [/^\/reintegration\/new$/, { action: 'reintegration.receive' }],
  [/^\/reintegration(\/|$)/, { module: 'reintegration' }],
  [/^\/statistics(\/|$)/, { module: 'statistics' }],
  [/^\/portal(\/|$)/, { module: 'portal' }],
  [/^\/admin\/audit$/, { module: 'audit' }],
  [/^\/admin\/audit-log$/, { module: 'audit' }],
  [/^\/admin\/sharing$/, { module: 'admin' }],
  [/^\/admin\/accounts$/, { module: 'admin' }],
  [/^\/admin\/oidc$/, { module: 'admin' }],
  [/^\/admin$/, { module: 'admin' }],
];

const needOf = (path: string): Need | undefined => needs.find(([pattern]) => pattern.test(path))?.[1];

/** Whether the page depends on what the account may do (it then waits for the capabilities). */
export function routeNeedsCapabilities(path: string): boolean {
  return needOf(path) !== undefined;
}

/** False when the route needs something the account may not do (or that is not known yet). */
export function routeAllowed(path: string, capabilities: Capabilities | null): boolean {
  const need = needOf(path);
  if (!need) return true;
  if (!capabilities) return false;
  return 'module' in need ? capabilities.modules[need.module] === true : capabilities.actions[need.action] === true;
}
