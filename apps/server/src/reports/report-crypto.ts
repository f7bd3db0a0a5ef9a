// Stored report PDFs are encrypted with the organisation's data key (the organisation's exact
// counts, small cells included, are not for anyone outside it), registered for key rotation when
// this module loads (bootstrap.ts imports it). Bytes go through Keyring.encrypt() as base64 text,
// like case attachments (decision 0109).
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

const CONTEXT = 'reports.report_files.content';

registerEncryptedColumn({
  table: 'report_files',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'content',
  context: CONTEXT,
});

export async function sealReportFile(keyring: Keyring, orgId: string, pdf: Buffer): Promise<Buffer> {
  return keyring.encrypt(orgId, CONTEXT, pdf.toString('base64'));
}

export async function openReportFile(keyring: Keyring, orgId: string, blob: unknown): Promise<Buffer> {
  return Buffer.from(await keyring.decrypt(orgId, CONTEXT, blob), 'base64');
}
