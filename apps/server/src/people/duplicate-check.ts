// The duplicate warning at intake: before a new person is saved, the records of the same
// organisation that are likely the same person, with the reasons (field by field, from the
// matching engine). The user links the existing record or continues. Partner organisations'
// records are searched too where a sharing agreement for 'search' exists towards the actor's
// organisation AND the person consented to sharing (checked in SQL and again with can() and the
// 'shared' scope); each partner with its own blind-index key, and a partner's candidate shows the
// least data: name, birth year, nationality and the partner's name, with the reasons.
import {
  can,
  createMatcher,
  listScope,
  type Actor,
  type DuplicateCandidate,
  type PersonCreate,
  type PersonRecord,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { modelForUniverse } from '../missing/reference-model.ts';
import { decryptPersonColumns, type EncryptedPersonColumn, type PersonData } from './person-crypto.ts';
import { toSummary } from './person-mapping.ts';
import { findPerson, type PersonRow } from './people.queries.ts';
import { searchPeople } from './people-search.service.ts';

const SHOWN = 5;

/**
 * The birth year a new record gives (from the date, or from an estimated age in `year`).
 * Null when neither is known: then age says nothing either way.
 */
function inputBirthYear(input: PersonCreate, year: number): number | null {
  if (input.birthDate) return Number(input.birthDate.slice(0, 4));
  if (input.estimatedAge !== undefined) return year - input.estimatedAge;
  return null;
}

/**
 * Whether two birth years can belong to one person. A mother and her children share surnames
 * and often given names; a 4-year-old is never the same person as a 27-year-old whatever the
 * names say. Ages are often estimated, so adults get five years of tolerance; a child's age is
 * known far more closely (a 4- and a 9-year-old are siblings, not one child).
 */
export function agesCompatible(a: number | null, b: number | null, year: number): boolean {
  if (a === null || b === null) return true;
  const youngest = year - Math.max(a, b);
  const tolerance = youngest < 18 ? 2 : 5;
  return Math.abs(a - b) <= tolerance;
}

function asRecord(id: string, p: Partial<PersonData> & { documents?: { number: string }[] | undefined }): PersonRecord {
  const surnames = p.surnames || [p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
  return {
    id,
    ...(p.givenNames ? { givenNames: p.givenNames } : {}),
    ...(surnames ? { surnames } : {}),
    ...(p.sex ? { sex: p.sex } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : p.birthYear ? { birthDate: String(p.birthYear) } : {}),
    ...(p.nationality ? { nationality: p.nationality } : {}),
    ...(p.documents?.[0]?.number ? { documentId: p.documents[0].number } : {}),
  };
}

export async function findLikelyDuplicates(
  deps: { db: Database; keyring: Keyring; audit: AuditWriter },
  actor: Actor,
  input: PersonCreate,
  meta: { ip?: string } = {},
): Promise<DuplicateCandidate[]> {
  const scope = listScope(actor, 'read', 'person');
  if (!actor.orgId || !scope || scope === 'shared') throw new AppError('policy.denied');
  const sqlScope = { scope, orgId: actor.orgId, accountId: actor.accountId, teamIds: actor.teamIds };
  const names = [input.givenNames, input.surnames, input.firstSurname, input.secondSurname].filter(Boolean).join(' ');
  const texts = [names, ...(input.documents ?? []).map((d) => d.number)].filter((t) => t.trim().length > 0);
  const ids = new Set<string>();
  for (const text of texts)
    for (const hit of (await searchPeople(deps, sqlScope, {}, text, 20, undefined)).items) ids.add(hit.id);
  const candidates: DuplicateCandidate[] = [];
  if (ids.size > 0) await explainCandidates(deps, actor.orgId, input, ids, candidates);
  candidates.sort((a, b) => b.score - a.score);
  const shown = candidates.slice(0, SHOWN);
  const partners = await partnerCandidates(deps, actor, input, texts, meta);
  shown.push(...partners);
  // Audited even when nothing is shown: the check searched the organisation's people.
  await deps.audit.record({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'person.duplicate_check',
    recordType: 'person',
    orgId: actor.orgId,
    fields: ['given_names', 'surnames', 'birth_date', 'documents'],
    ip: meta.ip ?? null,
    details: { shown: shown.map((c) => c.person.id).join(',') },
  });
  return shown;
}

/** Likely duplicates among the partners' records shared with the actor's organisation for search. */
async function partnerCandidates(
  deps: { db: Database; keyring: Keyring; audit: AuditWriter },
  actor: Actor,
  input: PersonCreate,
  texts: readonly string[],
  meta: { ip?: string },
): Promise<DuplicateCandidate[]> {
  const out: DuplicateCandidate[] = [];
  const partners = [...new Set(actor.sharing.filter((s) => s.purposes.includes('search')).map((s) => s.fromOrgId))];
  // The search purpose shares no documents (decision 0128): a partner's records are neither
  // looked up nor compared by document number, which would tell whether a partner holds it.
  const documentNumbers = new Set((input.documents ?? []).map((d) => d.number));
  const nameTexts = texts.filter((t) => !documentNumbers.has(t));
  for (const partner of partners) {
    // The role must be allowed to read a consented, shared person at all.
    if (!can(actor, 'read', { type: 'person', orgId: partner, consentedPurposes: ['search'] })) continue;
    const scope = { scope: 'org' as const, orgId: partner, accountId: actor.accountId, teamIds: [] };
    const ids = new Set<string>();
    for (const text of nameTexts)
      for (const hit of (await searchPeople(deps, scope, { consentedToSharing: true }, text, 20, undefined)).items)
        ids.add(hit.id);
    if (ids.size === 0) continue;
    const consented = await deps.db.query<{ person_id: string }>(
      "SELECT DISTINCT person_id::text AS person_id FROM person_consents WHERE person_id = ANY($1::uuid[]) AND org_id = $2 AND purpose = 'sharing' AND withdrawn_at IS NULL",
      [[...ids], partner],
    );
    const allowed = new Set(consented.rows.map((r) => r.person_id));
    const found: DuplicateCandidate[] = [];
    await explainCandidates(
      deps,
      partner,
      { ...input, documents: [] },
      new Set([...ids].filter((id) => allowed.has(id))),
      found,
      (row) =>
        can(actor, 'read', {
          type: 'person',
          orgId: row.org_id,
          ownerId: row.owner_account_id,
          teamId: row.team_id,
          consentedPurposes: allowed.has(row.id) ? ['search'] : [],
        }),
      ['given_names', 'surnames', 'aliases', 'birth_date'],
    );
    if (found.length === 0) continue;
    const org = await deps.db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [partner]);
    const organisation = { id: partner, name: org.rows[0]?.name ?? '' };
    const shown = found.sort((a, b) => b.score - a.score).slice(0, SHOWN);
    for (const c of shown) {
      const { id, givenNames, surnames, birthYear, nationality, version } = c.person;
      out.push({
        ...c,
        person: {
          id,
          givenNames,
          surnames,
          aliases: [],
          ...(birthYear !== undefined ? { birthYear } : {}),
          ...(nationality ? { nationality } : {}),
          version,
        },
        organisation,
      });
    }
    // The partner's records were searched and shown: audited in the partner's organisation too.
    await deps.audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action: 'person.duplicate_check_shared',
      recordType: 'person',
      orgId: partner,
      fields: ['given_names', 'surnames', 'birth_year', 'nationality'],
      ip: meta.ip ?? null,
      details: { shown: shown.map((c) => c.person.id).join(',') },
    });
  }
  return out;
}

