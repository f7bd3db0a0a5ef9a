// Photos of the person sought (on a report) and of a person found or remains (on a found record):
// several per record, each checked by its magic bytes (JPEG, PNG or WebP only, whatever the name
// or content type claims), limited in size like a person's photo, encrypted with the
// organisation's key, and served only to those who may read the record. Uploads, views and
// removals are audited on the record.
import { randomUUID } from 'node:crypto';
import { can, type Actor, type MissingPhoto } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { contentTypeAgrees, detectFileType } from '../incidents/file-type.ts';
import { photoMaxBytes, photoTooLarge } from '../people/photo.service.ts';
import { decryptPhoto, encryptPhoto } from './missing-crypto.ts';
import type { MissingService, RequestMeta } from './missing.service.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Enough for a face, a tattoo, a scar and what the person wore; more is a sign of misuse. */
export const MAX_PHOTOS_PER_RECORD = 12;

export type PhotoOwner = { kind: 'report' | 'found'; id: string };

interface PhotoRow {
  id: string;
  org_id: string;
  report_id: string | null;
  found_id: string | null;
  content_type: string;
  size_bytes: number;
  uploaded_at: Date | string;
}

const META = `id::text AS id, org_id::text AS org_id, report_id::text AS report_id, found_id::text AS found_id, content_type, size_bytes, uploaded_at`;
const ownerColumn = (kind: PhotoOwner['kind']) => (kind === 'report' ? 'report_id' : 'found_id');
const toPhoto = (r: PhotoRow): MissingPhoto => ({
  id: r.id,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  uploadedAt: new Date(r.uploaded_at).toISOString(),
});

/** The photos of a record, in upload order (metadata only: listing them reveals no image). */
export async function listPhotos(db: Queryable, owner: PhotoOwner): Promise<MissingPhoto[]> {
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${META} FROM missing_photos WHERE ${ownerColumn(owner.kind)} = $1 ORDER BY seq`,
    [owner.id],
  );
  return rows.map(toPhoto);
}

/** The photos of several found records in one statement, by record id (records without photos are absent). */
export async function listFoundPhotos(
  db: Queryable,
  foundIds: readonly string[],
): Promise<Map<string, MissingPhoto[]>> {
  const byRecord = new Map<string, MissingPhoto[]>();
  if (foundIds.length === 0) return byRecord;
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${META} FROM missing_photos WHERE found_id = ANY($1::uuid[]) ORDER BY found_id, seq`,
    [foundIds],
  );
  for (const row of rows) {
    const list = byRecord.get(row.found_id as string) ?? [];
    list.push(toPhoto(row));
    byRecord.set(row.found_id as string, list);
  }
  return byRecord;
}

