// The demo's cases: a good share of the demo people have one, with plans and notes, some closed
// with a reason; the caseworker of the shelter finds theirs in the list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { seedDemoPeople } from '../people/demo-people.ts';
import { seedDemoCases } from './demo-cases.ts';

describe('demo cases', () => {
  let h: TestHarness;
  let people = 0;
  let cases = 0;
  before(async () => {
    h = await startHarness('pglite');
    await seedDemo(h.ctx);
    people = await seedDemoPeople(h.ctx, { scale: 0.3 });
    cases = await seedDemoCases(h.ctx);
  });
  after(() => h.close());

  it('opens cases for a good share of the people, with plans, notes and some closed', async () => {
    assert.ok(cases >= people * 0.3, `${cases} cases for ${people} people`);
    const { rows } = await h.ctx.db.query<{ closed: number; active: number; tasks: number; notes: number }>(
      `SELECT (SELECT count(*) FROM cases WHERE status = 'closed')::int AS closed, (SELECT count(*) FROM cases WHERE status <> 'closed')::int AS active,
              (SELECT count(*) FROM case_tasks)::int AS tasks, (SELECT count(*) FROM case_notes)::int AS notes`,
    );
    const counts = rows[0] as { closed: number; active: number; tasks: number; notes: number };
    assert.ok(counts.closed > 0 && counts.active > counts.closed, JSON.stringify(counts));
    assert.ok(counts.tasks >= cases && counts.notes === cases, JSON.stringify(counts));
  });

  it('shows the shelter caseworker their cases', async () => {
    const luis = await h.login('trabajo.social@soconusco.example', DEMO_PASSWORD);
    const page = (await luis.get('/api/cases?assignedTo=me')).json() as { items: { givenNames: string }[] };
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i) => i.givenNames));
  });

  it('leaves the audit chain intact', async () => {
    const admin = await h.login('admin@soconusco.example', DEMO_PASSWORD);
    assert.equal(((await admin.get('/api/admin/audit/verify')).json() as { ok: boolean }).ok, true);
  });
});
