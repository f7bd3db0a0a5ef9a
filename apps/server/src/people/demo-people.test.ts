// The demo seed registers a few hundred invented people who can be found by name.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { seedDemoPeople } from './demo-people.ts';

describeOnBothDatabases('demo people', (h) => {
  it('seeds people across the demo organisations (a few hundred at full scale), searchable by name', async () => {
    await seedDemo(h().ctx);
    // A quarter of the full demo keeps the test quick; the full seed makes 320 (160 + 70 + 90).
    const created = await seedDemoPeople(h().ctx, { scale: 0.25 });
    assert.ok(created >= 75, String(created));
    const { rows } = await h().ctx.db.query<{ n: number }>('SELECT count(DISTINCT org_id) AS n FROM people');
    assert.ok(Number(rows[0]?.n) >= 3);
    const worker = await h().login('trabajo.social@soconusco.example', DEMO_PASSWORD);
    const found = (await worker.get('/api/people?q=Hernandez')).json() as { items: { surnames: string }[] };
    assert.ok(found.items.length > 0);
    assert.ok(found.items.every((i) => /hern/i.test(i.surnames.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))));
  });
});
