// Encryption at rest, over the whole database (issue 4 item 10, SECURITY.md): after staff record a
// person, their case, household, profile, consent witness, an incident, a missing-person report
// and a referral — every one with a marker string in each personal field — neither a pg_dump of
// the whole PostgreSQL database nor the raw files of the embedded database contain any marker.
// Audit entries, notifications, job payloads and indexes are covered too, because the scan is of
// everything the database holds. Search by name still works afterwards (blind indexes).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { startHarness, type ApiClient, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { testDatabaseKinds } from '../../apps/server/src/testing/test-database.ts';
import type { PgliteDatabase } from '../../apps/server/src/kernel/db/pglite-database.ts';

/** Markers: unusual enough never to appear by chance, each in one personal field. */
const M = {
  given: 'Xochiquetzal',
  surname: 'Quetzalcoatlzin',
  alias: 'Chalchiuhtlicue',
  document: 'ZZ9876543Q',
  phone: '+5219990001234',
  note: 'NotaSecretaDelExpediente',
  witness: 'TestigoIzcoatl',
  caseNote: 'CaseNoteTlaloc',
  task: 'TareaMictlan',
  household: 'FamiliaTonatiuh',
  profileNote: 'PerfilCoyolxauhqui',
  incidentTitle: 'RetenTeotihuacan',
  narrative: 'NarrativaHuitzilopochtli',
  missing: 'Ehecatlzin',
  relative: 'MadreCitlalicue',
  referral: 'MotivoTezcatlipoca',
};

const kinds = await testDatabaseKinds();

for (const kind of kinds) {
  describe(`encryption at rest [${kind}]`, () => {
    let h: TestHarness;
    let worker: ApiClient;
    let personId: string;

    before(async () => {
      h = await startHarness(kind);
      for (const [email, role] of [
        ['cw@cifra.example', 'caseworker'],
        ['doc@cifra.example', 'documentation_officer'],
        ['fam@cifra.example', 'search_committee'],
      ] as const) {
        await h.createAccount({ org: 'cifra', email, role });
      }
      await h.createAccount({ org: 'otra-cifra', email: 'admin@otra-cifra.example', role: 'admin' });
      worker = await h.login('cw@cifra.example');
      const created = async (what: string, response: { statusCode: number; body: string }) => {
        assert.ok([200, 201].includes(response.statusCode), `${what}: ${response.statusCode} ${response.body}`);
        return JSON.parse(response.body) as { id: string; version: number };
      };
      const person = await created(
        'person',
        await worker.post('/api/people', {
          givenNames: M.given,
          surnames: M.surname,
          aliases: [M.alias],
          birthDate: '1990-05-04',
          nationality: 'HN',
          documents: [{ type: 'passport', number: M.document }],
          contacts: [{ channel: 'whatsapp', value: M.phone }],
          notes: M.note,
        }),
      );
      personId = person.id;
      await created(
        'consent',
        await worker.post(`/api/people/${personId}/consents`, {
          purpose: 'referral',
          method: 'oral_with_witness',
          witnessName: M.witness,
        }),
      );
      await created(
        'profile',
        await worker.request({
          method: 'PUT',
          url: `/api/people/${personId}/profile`,
          payload: { version: person.version, indicators: ['violence_survivor'], notes: M.profileNote },
        }),
      );
      const kase = await created('case', await worker.post('/api/cases', { personId }));
      await created('case note', await worker.post(`/api/cases/${kase.id}/notes`, { text: M.caseNote }));
      await created('task', await worker.post(`/api/cases/${kase.id}/tasks`, { description: M.task }));
      await created(
        'household',
        await worker.post('/api/households', {
          kind: 'family',
          label: M.household,
          members: [{ personId, relationship: 'self' }],
        }),
      );
      const receiver = (
        await h.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'otra-cifra'")
      ).rows[0]?.id;
      await created(
        'referral',
        await worker.post('/api/referrals', {
          personId,
          toOrgId: receiver,
          urgency: 'routine',
          reason: M.referral,
          sharedFields: ['name', 'documents'],
        }),
      );
      const doc = await h.login('doc@cifra.example');
      await created(
        'incident',
        await doc.post('/api/incidents', {
          title: M.incidentTitle,
          narrative: M.narrative,
          start: { date: '2025-05-18', precision: 'day' },
          place: { country: 'MX', stateCode: '07' },
        }),
      );
      const family = await h.login('fam@cifra.example');
      await created(
        'missing report',
        await family.post('/api/missing/reports', {
          givenNames: M.missing,
          surnames: M.surname,
          relatives: [
            {
              name: M.relative,
              relationship: 'madre',
              contacts: [{ channel: 'whatsapp', value: M.phone }],
              consentToContact: true,
            },
          ],
        }),
      );
    });

    after(() => h?.close());

    function assertNoMarker(haystack: string, where: string): void {
      const lower = haystack.toLowerCase();
      const found = Object.entries(M)
        .filter(([, marker]) => lower.includes(marker.toLowerCase()))
        .map(([field]) => field);
      assert.deepEqual(found, [], `personal data in clear in ${where}`);
    }

    it(
      'leaves no personal field in clear in a dump of the whole database',
      { skip: kind !== 'postgres' && 'pg_dump applies to PostgreSQL' },
      () => {
        assert.ok(existsSync('/usr/bin/pg_dump') && h.databaseUrl, 'pg_dump and the database URL are needed');
        const result = spawnSync('/usr/bin/pg_dump', ['--no-owner', h.databaseUrl as string], {
          encoding: 'latin1',
          maxBuffer: 256 * 1024 * 1024,
        });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /COPY public\.case_notes/);
        assertNoMarker(result.stdout, 'pg_dump');
      },
    );

    it(
      "leaves no personal field in clear in the embedded database's files",
      { skip: kind !== 'pglite' && 'the file scan applies to PGlite' },
      async () => {
        const tarball = Buffer.from(await (await (h.ctx.db as PgliteDatabase).dump()).arrayBuffer());
        const files = tarball[0] === 0x1f && tarball[1] === 0x8b ? gunzipSync(tarball) : tarball;
        assert.ok(files.length > 1_000_000, 'the dump holds the data files');
        // latin1 keeps every byte as one character, so ASCII markers are found wherever they sit.
        assertNoMarker(files.toString('latin1'), 'the PGlite data files');
      },
    );

    it('still finds the person by a misspelt name and shows the fields decrypted', async () => {
      const found = (
        await worker.get(`/api/people?q=${encodeURIComponent('xochiquetzal quetzalcoatlsin')}`)
      ).json() as { items: { id: string }[] };
      assert.equal(found.items[0]?.id, personId);
      const person = (await worker.get(`/api/people/${personId}`)).json() as {
        documents: { number: string }[];
        notes: string;
      };
      assert.equal(person.documents[0]?.number, M.document);
      assert.equal(person.notes, M.note);
    });
  });
}
