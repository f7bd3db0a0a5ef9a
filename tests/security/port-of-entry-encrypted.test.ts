// The port of entry is encrypted like the other personal parts of a reception (decision 0128,
// migration 0036): new receptions store only ciphertext, and a row written in clear before the
// migration is encrypted by the start-up backfill without losing the place.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../../apps/server/src/testing/on-both-databases.ts';
import { encryptPortsOfEntry } from '../../apps/server/src/reintegration/port-of-entry.ts';

describeOnBothDatabases('port of entry encrypted at rest', (h) => {
  it('a new reception stores the place only as ciphertext and reads it back', async () => {
    await h().createAccount({ org: 'retorno', email: 'recepcion@retorno.example', role: 'caseworker' });
    const worker = await h().login('recepcion@retorno.example');
    const person = await worker.post('/api/people', { givenNames: 'Elvin', surnames: 'Zelaya Cruz' });
    assert.equal(person.statusCode, 201, person.body);
    const personId = (person.json() as { id: string }).id;
    const place = 'Puente Internacional Rodolfo Robles (MARCADOR-PUERTO)';
    const made = await worker.post('/api/reintegration/receptions', {
      personId,
      receivedOn: h().clock.now.toISOString().slice(0, 10),
      arrivalMode: 'land',
      portOfEntry: place,
      returnedFrom: 'MX',
      returningAuthority: 'inm',
    });
    assert.equal(made.statusCode, 201, made.body);
    const id = (made.json() as { id: string; portOfEntry: string }).id;
    assert.equal((made.json() as { portOfEntry: string }).portOfEntry, place);
    const { rows } = await h().ctx.db.query<{ clear: string | null; enc: string | null }>(
      "SELECT port_of_entry AS clear, encode(port_of_entry_enc, 'escape') AS enc FROM reintegration_receptions WHERE id = $1",
      [id],
    );
    assert.equal(rows[0]?.clear, null);
    assert.ok(rows[0]?.enc && !rows[0].enc.includes('MARCADOR'), 'the place is in clear in the ciphertext column');
    const read = await worker.get(`/api/reintegration/receptions/${id}`);
    assert.equal((read.json() as { portOfEntry: string }).portOfEntry, place);
    const list = await worker.get(`/api/reintegration/receptions?personId=${personId}`);
    assert.equal((list.json() as { items: { portOfEntry: string }[] }).items[0]?.portOfEntry, place);
    const exported = await worker.get(`/api/people/${personId}/export`);
    assert.match(exported.body, /MARCADOR-PUERTO/);
  });

  it('the backfill encrypts a place written in clear before the migration, once, keeping it', async () => {
    const { rows } = await h().ctx.db.query<{ id: string }>(
      `INSERT INTO reintegration_receptions (org_id, person_id, owner_account_id, team_id, received_on, arrival_mode, port_of_entry, returned_from, returning_authority)
       SELECT org_id, person_id, owner_account_id, team_id, received_on, 'air', 'Aeropuerto Ramón Villeda Morales (MARCADOR-ANTIGUO)', 'US', 'ice'
         FROM reintegration_receptions LIMIT 1 RETURNING id::text AS id`,
    );
    const id = rows[0]?.id as string;
    assert.equal(await encryptPortsOfEntry(h().ctx.db, h().ctx.keyring), 1);
    assert.equal(await encryptPortsOfEntry(h().ctx.db, h().ctx.keyring), 0);
    const after = await h().ctx.db.query<{ clear: string | null; enc: string | null }>(
      "SELECT port_of_entry AS clear, encode(port_of_entry_enc, 'escape') AS enc FROM reintegration_receptions WHERE id = $1",
      [id],
    );
    assert.equal(after.rows[0]?.clear, null);
    assert.ok(after.rows[0]?.enc && !after.rows[0].enc.includes('MARCADOR'));
    const worker = await h().login('recepcion@retorno.example');
    const read = await worker.get(`/api/reintegration/receptions/${id}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(
      (read.json() as { portOfEntry: string }).portOfEntry,
      'Aeropuerto Ramón Villeda Morales (MARCADOR-ANTIGUO)',
    );
    // Exactly one of the two columns holds the place.
    await assert.rejects(
      h().ctx.db.query('UPDATE reintegration_receptions SET port_of_entry = $2 WHERE id = $1', [id, 'otra']),
    );
  });
});
