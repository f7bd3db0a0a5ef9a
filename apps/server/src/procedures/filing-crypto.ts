// A filing's receipt (its name and bytes) is personal data: encrypted under the organisation's
// data key and registered for key rotation when this module loads (procedure-person-data.ts,
// which bootstrap.ts imports, imports it). Bytes go through Keyring.encrypt() as base64 text,
// like cases' attachments.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

const context = (column: string) => `procedures.procedure_filings.${column}`;

for (const column of ['receipt_name', 'receipt'])
  registerEncryptedColumn({
    table: 'procedure_filings',
    idColumn: 'id',
    orgColumn: 'org_id',
    column,
    context: context(column),
  });

export async function sealReceipt(keyring: Keyring, orgId: string, name: string, bytes: Buffer) {
  return {
    name: await keyring.encrypt(orgId, context('receipt_name'), name),
    content: await keyring.encrypt(orgId, context('receipt'), bytes.toString('base64')),
  };
}

export async function openReceiptName(keyring: Keyring, orgId: string, blob: unknown): Promise<string> {
  return blob === null || blob === undefined ? '' : keyring.decrypt(orgId, context('receipt_name'), blob);
}

export async function openReceipt(keyring: Keyring, orgId: string, blob: unknown): Promise<Buffer> {
  return Buffer.from(await keyring.decrypt(orgId, context('receipt'), blob), 'base64');
}