async function explainCandidates(
  deps: { db: Database; keyring: Keyring },
  orgId: string,
  input: PersonCreate,
  ids: ReadonlySet<string>,
  candidates: DuplicateCandidate[],
  allowed: (row: PersonRow) => boolean = () => true,
  columns: EncryptedPersonColumn[] = ['given_names', 'surnames', 'aliases', 'birth_date', 'documents'],
): Promise<void> {
  const universe = await deps.db.query<{ n: number }>(
    'SELECT count(*) AS n FROM people WHERE org_id = $1 AND deleted_at IS NULL',
    [orgId],
  );
  const matcher = createMatcher([], { model: modelForUniverse(Number(universe.rows[0]?.n ?? 0)) });
  const query = asRecord('new', { ...input, aliases: input.aliases ?? [], documents: input.documents });
  const year = new Date().getUTCFullYear();
  const born = inputBirthYear(input, year);
  for (const id of ids) {
    const row = await findPerson(deps.db, id);
    if (!row || row.org_id !== orgId || !allowed(row)) continue;
    if (!agesCompatible(born, row.birth_year === null ? null : Number(row.birth_year), year)) continue;
    const data = await decryptPersonColumns(deps.keyring, row.org_id, row, columns);
    const explanation = matcher.explain(
      query,
      asRecord(id, {
        ...data,
        sex: row.sex ?? undefined,
        nationality: row.nationality ?? undefined,
        birthYear: row.birth_year ?? undefined,
      }),
    );
    if (explanation.decision === 'no match') continue;
    candidates.push({
      person: toSummary(row, data),
      score: explanation.score,
      decision: explanation.decision,
      reasons: explanation.fields
        .filter((f) => f.weight !== 0)
        .map((f) => ({ field: f.field, label: f.label, weight: Number(f.weight.toFixed(2)) })),
    });
  }
}
