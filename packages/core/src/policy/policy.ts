// The one policy function. Every access decision in Acompaña goes through can(); nothing else
// decides who may read or change a record. Deny by default.
import {
  actions,
  grants,
  recordTypes,
  sharingPurposeOf,
  type Action,
  type RecordType,
  type Scope,
} from './policy-grants.ts';
import { isRole } from './roles.ts';

export interface SharingGrant {
  /** The organisation whose records are shared with the actor's organisation. */
  fromOrgId: string;
  purposes: readonly string[];
}

export interface Actor {
  accountId: string;
  /** The organisation the actor is working in now (organisation switcher). */
  orgId: string | null;
  role: string | null;
  teamIds: readonly string[];
  /** Active sharing agreements towards the actor's organisation. */
  sharing: readonly SharingGrant[];
}

export interface PolicyRecord {
  type: RecordType;
  orgId: string;
  ownerId?: string | null;
  teamId?: string | null;
  /** Purposes the person consented to (for shared access); undefined means none recorded. */
  consentedPurposes?: readonly string[];
}

export interface Decision {
  allowed: boolean;
  scope?: Scope;
}

/** The narrowest scope in which the record stands to the actor, or undefined when unrelated. */
function scopesOf(actor: Actor, record: PolicyRecord): Scope[] {
  if (record.orgId === actor.orgId) {
    const found: Scope[] = ['org'];
    if (record.teamId && actor.teamIds.includes(record.teamId)) found.unshift('team');
    if (record.ownerId && record.ownerId === actor.accountId) found.unshift('own');
    return found;
  }
  const purpose = sharingPurposeOf[record.type];
  if (!purpose) return [];
  const agreed = actor.sharing.some((s) => s.fromOrgId === record.orgId && s.purposes.includes(purpose));
  const consented = record.type === 'directory_entry' || (record.consentedPurposes ?? []).includes(purpose);
  return agreed && consented ? ['shared'] : [];
}

export function decide(actor: Actor, action: Action, record: PolicyRecord): Decision {
  if (!actor.orgId || !actor.role || !isRole(actor.role)) return { allowed: false };
  const allowedScopes = grants[actor.role][record.type]?.[action];
  if (!allowedScopes) return { allowed: false };
  const scope = scopesOf(actor, record).find((s) => allowedScopes.includes(s));
  if (scope === 'shared' && action !== 'read') return { allowed: false };
  return scope ? { allowed: true, scope } : { allowed: false };
}

export function can(actor: Actor, action: Action, record: PolicyRecord): boolean {
  return decide(actor, action, record).allowed;
}

/**
 * The widest scope in which the actor may do `action` on a record type, for list queries that
 * must filter in SQL (e.g. 'team' → WHERE team_id = ANY($teams)). Undefined means none.
 */
export function listScope(actor: Actor, action: Action, type: RecordType): Scope | undefined {
  if (!actor.orgId || !actor.role || !isRole(actor.role)) return undefined;
  const allowed = grants[actor.role][type]?.[action] ?? [];
  if (allowed.includes('org')) return 'org';
  if (allowed.includes('team')) return 'team';
  if (allowed.includes('own')) return 'own';
  return undefined;
}

/** The widest list scope of every action on every record type, for a role (UI hints only). */
export function permissionsOf(actor: Actor): Record<string, Record<string, 'own' | 'team' | 'org'>> {
  const out: Record<string, Record<string, 'own' | 'team' | 'org'>> = {};
  for (const type of recordTypes) {
    for (const action of actions) {
      const scope = listScope(actor, action, type);
      if (scope === 'own' || scope === 'team' || scope === 'org') (out[type] ??= {})[action] = scope;
    }
  }
  return out;
}
