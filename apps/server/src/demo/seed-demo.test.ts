// The demo a visitor gets from `npm start` on an empty data directory (embedded database).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type TestHarness } from '../testing/test-harness.ts';
import { DEMO_PASSWORD, demoAccounts, demoOrganisations, seedDemo, seedDemoRecords } from './seed-demo.ts';

describe('demo data', () => {
  let h: TestHarness;
  before(async () => {
    h = await startHarness('pglite');
    await seedDemo(h.ctx);
  });
  after(() => h.close());

  it('creates the four demo organisations and lets every demo account log in', async () => {
    const { rows } = await h.ctx.db.query<{ slug: string }>('SELECT slug FROM organisations ORDER BY slug');
    assert.deepEqual(
      rows.map((r) => r.slug),
      demoOrganisations.map((o) => o.slug).sort(),
    );
    for (const account of demoAccounts) await h.login(account.email, DEMO_PASSWORD);
  });

  it('adds synthetic people and procedures, so the lawyer’s agenda is not empty', async () => {
    const added = await seedDemoRecords(h.ctx);
    assert.ok(added.people >= 100, `people: ${added.people}`);
    assert.ok(added.procedures >= 3, `procedures: ${added.procedures}`);
    const lawyer = await h.login('abogada@fronteranorte.example', DEMO_PASSWORD);
    const agenda = (await lawyer.get('/api/agenda')).json() as Record<string, unknown[]>;
    const total = ['overdue', 'dueThisWeek', 'atRisk', 'upcoming'].reduce((n, k) => n + (agenda[k]?.length ?? 0), 0);
    assert.ok(total >= 3, JSON.stringify(agenda));
  });

  it('leaves the audit chain intact', async () => {
    const admin = await h.login('admin@soconusco.example', DEMO_PASSWORD);
    assert.equal(((await admin.get('/api/admin/audit/verify')).json() as { ok: boolean }).ok, true);
  });
});
