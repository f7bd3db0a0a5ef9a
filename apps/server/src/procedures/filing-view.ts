// Live filings as the API shows them on their steps: the receipt's name decrypted for the reader,
// and until when the filing can still be undone (null once that time has passed).
import { FILING_UNDO_MINUTES, type ProcedureFiling } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { openReceiptName } from './filing-crypto.ts';
import { liveFilings, type FilingRow } from './filings.queries.ts';

export function undoUntil(row: Pick<FilingRow, 'recorded_at'>, now: Date): Date | null {
  const until = new Date(new Date(row.recorded_at).getTime() + FILING_UNDO_MINUTES * 60_000);
  return until > now ? until : null;
}

/** procedure id → step key → filing. */
export async function filingViews(
  deps: { db: Database; keyring: Keyring | undefined; clock: () => Date },
  procedureIds: readonly string[],
): Promise<Map<string, Map<string, ProcedureFiling>>> {
  const out = new Map<string, Map<string, ProcedureFiling>>();
  const now = deps.clock();
  for (const row of await liveFilings(deps.db, procedureIds)) {
    const byStep = out.get(row.procedure_id) ?? new Map<string, ProcedureFiling>();
    out.set(row.procedure_id, byStep);
    byStep.set(row.step_key, {
      id: row.id,
      filedOn: row.filed_on,
      receiptName: deps.keyring ? await openReceiptName(deps.keyring, row.org_id, row.receipt_name) : '',
      receiptType: row.receipt_type,
      receiptSize: Number(row.receipt_size),
      receiptSha256: row.receipt_sha256,
      recordedAt: new Date(row.recorded_at).toISOString(),
      recordedBy: row.recorded_by_name,
      undoUntil: undoUntil(row, now)?.toISOString() ?? null,
    });
  }
  return out;
}
