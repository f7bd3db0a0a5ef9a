// Encrypted columns of tracing (migration 0014), each with the key of the organisation that reads
// it: the search fields with the partner's key (it searches with them), the reply and the shared
// details with the requester's key, the family's consent with the report's organisation key.
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';

registerEncryptedColumn({
  table: 'tracing_requests',
  idColumn: 'id',
  orgColumn: 'to_org_id',
  column: 'query',
  context: 'tracing_requests.query',
});
registerEncryptedColumn({
  table: 'tracing_requests',
  idColumn: 'id',
  orgColumn: 'from_org_id',
  column: 'reply',
  context: 'tracing_requests.reply',
});
registerEncryptedColumn({
  table: 'tracing_candidates',
  idColumn: 'id',
  orgColumn: 'requester_org_id',
  column: 'shared_details',
  context: 'tracing_candidates.shared_details',
});
// missing_reports.trace_consent is registered with the report's other columns (missing-crypto.ts).

type Context =
  | 'tracing_requests.query'
  | 'tracing_requests.reply'
  | 'tracing_candidates.shared_details'
  | 'missing_reports.trace_consent';

export const sealJson = (keyring: Keyring, orgId: string, context: Context, value: unknown) =>
  keyring.encrypt(orgId, context, JSON.stringify(value));
export const sealText = (keyring: Keyring, orgId: string, context: Context, value: string) =>
  keyring.encrypt(orgId, context, value);
export const openJson = async <T>(
  keyring: Keyring,
  orgId: string,
  context: Context,
  blob: unknown,
): Promise<T | null> =>
  blob === null || blob === undefined ? null : (JSON.parse(await keyring.decrypt(orgId, context, blob)) as T);
export const openText = async (
  keyring: Keyring,
  orgId: string,
  context: Context,
  blob: unknown,
): Promise<string | null> => (blob === null || blob === undefined ? null : keyring.decrypt(orgId, context, blob));
