// A person's photo (optional): checked by its magic bytes (JPEG, PNG or WebP only, whatever the
// name or content type claims), limited in size, encrypted with the organisation's data key
// like evidence files (base64 through Keyring.encrypt, decision 0109), and served only to those
// who may read the person; every upload, view and removal is audited.
import type { Actor } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';
import { AppError } from '../kernel/errors.ts';
import { contentTypeAgrees, detectFileType } from '../incidents/file-type.ts';
import { ownPersonFor } from './own-person.ts';

const CONTENT = 'person_photos.content';
registerEncryptedColumn({
  table: 'person_photos',
  idColumn: 'person_id',
  orgColumn: 'org_id',
  column: 'content',
  context: CONTENT,
});

/** Largest photo, bytes (ACOMPANA_PHOTO_MAX_MB overrides; default 5 MB). */
export const photoMaxBytes = Math.round(Number(process.env.ACOMPANA_PHOTO_MAX_MB || 5) * 1024 * 1024);
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function photoTooLarge(size: number): AppError {
  return new AppError('people.photo_too_large', { field: 'photo', params: { size: mb(size), max: mb(photoMaxBytes) } });
}

export interface PhotoInfo {
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

type PhotoRow = { content_type: string; size_bytes: number | string; uploaded_at: Date | string };

export async function photoInfo(db: Queryable, personId: string): Promise<PhotoInfo | undefined> {
  const { rows } = await db.query<PhotoRow>(
    'SELECT content_type, size_bytes, uploaded_at FROM person_photos WHERE person_id = $1',
    [personId],
  );
  return photoInfoOf(rows[0]);
}

/** The photo's description from its row (or from the same columns joined into another query). */
export function photoInfoOf(row: PhotoRow | null | undefined): PhotoInfo | undefined {
  return row
    ? {
        contentType: row.content_type,
        sizeBytes: Number(row.size_bytes),
        uploadedAt: new Date(row.uploaded_at).toISOString(),
      }
    : undefined;
}

export function createPhotoService({
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
  async function upload(
    actor: Actor,
    personId: string,
    file: { bytes: Buffer; claimedType: string | undefined },
    meta: { ip?: string } = {},
  ): Promise<PhotoInfo> {
    const person = await ownPersonFor(db, actor, 'update', personId);
    if (file.bytes.length === 0) throw new AppError('people.photo_empty', { field: 'photo' });
    if (file.bytes.length > photoMaxBytes) throw photoTooLarge(file.bytes.length);
    const detected = detectFileType(file.bytes);
    if (!detected || !PHOTO_TYPES.includes(detected.contentType) || !contentTypeAgrees(detected, file.claimedType)) {
      throw new AppError('people.photo_unsupported_type', {
        field: 'photo',
        params: { type: detected?.contentType ?? file.claimedType ?? '?' },
      });
    }
    const content = await keyring.encrypt(person.org_id, CONTENT, file.bytes.toString('base64'));
    const at = clock();
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO person_photos (person_id, org_id, content_type, size_bytes, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (person_id) DO UPDATE SET content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes, content = EXCLUDED.content,
           uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at`,
        [personId, person.org_id, detected.contentType, file.bytes.length, content, actor.accountId, at],
      );
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.photo_upload',
        recordType: 'person',
        recordId: personId,
        orgId: person.org_id,
        fields: ['photo'],
        ip: meta.ip ?? null,
        details: { size: file.bytes.length, type: detected.contentType },
      });
    });
    return { contentType: detected.contentType, sizeBytes: file.bytes.length, uploadedAt: at.toISOString() };
  }

  async function read(
    actor: Actor,
    personId: string,
    meta: { ip?: string } = {},
  ): Promise<{ bytes: Buffer; contentType: string }> {
    const person = await ownPersonFor(db, actor, 'read', personId);
    const { rows } = await db.query<{ content_type: string; content: unknown }>(
      'SELECT content_type, content FROM person_photos WHERE person_id = $1',
      [personId],
    );
    const row = rows[0];
    if (!row) throw new AppError('record.not_found');
    const bytes = Buffer.from(await keyring.decrypt(person.org_id, CONTENT, row.content), 'base64');
    await audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'person.photo_read',
      recordType: 'person',
      recordId: personId,
      orgId: person.org_id,
      fields: ['photo'],
      ip: meta.ip ?? null,
    });
    return { bytes, contentType: row.content_type };
  }

  async function remove(actor: Actor, personId: string, meta: { ip?: string } = {}): Promise<void> {
    const person = await ownPersonFor(db, actor, 'update', personId);
    await db.transaction(async (tx) => {
      const { rowCount } = await tx.query('DELETE FROM person_photos WHERE person_id = $1', [personId]);
      if (rowCount === 0) throw new AppError('record.not_found');
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'person.photo_delete',
        recordType: 'person',
        recordId: personId,
        orgId: person.org_id,
        fields: ['photo'],
        ip: meta.ip ?? null,
      });
    });
  }

  return { upload, read, remove };
}