export function createMissingPhotoService(deps: {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  missing: MissingService;
}) {
  const { db, keyring, audit, clock, missing } = deps;

  /** The record a photo belongs to, if the actor may `action` it; otherwise "not found" or "denied". */
  async function loadOwner(
    actor: Actor,
    owner: PhotoOwner,
    action: 'read' | 'update',
  ): Promise<{ orgId: string; recordId: string }> {
    if (owner.kind === 'report') {
      const row = await missing.loadReport(actor, action, owner.id);
      return { orgId: row.org_id, recordId: row.id };
    }
    const row = await missing.loadFound(actor, owner.id);
    if (
      action === 'update' &&
      !can(actor, 'update', {
        type: 'missing_report',
        orgId: row.org_id,
        ownerId: row.owner_account_id,
        teamId: row.team_id,
      })
    )
      throw new AppError('policy.denied');
    return { orgId: row.org_id, recordId: row.id };
  }

  async function loadPhoto(actor: Actor, photoId: string, action: 'read' | 'update') {
    const { rows } = await db.query<PhotoRow>(`SELECT ${META} FROM missing_photos WHERE id = $1`, [photoId]);
    const row = rows[0];
    if (!row) throw new AppError('record.not_found');
    const owner: PhotoOwner = row.report_id
      ? { kind: 'report', id: row.report_id }
      : { kind: 'found', id: row.found_id ?? '' };
    return { row, owner, ...(await loadOwner(actor, owner, action)) };
  }

  const action = (owner: PhotoOwner, verb: string) =>
    `${owner.kind === 'report' ? 'missing_report' : 'found_record'}.photo_${verb}`;

  async function upload(
    actor: Actor,
    owner: PhotoOwner,
    file: { bytes: Buffer; claimedType: string | undefined },
    meta: RequestMeta = {},
  ): Promise<MissingPhoto> {
    const { orgId, recordId } = await loadOwner(actor, owner, 'update');
    if (file.bytes.length === 0) throw new AppError('people.photo_empty', { field: 'photo' });
    if (file.bytes.length > photoMaxBytes) throw photoTooLarge(file.bytes.length);
    const detected = detectFileType(file.bytes);
    if (!detected || !PHOTO_TYPES.includes(detected.contentType) || !contentTypeAgrees(detected, file.claimedType)) {
      throw new AppError('people.photo_unsupported_type', {
        field: 'photo',
        params: { type: detected?.contentType ?? file.claimedType ?? '?' },
      });
    }
    const content = await encryptPhoto(keyring, orgId, file.bytes);
    const id = randomUUID();
    const at = clock();
    await db.transaction(async (tx) => {
      // Counted inside the transaction that inserts, after locking the record, so two uploads at
      // once cannot both pass the limit.
      await tx.query(
        `SELECT 1 FROM ${owner.kind === 'report' ? 'missing_reports' : 'found_records'} WHERE id = $1 FOR UPDATE`,
        [recordId],
      );
      const { rows } = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM missing_photos WHERE ${ownerColumn(owner.kind)} = $1`,
        [recordId],
      );
      if (Number(rows[0]?.n ?? 0) >= MAX_PHOTOS_PER_RECORD)
        throw new AppError('missing.too_many_photos', {
          field: 'photo',
          params: { max: String(MAX_PHOTOS_PER_RECORD) },
        });
      await tx.query(
        `INSERT INTO missing_photos (id, org_id, ${ownerColumn(owner.kind)}, content_type, size_bytes, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, orgId, recordId, detected.contentType, file.bytes.length, content, actor.accountId, at],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: action(owner, 'upload'),
        recordType: 'missing_report',
        recordId,
        orgId,
        fields: ['photo'],
        ip: meta.ip ?? null,
        details: { photoId: id, size: file.bytes.length, type: detected.contentType },
      });
    });
    return { id, contentType: detected.contentType, sizeBytes: file.bytes.length, uploadedAt: at.toISOString() };
  }

  async function read(
    actor: Actor,
    photoId: string,
    meta: RequestMeta = {},
  ): Promise<{ bytes: Buffer; contentType: string }> {
    const { row, owner, recordId } = await loadPhoto(actor, photoId, 'read');
    const { rows } = await db.query<{ content: unknown }>('SELECT content FROM missing_photos WHERE id = $1', [
      photoId,
    ]);
    if (!rows[0]) throw new AppError('record.not_found');
    const bytes = await decryptPhoto(keyring, row.org_id, rows[0].content);
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: action(owner, 'read'),
      recordType: 'missing_report',
      recordId,
      orgId: row.org_id,
      fields: ['photo'],
      ip: meta.ip ?? null,
      details: { photoId },
    });
    return { bytes, contentType: row.content_type };
  }

  async function remove(actor: Actor, photoId: string, meta: RequestMeta = {}): Promise<void> {
    const { row, owner, recordId } = await loadPhoto(actor, photoId, 'update');
    await db.transaction(async (tx) => {
      const { rowCount } = await tx.query('DELETE FROM missing_photos WHERE id = $1', [photoId]);
      if (rowCount === 0) throw new AppError('record.not_found');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: action(owner, 'delete'),
        recordType: 'missing_report',
        recordId,
        orgId: row.org_id,
        fields: ['photo'],
        ip: meta.ip ?? null,
        details: { photoId },
      });
    });
  }

  return { upload, read, remove };
}

export type MissingPhotoService = ReturnType<typeof createMissingPhotoService>;
