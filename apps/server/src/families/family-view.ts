// How a family file reads: its members (own people, unregistered relatives, partners' records
// shown only while sharing and consent allow), tracing requests and reunification plan.
import { can, type Actor, type Family, type FamilyMember } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { findPerson, type PersonRow } from '../people/people.queries.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import type { createConsentOps } from '../people/consents.service.ts';
import { open } from '../reintegration/reintegration-crypto.ts';
import * as q from './families.queries.ts';

const asPerson = (p: PersonRow, consentedPurposes: readonly string[] = []) => ({
  type: 'person' as const,
  orgId: p.org_id,
  ownerId: p.owner_account_id,
  teamId: p.team_id,
  consentedPurposes,
});

export function createFamilyView(deps: {
  db: Database;
  keyring: Keyring;
  consents: Pick<ReturnType<typeof createConsentOps>, 'activePolicyPurposes'>;
}) {
  const { db, keyring, consents } = deps;
  /** May the actor read this person: own organisation by role, a partner's only with sharing and consent (checked now). */
  async function mayRead(actor: Actor, person: PersonRow): Promise<boolean> {
    if (person.org_id === actor.orgId) return can(actor, 'read', asPerson(person));
    return can(actor, 'read', asPerson(person, await consents.activePolicyPurposes(person.id)));
  }

  async function memberView(actor: Actor, m: q.MemberRow, partners: Map<string, string>): Promise<FamilyMember> {
    const person = m.person_id ? await findPerson(db, m.person_id) : undefined;
    const partnerOrgId = person && person.org_id !== m.org_id ? person.org_id : null;
    const partnerOrg = partnerOrgId
      ? { id: partnerOrgId, name: partners.get(partnerOrgId) ?? (await q.organisationName(db, partnerOrgId)) }
      : null;
    if (partnerOrg) partners.set(partnerOrg.id, partnerOrg.name);
    const visible = person ? await mayRead(actor, person) : true;
    const hidden = {
      location: null,
      holdingAuthority: null,
      holdingCountry: null,
      guardian: null,
      separatedSince: null,
      caseId: null,
    };
    if (!visible)
      return {
        id: m.id,
        personId: null,
        partnerOrg,
        visible,
        name: null,
        relationship: m.relationship,
        isChild: m.is_child,
        ...hidden,
        status: m.status,
      };
    const names = person
      ? await decryptPersonColumns(keyring, person.org_id, person, ['given_names', 'surnames'])
      : null;
    const o = (column: 'name' | 'location' | 'guardian') =>
      open(keyring, m.org_id, 'family_members', column, m[column]);
    return {
      id: m.id,
      personId: m.person_id,
      partnerOrg,
      visible,
      name: names ? [names.givenNames, names.surnames].filter(Boolean).join(' ') : await o('name'),
      relationship: m.relationship,
      isChild: m.is_child,
      separatedSince: m.separated_since,
      location: await o('location'),
      holdingAuthority: m.holding_authority as FamilyMember['holdingAuthority'],
      holdingCountry: m.holding_country,
      guardian: await o('guardian'),
      caseId: m.case_id,
      status: m.status,
    };
  }

  async function view(actor: Actor, row: q.FamilyRow): Promise<Family> {
    const partners = new Map<string, string>();
    const memberRows = await q.members(db, row.id);
    return {
      id: row.id,
      label: (await open(keyring, row.org_id, 'families', 'label', row.label)) ?? '',
      householdId: row.household_id,
      status: row.status,
      reunifiedOn: row.reunified_on,
      members: await Promise.all(memberRows.map((m) => memberView(actor, m, partners))),
      tracing: await Promise.all(
        (await q.tracing(db, row.id)).map(async (t) => ({
          id: t.id,
          memberId: t.member_id,
          channel: t.channel as Family['tracing'][number]['channel'],
          requestedOn: t.requested_on,
          status: t.status as Family['tracing'][number]['status'],
          note: await open(keyring, t.org_id, 'family_tracing_requests', 'note', t.note),
          closedOn: t.closed_on,
        })),
      ),
      plan: await Promise.all(
        (await q.planSteps(db, row.id)).map(async (s) => ({
          id: s.id,
          title: (await open(keyring, s.org_id, 'family_plan_steps', 'title', s.title)) ?? '',
          dueOn: s.due_on,
          doneOn: s.done_on,
        })),
      ),
      version: Number(row.version),
    };
  }

  return { view, mayRead };
}
