// Recording a filing (the COMAR application was filed on this date; here is the receipt): the
// step is done on the filing date, the procedure moves to the stage the filing leads to, and the
// receipt is kept encrypted with its SHA-256, all in one transaction and one audit entry. For
// FILING_UNDO_MINUTES it can be undone (a wrong date, the wrong file): the step and the stage go
// back, the receipt's bytes are dropped, and the undo is audited too.
import { createHash } from 'node:crypto';
import { filingStageOf, isValidPlainDateText, type Actor, type ProcedureView } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { contentTypeAgrees, detectFileType, extensionAgrees } from '../incidents/file-type.ts';
import { openReceipt, openReceiptName, sealReceipt } from './filing-crypto.ts';
import { undoUntil } from './filing-view.ts';
import * as f from './filings.queries.ts';
import * as q from './procedures.queries.ts';
import { typeOf, type ProceduresService } from './procedures.service.ts';

interface Meta {
  ip?: string | null;
}

export interface ReceiptUpload {
  bytes: Buffer;
  name: string;
  claimedType: string | undefined;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function createFilingsService(
  deps: { db: Database; audit: AuditWriter; clock: () => Date; keyring: Keyring },
  procedures: ProceduresService,
) {
  const { db, audit, clock, keyring } = deps;

  function checkReceipt(file: ReceiptUpload): { contentType: string } {
    if (file.bytes.length === 0) throw new AppError('procedures.receipt_required', { field: 'receipt' });
    const detected = detectFileType(file.bytes);
    if (!detected)
      throw new AppError('cases.attachment_unsupported_type', {
        field: 'receipt',
        params: { type: file.claimedType ?? '' },
      });
    if (!contentTypeAgrees(detected, file.claimedType) || !extensionAgrees(detected, file.name))
      throw new AppError('cases.attachment_type_mismatch', {
        field: 'receipt',
        params: { claimed: `${file.name} (${file.claimedType ?? '?'})`, detected: detected.contentType },
      });
    return detected;
  }

  async function record(
    actor: Actor,
    id: string,
    stepKey: string,
    filedOn: string,
    file: ReceiptUpload,
    meta: Meta = {},
  ): Promise<ProcedureView> {
    const row = await procedures.loadFor(actor, 'update', id);
    const type = typeOf(row);
    if (!type.steps.some((s) => s.key === stepKey))
      throw new AppError('procedures.unknown_step', { params: { step: stepKey } });
    const leadsTo = filingStageOf(type.id, stepKey);
    if (!leadsTo) throw new AppError('procedures.not_a_filing', { params: { step: stepKey } });
    if (!isValidPlainDateText(filedOn))
      throw new AppError('procedures.invalid_trigger', { field: 'filedOn', params: { value: filedOn } });
    if (filedOn > (await procedures.today(row.org_id)))
      throw new AppError('procedures.filing_in_future', { field: 'filedOn' });
    const step = await f.findStep(db, id, stepKey);
    if (!step) throw new AppError('procedures.filing_needs_trigger', { params: { step: stepKey } });
    if (step.completed_on) throw new AppError('procedures.already_filed');
    const detected = checkReceipt(file);
    const hash = sha256(file.bytes);
    const sealed = await sealReceipt(keyring, row.org_id, file.name, file.bytes);
    // A filing moves the procedure forward, never back (a later stage already reached stays).
    const stageAfter = type.stages.indexOf(leadsTo) > type.stages.indexOf(row.stage) ? leadsTo : row.stage;
    const at = clock();
    await db.transaction(async (tx) => {
      if ((await q.completeStep(tx, id, stepKey, filedOn)) === 0)
        throw new AppError('procedures.unknown_step', { params: { step: stepKey } });
      let version = row.version;
      if (stageAfter !== row.stage) {
        const moved = await f.setStage(tx, id, row.version, stageAfter);
        if (moved === undefined)
          throw new AppError('record.conflict', { field: 'version', params: { fields: 'stage' } });
        version = moved;
      }
      const filingId = await f.insertFiling(tx, {
        procedureId: id,
        orgId: row.org_id,
        stepKey,
        filedOn,
        stageBefore: row.stage,
        stageAfter,
        versionAfter: version,
        name: sealed.name,
        type: detected.contentType,
        size: file.bytes.length,
        sha256: hash,
        content: sealed.content,
        by: actor.accountId,
        at,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.filed',
        recordType: 'procedure',
        recordId: id,
        orgId: row.org_id,
        fields: [stepKey],
        ip: meta.ip ?? null,
        details: { filingId, filedOn, sha256: hash, size: file.bytes.length, from: row.stage, to: stageAfter },
      });
    });
    return procedures.view((await q.findProcedure(db, id)) as q.ProcedureRow);
  }

  async function undo(actor: Actor, id: string, filingId: string, meta: Meta = {}): Promise<ProcedureView> {
    const row = await procedures.loadFor(actor, 'update', id);
    const filing = await f.findFiling(db, id, filingId);
    if (!filing) throw new AppError('record.not_found');
    if (filing.undone_at) throw new AppError('procedures.filing_already_undone');
    const now = clock();
    if (!undoUntil(filing, now)) throw new AppError('procedures.filing_undo_expired');
    // The stage goes back only if nothing moved the procedure since the filing.
    const stageBack = filing.stage_after !== filing.stage_before && row.version === filing.version_after;
    await db.transaction(async (tx) => {
      if ((await f.markUndone(tx, filingId, actor.accountId, now)) === 0)
        throw new AppError('procedures.filing_already_undone');
      await f.uncompleteStep(tx, id, filing.step_key, filing.filed_on);
      if (stageBack && (await f.setStage(tx, id, row.version, filing.stage_before)) === undefined)
        throw new AppError('record.conflict', { field: 'version', params: { fields: 'stage' } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'procedure.filing_undone',
        recordType: 'procedure',
        recordId: id,
        orgId: row.org_id,
        fields: [filing.step_key],
        ip: meta.ip ?? null,
        details: {
          filingId,
          filedOn: filing.filed_on,
          sha256: filing.receipt_sha256,
          from: row.stage,
          to: stageBack ? filing.stage_before : row.stage,
        },
      });
    });
    return procedures.view((await q.findProcedure(db, id)) as q.ProcedureRow);
  }

  /** The receipt, decrypted and checked against its SHA-256; the read is audited. */
  async function receipt(actor: Actor, id: string, filingId: string, meta: Meta = {}) {
    const row = await procedures.loadFor(actor, 'read', id);
    const filing = await f.findFiling(db, id, filingId);
    const blob = filing ? await f.receiptOf(db, filingId) : undefined;
    if (!filing || blob === undefined || blob === null) throw new AppError('record.not_found');
    const bytes = await openReceipt(keyring, row.org_id, blob);
    if (sha256(bytes) !== filing.receipt_sha256)
      throw new AppError('cases.attachment_integrity_failed', { params: { sha256: filing.receipt_sha256 } });
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'procedure.receipt_read',
      recordType: 'procedure',
      recordId: id,
      orgId: row.org_id,
      ip: meta.ip ?? null,
      details: { filingId },
    });
    return {
      bytes,
      name: await openReceiptName(keyring, row.org_id, filing.receipt_name),
      contentType: filing.receipt_type,
      sha256: filing.receipt_sha256,
    };
  }

  return { record, undo, receipt };
}
