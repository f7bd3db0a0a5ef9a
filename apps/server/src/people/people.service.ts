// The person record: create, read, change, delete, export and search, each decided by the
// policy function and written to the audit log (who, which record, which fields — never values).
// Encryption and blind indexes are computed before a transaction opens (on PGlite the keyring
// may need the one connection), and each write is one transaction with its audit entry, so a
// failure never leaves a partial record.
import { randomUUID } from 'node:crypto';
import {
  can,
  listScope,
  validatePersonInput,
  type Actor,
  type Person,
  type PersonCreate,
  type PersonListQuery,
  type PersonUpdate,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError, throwProblems } from '../kernel/errors.ts';
import {
  decryptPersonColumns,
  encryptedPersonColumns,
  encryptPersonFields,
  fieldOfColumn,
  type EncryptedPersonColumn,
  type PersonData,
} from './person-crypto.ts';
import { recordBlindIndexes } from './person-search.ts';
import * as q from './people.queries.ts';
import { searchPeople } from './people-search.service.ts';
import { createConsentOps } from './consents.service.ts';
import { decodeCursor, encodeCursor } from './people-cursor.ts';
import { iso, toPerson, toSummary } from './person-mapping.ts';
import { profileFilterOf, profileOfRow } from './profile.service.ts';
import { photoInfoOf } from './photo.service.ts';
import { readAsPartner } from './partner-view.ts';
import { parseJsonColumn } from '../orgs/orgs.queries.ts';
import type { Queryable } from '../kernel/db/database.ts';
import { enqueuePersonMatching } from '../missing/match-enqueue.ts';
import { erasePersonSections, exportPersonSections, foldedTokens, personDataHandlers } from './person-data-registry.ts';

export interface PeopleDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export interface RequestMeta {
  ip?: string | null;
}

export function requireOrg(actor: Actor): string {
  if (!actor.orgId) throw new AppError('policy.denied');
  return actor.orgId;
}

function checkInput(input: PersonCreate | PersonUpdate, today: string, creating: boolean): void {
  // Every problem at once, so that the form marks each wrong field in one round.
  throwProblems(validatePersonInput(input, today, { creating }));
}

/** The surnames as written, or the two surname fields joined when the form separated them. */
function surnamesOf(input: {
  surnames?: string | undefined;
  firstSurname?: string | null | undefined;
  secondSurname?: string | null | undefined;
}): string {
  if (input.surnames?.trim()) return input.surnames;
  return [input.firstSurname, input.secondSurname].filter((s) => s && s.trim()).join(' ');
}

function birthYearOf(
  birthDate: string | null | undefined,
  estimatedAge: number | null | undefined,
  today: string,
): { year: number | null; estimated: boolean } {
  if (birthDate) return { year: Number(birthDate.slice(0, 4)), estimated: false };
  if (estimatedAge !== undefined && estimatedAge !== null)
    return { year: Number(today.slice(0, 4)) - estimatedAge, estimated: true };
  return { year: null, estimated: false };
}

/** The columns that hold something, for the audit entry's list of fields. */
function writtenColumns(encrypted: Partial<Record<EncryptedPersonColumn, Buffer | null>>): string[] {
  return Object.entries(encrypted)
    .filter(([, v]) => v !== null)
    .map(([c]) => c);
}

