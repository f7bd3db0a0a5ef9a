// The demo gives some people a differentiated profile and groups families and unaccompanied
// adolescents into households, through the same services as the API.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { seedDemoPeople } from '../people/demo-people.ts';

describeOnBothDatabases('demo households and profiles', (h) => {
  it('seeds families with responsible adults, unaccompanied adolescents and profiles', async () => {
    await seedDemo(h().ctx);
    await seedDemoPeople(h().ctx, { scale: 0.25 });
    const kinds = await h().ctx.db.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM households GROUP BY kind ORDER BY kind',
    );
    const byKind = Object.fromEntries(kinds.rows.map((r) => [r.kind, Number(r.n)]));
    assert.ok((byKind.family ?? 0) >= 3, JSON.stringify(byKind));
    assert.ok((byKind.unaccompanied_child ?? 0) >= 1, JSON.stringify(byKind));
    const responsible = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM household_members WHERE responsible_adult_id IS NOT NULL',
    );
    assert.ok(Number(responsible.rows[0]?.n) >= 3);
    const coordinator = await h().login('admin@soconusco.example', DEMO_PASSWORD);
    const alone = (await coordinator.get('/api/people?profile=unaccompanied_child')).json() as { items: unknown[] };
    assert.ok(alone.items.length >= 1);
  });
});
