// Consent per purpose (care, referral, sharing, statistics): who recorded it, when, how, and its
// withdrawal, which takes effect at once because the policy reads active consents on every access.
import { randomUUID } from 'node:crypto';
import type { Actor, Consent } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { decryptWitness, encryptWitness } from './person-crypto.ts';
import {
  insertConsent,
  listActiveConsentPurposes,
  listConsents,
  withdrawConsent,
  type PersonRow,
} from './people.queries.ts';
import { iso } from './person-mapping.ts';
import { enqueuePersonMatching } from '../missing/match-enqueue.ts';

/**
 * The policy names what a partner organisation may read a person for ('search' — see
 * sharingPurposeOf); the person consents to 'sharing'. This maps one onto the other.
 */
const policyPurposesOf: Record<string, readonly string[]> = { sharing: ['search'], referral: ['referral'] };

interface Deps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  loadFor: (actor: Actor, action: 'read' | 'update', id: string) => Promise<PersonRow>;
}

export function createConsentOps(deps: Deps) {
  const { db, keyring, audit, clock } = deps;

  async function list(orgId: string, personId: string): Promise<Consent[]> {
    const rows = await listConsents(db, personId);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        purpose: r.purpose,
        method: r.method,
        ...(r.witness_name ? { witnessName: await decryptWitness(keyring, orgId, r.witness_name) } : {}),
        recordedBy: r.recorded_by,
        recordedAt: iso(r.recorded_at),
        withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
      })),
    );
  }

  return {
    list,
    async activePolicyPurposes(personId: string): Promise<string[]> {
      const rows = await listConsents(db, personId);
      return rows.filter((r) => !r.withdrawn_at).flatMap((r) => policyPurposesOf[r.purpose] ?? []);
    },
    /** The same for several people in one statement, by person id (a person without any: absent). */
    async activePolicyPurposesOfMany(personIds: readonly string[]): Promise<Map<string, string[]>> {
      const byPerson = new Map<string, string[]>();
      for (const row of await listActiveConsentPurposes(db, personIds))
        byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), ...(policyPurposesOf[row.purpose] ?? [])]);
      return byPerson;
    },
    async forPerson(actor: Actor, personId: string): Promise<Consent[]> {
      const row = await deps.loadFor(actor, 'read', personId);
      const items = await list(row.org_id, personId);
      // A partner learns which consents stand, not who witnessed them or which account recorded them.
      if (row.org_id === actor.orgId) return items;
      return items.map(({ witnessName: _w, ...c }) => ({ ...c, recordedBy: null }));
    },
    async record(
      actor: Actor,
      personId: string,
      input: { purpose: Consent['purpose']; method: Consent['method']; witnessName?: string | undefined },
      ip: string | null,
    ): Promise<Consent> {
      const row = await deps.loadFor(actor, 'update', personId);
      if (input.method !== 'signed' && !input.witnessName)
        throw new AppError('validation.required', { field: 'witnessName', params: { field: 'witnessName' } });
      const witness = input.witnessName ? await encryptWitness(keyring, row.org_id, input.witnessName) : null;
      const id = randomUUID();
      const at = clock();
      await db.transaction(async (tx) => {
        await insertConsent(tx, {
          id,
          personId,
          orgId: row.org_id,
          purpose: input.purpose,
          method: input.method,
          witness,
          by: actor.accountId,
          at,
        });
        // Consent to sharing makes the person searchable by partners: their open reports are matched (0121).
        if (input.purpose === 'sharing') await enqueuePersonMatching(tx, at, { id: personId, orgId: row.org_id });
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'person.consent_record',
          recordType: 'person',
          recordId: personId,
          orgId: row.org_id,
          fields: ['consent'],
          ip,
          details: { purpose: input.purpose, method: input.method },
        });
      });
      return {
        id,
        purpose: input.purpose,
        method: input.method,
        ...(input.witnessName ? { witnessName: input.witnessName } : {}),
        recordedBy: actor.accountId,
        recordedAt: at.toISOString(),
        withdrawnAt: null,
      };
    },
    async withdraw(actor: Actor, personId: string, consentId: string, ip: string | null): Promise<void> {
      const row = await deps.loadFor(actor, 'update', personId);
      await db.transaction(async (tx) => {
        if (!(await withdrawConsent(tx, personId, consentId, actor.accountId, clock())))
          throw new AppError('record.not_found');
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'person.consent_withdraw',
          recordType: 'person',
          recordId: personId,
          orgId: row.org_id,
          fields: ['consent'],
          ip,
          details: { consentId },
        });
      });
    },
  };
}
