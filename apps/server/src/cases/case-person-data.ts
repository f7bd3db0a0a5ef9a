// A person's cases in their export and their erasure (decision 0118). The export gives each case
// opened from the person with its plan, its notes and reasons decrypted, and the attachments'
// metadata (name, type, size, SHA-256; the bytes stay downloadable from the case). Erasure keeps
// every case as a stub: its row (dates, status, team, assignee) and its timeline's non-personal
// events stay, so that counts of cases opened and closed remain true; the notes, attachments,
// free-text tasks and the reasons for closing and reopening are deleted, and a case still open
// is closed with the reason 'erased'.
import { caseTaskCatalogue, isCaseTaskKey } from '@acompana/core';
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { openCase } from './case-crypto.ts';
import { iso, isoOrNull } from './case-view.ts';
import * as q from './cases.queries.ts';

registerPersonDataHandler({
  section: 'cases',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM cases WHERE person_id = $1 AND org_id = $2 ORDER BY opened_at, id',
      [personId, orgId],
    );
    const out = [];
    for (const { id } of rows) {
      const c = (await q.findCase(db, id)) as q.CaseRow;
      const tasks = await q.listTasks(db, id);
      const notes = await q.listNotes(db, id);
      const attachments = await q.listAttachments(db, id);
      const events = await q.listEvents(db, id);
      out.push({
        id,
        status: c.status,
        openedAt: iso(c.opened_at),
        closedAt: isoOrNull(c.closed_at),
        assignedTo: c.assigned_name,
        team: c.team_name,
        childProtection: c.child_protection,
        plan: await Promise.all(
          tasks.map(async (t) => ({
            key: t.task_key,
            label: t.task_key && isCaseTaskKey(t.task_key) ? caseTaskCatalogue[t.task_key].label : null,
            description: await openCase(keyring, orgId, 'case_tasks', 'description', t.description),
            dueOn: t.due_on,
            done: t.done,
            completedAt: isoOrNull(t.completed_at),
          })),
        ),
        notes: await Promise.all(
          notes.map(async (n) => ({
            at: iso(n.created_at),
            author: n.author_name,
            text: await openCase(keyring, orgId, 'case_notes', 'body', n.body),
          })),
        ),
        attachments: await Promise.all(
          attachments.map(async (a) => ({
            id: a.id,
            name: await openCase(keyring, orgId, 'case_attachments', 'original_name', a.original_name),
            contentType: a.content_type,
            sizeBytes: Number(a.size_bytes),
            sha256: a.sha256,
            uploadedAt: iso(a.uploaded_at),
          })),
        ),
        timeline: await Promise.all(
          events.map(async (e) => ({
            at: iso(e.at),
            kind: e.kind,
            by: e.actor_name,
            reason:
              e.kind === 'closed' || e.kind === 'reopened'
                ? await openCase(keyring, orgId, 'case_events', 'reason', e.reason)
                : null,
          })),
        ),
      });
    }
    return out;
  },
  async eraseIn({ tx, personId, at, by }) {
    const ofPerson = 'case_id IN (SELECT id FROM cases WHERE person_id = $1)';
    const notes = (await tx.query(`DELETE FROM case_notes WHERE ${ofPerson}`, [personId])).rowCount;
    const attachments = (await tx.query(`DELETE FROM case_attachments WHERE ${ofPerson}`, [personId])).rowCount;
    // Catalogue tasks (a key, dates, done) say nothing about the person once the case is a stub.
    const tasks = (await tx.query(`DELETE FROM case_tasks WHERE ${ofPerson} AND task_key IS NULL`, [personId]))
      .rowCount;
    await tx.query(`UPDATE case_tasks SET description = NULL WHERE ${ofPerson}`, [personId]);
    const reasons = (
      await tx.query(`UPDATE case_events SET reason = NULL WHERE ${ofPerson} AND reason IS NOT NULL`, [personId])
    ).rowCount;
    const open = await tx.query<{ id: string; org_id: string; version: number }>(
      `UPDATE cases SET status = 'closed', closed_at = $2, updated_at = $2, version = version + 1
        WHERE person_id = $1 AND status <> 'closed' RETURNING id::text AS id, org_id::text AS org_id, version`,
      [personId, at],
    );
    for (const c of open.rows) {
      await q.insertEvent(tx, {
        caseId: c.id,
        orgId: c.org_id,
        kind: 'closed',
        actor: by,
        at,
        data: { reason: 'erased' },
        fields: ['status'],
        version: Number(c.version),
      });
    }
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE person_id = $1', [
      personId,
    ]);
    return { cases: Number(rows[0]?.n ?? 0), closed: open.rows.length, notes, attachments, tasks, reasons };
  },
});
