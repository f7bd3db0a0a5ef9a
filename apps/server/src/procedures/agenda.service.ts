// The lawyer's agenda and the organisation's overview: open steps grouped as overdue, due this
// week, at risk and upcoming; and the same deadlines as an iCal feed behind a secret URL.
import { createHash, randomBytes } from 'node:crypto';
import {
  findProcedureType,
  listScope,
  renderIcalCalendar,
  type Actor,
  type AgendaItem,
  type CalendarEvent,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { readablePersonNames } from '../people/person-names.ts';
import * as q from './procedures.queries.ts';
import { stepStatus, todayIn } from './procedure-view.ts';

const DAY_MS = 86_400_000;

/** Reminders on every deadline of the feed: a week before, three days before, the day before. */
export const FEED_ALARM_DAYS = [7, 3, 1] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function toItem(row: q.AgendaRow, today: string): AgendaItem | undefined {
  const type = findProcedureType(row.type, row.type_version);
  const step = type?.steps.find((s) => s.key === row.step_key);
  const status = stepStatus(row, today);
  if (!type || !step || !status || !row.due_date) return undefined;
  return {
    procedureId: row.procedure_id,
    personId: row.person_id,
    procedureTitle: type.title,
    stepKey: row.step_key,
    stepTitle: step.title,
    dueDate: row.due_date,
    status: status.status,
    atRisk: status.atRisk,
    workingDaysLeft: status.workingDaysLeft,
    ruleId: row.rule_id ?? '',
  };
}

function emptyCounts() {
  return { open: 0, overdue: 0, dueThisWeek: 0, atRisk: 0 };
}

/** Which overview counter an item adds to (one each: overdue, else due this week, else at risk). */
function bucketOf(item: AgendaItem, today: string): 'overdue' | 'dueThisWeek' | 'atRisk' | null {
  if (item.status === 'overdue') return 'overdue';
  if (daysBetween(today, item.dueDate) <= 7) return 'dueThisWeek';
  return item.status === 'at_risk' ? 'atRisk' : null;
}

export function createAgendaService({
  db,
  audit,
  clock,
  keyring,
}: {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  keyring?: Keyring;
}) {
  /** Adds whose deadline it is, for the people the actor may read (decrypted and audited by the people module). */
  async function withNames<T extends AgendaItem>(actor: Actor, items: T[], via: string): Promise<T[]> {
    const names = keyring
      ? await readablePersonNames(
          { db, keyring, audit },
          actor,
          items.map((i) => i.personId),
          via,
        )
      : new Map<string, string>();
    return items.map((i) => ({ ...i, personName: names.get(i.personId) ?? null }));
  }

  async function agenda(actor: Actor, scope: 'mine' | 'organisation') {
    if (!actor.orgId) throw new AppError('policy.denied');
    const widest = listScope(actor, 'read', 'procedure');
    if (!widest) throw new AppError('policy.denied');
    if (scope === 'organisation' && widest !== 'org') throw new AppError('policy.denied');
    const sqlScope = scope === 'mine' ? { ownerId: actor.accountId } : {};
    const rows = await q.openStepsForAgenda(
      db,
      actor.orgId,
      widest === 'team' && scope !== 'mine' ? { ownerId: actor.accountId, teamIds: actor.teamIds } : sqlScope,
    );
    const today = todayIn(await q.orgTimeZone(db, actor.orgId), clock());
    const items = await withNames(
      actor,
      rows.map((r) => toItem(r, today)).filter((i): i is AgendaItem => i !== undefined),
      'procedure.agenda',
    );
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'procedure.agenda',
      recordType: 'procedure',
      orgId: actor.orgId,
      details: { scope, items: items.length },
    });
    return {
      today,
      overdue: items.filter((i) => i.status === 'overdue'),
      dueThisWeek: items.filter((i) => i.status !== 'overdue' && daysBetween(today, i.dueDate) <= 7),
      atRisk: items.filter((i) => i.status === 'at_risk' && daysBetween(today, i.dueDate) > 7),
      upcoming: items.filter((i) => i.status === 'on_track' && daysBetween(today, i.dueDate) > 7),
    };
  }

  /**
   * The organisation's overview (roles that read every procedure of the organisation): open,
   * overdue, due-this-week and at-risk deadlines by responsible lawyer and by procedure type, and
   * every overdue step with whose it is.
   */
  async function overview(actor: Actor) {
    if (!actor.orgId || listScope(actor, 'read', 'procedure') !== 'org') throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const rows = await q.openStepsForAgenda(db, orgId, {});
    const today = todayIn(await q.orgTimeZone(db, orgId), clock());
    const owners = new Map<string, string | null>();
    const lawyers = new Map<
      string,
      ReturnType<typeof emptyCounts> & { accountId: string | null; name: string | null }
    >();
    const types = new Map<
      string,
      ReturnType<typeof emptyCounts> & { type: string; title: { es: string; en: string } }
    >();
    const totals = emptyCounts();
    const overdue: (AgendaItem & { ownerName: string | null })[] = [];
    const ownerIds = await q.ownersOfProcedures(db, [...new Set(rows.map((r) => r.procedure_id))]);
    for (const { account_id, display_name } of await q.accountNames(db, orgId, [
      ...new Set([...ownerIds.values()].filter((v): v is string => v !== null)),
    ]))
      owners.set(account_id, display_name);
    for (const row of rows) {
      const item = toItem(row, today);
      if (!item) continue;
      const ownerId = ownerIds.get(row.procedure_id) ?? null;
      const lawyer = lawyers.get(ownerId ?? '') ?? {
        ...emptyCounts(),
        accountId: ownerId,
        name: ownerId ? (owners.get(ownerId) ?? null) : null,
      };
      lawyers.set(ownerId ?? '', lawyer);
      const type = types.get(row.type) ?? { ...emptyCounts(), type: row.type, title: item.procedureTitle };
      types.set(row.type, type);
      const bucket = bucketOf(item, today);
      for (const counts of [totals, lawyer, type]) {
        counts.open += 1;
        if (bucket) counts[bucket] += 1;
      }
      if (bucket === 'overdue') overdue.push({ ...item, ownerName: lawyer.name });
    }
    const named = await withNames(actor, overdue, 'procedure.overview');
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: orgId,
      action: 'procedure.overview',
      recordType: 'procedure',
      orgId,
      details: { open: totals.open, overdue: totals.overdue },
    });
    const byLoad = (
      a: { overdue: number; dueThisWeek: number; open: number },
      b: { overdue: number; dueThisWeek: number; open: number },
    ) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || b.open - a.open;
    return {
      today,
      totals,
      byLawyer: [...lawyers.values()].sort(byLoad),
      byType: [...types.values()].sort(byLoad),
      overdue: named,
    };
  }

  /** Issues a new secret feed URL for the actor (the previous one stops working). */
  async function issueFeedToken(actor: Actor): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    await db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO calendar_feeds (account_id, token_hash) VALUES ($1, $2) ON CONFLICT (account_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()',
        [actor.accountId, hash],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'calendar_feed.issue',
        recordType: 'account',
        recordId: actor.accountId,
      });
    });
    return token;
  }

  async function revokeFeed(actor: Actor): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.query('DELETE FROM calendar_feeds WHERE account_id = $1', [actor.accountId]);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'calendar_feed.revoke',
        recordType: 'account',
        recordId: actor.accountId,
      });
    });
  }

  /**
   * The feed of one account's open deadlines, in every organisation it owns procedures in.
   * Events name the procedure and the step, never the person: a phone's calendar is not a
   * place for names (they are synced to third-party servers).
   */
  async function feed(token: string): Promise<string | undefined> {
    const hash = createHash('sha256').update(token).digest('hex');
    const owner = await db.query<{ account_id: string }>(
      'SELECT account_id::text AS account_id FROM calendar_feeds WHERE token_hash = $1',
      [hash],
    );
    const accountId = owner.rows[0]?.account_id;
    if (!accountId) return undefined;
    // The feed URL is a credential that outlives sessions: it shows only what the account may still
    // see today — nothing once the account is disabled, and only organisations where its current
    // role may read procedures (docs/decisions/0129-accounts-only-the-owner-controls.md).
    const orgs = await db.query<{ org_id: string; role: string }>(
      `SELECT m.org_id::text AS org_id, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = $1 AND a.disabled_at IS NULL`,
      [accountId],
    );
    const allowed = orgs.rows.filter(
      (m) =>
        listScope({ accountId, orgId: m.org_id, role: m.role, teamIds: [], sharing: [] }, 'read', 'procedure') !==
        undefined,
    );
    if (allowed.length === 0) return undefined;
    const events: CalendarEvent[] = [];
    const stamp = clock().toISOString();
    for (const { org_id } of allowed) {
      for (const row of await q.openStepsForAgenda(db, org_id, { ownerId: accountId })) {
        const type = findProcedureType(row.type, row.type_version);
        const step = type?.steps.find((s) => s.key === row.step_key);
        if (!type || !step || !row.due_date) continue;
        events.push({
          uid: `${row.procedure_id}-${row.step_key}@acompana`,
          start: row.due_instant ? new Date(row.due_instant).toISOString() : row.due_date,
          summary: `${step.title.es} — ${type.title.es} (#${row.procedure_id.slice(0, 8)})`,
          description: [row.explanation_es, row.legal_basis].filter(Boolean).join('\n'),
          stamp,
          alarmDaysBefore: FEED_ALARM_DAYS,
        });
      }
    }
    await audit.record({
      actorAccountId: accountId,
      action: 'calendar_feed.read',
      recordType: 'account',
      recordId: accountId,
      details: { events: events.length },
    });
    return renderIcalCalendar('Acompaña — plazos', events);
  }

  return { agenda, overview, issueFeedToken, revokeFeed, feed };
}
