// Referrals from a person's case to a partner organisation or one of its directory services.
// Sending needs the person's active referral consent; the sender chooses the fields and the
// receiver sees a snapshot of exactly those (the preview is the receiver's view, computed by the
// same function). When the person withdraws consent, the receiver stops seeing the reason and
// the snapshot at once. Every read and every change is audited; a referral between two other
// organisations is "not found".
import { can, listScope, type Actor } from '@acompana/core';
import {
  openReferralStatuses,
  referralAnswerDays,
  referralShareableFields,
  referralSnapshotSchema,
  type Referral,
  type ReferralCreate,
  type ReferralListQuery,
  type ReferralShareableField,
  type ReferralSnapshot,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import type { PersonRow } from '../people/people.queries.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { decryptPersonColumns, type EncryptedPersonColumn } from '../people/person-crypto.ts';
import { keyOrgOf, openReferral, sealReferral } from './referral-crypto.ts';
import * as q from './referrals.queries.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';

export interface ReferralsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export interface Meta {
  ip?: string | null;
}

export type Side = 'sent' | 'received';

const DAY = 86_400_000;
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** The encrypted person columns behind each shareable field (sex and nationality are coarse, in clear). */
const columnsOf: Record<ReferralShareableField, EncryptedPersonColumn[]> = {
  name: ['given_names', 'surnames'],
  birthDate: ['birth_date'],
  sex: [],
  nationality: [],
  languages: ['languages'],
  documents: ['documents'],
  contacts: ['contacts'],
  origin: ['origin'],
  genderIdentity: ['gender_identity'],
};

/** The chosen fields, once each, in the canonical order. */
export function normaliseFields(fields: readonly string[]): ReferralShareableField[] {
  for (const f of fields)
    if (!(referralShareableFields as readonly string[]).includes(f))
      throw new AppError('validation.invalid_value', { field: 'fields', params: { field: 'fields' } });
  return referralShareableFields.filter((f) => fields.includes(f));
}

export function createReferralsService({ db, keyring, audit, clock }: ReferralsDeps) {
  /** A person of the actor's own organisation the actor may read (the only people one can refer). */
  async function loadPerson(actor: Actor, personId: string): Promise<PersonRow> {
    const row = await ownPersonFor(db, actor, 'read', personId, { field: 'personId' });
    if (
      !can(actor, 'create', { type: 'referral', orgId: row.org_id, ownerId: row.owner_account_id, teamId: row.team_id })
    )
      throw new AppError('policy.denied');
    return row;
  }

  /** Exactly the chosen fields of the person, decrypted; nothing else is read. */
  async function snapshotOf(
    person: PersonRow,
    fields: readonly ReferralShareableField[],
  ): Promise<{ snapshot: ReferralSnapshot; columns: string[] }> {
    const columns = [...new Set(fields.flatMap((f) => columnsOf[f]))];
    const data = await decryptPersonColumns(keyring, person.org_id, person, columns);
    const s: ReferralSnapshot = {};
    for (const f of fields) {
      if (f === 'name')
        Object.assign(
          s,
          data.givenNames ? { givenNames: data.givenNames } : {},
          data.surnames ? { surnames: data.surnames } : {},
        );
      else if (f === 'sex' && person.sex) s.sex = person.sex;
      else if (f === 'nationality' && person.nationality) s.nationality = person.nationality;
      else if (f === 'birthDate' && data.birthDate) s.birthDate = data.birthDate;
      else if (f === 'genderIdentity' && data.genderIdentity) s.genderIdentity = data.genderIdentity;
      else if (f === 'languages' && data.languages?.length) s.languages = data.languages;
      else if (f === 'documents' && data.documents?.length) s.documents = data.documents;
      else if (f === 'contacts' && data.contacts?.length) s.contacts = data.contacts;
      else if (f === 'origin' && data.origin) s.origin = data.origin;
    }
    return {
      snapshot: referralSnapshotSchema.parse(s),
      columns: [...columns, ...fields.filter((f) => f === 'sex' || f === 'nationality')],
    };
  }

  /** Where a referral goes: a platform organisation, or the one maintaining a service that receives referrals. */
  async function resolveTarget(
    fromOrgId: string,
    t: { toOrgId?: string | undefined; toServiceId?: string | undefined },
  ): Promise<{ toOrgId: string; toServiceId: string | null }> {
    let toOrgId = t.toOrgId;
    if (t.toServiceId) {
      const service = await q.receivingService(db, t.toServiceId);
      if (!service) throw new AppError('record.not_found', { field: 'toServiceId' });
      if (!service.accepts_referrals) throw new AppError('referrals.service_not_receiving', { field: 'toServiceId' });
      if (toOrgId && toOrgId !== service.owner_org_id)
        throw new AppError('validation.invalid_value', { field: 'toOrgId', params: { field: 'toOrgId' } });
      toOrgId = service.owner_org_id;
    } else if (!toOrgId || !(await q.organisationExists(db, toOrgId))) {
      throw new AppError('orgs.unknown_organisation', { field: 'toOrgId' });
    }
    if (toOrgId === fromOrgId) throw new AppError('referrals.same_organisation', { field: 'toOrgId' });
    return { toOrgId, toServiceId: t.toServiceId ?? null };
  }

  /** The referral as the actor's organisation stands to it; anyone else's is "not found". */
  async function loadFor(
    actor: Actor,
    action: 'read' | 'update',
    id: string,
  ): Promise<{ row: q.ReferralRow; side: Side }> {
    const row = await q.findReferral(db, id);
    if (!row || !actor.orgId) throw new AppError('record.not_found');
    const side: Side | undefined =
      row.from_org_id === actor.orgId ? 'sent' : row.to_org_id === actor.orgId ? 'received' : undefined;
    if (!side) throw new AppError('record.not_found');
    // The receiver's copy belongs to the receiving organisation as a whole (its intake).
    const record =
      side === 'sent'
        ? { type: 'referral' as const, orgId: row.from_org_id, ownerId: row.owner_account_id, teamId: row.team_id }
        : { type: 'referral' as const, orgId: row.to_org_id };
    if (!can(actor, action, record)) throw new AppError('policy.denied');
    return { row, side };
  }

  async function view(row: q.ReferralRow, side: Side, history?: q.HistoryRow[]): Promise<Referral> {
    // An erased person leaves nothing to show on either side (decision 0118).
    const hidden = row.person_erased || (side === 'received' && row.consent_withdrawn);
    const snapshot =
      side === 'received' && !hidden
        ? await openReferral(keyring, keyOrgOf('snapshot', row), 'snapshot', row.snapshot)
        : null;
    const now = clock().getTime();
    return {
      id: row.id,
      side,
      personId: side === 'sent' ? row.person_id : null,
      fromOrg: { id: row.from_org_id, name: row.from_org_name },
      toOrg: { id: row.to_org_id, name: row.to_org_name },
      toService: row.to_service_id ? { id: row.to_service_id, name: row.to_service_name ?? '' } : null,
      urgency: row.urgency,
      sharedFields: row.shared_fields as ReferralShareableField[],
      reason: hidden ? null : await openReferral(keyring, keyOrgOf('reason', row), 'reason', row.reason),
      snapshot: snapshot ? referralSnapshotSchema.parse(JSON.parse(snapshot)) : null,
      consentWithdrawn: row.consent_withdrawn,
      personErased: row.person_erased,
      status: row.status,
      declineReason: await openReferral(keyring, keyOrgOf('decline_reason', row), 'decline_reason', row.decline_reason),
      outcome: await openReferral(keyring, keyOrgOf('outcome', row), 'outcome', row.outcome),
      redirectedFromId: row.redirected_from_id,
      redirectedToId: row.redirected_to_id,
      dueAt: iso(row.due_at),
      overdue: openReferralStatuses.includes(row.status) && new Date(row.due_at).getTime() < now,
      createdAt: iso(row.created_at),
      answeredAt: row.answered_at ? iso(row.answered_at) : null,
      closedAt: row.closed_at ? iso(row.closed_at) : null,
      version: row.version,
      history: (history ?? (await q.listHistory(db, [row.id])))
        .filter((h) => h.referral_id === row.id)
        .map((h) => ({
          status: h.status,
          changedAt: iso(h.changed_at),
          by: h.changed_by_org_id === row.to_org_id ? ('receiver' as const) : ('sender' as const),
        })),
    };
  }

  /** What the receiver sees, and which of the shared fields that exposes (for the audit entry). */
  const shownFields = (r: Referral) => (r.snapshot ? r.sharedFields : []);

  return {
    loadFor,
    view,
    resolveTarget,

    async create(actor: Actor, input: ReferralCreate, meta: Meta = {}): Promise<Referral> {
      const person = await loadPerson(actor, input.personId);
      const consentId = await q.activeReferralConsent(db, person.id);
      if (!consentId) throw new AppError('referrals.consent_required', { field: 'personId' });
      const target = await resolveTarget(person.org_id, input);
      const fields = normaliseFields(input.sharedFields);
      const { snapshot, columns } = await snapshotOf(person, fields);
      const at = clock();
      const sealed = {
        reason: await sealReferral(keyring, target.toOrgId, 'reason', input.reason),
        snapshot: await sealReferral(keyring, target.toOrgId, 'snapshot', JSON.stringify(snapshot)),
      };
      const id = await db.transaction(async (tx) => {
        const created = await q.insertReferral(tx, {
          fromOrgId: person.org_id,
          ...target,
          personId: person.id,
          consentId,
          ownerAccountId: person.owner_account_id ?? actor.accountId,
          teamId: person.team_id,
          createdBy: actor.accountId,
          redirectedFromId: null,
          urgency: input.urgency,
          sharedFields: fields,
          ...sealed,
          dueAt: new Date(at.getTime() + referralAnswerDays[input.urgency] * DAY),
          at,
        });
        await q.insertHistory(tx, {
          referralId: created,
          status: 'sent',
          by: actor.accountId,
          byOrgId: person.org_id,
          at,
        });
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: person.org_id,
          action: 'referral.create',
          recordType: 'referral',
          recordId: created,
          orgId: person.org_id,
          fields,
          ip: meta.ip ?? null,
          details: { toOrgId: target.toOrgId, urgency: input.urgency },
        });
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: person.org_id,
          action: 'person.referral_share',
          recordType: 'person',
          recordId: person.id,
          orgId: person.org_id,
          fields: columns,
          ip: meta.ip ?? null,
          details: { referralId: created },
        });
        await q.notifyReceiver(tx, { id: created, toOrgId: target.toOrgId });
        return created;
      });
      return view((await q.findReferral(db, id)) as q.ReferralRow, 'sent');
    },

    /** Before sending: exactly the snapshot the receiver would get for these fields. */
    async previewNew(actor: Actor, personId: string, fieldList: string, meta: Meta = {}) {
      const person = await loadPerson(actor, personId);
      const fields = normaliseFields(fieldList.split(',').map((f) => f.trim()));
      if (fields.length === 0)
        throw new AppError('validation.required', { field: 'fields', params: { field: 'fields' } });
      const { snapshot, columns } = await snapshotOf(person, fields);
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.preview',
        recordType: 'person',
        recordId: person.id,
        orgId: person.org_id,
        fields: columns,
        ip: meta.ip ?? null,
      });
      return { sharedFields: fields, snapshot, consentActive: Boolean(await q.activeReferralConsent(db, person.id)) };
    },

    /** A sent referral as its receiver sees it now (same function as the receiver's read). */
    async preview(actor: Actor, id: string, meta: Meta = {}): Promise<Referral> {
      const { row, side } = await loadFor(actor, 'read', id);
      const seen = await view(row, 'received');
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.preview',
        recordType: 'referral',
        recordId: id,
        orgId: actor.orgId,
        fields: shownFields(seen),
        ip: meta.ip ?? null,
        details: { side },
      });
      return seen;
    },

    async get(actor: Actor, id: string, meta: Meta = {}): Promise<Referral> {
      const { row, side } = await loadFor(actor, 'read', id);
      const result = await view(row, side);
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.read',
        recordType: 'referral',
        recordId: id,
        orgId: actor.orgId,
        fields: shownFields(result),
        ip: meta.ip ?? null,
        details: { side },
      });
      return result;
    },

    async list(
      actor: Actor,
      query: ReferralListQuery,
      meta: Meta = {},
    ): Promise<{ items: Referral[]; nextCursor: string | null }> {
      const scope = listScope(actor, 'read', 'referral');
      if (!scope || scope === 'shared' || !actor.orgId) throw new AppError('policy.denied');
      // Incoming referrals are the organisation's intake: roles that read referrals organisation-wide.
      if (query.direction === 'incoming' && scope !== 'org') throw new AppError('policy.denied');
      const after = query.cursor
        ? decodeCursor<{ createdAt: string; id: string }>(
            query.cursor,
            (v) =>
              typeof v.createdAt === 'string' &&
              !Number.isNaN(Date.parse(v.createdAt)) &&
              typeof v.id === 'string' &&
              /^[0-9a-f-]{36}$/.test(v.id),
          )
        : undefined;
      const found = await q.listReferrals(db, {
        orgId: actor.orgId,
        direction: query.direction,
        scope,
        accountId: actor.accountId,
        teamIds: actor.teamIds,
        status: query.status,
        personId: query.personId,
        overdue: query.overdue
          ? { value: query.overdue === 'true', now: clock(), openStatuses: openReferralStatuses }
          : undefined,
        after,
        limit: query.limit + 1,
      });
      const rows = found.slice(0, query.limit);
      const last = rows[rows.length - 1];
      const nextCursor =
        found.length > query.limit && last
          ? encodeCursor({ createdAt: new Date(last.created_at).toISOString(), id: last.id })
          : null;
      const history = await q.listHistory(
        db,
        rows.map((r) => r.id),
      );
      const side: Side = query.direction === 'incoming' ? 'received' : 'sent';
      const items = await Promise.all(rows.map((r) => view(r, side, history)));
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.list',
        recordType: 'referral',
        orgId: actor.orgId,
        ip: meta.ip ?? null,
        fields: [...new Set(items.flatMap(shownFields))],
        details: { direction: query.direction, count: items.length, personId: query.personId ?? null },
      });
      return { items, nextCursor };
    },
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
