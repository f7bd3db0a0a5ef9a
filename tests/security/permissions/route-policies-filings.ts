// Route policies of procedure filings (record one with its receipt, undo it, download the receipt):
// decisions on the procedure, like its other writes and reads. The target procedure carries a
// recorded filing (targets.ts).
import type { RecordPolicy } from './route-policies.ts';
import { jpeg } from './targets.ts';

const procedure = (action: RecordPolicy['action'], extra: Partial<RecordPolicy> = {}): RecordPolicy => ({
  kind: 'record',
  record: 'procedure',
  action,
  target: 'procedure',
  ...extra,
});

export const filingPolicies: Record<string, RecordPolicy> = {
  'POST /api/procedures/{id}/steps/{step}/filing': procedure('update', {
    query: () => 'filedOn=2025-03-13',
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg', 'x-file-name': 'acuse.jpg' } },
  }),
  // Undoing consumes the filing: each call gets a procedure of its own.
  'POST /api/procedures/{id}/filings/{filingId}/undo': procedure('update', { fresh: true }),
  'GET /api/procedures/{id}/filings/{filingId}/receipt': procedure('read'),
};
