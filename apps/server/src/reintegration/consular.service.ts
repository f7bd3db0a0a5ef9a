// Consular help (issue 8, item 5): consular notifications and requests (which consulate, what
// was asked: documents, legal representation, repatriation…) and their outcome. Case work about
// a person of the organisation: 'case' grants of can(); details and outcome notes encrypted.
import { randomUUID } from 'node:crypto';
import {
  can,
  isRealDate,
  type Actor,
  type ConsularCreate,
  type ConsularOutcome,
  type ConsularRequest,
} from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { decryptPersonColumns } from '../people/person-crypto.ts';
import { decodeCursor, encodeCursor } from '../people/people-cursor.ts';
import { open, seal } from './reintegration-crypto.ts';
import { scopeOf } from './reintegration.service.ts';
import type { Scope } from './reintegration.queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Row {
  id: string;
  org_id: string;
  person_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  consulate_country: string;
  consulate_city: string;
  kind: ConsularRequest['kind'];
  requested_on: string;
  details: unknown;
  status: ConsularRequest['status'];
  outcome_on: string | null;
  outcome_note: unknown;
  version: number;
  given_names: unknown;
  surnames: unknown;
}
const COLUMNS = `c.id::text AS id, c.org_id::text AS org_id, c.person_id::text AS person_id, c.owner_account_id::text AS owner_account_id, c.team_id::text AS team_id,
  trim(c.consulate_country) AS consulate_country, c.consulate_city, c.kind, c.requested_on::text AS requested_on, c.details, c.status,
  c.outcome_on::text AS outcome_on, c.outcome_note, c.version, p.given_names, p.surnames`;

async function findRow(db: Queryable, id: string): Promise<Row | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM consular_requests c JOIN people p ON p.id = c.person_id WHERE c.id = $1`,
    [id],
  );
  return rows[0];
}

async function listRows(
  db: Queryable,
  s: Scope,
  f: {
    personId?: string | undefined;
    status?: string | undefined;
    limit: number;
    after?: { on: string; id: string } | null;
  },
): Promise<Row[]> {
  const params: unknown[] = [s.orgId];
  const where = ['c.org_id = $1'];
  if (s.scope !== 'org') {
    params.push(s.accountId, s.teamIds);
    where.push(
      s.scope === 'own' ? 'c.owner_account_id = $2' : '(c.owner_account_id = $2 OR c.team_id = ANY($3::uuid[]))',
    );
  }
  if (f.personId) where.push(`c.person_id = $${params.push(f.personId)}`);
  if (f.status) where.push(`c.status = $${params.push(f.status)}`);
  // The next page: after the previous page's last request (newest first, then id).
  if (f.after)
    where.push(`(c.requested_on, c.id) < ($${params.push(f.after.on)}::date, $${params.push(f.after.id)}::uuid)`);
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM consular_requests c JOIN people p ON p.id = c.person_id WHERE ${where.join(' AND ')} ORDER BY c.requested_on DESC, c.id DESC LIMIT $${params.push(f.limit)}`,
    params,
  );
  return rows;
}

const asCase = (r: Row) => ({ type: 'case' as const, orgId: r.org_id, ownerId: r.owner_account_id, teamId: r.team_id });