export function createPeopleService(deps: PeopleDeps) {
  const { db, keyring, audit, clock } = deps;
  const today = () => clock().toISOString().slice(0, 10);

  /** Loads a live record the actor may act on; another organisation's record is "not found". */
  async function loadFor<Row extends q.PersonRow = q.PersonRow>(
    actor: Actor,
    action: 'read' | 'update' | 'delete' | 'export',
    id: string,
    find: (db: Queryable, id: string) => Promise<Row | undefined> = q.findPerson as never,
  ): Promise<Row> {
    requireOrg(actor);
    const row = await find(db, id);
    if (!row) throw new AppError('record.not_found');
    const consentedPurposes = row.org_id === actor.orgId ? [] : await consents.activePolicyPurposes(row.id);
    if (
      !can(actor, action, {
        type: 'person',
        orgId: row.org_id,
        ownerId: row.owner_account_id,
        teamId: row.team_id,
        consentedPurposes,
      })
    ) {
      // Inside the actor's own organisation a refusal is 403 (the role may not); another
      // organisation's record that the actor may not read is indistinguishable from an absent one.
      const visible =
        row.org_id === actor.orgId ||
        can(actor, 'read', {
          type: 'person',
          orgId: row.org_id,
          ownerId: row.owner_account_id,
          teamId: row.team_id,
          consentedPurposes,
        });
      throw new AppError(visible ? 'policy.denied' : 'record.not_found');
    }
    return row;
  }

  /** Creates a record in an organisation (after the policy check), with its audit entry. */
  async function createRecord(
    input: PersonCreate,
    who: { orgId: string; accountId: string | null; teamId: string | null; ip?: string | null | undefined },
    options: { matchAgainstReports?: boolean } = {},
  ): Promise<Person> {
    const day = today();
    checkInput(input, day, true);
    const birth = birthYearOf(input.birthDate, input.estimatedAge, day);
    const data: PersonData = {
      givenNames: input.givenNames ?? '',
      surnames: surnamesOf(input),
      firstSurname: input.firstSurname,
      secondSurname: input.secondSurname,
      aliases: input.aliases ?? [],
      genderIdentity: input.genderIdentity,
      birthDate: input.birthDate,
      birthYearEstimated: birth.estimated,
      origin: input.origin,
      languages: input.languages ?? [],
      documents: input.documents ?? [],
      contacts: input.contacts ?? [],
      notes: input.notes,
    };
    const encrypted = await encryptPersonFields(keyring, who.orgId, data);
    const indexes = await recordBlindIndexes(
      keyring,
      who.orgId,
      data,
      data.documents.map((d) => d.number),
    );
    const at = clock();
    const id = randomUUID();
    const row: q.PersonRow = {
      id,
      org_id: who.orgId,
      owner_account_id: who.accountId,
      team_id: who.teamId,
      version: 1,
      created_at: at,
      updated_at: at,
      sex: input.sex ?? null,
      nationality: input.nationality ?? null,
      birth_year: birth.year,
      birth_year_estimated: birth.estimated,
    };
    await db.transaction(async (tx) => {
      await q.insertPerson(tx, {
        id,
        orgId: who.orgId,
        ownerAccountId: who.accountId as string,
        teamId: who.teamId,
        createdBy: who.accountId,
        at,
        sex: row.sex,
        nationality: row.nationality,
        birthYear: row.birth_year,
        birthYearEstimated: row.birth_year_estimated,
        encrypted,
        indexes,
      });
      const fields = [
        ...writtenColumns(encrypted),
        ...['sex', 'nationality', 'birth_year'].filter((c) => row[c as keyof q.PersonRow] !== null),
      ];
      await audit.append(tx, {
        actorAccountId: who.accountId,
        actorOrgId: who.orgId,
        action: 'person.create',
        recordType: 'person',
        recordId: id,
        orgId: who.orgId,
        fields,
        ip: who.ip ?? null,
        details: { version: 1 },
      });
      // Open missing-person reports are matched against the new person in the background (decision
      // 0121); the job is queued in the same transaction, so a crash cannot keep the person and lose it.
      if (options.matchAgainstReports) await enqueuePersonMatching(tx, at, { id, orgId: who.orgId });
    });
    return toPerson(row, data);
  }

  async function create(actor: Actor, input: PersonCreate, meta: RequestMeta = {}): Promise<Person> {
    const orgId = requireOrg(actor);
    const teamId = input.teamId ?? actor.teamIds[0] ?? null;
    if (!can(actor, 'create', { type: 'person', orgId, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    if (input.teamId && !(await q.teamBelongsToOrg(db, input.teamId, orgId)))
      throw new AppError('people.unknown_team', { field: 'teamId' });
    return createRecord(
      input,
      { orgId, accountId: actor.accountId, teamId, ip: meta.ip },
      { matchAgainstReports: true },
    );
  }

  async function get(actor: Actor, id: string, meta: RequestMeta = {}): Promise<Person> {
    // One query for the record, its profile and its photo's description (a read is the commonest
    // request: issue 11's load mix).
    const row = await loadFor(actor, 'read', id, q.findPersonForRead);
    // The differentiated profile and the photo stay in the organisation; a partner reading a
    // shared record gets only the fields of its purposes (decision 0128).
    const own = row.org_id === actor.orgId;
    if (!own)
      return readAsPartner({ keyring, audit }, actor, row, await consents.activePolicyPurposes(row.id), meta.ip);
    const data = await decryptPersonColumns(keyring, row.org_id, row);
    const profile = own ? await profileOfRow(keyring, row, clock()) : undefined;
    const fields = [
      ...encryptedPersonColumns.filter((c) => row[c] !== null && row[c] !== undefined),
      ...(profile?.recorded.length || profile?.notes ? ['profile'] : []),
    ];
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'person.read',
      recordType: 'person',
      recordId: id,
      orgId: row.org_id,
      fields,
      ip: meta.ip ?? null,
    });
    const photo = own ? photoInfoOf(parseJsonColumn(row.photo)) : undefined;
    return { ...toPerson(row, data), ...(profile ? { profile } : {}), ...(photo ? { photo } : {}) };
  }

  async function update(actor: Actor, id: string, input: PersonUpdate, meta: RequestMeta = {}): Promise<Person> {
    const row = await loadFor(actor, 'update', id);
    const orgId = row.org_id;
    const day = today();
    checkInput(input, day, false);
    const stale = async (): Promise<never> => {
      const changed = await q.fieldsChangedSince(db, id, input.version);
      const names = changed.map((c) => fieldOfColumn[c as EncryptedPersonColumn] ?? c).join(', ');
      throw new AppError('record.conflict', { field: names || 'version', params: { fields: names || 'version' } });
    };
    if (Number(row.version) !== input.version) return stale();
    if (input.teamId && !(await q.teamBelongsToOrg(db, input.teamId, orgId)))
      throw new AppError('people.unknown_team', { field: 'teamId' });
    const before = await decryptPersonColumns(keyring, orgId, row);
    const next: Partial<PersonData> = {};
    for (const field of Object.values(fieldOfColumn)) {
      if (!(field in input)) continue;
      const value = (input as Record<string, unknown>)[field];
      if (JSON.stringify(value ?? null) !== JSON.stringify(before[field] ?? null))
        (next as Record<string, unknown>)[field] = value ?? undefined;
    }
    if (('firstSurname' in input || 'secondSurname' in input) && !('surnames' in input)) {
      const joined = surnamesOf({
        firstSurname: 'firstSurname' in input ? input.firstSurname : before.firstSurname,
        secondSurname: 'secondSurname' in input ? input.secondSurname : before.secondSurname,
      });
      if (joined !== before.surnames) next.surnames = joined;
    }
    const coarse: q.PersonChange['coarse'] = {};
    if ('sex' in input && (input.sex ?? null) !== row.sex) coarse.sex = input.sex ?? null;
    if ('nationality' in input && (input.nationality ?? null) !== row.nationality)
      coarse.nationality = input.nationality ?? null;
    if ('teamId' in input && (input.teamId ?? null) !== row.team_id) coarse.team_id = input.teamId ?? null;
    if ('birthDate' in input || 'estimatedAge' in input) {
      const birth = birthYearOf('birthDate' in input ? input.birthDate : before.birthDate, input.estimatedAge, day);
      if (birth.year !== row.birth_year || birth.estimated !== row.birth_year_estimated) {
        coarse.birth_year = birth.year;
        coarse.birth_year_estimated = birth.estimated;
      }
    }
    const encrypted = await encryptPersonFields(keyring, orgId, next);
    const change: q.PersonChange = { coarse, encrypted };
    if ('givenNames' in next || 'surnames' in next || 'aliases' in next || 'documents' in next) {
      const merged = { ...before, ...next };
      change.indexes = await recordBlindIndexes(
        keyring,
        orgId,
        merged,
        (merged.documents ?? []).map((d) => d.number),
      );
    }
    const fields = [...Object.keys(encrypted), ...Object.keys(coarse)];
    if (fields.length === 0) return toPerson(row, before);
    const at = clock();
    const version = await db.transaction(async (tx) => {
      const v = await q.updatePerson(tx, id, input.version, at, change);
      if (v === null) return null;
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.update',
        recordType: 'person',
        recordId: id,
        orgId,
        fields,
        ip: meta.ip ?? null,
        details: { version: v },
      });
      // A new name or document: match the open reports again, queued with the change itself.
      if (change.indexes) await enqueuePersonMatching(tx, at, { id, orgId });
      return v;
    });
    if (version === null) return stale();
    const fresh = await q.findPerson(db, id);
    if (!fresh) throw new AppError('record.not_found');
    return toPerson(fresh, await decryptPersonColumns(keyring, orgId, fresh));
  }

  async function remove(actor: Actor, id: string, meta: RequestMeta = {}): Promise<void> {
    const row = await loadFor(actor, 'delete', id);
    // Erasure reaches every module that holds data about the person (decision 0118). The name is
    // decrypted before the transaction opens, for handlers that clear free text naming the person.
    const names = await decryptPersonColumns(keyring, row.org_id, row, ['given_names', 'surnames', 'aliases']);
    const nameTokens = [...new Set([names.givenNames, names.surnames, ...(names.aliases ?? [])].flatMap(foldedTokens))];
    const at = clock();
    await db.transaction(async (tx) => {
      const statisticsConsent = (await q.listConsents(tx, id)).some(
        (c) => c.purpose === 'statistics' && !c.withdrawn_at,
      );
      const erased = await erasePersonSections({
        tx,
        keyring: keyring.withQueryable(tx),
        orgId: row.org_id,
        personId: id,
        at,
        by: actor.accountId,
        nameTokens,
        statisticsConsent,
      });
      if (!(await q.erasePerson(tx, id, actor.accountId, at))) throw new AppError('record.not_found');
      await audit.append(tx, {
        // Counts per section (e.g. 'cases.notes': 2), never values: the stub of what was erased.
        details: {
          sections: personDataHandlers()
            .map((h) => h.section)
            .join(','),
          ...erased,
        },
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.delete',
        recordType: 'person',
        recordId: id,
        orgId: row.org_id,
        fields: [...encryptedPersonColumns, 'sex', 'nationality', 'birth_year'],
        ip: meta.ip ?? null,
      });
    });
  }

  async function exportPerson(actor: Actor, id: string, meta: RequestMeta = {}) {
    const row = await loadFor(actor, 'export', id);
    const person = toPerson(row, await decryptPersonColumns(keyring, row.org_id, row));
    const consentList = await consents.list(row.org_id, id);
    const trail = await q.personAuditTrail(db, id);
    // Every module's data about the person (decision 0118), named in the audit entry by section.
    const sections = await exportPersonSections({ db, keyring, actor }, row.org_id, id);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'person.export',
      recordType: 'person',
      recordId: id,
      orgId: row.org_id,
      fields: [...encryptedPersonColumns, ...Object.keys(sections)],
      ip: meta.ip ?? null,
      details: { sections: Object.keys(sections).join(',') },
    });
    return {
      exportedAt: clock().toISOString(),
      person,
      consents: consentList,
      sections,
      accessLog: trail.map((t) => ({ at: iso(t.at), action: t.action, fields: t.fields, actorOrgId: t.actor_org_id })),
    };
  }

  async function list(actor: Actor, query: PersonListQuery, meta: RequestMeta = {}) {
    const orgId = requireOrg(actor);
    const scope = listScope(actor, 'read', 'person');
    if (!scope || scope === 'shared') throw new AppError('policy.denied');
    const sqlScope: q.ListScope = { scope, orgId, accountId: actor.accountId, teamIds: actor.teamIds };
    const filters = {
      nationality: query.nationality,
      sex: query.sex,
      profile: await profileFilterOf(keyring, orgId, query.profile, clock().getUTCFullYear()),
    };
    const page = query.q
      ? await searchPeople({ db, keyring }, sqlScope, filters, query.q, query.limit, query.cursor)
      : await listPage(sqlScope, filters, query.limit, query.cursor);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: query.q ? 'person.search' : 'person.list',
      recordType: 'person',
      orgId,
      fields: ['given_names', 'surnames', 'aliases', 'sex', 'birth_year', 'nationality'],
      ip: meta.ip ?? null,
      details: { returned: page.items.length, ids: page.items.map((i) => i.id).join(',') },
    });
    return page;
  }

  async function listPage(scope: q.ListScope, filters: q.ListFilters, limit: number, cursor: string | undefined) {
    const after = cursor
      ? decodeCursor<{ at: string; id: string }>(cursor, (c) => typeof c.at === 'string' && typeof c.id === 'string')
      : null;
    const rows = await q.listPeople(db, scope, filters, after, limit + 1);
    const page = rows.slice(0, limit);
    const items = await Promise.all(
      page.map(async (r) =>
        toSummary(r, await decryptPersonColumns(keyring, r.org_id, r, ['given_names', 'surnames', 'aliases'])),
      ),
    );
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
    };
  }

  const consents = createConsentOps({ db, keyring, audit, clock, loadFor });

  return { create, createRecord, get, update, remove, exportPerson, list, consents };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
