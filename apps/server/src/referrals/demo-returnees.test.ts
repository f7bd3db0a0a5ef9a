// The demo's returnees at the Mexico City reception centre: received, assessed and referred
// through the services, with the clinic's answers, so every referral stage is on screen and the
// reception worker has heard of each answer.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.ts';
import { demoReturnees, seedDemoReturnees } from './demo-returnees.ts';

describeOnBothDatabases('demo returnees', (h) => {
  let counts = { returnees: 0, referrals: 0 };
  before(async () => {
    h().clock.now = new Date('2026-12-07T15:00:00Z');
    await seedDemo(h().ctx);
    counts = await seedDemoReturnees(h().ctx);
  });

  it('receives, assesses and refers each returnee, the clinic taking each referral to another stage', async () => {
    assert.deepEqual(counts, { returnees: demoReturnees.length, referrals: demoReturnees.length });
    const sofia = await h().login('recepcion@retornodigno.example', DEMO_PASSWORD);
    const sent = (await sofia.get('/api/referrals?direction=outgoing')).json() as {
      items: { status: string; overdue: boolean; declineReason?: string | null; outcome?: string | null }[];
    };
    const byStatus = new Map<string, number>();
    for (const r of sent.items) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries([...byStatus].sort()), {
      accepted: 1,
      closed_no_outcome: 1,
      completed: 1,
      declined: 1,
      redirected: 1,
      // Two waiting for the clinic, and the redirected one now waiting for the Saltillo shelter.
      sent: 3,
    });
    assert.equal(sent.items.filter((r) => r.status === 'sent' && r.overdue).length, 2, 'two wait past their due date');
    // The redirected referral went on to the Saltillo shelter, which has it to answer.
    const saltillo = await h().login('admin@sierramadre.example', DEMO_PASSWORD);
    const incoming = (await saltillo.get('/api/referrals?direction=incoming')).json() as { items: unknown[] };
    assert.equal(incoming.items.length, 1);
  });

  it('dates receptions over the last two months, with follow-ups, one done', async () => {
    const sofia = await h().login('recepcion@retornodigno.example', DEMO_PASSWORD);
    const count = async (status: string) => {
      const list = await sofia.get(`/api/reintegration/follow-ups?status=${status}`);
      assert.equal(list.statusCode, 200, list.body);
      return (list.json() as { items: unknown[] }).items.length;
    };
    assert.equal(await count('done'), 1);
    assert.ok((await count('overdue')) >= 2);
    assert.ok((await count('open')) >= 10);
    const { rows } = await h().ctx.db.query<{ first: string; last: string }>(
      'SELECT min(received_on)::text AS first, max(received_on)::text AS last FROM reintegration_receptions',
    );
    assert.deepEqual(rows[0], { first: '2026-10-08', last: '2026-12-05' });
  });

  it('tells the reception worker of every answer the clinic gave', async () => {
    const sofia = await h().login('recepcion@retornodigno.example', DEMO_PASSWORD);
    const page = (await sofia.get('/api/notifications')).json() as { items: { kind: string }[] };
    const kinds = new Set(page.items.map((n) => n.kind));
    for (const kind of ['referral.accepted', 'referral.declined', 'referral.completed', 'referral.redirected'])
      assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`);
  });
});
