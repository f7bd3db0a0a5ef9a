// The demo seed registers a few hundred invented people who can be found by name.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedDemoPeople } from './demo-people.ts';
import { DEMO_PASSWORD } from '../demo/seed-demo.ts';

describeOnBothDatabases('demo people', (h) => {
  it('seeds a few hundred people across the demo organisations, searchable by name', async () => {
    await seedDemo(h().ctx);
    const created = await seedDemoPeople(h().ctx);
    assert.ok(created >= 300, String(created));
    const { rows } = await h().ctx.db.query<{ n: number }>('SELECT count(DISTINCT org_id) AS n FROM people');
    assert.ok(Number(rows[0]?.n) >= 3);
    const worker = await h().login('trabajo.social@soconusco.example', DEMO_PASSWORD);
    const found = (await worker.get('/api/people?q=Hernandez')).json() as { items: { surnames: string }[] };
    assert.ok(found.items.length > 0);
    assert.ok(found.items.every((i) => /hern/i.test(i.surnames.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))));
  });
});
