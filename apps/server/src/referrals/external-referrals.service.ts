// External referrals ("canalización externa"): the organisation refers the person itself — by
// phone, letter, e-mail, in person or accompanying them — to any directory service, including
// the many that do not receive referrals through Acompaña, and records what became of it. Nothing
// is sent through the platform: every text is the organisation's own note, encrypted with its key.
// The person's referral consent is still required (their data leaves the organisation), and
// access follows the 'referral' grants of can() like referrals sent through the platform.
import { can, type Actor, type ExternalReferral, type ExternalReferralAnswer } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { openExternal, sealExternal, type ExternalColumn } from './external-referral-crypto.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import * as rq from './referrals.queries.ts';
import * as q from './external-referrals.queries.ts';

export interface ExternalDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}
type Meta = { ip?: string | null };

export interface ExternalCreate {
  personId: string;
  serviceId: string;
  channel: q.ExternalRow['channel'];
  referredOn: string;
  reason: string;
  contact?: string | undefined;
}

/** Which answers may follow which status (a declined or completed referral is closed). */
const answerableFrom: Record<ExternalReferralAnswer['status'], readonly q.ExternalRow['status'][]> = {
  accepted: ['sent'],
  declined: ['sent', 'accepted'],
  completed: ['sent', 'accepted'],
  closed_no_outcome: ['sent', 'accepted'],
};

