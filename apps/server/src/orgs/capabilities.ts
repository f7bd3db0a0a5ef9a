// What the current account may do in its active organisation, for the staff app to show only
// what is allowed (decision 0134). Every answer comes from the same can() that guards the API,
// asked about stand-in records that stand to the actor as own, team, organisation-wide or shared
// ones would; the server still decides every request again.
import {
  actions,
  can,
  recordTypes,
  sharingPurposeOf,
  type Action,
  type Actor,
  type Capabilities,
  type PolicyRecord,
  type RecordType,
  type Scope,
  type StaffAction,
  type StaffModule,
} from '@acompana/core';

/** A record of the active organisation that nobody in particular owns: the org-wide probe. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

function probes(actor: Actor, type: RecordType): Array<[Scope, PolicyRecord]> {
  if (!actor.orgId) return [];
  const orgId = actor.orgId;
  const team = actor.teamIds[0];
  const out: Array<[Scope, PolicyRecord]> = [['org', { type, orgId, ownerId: NOBODY, teamId: null }]];
  if (team) out.push(['team', { type, orgId, ownerId: NOBODY, teamId: team }]);
  out.push(['own', { type, orgId, ownerId: actor.accountId, teamId: team ?? null }]);
  const purpose = sharingPurposeOf[type];
  const partner = purpose ? actor.sharing.find((s) => s.purposes.includes(purpose)) : undefined;
  if (purpose && partner)
    out.push(['shared', { type, orgId: partner.fromOrgId, ownerId: NOBODY, consentedPurposes: [purpose] }]);
  return out;
}

/** The widest scope in which can() allows the action on the type, or undefined. */
export function widestScope(actor: Actor, action: Action, type: RecordType): Scope | undefined {
  return probes(actor, type).find(([, record]) => can(actor, action, record))?.[0];
}

/** In the actor's own organisation (own, team or org): shared reading alone opens no module. */
function inOrg(scope: Scope | undefined): boolean {
  return scope === 'own' || scope === 'team' || scope === 'org';
}

export function capabilitiesOf(actor: Actor, timeZone: string): Capabilities {
  const records: Capabilities['records'] = {};
  for (const type of recordTypes) {
    for (const action of actions) {
      const scope = widestScope(actor, action, type);
      if (scope) (records[type] ??= {})[action] = scope;
    }
  }
  const has = (type: RecordType, action: Action) => inOrg(records[type]?.[action]);
  const modules: Record<StaffModule, boolean> = {
    people: has('person', 'read'),
    cases: has('case', 'read'),
    procedures: has('procedure', 'read'),
    incidents: has('incident', 'read'),
    search: records.missing_report?.read !== undefined,
    referrals: has('referral', 'read'),
    // Receptions and families are the organisation's case work (the 'case' grants).
    reintegration: has('case', 'read'),
    statistics: has('statistics', 'read'),
    portal: has('portal_content', 'read'),
    admin: has('account', 'create'),
    audit: has('audit_log', 'read'),
  };
  const acts: Record<StaffAction, boolean> = {
    'person.register': has('person', 'create'),
    'person.update': has('person', 'update'),
    'case.open': has('case', 'create'),
    'case.update': has('case', 'update'),
    'procedure.open': has('procedure', 'create'),
    'procedure.update': has('procedure', 'update'),
    'incident.record': has('incident', 'create'),
    'missing.report': has('missing_report', 'create'),
    'missing.review': has('missing_report', 'update'),
    'referral.send': has('referral', 'create'),
    // A received referral belongs to the receiving organisation as a whole (referrals.service).
    'referral.answer': records.referral?.update === 'org',
    'reintegration.receive': has('case', 'create'),
    'directory.manage': has('directory_entry', 'create'),
    'statistics.export': has('statistics', 'export'),
    'portal.edit': has('portal_content', 'update'),
    'settings.manage': has('org_settings', 'update'),
  };
  return { timeZone, modules, actions: acts, records };
}
