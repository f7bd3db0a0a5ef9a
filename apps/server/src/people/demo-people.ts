// Demo people across the demo organisations (every one invented, see demo-names.ts). Called by
// the demo seed after the organisations and accounts exist: `await seedDemoPeople(ctx)`.
import type { AppContext } from '../app-context.ts';
import { createPeopleService } from './people.service.ts';
import { seededRandom, syntheticPerson } from './demo-names.ts';
import { seedDemoHouseholds } from '../households/demo-households.ts';

/** How many people each kind of demo organisation registers. */
const PEOPLE_BY_KIND: Record<string, number> = {
  shelter: 160,
  legal_clinic: 70,
  returnee_reception: 90,
  search_committee: 0,
  other: 0,
};
/** The partner shelters hold a few dozen each: enough to search, little to wait for at start. */
const PEOPLE_BY_SLUG: Record<string, number> = {
  'albergue-tenosique': 30,
  'albergue-saltillo': 30,
};

export async function seedDemoPeople(
  ctx: AppContext,
  options: { seed?: number; scale?: number } = {},
): Promise<number> {
  const people = createPeopleService({ db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock });
  const rand = seededRandom(options.seed ?? 20_261_123);
  const orgs = await ctx.db.query<{ id: string; kind: string; slug: string }>(
    'SELECT id::text AS id, kind, slug FROM organisations ORDER BY slug',
  );
  let created = 0;
  for (const org of orgs.rows) {
    const count = Math.round((PEOPLE_BY_SLUG[org.slug] ?? PEOPLE_BY_KIND[org.kind] ?? 40) * (options.scale ?? 1));
    if (count === 0) continue;
    // Records are owned by the organisation's front-line staff, in their teams.
    const staff = await ctx.db.query<{ account_id: string; team_id: string | null }>(
      `SELECT m.account_id::text AS account_id, min(t.id::text) AS team_id
         FROM memberships m
         LEFT JOIN team_members tm ON tm.account_id = m.account_id
         LEFT JOIN teams t ON t.id = tm.team_id AND t.org_id = m.org_id
        WHERE m.org_id = $1 AND m.role IN ('caseworker', 'coordinator', 'lawyer', 'admin')
        GROUP BY m.account_id ORDER BY m.account_id`,
      [org.id],
    );
    if (staff.rows.length === 0) continue;
    for (let i = 0; i < count; i++) {
      const owner = staff.rows[i % staff.rows.length];
      if (!owner) continue;
      await people.createRecord(syntheticPerson(rand, ctx.clock()), {
        orgId: org.id,
        accountId: owner.account_id,
        teamId: owner.team_id,
      });
      created++;
    }
  }
  // Some of them get a differentiated profile, and families and unaccompanied adolescents a household.
  await seedDemoHouseholds(ctx, { rand });
  return created;
}
