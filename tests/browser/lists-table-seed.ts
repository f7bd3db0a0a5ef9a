// Many synthetic people in one organisation, fast: encrypted rows with blind indexes written
// straight into the table in batches, made with the organisation's keyring exactly as the
// service does (as the people benchmark does), instead of thousands of API calls.
import { randomUUID } from 'node:crypto';
import type { TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { encryptPersonFields, type PersonData } from '../../apps/server/src/people/person-crypto.ts';
import { recordBlindIndexes } from '../../apps/server/src/people/person-search.ts';
import { seededRandom, syntheticPerson } from '../../apps/server/src/people/demo-names.ts';

export async function seedPeople(h: TestHarness, orgId: string, ownerEmail: string, count: number): Promise<void> {
  const owner = (
    await h.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [ownerEmail])
  ).rows[0]?.id;
  if (!owner) throw new Error(`no account ${ownerEmail}`);
  const rand = seededRandom(7);
  const BATCH = 500;
  for (let done = 0; done < count; done += BATCH) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) {
      const p = syntheticPerson(rand);
      const data: Partial<PersonData> = {
        givenNames: p.givenNames ?? '',
        surnames: p.surnames ?? '',
        aliases: p.aliases ?? [],
        birthDate: p.birthDate,
        documents: p.documents ?? [],
      };
      const enc = await encryptPersonFields(h.ctx.keyring, orgId, data);
      const bi = await recordBlindIndexes(
        h.ctx.keyring,
        orgId,
        data,
        (p.documents ?? []).map((d) => d.number),
      );
      const row = [
        randomUUID(),
        orgId,
        owner,
        p.sex ?? null,
        p.nationality ?? null,
        p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
        enc.given_names,
        enc.surnames,
        enc.aliases ?? null,
        enc.birth_date ?? null,
        enc.documents ?? null,
        bi.name_bi,
        bi.name_trigram_bi,
        bi.document_bi,
      ];
      const base = params.length;
      params.push(...row);
      values.push(`(${row.map((_, j) => `$${base + j + 1}${j >= 11 ? '::text[]' : ''}`).join(', ')})`);
    }
    await h.ctx.db.query(
      `INSERT INTO people (id, org_id, owner_account_id, sex, nationality, birth_year, given_names, surnames, aliases, birth_date, documents, name_bi, name_trigram_bi, document_bi) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
