// Reports of missing people and found records (found alive, unidentified remains): create, read,
// list — each decided by the policy (record type 'missing_report' covers both) and audited. A new
// report is matched at once; a new found record is matched against the open reports.
import { randomUUID } from 'node:crypto';
import { can, listScope, type Actor } from '@acompana/core';
import {
  validateFoundRecord,
  validateMissingReport,
  type FoundRecordCreate,
  type MissingIssue,
  type MissingReportCreate,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError, throwProblems } from '../kernel/errors.ts';
import { recordBlindIndexes } from '../people/person-search.ts';
import { decryptFields, encryptFields, foundSpec, reportSpec } from './missing-crypto.ts';
import { iso, toFound, toReport } from './missing-mapping.ts';
import type { MatchingService } from './matching.service.ts';
import { listPhotos } from './photo-service.ts';
import * as q from './missing.queries.ts';

export interface MissingDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  matching: MatchingService;
}

export interface RequestMeta {
  ip?: string | null;
}

export function requireOrg(actor: Actor): string {
  if (!actor.orgId) throw new AppError('policy.denied');
  return actor.orgId;
}

function raise(issues: MissingIssue[]): void {
  // Every problem at once, so that the form marks each wrong field in one round.
  throwProblems(issues.map((issue) => ({ code: issue.code, field: issue.field, params: { field: issue.field } })));
}

const written = (encrypted: Record<string, Buffer | null>) =>
  Object.entries(encrypted)
    .filter(([, v]) => v !== null)
    .map(([c]) => c);

