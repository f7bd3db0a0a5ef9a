// The differentiated profile of a person: the indicators staff recorded (encrypted JSON in
// people.profile, a blind index of each in people.profile_bi for list filters), the ones derived
// from the record (birth year, sex), and the intake plan they produce. Recording an
// unaccompanied or separated child for the first time alerts the child-protection focal point
// in the same transaction as the change. Other modules read a person's effective indicators
// with profileFlagsOf (e.g. cases, to add best-interests tasks).
import {
  childAloneIndicators,
  effectiveProfile,
  intakePlanFor,
  profilePayloadSchema,
  type Actor,
  type IntakePlan,
  type PersonProfile,
  type ProfileIndicator,
  type ProfilePayload,
  type ProfileUpdate,
} from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';
import { AppError } from '../kernel/errors.ts';
import { notifyChildProtection } from '../screening/screening.service.ts';
import { ownPersonFor } from './own-person.ts';
import { fieldsChangedSince, type ListFilters } from './people.queries.ts';

const PROFILE = 'people.profile';
const PROFILE_INDEX = 'people.profile_indicator';
registerEncryptedColumn({ table: 'people', idColumn: 'id', orgColumn: 'org_id', column: 'profile', context: PROFILE });

interface ProfileRow {
  id: string;
  org_id: string;
  profile: unknown;
  birth_year: number | null;
  sex: string | null;
  version: number;
}

async function profileRow(db: Queryable, personId: string): Promise<ProfileRow | undefined> {
  const { rows } = await db.query<ProfileRow>(
    'SELECT id::text AS id, org_id::text AS org_id, profile, birth_year, sex, version FROM people WHERE id = $1 AND deleted_at IS NULL',
    [personId],
  );
  return rows[0];
}

async function decryptProfile(keyring: Keyring, orgId: string, blob: unknown): Promise<ProfilePayload | null> {
  if (blob === null || blob === undefined) return null;
  // Parsed again so that an indicator retired from the list never breaks a read.
  const raw = JSON.parse(await keyring.decrypt(orgId, PROFILE, blob)) as { indicators?: string[]; notes?: string };
  const known = profilePayloadSchema.safeParse({
    indicators: (raw.indicators ?? []).filter((i) => profilePayloadSchema.shape.indicators.safeParse([i]).success),
    ...(raw.notes ? { notes: raw.notes } : {}),
  });
  return known.success ? known.data : null;
}

/** The person's profile as read (recorded, derived, effective), or undefined when there is no such person. */
export async function readProfile(
  db: Queryable,
  keyring: Keyring,
  personId: string,
  at: Date = new Date(),
): Promise<PersonProfile | undefined> {
  const row = await profileRow(db, personId);
  return row ? profileOfRow(keyring, row, at) : undefined;
}

/** The profile from a people row already loaded with its profile, birth year and sex. */
export async function profileOfRow(
  keyring: Keyring,
  row: Pick<ProfileRow, 'org_id' | 'profile' | 'birth_year' | 'sex'>,
  at: Date,
): Promise<PersonProfile> {
  const recorded = await decryptProfile(keyring, row.org_id, row.profile);
  return effectiveProfile(recorded, {
    birthYear: row.birth_year === null ? null : Number(row.birth_year),
    sex: row.sex,
    year: at.getUTCFullYear(),
  });
}

/**
 * The person's effective profile indicators (recorded and derived; an unaccompanied or separated
 * child is always a child). No policy check: the caller has already loaded the person for the
 * actor. Empty for an unknown or deleted person.
 */
export async function profileFlagsOf(
  db: Queryable,
  keyring: Keyring,
  personId: string,
  at: Date = new Date(),
): Promise<ProfileIndicator[]> {
  return ((await readProfile(db, keyring, personId, at))?.effective ?? []) as ProfileIndicator[];
}

/**
 * The SQL filter of one indicator: recorded ones through the blind index; derived ones from the
 * clear birth year and sex (child also matches a recorded unaccompanied or separated child).
 */
