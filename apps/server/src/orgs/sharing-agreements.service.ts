// Sharing agreements between organisations (decision 0128). The organisation whose records are
// shared creates the agreement (its administrator decides what leaves it); both organisations
// see it; either may revoke it, which takes effect on the next request. Every change is audited
// on both sides' records (org_id = the sharing organisation, actor_org_id = the acting one).
import { randomUUID } from 'node:crypto';
import { can, sharingPurposes, type Actor, type SharingAgreement, type SharingAgreementCreate } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import * as q from './sharing-agreements.queries.ts';

interface Deps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

function toAgreement(row: q.AgreementRow, orgId: string): SharingAgreement {
  return {
    id: row.id,
    direction: row.from_org_id === orgId ? 'outgoing' : 'incoming',
    from: { id: row.from_org_id, slug: row.from_slug, name: row.from_name },
    to: { id: row.to_org_id, slug: row.to_slug, name: row.to_name },
    purposes: row.purposes,
    fieldsByPurpose: Object.fromEntries(
      row.purposes.map((p) => [p, [...(sharingPurposes[p as keyof typeof sharingPurposes]?.personFields ?? [])]]),
    ),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    status: row.status,
  };
}

/** 2025-02-30 has the right shape but is no day. */
function isRealDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

function requireOrg(actor: Actor): string {
  if (!actor.orgId) throw new AppError('policy.denied');
  return actor.orgId;
}

export function createSharingAgreementsService({ db, audit, clock }: Deps) {
  async function list(actor: Actor) {
    const orgId = requireOrg(actor);
    if (!can(actor, 'read', { type: 'sharing_agreement', orgId })) throw new AppError('policy.denied');
    const [rows, partners] = await Promise.all([q.listAgreementsOf(db, orgId), q.listOtherOrganisations(db, orgId)]);
    return {
      items: rows.map((r) => toAgreement(r, orgId)),
      purposes: Object.values(sharingPurposes).map((p) => ({
        ...p,
        reads: [...p.reads],
        personFields: [...p.personFields],
      })),
      partners,
    };
  }

  async function create(actor: Actor, input: SharingAgreementCreate, ip: string | null): Promise<SharingAgreement> {
    const orgId = requireOrg(actor);
    if (!can(actor, 'create', { type: 'sharing_agreement', orgId })) throw new AppError('policy.denied');
    const invalid = (field: string) => new AppError('validation.invalid_value', { field, params: { field } });
    if (input.partnerOrgId === orgId || !(await q.organisationExists(db, input.partnerOrgId)))
      throw invalid('partnerOrgId');
    const at = clock();
    // No first day given: the database's CURRENT_DATE, the same day the policy compares with.
    const validFrom = input.validFrom ?? null;
    const validUntil = input.validUntil ?? null;
    if (validFrom !== null && !isRealDay(validFrom)) throw invalid('validFrom');
    if (validUntil !== null && !isRealDay(validUntil)) throw invalid('validUntil');
    if (validUntil !== null && validUntil < (validFrom ?? at.toISOString().slice(0, 10))) throw invalid('validUntil');
    const purposes = [...new Set(input.purposes)];
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await q.insertAgreement(tx, {
        id,
        fromOrgId: orgId,
        toOrgId: input.partnerOrgId,
        purposes,
        validFrom,
        validUntil,
        by: actor.accountId,
        at,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'sharing_agreement.create',
        recordType: 'sharing_agreement',
        recordId: id,
        orgId,
        fields: purposes.flatMap((p) => sharingPurposes[p].personFields.map((f) => `${p}:${f}`)),
        ip,
        details: { partnerOrgId: input.partnerOrgId, purposes: purposes.join(','), validFrom, validUntil },
      });
    });
    const row = await q.findAgreement(db, id);
    if (!row) throw new AppError('record.not_found');
    return toAgreement(row, orgId);
  }

  async function revoke(actor: Actor, id: string, ip: string | null): Promise<SharingAgreement> {
    const orgId = requireOrg(actor);
    const row = await q.findAgreement(db, id);
    // Only the two parties know the agreement exists.
    if (!row || (row.from_org_id !== orgId && row.to_org_id !== orgId)) throw new AppError('record.not_found');
    if (!can(actor, 'update', { type: 'sharing_agreement', orgId })) throw new AppError('policy.denied');
    const at = clock();
    await db.transaction(async (tx) => {
      if (!(await q.revokeAgreement(tx, id, at)))
        throw new AppError('record.conflict', { field: 'revokedAt', params: { fields: 'revokedAt' } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'sharing_agreement.revoke',
        recordType: 'sharing_agreement',
        recordId: id,
        orgId: row.from_org_id,
        ip,
        details: { fromOrgId: row.from_org_id, toOrgId: row.to_org_id, purposes: row.purposes.join(',') },
      });
    });
    const fresh = await q.findAgreement(db, id);
    if (!fresh) throw new AppError('record.not_found');
    return toAgreement(fresh, orgId);
  }

  return { list, create, revoke };
}