export function createMissingService(deps: MissingDeps) {
  const { db, keyring, audit, clock, matching } = deps;
  const today = () => clock().toISOString().slice(0, 10);

  /** A report the actor may act on; another organisation's report is "not found". */
  async function loadReport(actor: Actor, action: 'read' | 'update', id: string): Promise<q.ReportRow> {
    requireOrg(actor);
    const row = await q.findReport(db, id);
    if (!row) throw new AppError('record.not_found');
    const record = {
      type: 'missing_report' as const,
      orgId: row.org_id,
      ownerId: row.owner_account_id,
      teamId: row.team_id,
    };
    if (!can(actor, action, record))
      throw new AppError(
        row.org_id === actor.orgId && can(actor, 'read', record) ? 'policy.denied' : 'record.not_found',
      );
    return row;
  }

  async function loadFound(actor: Actor, id: string): Promise<q.FoundRow> {
    requireOrg(actor);
    const row = await q.findFound(db, id);
    if (
      !row ||
      !can(actor, 'read', {
        type: 'missing_report',
        orgId: row.org_id,
        ownerId: row.owner_account_id,
        teamId: row.team_id,
      })
    )
      throw new AppError('record.not_found');
    return row;
  }

  async function resolveTeam(actor: Actor, orgId: string, teamId: string | undefined): Promise<string | null> {
    if (teamId && !(await q.teamBelongsToOrg(db, teamId, orgId)))
      throw new AppError('people.unknown_team', { field: 'teamId' });
    return teamId ?? actor.teamIds[0] ?? null;
  }

  async function createReport(actor: Actor, input: MissingReportCreate, meta: RequestMeta = {}) {
    const orgId = requireOrg(actor);
    const teamId = await resolveTeam(actor, orgId, input.teamId);
    if (!can(actor, 'create', { type: 'missing_report', orgId, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    const day = today();
    raise(validateMissingReport(input, day));
    const { teamId: _team, ...data } = input;
    const encrypted = await encryptFields(keyring, reportSpec, orgId, data);
    const indexes = await recordBlindIndexes(
      keyring,
      orgId,
      { givenNames: input.givenNames, surnames: input.surnames, aliases: input.aliases },
      [],
    );
    const lastDate = input.lastContact?.date;
    const ageYear =
      input.ageMin !== undefined || input.ageMax !== undefined
        ? Number((lastDate ?? day).slice(0, 4)) -
          Math.round(((input.ageMin ?? input.ageMax ?? 0) + (input.ageMax ?? input.ageMin ?? 0)) / 2)
        : null;
    const id = randomUUID();
    const at = clock();
    const coarse = {
      sex: input.sex ?? null,
      nationality: input.nationality ?? null,
      birth_year: input.birthDate ? Number(input.birthDate.slice(0, 4)) : ageYear,
      age_min: input.ageMin ?? null,
      age_max: input.ageMax ?? null,
      last_contact_month: lastDate && lastDate.length >= 7 ? `${lastDate.slice(0, 7)}-01` : null,
    };
    const consentAt = input.traceConsent ? { trace_consent_at: at } : {};
    await db.transaction(async (tx) => {
      await q.insertReport(tx, {
        id,
        org_id: orgId,
        owner_account_id: actor.accountId,
        team_id: teamId,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at,
        ...coarse,
        ...consentAt,
        ...encrypted,
        name_bi: indexes.name_bi,
        name_trigram_bi: indexes.name_trigram_bi,
      });
      const fields = [
        ...written(encrypted),
        ...Object.entries(coarse)
          .filter(([, v]) => v !== null)
          .map(([c]) => c),
      ];
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'missing_report.create',
        recordType: 'missing_report',
        recordId: id,
        orgId,
        fields,
        ip: meta.ip ?? null,
        details: { version: 1 },
      });
    });
    const row = await q.findReport(db, id);
    if (!row) throw new AppError('record.not_found');
    const matchRun = await matching.matchReport(actor, row, meta.ip ?? null);
    return { ...toReport(row, await decryptFields(keyring, reportSpec, orgId, row)), matchRun };
  }

  async function getReport(actor: Actor, id: string, meta: RequestMeta = {}) {
    const row = await loadReport(actor, 'read', id);
    const data = await decryptFields(keyring, reportSpec, row.org_id, row);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'missing_report.read',
      recordType: 'missing_report',
      recordId: id,
      orgId: row.org_id,
      fields: Object.keys(reportSpec.columns).filter((c) => row[c] !== null && row[c] !== undefined),
      ip: meta.ip ?? null,
    });
    return { ...toReport(row, data), photos: await listPhotos(db, { kind: 'report', id }) };
  }

  function scopeOf(actor: Actor): q.OrgScope {
    const orgId = requireOrg(actor);
    const scope = listScope(actor, 'read', 'missing_report');
    if (!scope || scope === 'shared') throw new AppError('policy.denied');
    return { scope, orgId, accountId: actor.accountId, teamIds: actor.teamIds };
  }

  async function listReports(actor: Actor, meta: RequestMeta = {}) {
    const scope = scopeOf(actor);
    const rows = await q.listReports(db, scope, 200);
    const items = await Promise.all(
      rows.map(async (r) => {
        const d = await decryptFields(keyring, reportSpec, r.org_id, r, ['given_names', 'surnames']);
        return {
          id: r.id,
          status: r.status,
          ...(typeof d.givenNames === 'string' ? { givenNames: d.givenNames } : {}),
          ...(typeof d.surnames === 'string' ? { surnames: d.surnames } : {}),
          ...(r.sex ? { sex: r.sex } : {}),
          lastContactMonth: r.last_contact_month ? String(r.last_contact_month) : null,
          createdAt: iso(r.created_at),
          pendingCandidates: Number(r.pending),
        };
      }),
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: scope.orgId,
      action: 'missing_report.list',
      recordType: 'missing_report',
      orgId: scope.orgId,
      fields: ['given_names', 'surnames', 'sex'],
      ip: meta.ip ?? null,
      details: { returned: items.length },
    });
    return { items };
  }

  async function createFound(actor: Actor, input: FoundRecordCreate, meta: RequestMeta = {}) {
    const orgId = requireOrg(actor);
    const teamId = await resolveTeam(actor, orgId, input.teamId);
    if (!can(actor, 'create', { type: 'missing_report', orgId, ownerId: actor.accountId, teamId }))
      throw new AppError('policy.denied');
    raise(validateFoundRecord(input, today()));
    const { teamId: _team, kind, status, foundOn, sex, ageMin, ageMax, ...data } = input;
    const encrypted = await encryptFields(keyring, foundSpec, orgId, data);
    const indexes = await recordBlindIndexes(
      keyring,
      orgId,
      { givenNames: input.givenNames, surnames: input.surnames, aliases: input.aliases },
      [],
    );
    const id = randomUUID();
    const at = clock();
    const coarse = {
      kind,
      status: status ?? 'unidentified',
      found_on: foundOn ?? null,
      sex: sex ?? null,
      age_min: ageMin ?? null,
      age_max: ageMax ?? null,
    };
    await db.transaction(async (tx) => {
      await q.insertFound(tx, {
        id,
        org_id: orgId,
        owner_account_id: actor.accountId,
        team_id: teamId,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at,
        ...coarse,
        ...encrypted,
        name_bi: indexes.name_bi,
        name_trigram_bi: indexes.name_trigram_bi,
      });
      const fields = [
        ...written(encrypted),
        ...Object.entries(coarse)
          .filter(([, v]) => v !== null)
          .map(([c]) => c),
      ];
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'found_record.create',
        recordType: 'missing_report',
        recordId: id,
        orgId,
        fields,
        ip: meta.ip ?? null,
        details: { version: 1, kind },
      });
    });
    const row = await q.findFound(db, id);
    if (!row) throw new AppError('record.not_found');
    const decrypted = await decryptFields(keyring, foundSpec, orgId, row);
    const proposedForReports = await matching.matchFoundRecord(actor, row, decrypted, meta.ip ?? null);
    return { ...toFound(row, decrypted), proposedForReports };
  }

  async function getFound(actor: Actor, id: string, meta: RequestMeta = {}) {
    const row = await loadFound(actor, id);
    const data = await decryptFields(keyring, foundSpec, row.org_id, row);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'found_record.read',
      recordType: 'missing_report',
      recordId: id,
      orgId: row.org_id,
      fields: Object.keys(foundSpec.columns).filter((c) => row[c] !== null && row[c] !== undefined),
      ip: meta.ip ?? null,
    });
    return { ...toFound(row, data), photos: await listPhotos(db, { kind: 'found', id }) };
  }

  async function listFound(actor: Actor, meta: RequestMeta = {}) {
    const scope = scopeOf(actor);
    const rows = await q.listFound(db, scope, 200);
    const items = await Promise.all(
      rows.map(async (r) => toFound(r, await decryptFields(keyring, foundSpec, r.org_id, r))),
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: scope.orgId,
      action: 'found_record.list',
      recordType: 'missing_report',
      orgId: scope.orgId,
      fields: Object.keys(foundSpec.columns),
      ip: meta.ip ?? null,
      details: { returned: items.length },
    });
    return { items };
  }

  /**
   * A report located (alive or deceased) or closed, or a found record identified or returned:
   * only open reports and unidentified records are matched from then on. Audited with the
   * previous status; a stale version is refused (someone else changed it meanwhile).
   */
  async function changeStatus(
    actor: Actor,
    kind: 'report' | 'found',
    id: string,
    input: { status: string; version: number },
    meta: RequestMeta = {},
  ) {
    const row = kind === 'report' ? await loadReport(actor, 'update', id) : await loadFound(actor, id);
    if (
      kind === 'found' &&
      !can(actor, 'update', {
        type: 'missing_report',
        orgId: row.org_id,
        ownerId: row.owner_account_id,
        teamId: row.team_id,
      })
    )
      throw new AppError('policy.denied');
    const at = clock();
    await db.transaction(async (tx) => {
      const version = await q.changeStatus(
        tx,
        kind === 'report' ? 'missing_reports' : 'found_records',
        id,
        input.version,
        input.status,
        at,
      );
      if (version === null) throw new AppError('record.conflict', { field: 'status', params: { fields: 'status' } });
      const action = kind === 'report' ? 'missing_report.status_change' : 'found_record.status_change';
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action,
        recordType: 'missing_report',
        recordId: id,
        orgId: row.org_id,
        fields: ['status'],
        ip: meta.ip ?? null,
        details: { from: row.status, to: input.status, version },
      });
    });
    return kind === 'report' ? getReport(actor, id, meta) : getFound(actor, id, meta);
  }

  async function rematch(actor: Actor, id: string, meta: RequestMeta = {}) {
    const row = await loadReport(actor, 'update', id);
    return matching.matchReport(actor, row, meta.ip ?? null);
  }

  return {
    loadReport,
    loadFound,
    createReport,
    getReport,
    listReports,
    createFound,
    getFound,
    listFound,
    rematch,
    changeStatus,
  };
}

export type MissingService = ReturnType<typeof createMissingService>;
