// A partner's found record or report proposed for a report (decision 0124) is shown as an opaque
// reference: the pair's own id, the partner organisation and the engine's band and score, nothing
// of the record. The partner's names, dates and places reach the searching organisation only
// through the tracing flow (0121): once the partner accepts a tracing request for this report and
// shares this record, the review screen shows exactly the fields it chose, as it chose them.
import type { Actor, ComparedRecord } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { CandidateRow } from './missing.queries.ts';
import { openJson } from './tracing-crypto.ts';
import * as pq from './partner-records.queries.ts';

/** Stored candidate rows that are a partner's found record or report (not a consented person). */
export const isPartnerReference = (c: CandidateRow) => c.candidate_kind !== 'person' && c.candidate_org_id !== c.org_id;

type Shared = Partial<
  Record<
    'givenNames' | 'surnames' | 'sex' | 'birthDate' | 'nationality' | 'recordDate' | 'place' | 'custodian' | 'status',
    string
  >
> & { aliases?: string[] };

export async function partnerReferenceView(
  deps: { db: Database; keyring: Keyring },
  actor: Actor,
  c: CandidateRow,
): Promise<ComparedRecord | null> {
  if (!actor.orgId || c.org_id !== actor.orgId) return null;
  // The agreement must still be in force and the record still searchable (consent not withdrawn).
  if (!actor.sharing.some((s) => s.fromOrgId === c.candidate_org_id && s.purposes.includes('search'))) return null;
  if (!(await pq.referenceStillSearchable(deps.db, c.id))) return null;
  const names = await pq.organisationNames(deps.db, [c.candidate_org_id]);
  const reference: ComparedRecord = {
    kind: c.candidate_kind,
    // The list's candidate_id is already the pair's id for a partner reference (missing.queries.ts).
    id: c.id,
    orgId: c.candidate_org_id,
    organisationName: names.get(c.candidate_org_id) ?? '',
    access: 'partner',
    sharedFields: [],
  };
  const shared = await pq.sharedDetailsFor(deps.db, c.id);
  if (!shared || shared.requester_org_id !== actor.orgId) return reference;
  const d =
    (await openJson<Shared>(deps.keyring, actor.orgId, 'tracing_candidates.shared_details', shared.shared_details)) ??
    {};
  const note = [d.custodian, d.status].filter(Boolean).join(' · ');
  const view: ComparedRecord = { ...reference, sharedFields: shared.shared_fields };
  if (d.givenNames) view.givenNames = d.givenNames;
  if (d.surnames) view.surnames = d.surnames;
  if (d.aliases?.length) view.aliases = d.aliases;
  if (d.sex) view.sex = d.sex;
  if (d.birthDate) view.birthDate = d.birthDate;
  if (d.nationality) view.nationality = d.nationality;
  if (d.recordDate) view.eventDate = d.recordDate;
  if (d.place) view.eventPlace = d.place;
  if (note) view.description = note;
  return view;
}
