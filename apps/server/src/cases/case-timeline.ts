// A case's timeline: everything that happened, oldest first. The case's own events (opened,
// assigned, status changes, tasks, notes, attachments, closed/reopened with their reasons) and,
// for a person's case, their screenings, referrals and procedures, each read through the
// owning module's exported functions. Note text and reasons appear only for readers who may work
// the case; the read is audited.
import { caseTaskCatalogue, isCaseTaskKey, type Actor, type CaseTimelineItem } from '@acompana/core';
import { listProceduresOfPerson } from '../procedures/procedures.queries.ts';
import { listReferrals } from '../referrals/referrals.queries.ts';
import { screeningFactsOfPerson } from '../screening/screening-facts.ts';
import { openCase } from './case-crypto.ts';
import { iso, type Meta } from './case-view.ts';
import type { CasesDeps, CasesService } from './cases.service.ts';
import * as q from './cases.queries.ts';

export function createCaseTimeline({ db, keyring, audit }: CasesDeps, cases: CasesService) {
  return async function timeline(actor: Actor, caseId: string, meta: Meta = {}): Promise<CaseTimelineItem[]> {
    const row = await cases.loadFor(actor, 'read', caseId);
    const orgId = row.org_id;
    const mayWork = cases.mayWork(actor, row);
    const events = await q.listEvents(db, caseId);
    const notes = mayWork
      ? new Map((await q.listNotes(db, caseId)).map((n) => [n.id, n.body]))
      : new Map<string, unknown>();
    const tasks = new Map((await q.listTasks(db, caseId)).map((t) => [t.id, t]));
    const accounts = new Map((await q.assignees(db, orgId)).accounts.map((a) => [a.id, a.name]));
    const teams = new Map((await q.assignees(db, orgId)).teams.map((t) => [t.id, t.name]));
    const items: (CaseTimelineItem & { order: number })[] = [];

    for (const [index, e] of events.entries()) {
      const data: Record<string, string> = { ...e.data };
      delete data.taskVersion;
      for (const k of ['from', 'to', 'assignedAccountId'] as const) {
        const id = data[k];
        if (id && (e.kind === 'assigned' || k === 'assignedAccountId')) data[`${k}Name`] = accounts.get(id) ?? '';
        if (id && e.kind === 'team_changed') data[`${k}Name`] = teams.get(id) ?? '';
      }
      if (e.kind === 'opened' && data.teamId) data.teamName = teams.get(data.teamId) ?? '';
      let text: string | null = null;
      if (e.kind.startsWith('task_') && e.ref_id) {
        const task = tasks.get(e.ref_id);
        const key = task?.task_key;
        if (key && isCaseTaskKey(key)) {
          data.labelEs = caseTaskCatalogue[key].label.es;
          data.labelEn = caseTaskCatalogue[key].label.en;
        } else if (task && mayWork)
          text = await openCase(keyring, orgId, 'case_tasks', 'description', task.description);
      }
      if (e.kind === 'note_added' && mayWork && e.ref_id)
        text = await openCase(keyring, orgId, 'case_notes', 'body', notes.get(e.ref_id));
      if ((e.kind === 'closed' || e.kind === 'reopened') && mayWork)
        text = await openCase(keyring, orgId, 'case_events', 'reason', e.reason);
      items.push({ at: iso(e.at), source: 'case', kind: e.kind, actorName: e.actor_name, data, text, order: index });
    }

    if (row.person_id) {
      const personId = row.person_id;
      for (const s of await screeningFactsOfPerson(db, keyring, orgId, personId)) {
        items.push({
          at: s.recordedAt.toISOString(),
          source: 'screening',
          kind: 'screening_recorded',
          actorName: null,
          text: null,
          order: 0,
          data: {
            questionnaire: s.questionnaireId,
            version: String(s.questionnaireVersion),
            maxSeverity: s.maxSeverity,
            ...(mayWork ? { flags: s.flags.map((f) => f.flag).join(',') } : {}),
          },
        });
      }
      for (const r of await listReferrals(db, {
        orgId,
        direction: 'outgoing',
        scope: 'org',
        accountId: actor.accountId,
        teamIds: actor.teamIds,
        personId,
      })) {
        items.push({
          at: iso(r.created_at),
          source: 'referral',
          kind: 'referral_sent',
          actorName: null,
          text: null,
          order: 0,
          data: { to: r.to_service_name ?? r.to_org_name, status: r.status, urgency: r.urgency },
        });
      }
      for (const p of await listProceduresOfPerson(db, personId)) {
        if (p.org_id !== orgId) continue;
        items.push({
          at: iso(p.created_at),
          source: 'procedure',
          kind: 'procedure_opened',
          actorName: null,
          text: null,
          order: 0,
          data: { type: p.type, stage: p.stage },
        });
        if (p.closed_at)
          items.push({
            at: iso(p.closed_at),
            source: 'procedure',
            kind: 'procedure_closed',
            actorName: null,
            text: null,
            order: 0,
            data: { type: p.type, stage: p.stage },
          });
      }
    }
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'case.timeline_read',
      recordType: 'case',
      recordId: caseId,
      orgId,
      fields: mayWork ? ['case_events', 'case_notes.body', 'screening.flags'] : ['case_events'],
      ip: meta.ip ?? null,
    });
    // Oldest first; the case's own events keep their recorded order when instants tie.
    items.sort(
      (a, b) => a.at.localeCompare(b.at) || (a.source === 'case' && b.source === 'case' ? a.order - b.order : 0),
    );
    return items.map(({ order: _order, ...item }) => item);
  };
}
