// Tiered people retrieval of a report's search (issue 6, item 8; decision 0124): namesakes born in
// the report's years are read first through the name/year/sex index of migration 0019; namesakes
// of other ages only when those are too few to fill a review list.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';
import { encryptPersonFields } from '../people/person-crypto.ts';
import { NAME_CONTEXT, recordBlindIndexes, recordNameKeys } from '../people/person-search.ts';
import { peopleByNameTier } from './missing.queries.ts';
import { reportYears } from './search-candidates.ts';

describeOnBothDatabases('tiered people retrieval of a report search', (h) => {
  let client: ApiClient;
  let orgId: string;
  const ids: Record<string, string[]> = {};

  async function person(
    label: string,
    givenNames: string,
    surnames: string,
    sex: string,
    birthDate: string | null,
  ): Promise<void> {
    const id = randomUUID();
    const data = { givenNames, surnames, aliases: [], ...(birthDate ? { birthDate } : {}) };
    const enc = await encryptPersonFields(h().ctx.keyring, orgId, data);
    const bi = await recordBlindIndexes(h().ctx.keyring, orgId, data, []);
    await h().ctx.db.query(
      `INSERT INTO people (id, org_id, sex, birth_year, given_names, surnames, aliases, birth_date, name_bi, name_trigram_bi, document_bi)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::text[], $11::text[])`,
      [
        id,
        orgId,
        sex,
        birthDate ? Number(birthDate.slice(0, 4)) : null,
        enc.given_names,
        enc.surnames,
        enc.aliases ?? null,
        enc.birth_date ?? null,
        bi.name_bi,
        bi.name_trigram_bi,
        bi.document_bi,
      ],
    );
    (ids[label] ??= []).push(id);
  }

  /** How many of the organisation's people a search of the report retrieved. */
  async function retrieved(reportId: string): Promise<number> {
    const r = await client.post(`/api/missing/reports/${reportId}/rematch`);
    assert.equal(r.statusCode, 200, r.body);
    return (r.json() as { searched: { ownPeople: number } }).searched.ownPeople;
  }

  it('sets up 22 namesakes born around 2001, one born in 1970, one of unknown age, and a rare name', async () => {
    await h().createAccount({ org: 'tiers', email: 'coord@tiers.example', role: 'coordinator' });
    orgId = await h().createOrg('tiers');
    client = await h().login('coord@tiers.example');
    await person('truth', 'Kevin', 'Alvarenga Cruz', 'M', '2001-03-14');
    for (let i = 0; i < 21; i++)
      await person('near', 'Kevin', 'Alvarenga', 'M', `${2000 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`);
    await person('far', 'Kevin', 'Alvarenga', 'M', '1970-05-05');
    await person('unknown', 'Kevin', 'Alvarenga', 'M', null);
    await person('rare', 'Wilmer', 'Quispe', 'M', '1990-02-02');
    await person('rare', 'Wilmer', 'Quispe', 'M', '1960-02-02');
  });

  it('reads only the namesakes born in the report years when they fill a review list, and still finds the person', async () => {
    const r = await client.post('/api/missing/reports', {
      givenNames: 'Kebin',
      surnames: 'Alvarenga Cruz',
      sex: 'M',
      birthDate: '2001-03-14',
      lastContact: { date: '2024-04-20', place: 'Tapachula' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const reportId = (r.json() as { id: string }).id;
    assert.equal(
      await retrieved(reportId),
      22,
      'the truth and the 21 namesakes born 2000-2003, not those of other or unknown ages',
    );
    const items = (
      (await client.get(`/api/missing/reports/${reportId}/candidates`)).json() as {
        items: { candidateId: string; decision: string }[];
      }
    ).items;
    assert.equal(items[0]?.candidateId, ids.truth?.[0]);
  });

  it('retrieves every namesake when those born in the report years are too few, or when the report gives no age', async () => {
    const rare = await client.post('/api/missing/reports', {
      givenNames: 'Wilmer',
      surnames: 'Quispe',
      sex: 'M',
      birthDate: '1990-02-02',
      lastContact: { date: '2024-04-20', place: 'Tapachula' },
    });
    assert.equal(await retrieved((rare.json() as { id: string }).id), 2);
    const ageless = await client.post('/api/missing/reports', {
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      lastContact: { date: '2024-04-20', place: 'Tapachula' },
    });
    assert.equal(await retrieved((ageless.json() as { id: string }).id), 24);
  });

  it('the first tier holds exactly the namesakes ranked first: every given-name key, the same sex, the years asked', async () => {
    const keys = async (parts: { givenNames?: string; surnames?: string }) =>
      h().ctx.keyring.blindIndex(orgId, NAME_CONTEXT, recordNameKeys(parts).name);
    const tier = {
      givenKeys: await keys({ givenNames: 'Kevin' }),
      surnameKeys: await keys({ surnames: 'Alvarenga' }),
      years: reportYears({ birth_year: 1970, age_min: null, age_max: null }),
      sex: 'M',
      top: true,
    };
    assert.deepEqual(
      (await peopleByNameTier(h().ctx.db, orgId, tier, false, 200)).map((p) => p.id),
      ids.far,
    );
    assert.equal((await peopleByNameTier(h().ctx.db, orgId, { ...tier, sex: 'F' }, false, 200)).length, 0);
    assert.equal((await peopleByNameTier(h().ctx.db, orgId, { ...tier, years: [] }, false, 200)).length, 24);
    assert.equal(
      (
        await peopleByNameTier(
          h().ctx.db,
          orgId,
          { ...tier, years: [], surnameKeys: await keys({ surnames: 'Quispe' }) },
          false,
          200,
        )
      ).length,
      0,
    );
  });

  it('widens the years by half an estimated age range, and gives up on ranges too wide to narrow anything', () => {
    assert.deepEqual(reportYears({ birth_year: 2001, age_min: null, age_max: null }), [
      'year:1999',
      'year:2000',
      'year:2001',
      'year:2002',
      'year:2003',
    ]);
    assert.equal(reportYears({ birth_year: 2001, age_min: 20, age_max: 24 }).length, 2 * (2 + 3) + 1);
    assert.deepEqual(reportYears({ birth_year: 2001, age_min: 15, age_max: 40 }), []);
    assert.deepEqual(reportYears({ birth_year: null, age_min: null, age_max: null }), []);
  });
});
