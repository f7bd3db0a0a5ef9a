// The working parts of a case: plan tasks (catalogue or free text, with owner and due date;
// each task versioned), notes (encrypted, append-only) and attachments (type checked by content,
// SHA-256 recorded, encrypted). Each write is one transaction with its timeline event and audit
// entry. Notes and attachments are read only by those who may work the case, and the read is
// audited.
import { createHash } from 'node:crypto';
import {
  CASE_NOTE_MAX,
  CASE_TASK_TEXT_MAX,
  isCaseTaskKey,
  type Actor,
  type CaseAttachment,
  type CaseNote,
  type CaseTask,
  type CaseTaskCreate,
  type CaseTaskUpdate,
} from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { contentTypeAgrees, detectFileType, extensionAgrees } from '../incidents/file-type.ts';
import { openCase, openCaseFile, sealCase, sealCaseFile } from './case-crypto.ts';
import { checkDate, checkText, iso, toTask, type Meta } from './case-view.ts';
import type { CasesDeps, CasesService } from './cases.service.ts';
import * as q from './cases.queries.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function createCasePlanService({ db, keyring, audit, clock }: CasesDeps, cases: CasesService) {
  const auditEntry = (
    actor: Actor,
    row: q.CaseRow,
    action: string,
    fields: string[],
    meta: Meta,
    details: Record<string, string | number> = {},
  ) => ({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action,
    recordType: 'case',
    recordId: row.id,
    orgId: row.org_id,
    fields,
    ip: meta.ip ?? null,
    details,
  });

  async function checkOwner(orgId: string, accountId: string | null | undefined): Promise<void> {
    if (accountId && !(await q.accountInOrg(db, accountId, orgId)))
      throw new AppError('cases.unknown_assignee', { field: 'ownerAccountId' });
  }

  async function taskOf(row: q.CaseRow, taskId: string): Promise<CaseTask> {
    const task = (await q.listTasks(db, row.id)).find((t) => t.id === taskId);
    if (!task) throw new AppError('record.not_found');
    return toTask(keyring, row.org_id, task, cases.today());
  }

  // A closed case is a record of what was done: reopen it (with a reason) to add to it.
  async function writableCase(actor: Actor, caseId: string) {
    const row = await cases.loadFor(actor, 'update', caseId);
    if (row.status === 'closed') throw new AppError('cases.closed_read_only', { field: 'status' });
    return row;
  }

  async function addTask(actor: Actor, caseId: string, input: CaseTaskCreate, meta: Meta = {}): Promise<CaseTask> {
    const row = await writableCase(actor, caseId);
    if (input.key !== undefined && !isCaseTaskKey(input.key))
      throw new AppError('cases.unknown_task', { field: 'key', params: { key: input.key } });
    const text = input.key
      ? null
      : checkText(input.description, 'description', CASE_TASK_TEXT_MAX, {
          required: 'cases.task_required',
          tooLong: 'cases.task_too_long',
        });
    checkDate(input.dueOn, 'dueOn');
    await checkOwner(row.org_id, input.ownerAccountId);
    const description = await sealCase(keyring, row.org_id, 'case_tasks', 'description', text);
    const at = clock();
    const id = await db.transaction(async (tx) => {
      const created = await q.insertTask(tx, {
        caseId,
        orgId: row.org_id,
        key: input.key ?? null,
        description,
        source: 'manual',
        ownerAccountId: input.ownerAccountId ?? null,
        dueOn: input.dueOn ?? null,
        by: actor.accountId,
        at,
      });
      await q.insertEvent(tx, {
        caseId,
        orgId: row.org_id,
        kind: 'task_added',
        actor: actor.accountId,
        at,
        refId: created,
        data: {
          ...(input.key ? { key: input.key } : {}),
          ...(input.dueOn ? { dueOn: input.dueOn } : {}),
          taskVersion: '1',
        },
      });
      await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, at]);
      await audit.append(tx, auditEntry(actor, row, 'case.task_add', ['case_tasks'], meta, { taskId: created }));
      return created;
    });
    return taskOf(row, id);
  }

  async function updateTask(
    actor: Actor,
    caseId: string,
    taskId: string,
    input: CaseTaskUpdate,
    meta: Meta = {},
  ): Promise<CaseTask> {
    const row = await writableCase(actor, caseId);
    const task = await taskOf(row, taskId);
    checkDate(input.dueOn, 'dueOn');
    await checkOwner(row.org_id, input.ownerAccountId);
    const stale = async (): Promise<never> => {
      const { rows } = await db.query<{ fields: string[] }>(
        "SELECT fields FROM case_events WHERE case_id = $1 AND ref_id = $2 AND (data->>'taskVersion')::int > $3 ORDER BY id",
        [caseId, taskId, input.version],
      );
      const names = [...new Set(rows.flatMap((r) => r.fields))].join(', ') || 'version';
      throw new AppError('record.conflict', { field: names, params: { fields: names } });
    };
    if (task.version !== input.version) return stale();
    const at = clock();
    const change: q.TaskChange = {};
    const fields: string[] = [];
    if (input.done !== undefined && input.done !== task.done) {
      Object.assign(
        change,
        input.done
          ? { done: true, completed_at: at, completed_by: actor.accountId }
          : { done: false, completed_at: null, completed_by: null },
      );
      fields.push('done');
    }
    if (input.ownerAccountId !== undefined && input.ownerAccountId !== task.ownerAccountId) {
      change.owner_account_id = input.ownerAccountId;
      fields.push('ownerAccountId');
    }
    if (input.dueOn !== undefined && input.dueOn !== task.dueOn) {
      change.due_on = input.dueOn;
      fields.push('dueOn');
    }
    if (fields.length === 0) return task;
    const kind = fields.includes('done') ? (input.done ? 'task_completed' : 'task_reopened') : 'task_changed';
    const version = await db.transaction(async (tx) => {
      const v = await q.updateTask(tx, caseId, taskId, input.version, change);
      if (v === null) return null;
      await q.insertEvent(tx, {
        caseId,
        orgId: row.org_id,
        kind,
        actor: actor.accountId,
        at,
        refId: taskId,
        fields,
        data: {
          ...(task.key ? { key: task.key } : {}),
          ...(input.dueOn ? { dueOn: input.dueOn } : {}),
          taskVersion: String(v),
        },
      });
      await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, at]);
      await audit.append(tx, auditEntry(actor, row, 'case.task_update', fields, meta, { taskId, taskVersion: v }));
      return v;
    });
    if (version === null) return stale();
    return taskOf(row, taskId);
  }

  async function addNote(actor: Actor, caseId: string, input: { text: string }, meta: Meta = {}): Promise<CaseNote> {
    const row = await writableCase(actor, caseId);
    const text = checkText(input.text, 'text', CASE_NOTE_MAX, {
      required: 'cases.note_required',
      tooLong: 'cases.note_too_long',
    });
    const body = (await sealCase(keyring, row.org_id, 'case_notes', 'body', text)) as Buffer;
    const at = clock();
    const id = await db.transaction(async (tx) => {
      const created = await q.insertNote(tx, { caseId, orgId: row.org_id, body, by: actor.accountId, at });
      await q.insertEvent(tx, {
        caseId,
        orgId: row.org_id,
        kind: 'note_added',
        actor: actor.accountId,
        at,
        refId: created,
      });
      await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, at]);
      await audit.append(tx, auditEntry(actor, row, 'case.note_add', ['case_notes.body'], meta, { noteId: created }));
      return created;
    });
    const note = (await q.listNotes(db, caseId)).find((n) => n.id === id);
    return { id, text, authorAccountId: actor.accountId, authorName: note?.author_name ?? null, createdAt: iso(at) };
  }

  /** The case's notes, newest first, decrypted (only for those who may work the case; audited). */
  async function notes(actor: Actor, caseId: string, meta: Meta = {}): Promise<CaseNote[]> {
    const row = await cases.loadFor(actor, 'update', caseId);
    const rows = await q.listNotes(db, caseId);
    await audit.record(auditEntry(actor, row, 'case.notes_read', ['case_notes.body'], meta, { returned: rows.length }));
    return Promise.all(
      rows.map(async (n) => ({
        id: n.id,
        text: (await openCase(keyring, row.org_id, 'case_notes', 'body', n.body)) ?? '',
        authorAccountId: n.created_by,
        authorName: n.author_name,
        createdAt: iso(n.created_at),
      })),
    );
  }

  async function upload(
    actor: Actor,
    caseId: string,
    file: { bytes: Buffer; name: string; claimedType: string | undefined },
    meta: Meta = {},
  ): Promise<CaseAttachment> {
    const row = await writableCase(actor, caseId);
    if (file.bytes.length === 0) throw new AppError('cases.attachment_empty', { field: 'file' });
    const detected = detectFileType(file.bytes);
    if (!detected)
      throw new AppError('cases.attachment_unsupported_type', {
        field: 'file',
        params: { type: file.claimedType ?? '' },
      });
    if (!contentTypeAgrees(detected, file.claimedType) || !extensionAgrees(detected, file.name)) {
      throw new AppError('cases.attachment_type_mismatch', {
        field: 'file',
        params: { claimed: `${file.name} (${file.claimedType ?? '?'})`, detected: detected.contentType },
      });
    }
    const hash = sha256(file.bytes);
    const content = await sealCaseFile(keyring, row.org_id, file.bytes);
    const name = (await sealCase(keyring, row.org_id, 'case_attachments', 'original_name', file.name)) as Buffer;
    const at = clock();
    const id = await db.transaction(async (tx) => {
      const created = await q.insertAttachment(tx, {
        caseId,
        orgId: row.org_id,
        name,
        contentType: detected.contentType,
        size: file.bytes.length,
        sha256: hash,
        content,
        by: actor.accountId,
        at,
      });
      await q.insertEvent(tx, {
        caseId,
        orgId: row.org_id,
        kind: 'attachment_added',
        actor: actor.accountId,
        at,
        refId: created,
        data: { contentType: detected.contentType, sha256: hash },
      });
      await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [caseId, at]);
      await audit.append(
        tx,
        auditEntry(actor, row, 'case.attachment_upload', ['case_attachments'], meta, {
          attachmentId: created,
          sha256: hash,
          size: file.bytes.length,
        }),
      );
      return created;
    });
    return {
      id,
      originalName: file.name,
      contentType: detected.contentType,
      sizeBytes: file.bytes.length,
      sha256: hash,
      uploadedBy: actor.accountId,
      uploadedAt: iso(at),
    };
  }

  async function attachments(actor: Actor, caseId: string): Promise<CaseAttachment[]> {
    const row = await cases.loadFor(actor, 'update', caseId);
    return Promise.all(
      (await q.listAttachments(db, caseId)).map(async (a) => ({
        id: a.id,
        originalName:
          (await openCase(keyring, row.org_id, 'case_attachments', 'original_name', a.original_name)) ?? 'file',
        contentType: a.content_type,
        sizeBytes: Number(a.size_bytes),
        sha256: a.sha256,
        uploadedBy: a.uploaded_by,
        uploadedAt: iso(a.uploaded_at),
      })),
    );
  }

  /** The decrypted file, re-hashed: a file that no longer matches its SHA-256 is never served. */
  async function download(actor: Actor, caseId: string, attachmentId: string, meta: Meta = {}) {
    const row = await cases.loadFor(actor, 'update', caseId);
    const file = await q.findAttachment(db, caseId, attachmentId);
    if (!file) throw new AppError('record.not_found');
    const bytes = await openCaseFile(keyring, row.org_id, file.content);
    if (sha256(bytes) !== file.sha256)
      throw new AppError('cases.attachment_integrity_failed', { params: { sha256: file.sha256 } });
    await audit.record(auditEntry(actor, row, 'case.attachment_read', ['case_attachments'], meta, { attachmentId }));
    return {
      bytes,
      name: (await openCase(keyring, row.org_id, 'case_attachments', 'original_name', file.original_name)) ?? 'file',
      contentType: file.content_type,
      sha256: file.sha256,
    };
  }

  return { addTask, updateTask, addNote, notes, upload, attachments, download };
}