export function createConsularService({
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
  const today = () => clock().toISOString().slice(0, 10);
  type Meta = { ip?: string | null };

  async function view(r: Row): Promise<ConsularRequest> {
    const n = await decryptPersonColumns(keyring, r.org_id, r, ['given_names', 'surnames']);
    return {
      id: r.id,
      personId: r.person_id,
      givenNames: n.givenNames ?? '',
      surnames: n.surnames ?? '',
      consulateCountry: r.consulate_country,
      consulateCity: r.consulate_city,
      kind: r.kind,
      requestedOn: r.requested_on,
      details: await open(keyring, r.org_id, 'consular_requests', 'details', r.details),
      status: r.status,
      outcomeOn: r.outcome_on,
      outcomeNote: await open(keyring, r.org_id, 'consular_requests', 'outcome_note', r.outcome_note),
      version: Number(r.version),
    };
  }

  async function loadFor(actor: Actor, action: 'read' | 'update', id: string): Promise<Row> {
    const row = await findRow(db, id);
    if (!row || row.org_id !== actor.orgId) throw new AppError('record.not_found');
    if (!can(actor, action, asCase(row))) throw new AppError('policy.denied');
    return row;
  }

  return {
    async create(actor: Actor, input: ConsularCreate, meta: Meta = {}): Promise<ConsularRequest> {
      const person = await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' });
      const teamId = person.team_id ?? actor.teamIds[0] ?? null;
      if (!can(actor, 'create', { type: 'case', orgId: person.org_id, ownerId: actor.accountId, teamId }))
        throw new AppError('policy.denied');
      if (input.requestedOn > today())
        throw new AppError('validation.invalid_value', { field: 'requestedOn', params: { field: 'requestedOn' } });
      const details = await seal(keyring, person.org_id, 'consular_requests', 'details', input.details);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO consular_requests (id, org_id, person_id, owner_account_id, team_id, consulate_country, consulate_city, kind, requested_on, details, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $4, $11)`,
          [
            id,
            person.org_id,
            person.id,
            actor.accountId,
            teamId,
            input.consulateCountry,
            input.consulateCity,
            input.kind,
            input.requestedOn,
            details,
            clock(),
          ],
        );
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'consular.create',
          recordType: 'consular_request',
          recordId: id,
          orgId: person.org_id,
          ip: meta.ip ?? null,
          fields: details ? ['details'] : [],
          details: { personId: person.id, kind: input.kind },
        });
      });
      return view((await findRow(db, id)) as Row);
    },

    async outcome(actor: Actor, id: string, input: ConsularOutcome, meta: Meta = {}): Promise<ConsularRequest> {
      const row = await loadFor(actor, 'update', id);
      if (row.status !== 'requested') throw new AppError('reintegration.consular_answered');
      if (input.outcomeOn < row.requested_on || input.outcomeOn > today())
        throw new AppError('validation.invalid_value', { field: 'outcomeOn', params: { field: 'outcomeOn' } });
      const note = await seal(keyring, row.org_id, 'consular_requests', 'outcome_note', input.note);
      await db.transaction(async (tx) => {
        const { rows } = await tx.query(
          'UPDATE consular_requests SET status = $2, outcome_on = $3, outcome_note = $4, version = version + 1 WHERE id = $1 AND version = $5 RETURNING id',
          [id, input.status, input.outcomeOn, note, input.version],
        );
        if (rows.length === 0) throw new AppError('record.conflict');
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'consular.outcome',
          recordType: 'consular_request',
          recordId: id,
          orgId: row.org_id,
          ip: meta.ip ?? null,
          fields: note ? ['outcome_note'] : [],
          details: { status: input.status },
        });
      });
      return view((await findRow(db, id)) as Row);
    },

    async list(
      actor: Actor,
      query: { personId?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined },
      meta: Meta = {},
    ): Promise<{ items: ConsularRequest[]; nextCursor: string | null }> {
      const after = query.cursor
        ? decodeCursor<{ on: string; id: string }>(
            query.cursor,
            (v) => typeof v.on === 'string' && isRealDate(v.on) && typeof v.id === 'string' && UUID.test(v.id),
          )
        : null;
      // One more than the page, to know whether another page follows.
      const rows = await listRows(db, scopeOf(actor), { ...query, limit: query.limit + 1, after });
      const page = rows.slice(0, query.limit);
      const items = await Promise.all(page.map(view));
      const last = items[items.length - 1];
      const nextCursor = rows.length > query.limit && last ? encodeCursor({ on: last.requestedOn, id: last.id }) : null;
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'consular.list',
        recordType: 'consular_request',
        orgId: actor.orgId,
        ip: meta.ip ?? null,
        fields: ['given_names', 'surnames', 'details', 'outcome_note'],
        details: { count: items.length },
      });
      return { items, nextCursor };
    },
  };
}