export async function profileFilterOf(
  keyring: Keyring,
  orgId: string,
  indicator: string | undefined,
  year: number,
): Promise<ListFilters['profile']> {
  if (!indicator) return undefined;
  const probes = async (keys: string[]) => keyring.blindIndex(orgId, PROFILE_INDEX, keys);
  if (indicator === 'child') return { keys: await probes([...childAloneIndicators]), birthYearAbove: year - 18 };
  if (indicator === 'older_person') return { keys: [], birthYearAtMost: year - 60 };
  if (indicator === 'woman') return { keys: await probes(['woman']), sex: 'F' };
  return { keys: await probes([indicator]) };
}

export function createProfileService({
  db,
  keyring,
  audit,
  clock,
}: {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}) {
  async function get(actor: Actor, personId: string): Promise<PersonProfile> {
    await ownPersonFor(db, actor, 'read', personId);
    return (await readProfile(db, keyring, personId, clock())) as PersonProfile;
  }

  async function intakePlan(
    actor: Actor,
    personId: string,
    meta: { ip?: string } = {},
  ): Promise<IntakePlan & { profile: PersonProfile }> {
    const person = await ownPersonFor(db, actor, 'read', personId);
    const profile = (await readProfile(db, keyring, personId, clock())) as PersonProfile;
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'person.intake_plan',
      recordType: 'person',
      recordId: personId,
      orgId: person.org_id,
      fields: ['profile'],
      ip: meta.ip ?? null,
    });
    return { ...intakePlanFor(profile), profile };
  }

  async function put(
    actor: Actor,
    personId: string,
    input: ProfileUpdate,
    meta: { ip?: string } = {},
  ): Promise<PersonProfile> {
    const person = await ownPersonFor(db, actor, 'update', personId);
    const stale = async (): Promise<never> => {
      const names = (await fieldsChangedSince(db, personId, input.version)).join(', ') || 'version';
      throw new AppError('record.conflict', { field: names, params: { fields: names } });
    };
    const row = await profileRow(db, personId);
    if (!row) throw new AppError('record.not_found');
    if (Number(row.version) !== input.version) return stale();
    const before = await decryptProfile(keyring, row.org_id, row.profile);
    const payload: ProfilePayload = { indicators: input.indicators, ...(input.notes ? { notes: input.notes } : {}) };
    const empty = payload.indicators.length === 0 && !payload.notes;
    const blob = empty ? null : await keyring.encrypt(row.org_id, PROFILE, JSON.stringify(payload));
    const index = await keyring.blindIndex(row.org_id, PROFILE_INDEX, payload.indicators);
    const added = payload.indicators.filter((i) => !(before?.indicators ?? []).includes(i));
    const alerts = added.filter((i) => childAloneIndicators.includes(i));
    const at = clock();
    const version = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ version: number }>(
        `UPDATE people SET profile = $3, profile_bi = $4::text[], version = version + 1, updated_at = $5
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING version`,
        [personId, input.version, blob, index, at],
      );
      const v = rows[0] ? Number(rows[0].version) : null;
      if (v === null) return null;
      // Alert once per person: only when no earlier alert of this kind was sent about them.
      if (alerts.length > 0) {
        const sent = await tx.query(
          "SELECT 1 FROM notifications WHERE record_type = 'person' AND record_id = $1 AND kind = 'profile.child_protection' LIMIT 1",
          [personId],
        );
        if (sent.rows.length === 0)
          await notifyChildProtection(tx, {
            orgId: person.org_id,
            personId,
            refId: null,
            kind: 'profile.child_protection',
          });
      }
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.update',
        recordType: 'person',
        recordId: personId,
        orgId: person.org_id,
        fields: ['profile'],
        ip: meta.ip ?? null,
        details: { version: v, ...(alerts.length > 0 ? { alert: alerts.join(',') } : {}) },
      });
      return v;
    });
    if (version === null) return stale();
    return (await readProfile(db, keyring, personId, at)) as PersonProfile;
  }

  return { get, put, intakePlan };
}
