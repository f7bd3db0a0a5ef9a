// SQL of the evidence vault and its chain of custody.
import type { Queryable } from '../kernel/db/database.ts';

export interface EvidenceRow {
  id: string;
  event_id: string;
  org_id: string;
  kind: string;
  original_name: unknown;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Date | string;
}
const COLUMNS = `id::text AS id, event_id::text AS event_id, org_id::text AS org_id, kind, original_name, content_type, size_bytes::int AS size_bytes,
  sha256, uploaded_by::text AS uploaded_by, uploaded_at`;

export async function insertEvidence(
  tx: Queryable,
  e: {
    eventId: string;
    orgId: string;
    kind: string;
    name: Buffer;
    contentType: string;
    size: number;
    sha256: string;
    content: Buffer;
    by: string;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO incident_evidence (event_id, org_id, kind, original_name, content_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
    [e.eventId, e.orgId, e.kind, e.name, e.contentType, e.size, e.sha256, e.content, e.by],
  );
  return (rows[0] as { id: string }).id;
}

export async function listEvidence(db: Queryable, eventId: string): Promise<EvidenceRow[]> {
  return (
    await db.query<EvidenceRow>(
      `SELECT ${COLUMNS} FROM incident_evidence WHERE event_id = $1 ORDER BY uploaded_at, id`,
      [eventId],
    )
  ).rows;
}

export async function findEvidence(db: Queryable, eventId: string, id: string): Promise<EvidenceRow | undefined> {
  return (
    await db.query<EvidenceRow>(`SELECT ${COLUMNS} FROM incident_evidence WHERE event_id = $1 AND id = $2`, [
      eventId,
      id,
    ])
  ).rows[0];
}

export async function evidenceContent(db: Queryable, id: string): Promise<unknown> {
  return (await db.query<{ content: unknown }>('SELECT content FROM incident_evidence WHERE id = $1', [id])).rows[0]
    ?.content;
}

export async function appendCustody(
  tx: Queryable,
  c: { evidenceId: string; orgId: string; action: string; accountId: string | null; detail?: string | null },
): Promise<void> {
  await tx.query(
    'INSERT INTO incident_evidence_custody (evidence_id, org_id, action, account_id, detail) VALUES ($1, $2, $3, $4, $5)',
    [c.evidenceId, c.orgId, c.action, c.accountId, c.detail ?? null],
  );
}

export async function listCustody(
  db: Queryable,
  evidenceId: string,
): Promise<{ action: string; account_id: string | null; at: Date | string; detail: string | null }[]> {
  return (
    await db.query<{ action: string; account_id: string | null; at: Date | string; detail: string | null }>(
      'SELECT action, account_id::text AS account_id, at, detail FROM incident_evidence_custody WHERE evidence_id = $1 ORDER BY id',
      [evidenceId],
    )
  ).rows;
}
