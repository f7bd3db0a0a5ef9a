// Linking a victim the documentation officer may not see (decision 0137). The officer counts the
// victim anonymously and asks for the link with the name the victim gave; the server, not the
// officer, looks that name up among all the organisation's people and addresses the request to
// the accounts that look after the people found (the owner of each record), or to the
// organisation's caseworkers and coordinators when nobody matches. The officer learns only that
// the request was sent. A recipient who may change the person links them with the person's
// consent (one of an anonymous count stops being anonymous) or declines; the officer is notified
// either way. Every step is audited on the event.
import {
  findViolationType,
  type Actor,
  type LinkRequestCreate,
  type LinkRequestLink,
  type IncomingLinkRequest,
} from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { addNotification } from '../notifications/notify.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { findPerson } from '../people/people.queries.ts';
import { searchPeople } from '../people/people-search.service.ts';
import { open, seal } from './incident-crypto.ts';
import type { IncidentsDeps, IncidentsService, Meta } from './incidents.service.ts';
import { placeNames } from './incidents.service.ts';
import * as q from './incidents.queries.ts';
import * as lq from './link-requests.queries.ts';

/** A name match at least this good routes the request to that person's caseworker. */
const ROUTING_SCORE = 0.75;
const FALLBACK_ROLES = ['caseworker', 'coordinator'] as const;
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export function createLinkRequestsService({ db, keyring, audit }: IncidentsDeps, incidents: IncidentsService) {
  /** Who should answer: the owners of the people of that name, else caseworkers and coordinators. */
  async function recipientsFor(actor: Actor, orgId: string, nameHint: string): Promise<string[]> {
    const scope = { scope: 'org' as const, orgId, accountId: actor.accountId, teamIds: actor.teamIds };
    const found = await searchPeople({ db, keyring }, scope, {}, nameHint, 5, undefined);
    const owners = new Set<string>();
    for (const p of found.items.filter((i) => (i.score ?? 0) >= ROUTING_SCORE)) {
      const row = await findPerson(db, p.id);
      if (row?.owner_account_id) owners.add(row.owner_account_id);
    }
    owners.delete(actor.accountId);
    if (owners.size > 0) return [...owners];
    return (await lq.membersWithRoles(db, orgId, FALLBACK_ROLES)).filter((id) => id !== actor.accountId);
  }

  async function request(
    actor: Actor,
    eventId: string,
    victimId: string,
    input: LinkRequestCreate,
    meta: Meta = {},
  ): Promise<{ id: string; status: 'open' }> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    const victims = await q.listVictims(db, eventId);
    const victim = victims.find((v) => v.id === victimId);
    if (!victim) throw new AppError('incidents.not_in_event', { field: 'victimId' });
    if (victim.person_id) throw new AppError('incidents.victim_already_linked', { field: 'victimId' });
    const recipients = await recipientsFor(actor, event.org_id, input.nameHint);
    const nameHint = (await seal(
      keyring,
      event.org_id,
      'incident_link_requests',
      'name_hint',
      input.nameHint,
    )) as Buffer;
    const note = await seal(keyring, event.org_id, 'incident_link_requests', 'note', input.note);
    const id = await db.transaction(async (tx) => {
      const requestId = await lq.insertLinkRequest(tx, {
        orgId: event.org_id,
        eventId,
        victimId,
        by: actor.accountId,
        nameHint,
        note,
        recipients,
      });
      for (const accountId of recipients)
        await addNotification(tx, {
          accountId,
          orgId: event.org_id,
          kind: 'incident.link_requested',
          recordType: 'incident_link_request',
          recordId: requestId,
        });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'incident.link_request',
        recordType: 'incident',
        recordId: eventId,
        orgId: event.org_id,
        fields: ['link_requests.name_hint', ...(note ? ['link_requests.note'] : [])],
        ip: meta.ip ?? null,
        details: { request: requestId, recipients: recipients.length },
      });
      return requestId;
    });
    return { id, status: 'open' };
  }

  /** The requester's view on the event: which victims have a request and how it ended. */
  async function forEvent(actor: Actor, eventId: string) {
    await incidents.loadFor(actor, 'read', eventId);
    return (await lq.eventLinkRequests(db, eventId)).map((r) => ({
      id: r.id,
      victimId: r.victim_id,
      status: r.status,
      createdAt: iso(r.created_at),
      resolvedAt: r.resolved_at ? iso(r.resolved_at) : null,
    }));
  }

  /** Open requests addressed to the account: the name given and the event's date, place and acts. */
  async function incoming(actor: Actor): Promise<IncomingLinkRequest[]> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const rows = await lq.incomingLinkRequests(db, actor.orgId, actor.accountId);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        nameHint: (await open(keyring, r.org_id, 'incident_link_requests', 'name_hint', r.name_hint)) ?? '',
        note: (await open(keyring, r.org_id, 'incident_link_requests', 'note', r.note)) ?? null,
        status: r.status,
        createdAt: iso(r.created_at),
        requestedBy: r.requester_name,
        event: {
          date: r.start_date,
          precision: r.start_precision,
          place: placeNames(r),
          acts: [...r.act_types].sort().map((key) => findViolationType(key)?.label ?? { es: key, en: key }),
        },
        victim: r.count === null ? null : { count: r.count, sex: r.sex ?? 'U', ageGroup: r.age_group ?? 'unknown' },
      })),
    );
  }

  /** Locks an open request addressed to the actor, or explains why it cannot be answered. */
  async function openFor(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], actor: Actor, id: string) {
    const row = await lq.lockLinkRequest(tx, id);
    if (!row || row.org_id !== actor.orgId || !row.recipients.includes(actor.accountId))
      throw new AppError('record.not_found');
    if (row.status !== 'open') throw new AppError('incidents.link_request_closed');
    return row;
  }

  async function link(actor: Actor, id: string, input: LinkRequestLink, meta: Meta = {}) {
    await db.transaction(async (tx) => {
      const row = await openFor(tx, actor, id);
      // The caseworker of the person: someone who may change the record, not only read it.
      // Refused at the field: the recipient chose a person who is not theirs to link.
      const person = await ownPersonFor(tx, actor, 'update', input.personId).catch((e: unknown) => {
        if (e instanceof AppError) throw new AppError('incidents.person_not_linkable', { field: 'personId' });
        throw e;
      });
      const victim = row.victim_id ? await lq.lockVictim(tx, row.victim_id) : undefined;
      if (!victim || victim.person_id) throw new AppError('incidents.link_request_closed');
      const link = {
        personId: person.id,
        consent: input.consent.method,
        by: actor.accountId,
        sex: person.sex ?? victim.sex,
        nationality: person.nationality ?? null,
      };
      let linkedVictimId = victim.id;
      if (victim.count > 1) {
        await lq.shrinkCount(tx, victim.id);
        linkedVictimId = await q.insertVictim(tx, {
          eventId: row.event_id,
          orgId: row.org_id,
          personId: person.id,
          consent: link.consent,
          by: actor.accountId,
          count: 1,
          sex: link.sex,
          ageGroup: victim.age_group,
          nationality: link.nationality,
        });
      } else {
        await lq.linkVictimRow(tx, victim.id, link);
      }
      await lq.resolveLinkRequest(tx, id, {
        status: 'linked',
        by: actor.accountId,
        personId: person.id,
        victimId: linkedVictimId,
      });
      await q.touchEvent(tx, row.event_id);
      await answered(tx, actor, row, 'incident.link_done', 'incident.victim_link', meta, {
        person: person.id,
        victim: linkedVictimId,
      });
    });
    return { id, status: 'linked' as const };
  }

  async function decline(actor: Actor, id: string, meta: Meta = {}) {
    await db.transaction(async (tx) => {
      const row = await openFor(tx, actor, id);
      await lq.resolveLinkRequest(tx, id, { status: 'declined', by: actor.accountId, personId: null });
      await answered(tx, actor, row, 'incident.link_declined', 'incident.link_decline', meta, {});
    });
    return { id, status: 'declined' as const };
  }

  /** The requester hears back (a link to the event), and the answer is audited on the event. */
  async function answered(
    tx: Parameters<Parameters<typeof db.transaction>[0]>[0],
    actor: Actor,
    row: lq.LinkRequestRow,
    kind: string,
    action: string,
    meta: Meta,
    details: Record<string, string>,
  ) {
    await addNotification(tx, {
      accountId: row.requested_by,
      orgId: row.org_id,
      kind,
      recordType: 'incident',
      recordId: row.event_id,
      refId: row.id,
    });
    await audit.append(tx, {
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action,
      recordType: 'incident',
      recordId: row.event_id,
      orgId: row.org_id,
      fields: action === 'incident.victim_link' ? ['victims.person_id'] : [],
      ip: meta.ip ?? null,
      details: { request: row.id, ...details },
    });
  }

  return { request, forEvent, incoming, link, decline };
}
