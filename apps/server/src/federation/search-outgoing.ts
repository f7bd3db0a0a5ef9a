// What this side sends (decision 0151): the body of each outbox message as it goes out; for a
// tracing message, this side's fields for a pair both sides agreed on, read from the record when
// the message is sent (and checked again: a closed pair or an ended purpose sends nothing).
import type { Queryable } from '../kernel/db/database.ts';
import { decryptFields, foundSpec, reportSpec } from '../missing/missing-crypto.ts';
import { createCandidateSearch } from '../missing/search-candidates.ts';
import type { FoundRow, ReportRow } from '../missing/missing.queries.ts';
import * as mq from '../missing/missing.queries.ts';
import type { TracingField } from './agreement.ts';
import type { PeerRow } from './peers.queries.ts';
import type { SearchDeps } from './search-store.ts';
import * as sq from './search.queries.ts';

export function createOutgoing(deps: SearchDeps) {
  const { db, keyring, audit, clock } = deps;

  /**
   * This side's fields for an agreed pair: exactly those the agreement lists, read from the record
   * now (a record erased or no longer searchable sends nothing). Null when nothing may be sent.
   */
  async function tracingFieldsOf(pair: sq.CandidateRow, allowed: readonly string[]) {
    const org = pair.org_id;
    const values: Record<string, unknown> = {};
    const put = (field: TracingField, value: unknown) => {
      if (allowed.includes(field) && value !== undefined && value !== null && value !== '') values[field] = value;
    };
    if (pair.local_kind === 'missing_report') {
      const row = (await mq.findReport(db, pair.local_id)) as ReportRow | undefined;
      if (!row) return null;
      const d = await decryptFields(keyring, reportSpec, org, row);
      const lc = (d.lastContact ?? {}) as { date?: string; place?: string };
      put('givenNames', d.givenNames);
      put('surnames', d.surnames);
      put('birthDate', d.birthDate);
      put('sex', row.sex);
      put('nationality', row.nationality);
      put('place', lc.place);
      put('date', lc.date);
    } else if (pair.local_kind === 'found_record') {
      const row = (await mq.findFound(db, pair.local_id)) as FoundRow | undefined;
      if (!row) return null;
      const d = await decryptFields(keyring, foundSpec, org, row);
      put('givenNames', d.givenNames);
      put('surnames', d.surnames);
      put('sex', row.sex);
      put('place', d.foundPlace);
      put('date', typeof row.found_on === 'string' ? row.found_on.slice(0, 10) : undefined);
    } else {
      const row = await mq.findPersonLite(db, pair.local_id, false);
      if (!row) return null;
      const { decryptPerson } = createCandidateSearch({ db, keyring });
      const d = await decryptPerson(row, ['given_names', 'surnames', 'birth_date']);
      put('givenNames', d.givenNames);
      put('surnames', d.surnames);
      put('birthDate', d.birthDate);
      put('sex', row.sex);
      put('nationality', row.nationality);
      put('date', new Date(row.created_at).toISOString().slice(0, 10));
    }
    if (allowed.includes('organisationContact')) {
      const { rows } = await db.query<{ name: string; email: string | null }>(
        `SELECT o.name, (SELECT a.email FROM accounts a WHERE a.id = $2) AS email FROM organisations o WHERE o.id = $1`,
        [org, pair.our_decided_by],
      );
      values.organisationContact = {
        organisation: rows[0]?.name ?? '',
        deployment: deps.deploymentName,
        ...(rows[0]?.email ? { email: rows[0].email } : {}),
      };
    }
    return values;
  }

  /** The body of an outbox message as it is sent (a tracing message is read now, and checked again). */
  async function bodyOf(
    peer: PeerRow,
    message: sq.OutboxRow,
  ): Promise<{ path: string; body: Record<string, unknown>; after?: (tx: Queryable) => Promise<void> } | null> {
    const base = { messageId: message.id };
    switch (message.kind) {
      case 'search':
        return { path: 'federation/v1/search', body: { ...base, queries: message.payload.queries } };
      case 'candidates':
        return { path: 'federation/v1/search/candidates', body: { ...base, candidates: message.payload.candidates } };
      case 'withdraw':
        return {
          path: 'federation/v1/search/withdraw',
          body: { ...base, reportRefs: message.payload.reportRefs ?? [], recordRefs: message.payload.recordRefs ?? [] },
        };
      case 'decision':
        return { path: 'federation/v1/search/decision', body: { ...base, ...message.payload } };
      case 'tracing': {
        const pair = await sq.findCandidate(db, String(message.payload.candidateId));
        if (!pair || pair.status !== 'agreed' || !peer.purposes.includes('tracing')) return null;
        const fields = await tracingFieldsOf(pair, peer.tracing_fields);
        if (!fields) return null;
        const names = Object.keys(fields);
        return {
          path: 'federation/v1/tracing',
          body: { ...base, reportRef: pair.report_ref, recordRef: pair.record_ref, fields },
          after: async (tx) => {
            await tx.query(
              'UPDATE federation_candidates SET tracing_sent_at = $2, tracing_sent_fields = $3 WHERE id = $1',
              [pair.id, clock(), names],
            );
            await audit.append(tx, {
              action: 'federation.tracing_sent',
              recordType: 'federation_candidate',
              recordId: pair.id,
              orgId: pair.org_id,
              details: {
                messageId: message.id,
                peerId: peer.id,
                fields: names.join(','),
                ourDecisionBy: pair.our_decided_by,
                ourDecisionAt: pair.our_decided_at ? new Date(pair.our_decided_at).toISOString() : null,
                partnerDecisionAt: pair.their_decided_at ? new Date(pair.their_decided_at).toISOString() : null,
              },
            });
          },
        };
      }
    }
  }

  return { bodyOf };
}
