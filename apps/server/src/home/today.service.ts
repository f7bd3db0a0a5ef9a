// The "Hoy" home (decision 0134): for the account in its active organisation, what needs it
// today, each card only for a role that may act on it, each item linking to its own page. The
// cards reuse the modules' own rules: listScope of can() for whose records, the agenda service for
// deadlines, the notifications' unread count.
import {
  caseTaskCatalogue,
  isCaseTaskKey,
  listScope,
  type Actor,
  type Today,
  type TodayItem,
  type TodaySection,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { createAgendaService } from '../procedures/agenda.service.ts';
import { orgTimeZone } from '../procedures/procedures.queries.ts';
import { todayIn } from '../procedures/procedure-view.ts';
import { unreadCount } from '../notifications/notifications.queries.ts';
import * as q from './today.queries.ts';

/** Items shown per card; the count says how many there are in all. */
const ITEMS = 5;
/** "Due" means due within this many days (and anything overdue). */
const HORIZON_DAYS = 7;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function section(items: TodayItem[], count: number, path: string): TodaySection {
  return { count, more: count > items.length, items, path };
}

export function createTodayService(deps: { db: Database; keyring: Keyring; audit: AuditWriter; clock: () => Date }) {
  const { db, clock } = deps;
  const agenda = createAgendaService(deps);

  async function today(actor: Actor, locale: Locale): Promise<Today> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const orgId = actor.orgId;
    const timeZone = await orgTimeZone(db, orgId);
    const day = todayIn(timeZone, clock());
    const until = addDays(day, HORIZON_DAYS);
    const scopeOf = (type: 'case' | 'missing_report') => {
      const scope = listScope(actor, 'read', type);
      return scope && scope !== 'shared'
        ? { scope, orgId, accountId: actor.accountId, teamIds: actor.teamIds }
        : undefined;
    };
    const status = (due: string): TodayItem['status'] => (due < day ? 'overdue' : 'due');
    const cards: Today['cards'] = {};

    const caseScope = scopeOf('case');
    if (caseScope) {
      const tasks = await q.myTasksDue(db, caseScope, until, ITEMS);
      cards.tasks = section(
        tasks.rows.map((t) => ({
          path: `/cases/${t.case_id}`,
          kind: t.task_key ?? 'custom',
          // A task written by hand is encrypted: the home names only catalogue tasks.
          title: t.task_key && isCaseTaskKey(t.task_key) ? caseTaskCatalogue[t.task_key].label[locale] : null,
          personName: null,
          due: t.due_on,
          status: status(t.due_on),
        })),
        tasks.count,
        '/cases',
      );
      const followUps = await q.followUpsDue(db, caseScope, until, ITEMS);
      cards.followUps = section(
        followUps.rows.map((f) => ({
          path: `/reintegration/${f.reception_id}`,
          kind: String(f.milestone),
          title: null,
          personName: null,
          due: f.due_on,
          status: status(f.due_on),
        })),
        followUps.count,
        '/reintegration',
      );
    }

    if (listScope(actor, 'read', 'procedure')) {
      const mine = await agenda.agenda(actor, 'mine');
      const urgent = [...mine.overdue, ...mine.dueThisWeek, ...mine.atRisk];
      cards.deadlines = section(
        urgent.slice(0, ITEMS).map((i) => ({
          path: `/people/${i.personId}`,
          kind: i.stepKey,
          title: `${i.procedureTitle[locale]} · ${i.stepTitle[locale]}`,
          personName: (i as { personName?: string | null }).personName ?? null,
          due: i.dueDate,
          status: i.status === 'overdue' ? 'overdue' : i.status === 'at_risk' ? 'at_risk' : 'due',
          atRisk: i.status === 'at_risk' ? (i.atRisk ?? null) : null,
        })),
        urgent.length,
        '/procedures',
      );
    }

    const reportScope = scopeOf('missing_report');
    if (reportScope) {
      const pending = await q.pendingMatches(db, reportScope);
      cards.matches = section([], pending, '/search/review');
    }

    // Received referrals are answered by the organisation as a whole (referrals.service).
    if (listScope(actor, 'update', 'referral') === 'org') {
      const incoming = await q.referralsAwaitingAnswer(db, orgId, ITEMS);
      cards.referrals = section(
        incoming.rows.map((r) => ({
          path: '/referrals',
          kind: r.urgency,
          title: r.from_org_name,
          personName: null,
          due: todayIn(timeZone, new Date(r.due_at)),
          status: new Date(r.due_at).getTime() < clock().getTime() ? 'overdue' : 'waiting',
        })),
        incoming.count,
        '/referrals',
      );
    }

    cards.notifications = section([], await unreadCount(db, actor.accountId, orgId), '/');
    return { today: day, timeZone, cards };
  }

  return { today };
}