export function createExternalReferrals({ db, keyring, audit, clock }: ExternalDeps) {
  const today = () => clock().toISOString().slice(0, 10);
  const seal = (orgId: string, column: ExternalColumn, value: string) => sealExternal(keyring, orgId, column, value);
  const open = (orgId: string, column: ExternalColumn, blob: unknown) => openExternal(keyring, orgId, column, blob);
  const asReferral = (r: { org_id: string; owner_account_id: string | null; team_id: string | null }) => ({
    type: 'referral' as const,
    orgId: r.org_id,
    ownerId: r.owner_account_id,
    teamId: r.team_id,
  });

  async function view(row: q.ExternalRow): Promise<ExternalReferral> {
    const erased = row.person_erased;
    return {
      id: row.id,
      personId: row.person_id,
      service: { id: row.service_id, name: row.service_name, organisation: row.service_org_name },
      receptionId: row.reception_id,
      area: row.area,
      channel: row.channel,
      referredOn: row.referred_on,
      reason: erased ? '' : ((await open(row.org_id, 'reason', row.reason)) ?? ''),
      contact: erased ? null : await open(row.org_id, 'contact', row.contact),
      status: row.status,
      declineReason: erased ? null : await open(row.org_id, 'decline_reason', row.decline_reason),
      outcome: erased ? null : await open(row.org_id, 'outcome', row.outcome),
      answeredOn: row.answered_on,
      version: Number(row.version),
    };
  }

  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<q.ExternalRow> {
    const row = await q.findExternal(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, asReferral(row))) throw new AppError('policy.denied');
    return row;
  }

  /** Records an external referral; `plan` links it to a need of a reintegration plan. */
  async function create(
    actor: Actor,
    input: ExternalCreate,
    plan: { receptionId: string; area: string } | null,
    meta: Meta = {},
  ): Promise<ExternalReferral> {
    const person = await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' });
    const record = {
      org_id: person.org_id,
      owner_account_id: person.owner_account_id ?? actor.accountId,
      team_id: person.team_id,
    };
    if (!can(actor, 'create', asReferral(record))) throw new AppError('policy.denied');
    const consentId = await rq.activeReferralConsent(db, person.id);
    if (!consentId) throw new AppError('referrals.consent_required', { field: 'personId' });
    // An id that names no listed service is a mistake in the request, not someone else's record.
    if (!(await q.listedService(db, input.serviceId)))
      throw new AppError('validation.invalid_value', { field: 'serviceId', params: { field: 'serviceId' } });
    if (input.referredOn > today())
      throw new AppError('validation.invalid_value', { field: 'referredOn', params: { field: 'referredOn' } });
    const reason = await seal(person.org_id, 'reason', input.reason);
    const contact = input.contact ? await seal(person.org_id, 'contact', input.contact) : null;
    const at = clock();
    const id = await db.transaction(async (tx) => {
      const created = await q.insertExternal(tx, {
        orgId: person.org_id,
        personId: person.id,
        serviceId: input.serviceId,
        consentId,
        ownerAccountId: record.owner_account_id,
        teamId: record.team_id,
        by: actor.accountId,
        receptionId: plan?.receptionId ?? null,
        area: plan?.area ?? null,
        channel: input.channel,
        referredOn: input.referredOn,
        reason,
        contact,
        at,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: person.org_id,
        action: 'referral.external_create',
        recordType: 'referral',
        recordId: created,
        orgId: person.org_id,
        ip: meta.ip ?? null,
        fields: contact ? ['reason', 'contact'] : ['reason'],
        details: { personId: person.id, serviceId: input.serviceId, channel: input.channel },
      });
      return created;
    });
    return view((await q.findExternal(db, id)) as q.ExternalRow);
  }

  async function answer(
    actor: Actor,
    id: string,
    input: ExternalReferralAnswer,
    meta: Meta = {},
  ): Promise<ExternalReferral> {
    const row = await loadFor(actor, 'update', id);
    const from = answerableFrom[input.status];
    if (!from.includes(row.status))
      throw new AppError('referrals.invalid_transition', { params: { status: row.status, action: input.status } });
    if (input.status === 'declined' && !input.note)
      throw new AppError('validation.required', { field: 'note', params: { field: 'note' } });
    if (input.answeredOn > today() || input.answeredOn < row.referred_on)
      throw new AppError('validation.invalid_value', { field: 'answeredOn', params: { field: 'answeredOn' } });
    const note = input.note ?? null;
    const declineReason = input.status === 'declined' && note ? await seal(row.org_id, 'decline_reason', note) : null;
    const outcome = input.status !== 'declined' && note ? await seal(row.org_id, 'outcome', note) : null;
    await db.transaction(async (tx) => {
      const changed = await q.answerExternal(tx, {
        id,
        version: input.version,
        from,
        status: input.status,
        answeredOn: input.answeredOn,
        declineReason,
        outcome,
        at: clock(),
      });
      if (!changed) throw new AppError('record.conflict', { field: 'version' });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.external_answer',
        recordType: 'referral',
        recordId: id,
        orgId: row.org_id,
        ip: meta.ip ?? null,
        fields: note ? [input.status === 'declined' ? 'decline_reason' : 'outcome'] : [],
        details: { status: input.status },
      });
    });
    return view((await q.findExternal(db, id)) as q.ExternalRow);
  }

  /** The person's external referrals the actor may read (audited as one read). */
  async function listFor(actor: Actor, personId: string, meta: Meta = {}): Promise<ExternalReferral[]> {
    const person = await ownPersonFor(db, actor, 'read', personId, { field: 'personId' });
    const rows = (await q.externalsOf(db, { personId: person.id })).filter((r) => can(actor, 'read', asReferral(r)));
    const items = await Promise.all(rows.map(view));
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'referral.external_list',
      recordType: 'person',
      recordId: person.id,
      orgId: person.org_id,
      ip: meta.ip ?? null,
      fields: items.length ? ['reason', 'contact', 'decline_reason', 'outcome'] : [],
      details: { count: items.length },
    });
    return items;
  }

  /** External referrals of a reintegration plan the actor may read (the caller audits the read). */
  async function ofReception(actor: Actor, receptionId: string): Promise<ExternalReferral[]> {
    const rows = (await q.externalsOf(db, { receptionId })).filter(
      (r) => r.org_id === actor.orgId && can(actor, 'read', asReferral(r)),
    );
    return Promise.all(rows.map(view));
  }

  return {
    create,
    answer,
    listFor,
    ofReception,
    get: async (actor: Actor, id: string) => view(await loadFor(actor, 'read', id)),
  };
}

export type ExternalReferrals = ReturnType<typeof createExternalReferrals>;
