// The evidence vault: a file is checked by its magic bytes against the type and extension it
// was sent with, hashed (SHA-256 of the original bytes), encrypted with the organisation's data
// key and stored with a chain of custody. Reading, exporting and verifying are custody entries
// too, and audited. A ciphertext that no longer decrypts, or decrypts to other bytes, is
// reported as an integrity failure, never served.
import { createHash } from 'node:crypto';
import type { Actor } from '@acompana/core';
import { AppError, isAppError } from '../kernel/errors.ts';
import { open, openFile, seal, sealFile } from './incident-crypto.ts';
import { contentTypeAgrees, detectFileType, extensionAgrees } from './file-type.ts';
import type { IncidentsDeps, IncidentsService, Meta } from './incidents.service.ts';
import * as eq from './evidence.queries.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function createEvidenceService({ db, keyring, audit }: IncidentsDeps, incidents: IncidentsService) {
  async function upload(
    actor: Actor,
    eventId: string,
    file: { bytes: Buffer; name: string; claimedType: string | undefined },
    meta: Meta = {},
  ) {
    const event = await incidents.loadFor(actor, 'update', eventId);
    if (file.bytes.length === 0) throw new AppError('incidents.evidence_empty');
    const detected = detectFileType(file.bytes);
    if (!detected)
      throw new AppError('incidents.evidence_unsupported_type', { params: { type: file.claimedType ?? '' } });
    if (!contentTypeAgrees(detected, file.claimedType) || !extensionAgrees(detected, file.name)) {
      throw new AppError('incidents.evidence_type_mismatch', {
        params: { claimed: `${file.name} (${file.claimedType ?? '?'})`, detected: detected.contentType },
      });
    }
    const hash = sha256(file.bytes);
    const content = await sealFile(keyring, event.org_id, file.bytes);
    const name = (await seal(keyring, event.org_id, 'incident_evidence', 'original_name', file.name)) as Buffer;
    const id = await db.transaction(async (tx) => {
      const created = await eq.insertEvidence(tx, {
        eventId,
        orgId: event.org_id,
        kind: detected.kind,
        name,
        contentType: detected.contentType,
        size: file.bytes.length,
        sha256: hash,
        content,
        by: actor.accountId,
      });
      await eq.appendCustody(tx, {
        evidenceId: created,
        orgId: event.org_id,
        action: 'uploaded',
        accountId: actor.accountId,
        detail: `sha256:${hash}`,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'incident.evidence_upload',
        recordType: 'incident',
        recordId: eventId,
        orgId: event.org_id,
        fields: ['evidence'],
        ip: meta.ip ?? null,
        details: { evidenceId: created, sha256: hash, size: file.bytes.length },
      });
      return created;
    });
    return {
      id,
      kind: detected.kind,
      originalName: file.name,
      contentType: detected.contentType,
      sizeBytes: file.bytes.length,
      sha256: hash,
      uploadedBy: actor.accountId,
      uploadedAt: new Date().toISOString(),
    };
  }

  /** Decrypts and re-hashes; a failure is recorded in the custody chain before it is reported. */
  async function decryptChecked(
    row: eq.EvidenceRow,
  ): Promise<{ bytes?: Buffer; computed: string | null; reason: string | null }> {
    try {
      const bytes = await openFile(keyring, row.org_id, await eq.evidenceContent(db, row.id));
      const computed = sha256(bytes);
      return computed === row.sha256 ? { bytes, computed, reason: null } : { computed, reason: 'hash_mismatch' };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'crypto.decrypt_failed') throw error;
      return { computed: null, reason: 'ciphertext_altered' };
    }
  }

  async function load(actor: Actor, eventId: string, evidenceId: string, action: 'read' | 'export') {
    const event = await incidents.loadFor(actor, action, eventId);
    const row = await eq.findEvidence(db, eventId, evidenceId);
    if (!row) throw new AppError('record.not_found');
    return { event, row };
  }

  async function record(actor: Actor, row: eq.EvidenceRow, custody: string, detail: string | null, meta: Meta) {
    await db.transaction(async (tx) => {
      await eq.appendCustody(tx, {
        evidenceId: row.id,
        orgId: row.org_id,
        action: custody,
        accountId: actor.accountId,
        detail,
      });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: `incident.evidence_${custody}`,
        recordType: 'incident',
        recordId: row.event_id,
        orgId: row.org_id,
        fields: ['evidence'],
        ip: meta.ip ?? null,
        details: { evidenceId: row.id, ...(detail ? { detail } : {}) },
      });
    });
  }

  async function download(
    actor: Actor,
    eventId: string,
    evidenceId: string,
    purpose: 'view' | 'export',
    meta: Meta = {},
  ) {
    const { row } = await load(actor, eventId, evidenceId, purpose === 'export' ? 'export' : 'read');
    const checked = await decryptChecked(row);
    if (!checked.bytes) {
      await record(actor, row, 'verify_failed', checked.reason, meta);
      throw new AppError('incidents.evidence_integrity_failed', { params: { sha256: row.sha256 } });
    }
    await record(actor, row, purpose === 'export' ? 'exported' : 'viewed', null, meta);
    const name =
      (await open(keyring, row.org_id, 'incident_evidence', 'original_name', row.original_name)) ?? 'evidence';
    return { bytes: checked.bytes, name, contentType: row.content_type, sha256: row.sha256 };
  }

  async function verify(actor: Actor, eventId: string, evidenceId: string, meta: Meta = {}) {
    const { row } = await load(actor, eventId, evidenceId, 'read');
    const checked = await decryptChecked(row);
    const ok = checked.reason === null;
    await record(actor, row, ok ? 'verified' : 'verify_failed', ok ? `sha256:${row.sha256}` : checked.reason, meta);
    return { ok, sha256Recorded: row.sha256, sha256Computed: checked.computed, reason: checked.reason };
  }

  async function custody(actor: Actor, eventId: string, evidenceId: string, meta: Meta = {}) {
    const { row } = await load(actor, eventId, evidenceId, 'read');
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'incident.evidence_custody_read',
      recordType: 'incident',
      recordId: eventId,
      orgId: row.org_id,
      ip: meta.ip ?? null,
      details: { evidenceId },
    });
    return (await eq.listCustody(db, row.id)).map((c) => ({
      action: c.action,
      accountId: c.account_id,
      at: iso(c.at),
      detail: c.detail,
    }));
  }

  return { upload, download, verify, custody };
}
