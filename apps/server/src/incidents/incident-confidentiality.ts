// The confidentiality level of an event, enforced beside can() (decision 0119):
//   shareable  - read by everyone who may read incidents in the organisation; the only level a
//                partner export (CSV/JSON) may carry
//   internal   - read inside the organisation as can() allows; never exported to partners
//   restricted - read, changed and exported only by the owner, the owner's team, and the roles
//                that oversee the organisation (coordinators, administrators). A threat against
//                a defender or a sexual-violence testimony is typically restricted.
// can() decides by role and scope; this rule narrows it further by the record's level, so it is
// applied in loadFor (single records) and in eventWhere (lists, summaries, exports) alike.
import type { Actor } from '@acompana/core';

/** Roles that oversee the organisation's documentation and see restricted events. */
export const overseerRoles: readonly string[] = ['admin', 'coordinator'];

export function seesRestricted(actor: Actor): boolean {
  return actor.role !== null && overseerRoles.includes(actor.role);
}

export function mayAccessByConfidentiality(
  actor: Actor,
  event: { confidentiality: string; owner_account_id: string | null; team_id: string | null },
): boolean {
  if (event.confidentiality !== 'restricted' || seesRestricted(actor)) return true;
  return (
    event.owner_account_id === actor.accountId || (event.team_id !== null && actor.teamIds.includes(event.team_id))
  );
}

/** Only shareable events leave the organisation in a partner export. */
export function isPartnerExportable(event: { confidentiality: string }): boolean {
  return event.confidentiality === 'shareable';
}
