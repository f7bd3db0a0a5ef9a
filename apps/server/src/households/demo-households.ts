// Demo differentiated profiles and households (every person invented, see demo-names.ts):
// mothers travelling with their children, a few unaccompanied adolescents, and indicators such
// as pregnancy, disability or indigenous origin spread over the adults. Runs through the same
// services as the API (encrypted, audited, one transaction each), acting as each
// organisation's admin or coordinator. Called at the end of seedDemoPeople, before cases.
import { ADULT_AGE, type Actor, type HouseholdCreate, type ProfileIndicator } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createProfileService } from '../people/profile.service.ts';
import { createHouseholdsService } from './households.service.ts';

interface DemoPerson {
  id: string;
  sex: string | null;
  birth_year: number | null;
  version: number;
}

const ADULT_INDICATORS: readonly ProfileIndicator[] = [
  'indigenous',
  'violence_survivor',
  'disability',
  'chronic_illness',
  'lgbtiq',
  'human_rights_defender',
  'interpreter_needed',
];

export async function seedDemoHouseholds(
  ctx: AppContext,
  options: { families?: number; rand?: () => number } = {},
): Promise<{ households: number; profiles: number }> {
  const rand = options.rand ?? Math.random;
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const profiles = createProfileService(deps);
  const households = createHouseholdsService(deps);
  const year = ctx.clock().getUTCFullYear();
  const orgs = await ctx.db.query<{ org_id: string; account_id: string; role: string }>(
    `SELECT DISTINCT ON (m.org_id) m.org_id::text AS org_id, m.account_id::text AS account_id, m.role FROM memberships m
      WHERE m.role IN ('admin', 'coordinator') AND EXISTS (SELECT 1 FROM people p WHERE p.org_id = m.org_id)
      ORDER BY m.org_id, m.role, m.account_id`,
  );
  let made = 0;
  let profiled = 0;
  for (const org of orgs.rows) {
    const actor: Actor = { accountId: org.account_id, orgId: org.org_id, role: org.role, teamIds: [], sharing: [] };
    const { rows } = await ctx.db.query<DemoPerson>(
      `SELECT id::text AS id, sex, birth_year, version FROM people WHERE org_id = $1 AND deleted_at IS NULL AND birth_year IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM household_members hm WHERE hm.person_id = people.id) ORDER BY created_at, id`,
      [org.org_id],
    );
    const age = (p: DemoPerson) => year - Number(p.birth_year);
    const children = rows.filter((p) => age(p) < ADULT_AGE);
    const mothers = rows.filter((p) => p.sex === 'F' && age(p) >= 20 && age(p) <= 45);
    const record = async (p: DemoPerson, indicators: ProfileIndicator[]) => {
      await profiles.put(actor, p.id, { version: Number(p.version), indicators });
      p.version = Number(p.version) + 1;
      profiled++;
    };
    // Two adolescents travelling alone.
    for (const teen of children.filter((c) => age(c) >= 13).slice(0, 2)) {
      children.splice(children.indexOf(teen), 1);
      await record(teen, ['unaccompanied_child']);
      await households.create(actor, {
        kind: 'unaccompanied_child',
        members: [{ personId: teen.id, relationship: 'self' }],
      });
      made++;
    }
    // Families: a mother with one or two children, she their responsible adult.
    for (let i = 0; i < (options.families ?? 6) && mothers.length > 0 && children.length > 0; i++) {
      const mother = mothers.shift() as DemoPerson;
      const kids = children.splice(0, rand() < 0.5 ? 1 : 2);
      const input: HouseholdCreate = {
        kind: 'family',
        label: `Familia ${i + 1}`,
        members: [
          { personId: mother.id, relationship: 'self' },
          ...kids.map((k) => ({ personId: k.id, relationship: 'child' as const, responsibleAdultId: mother.id })),
        ],
      };
      await households.create(actor, input);
      made++;
      await record(mother, rand() < 0.3 ? ['single_parent', 'pregnant'] : ['single_parent']);
    }
    // Indicators over some other adults.
    const adults = rows.filter((p) => age(p) >= ADULT_AGE && !mothers.includes(p)).slice(0, 40);
    for (const [i, adult] of adults.entries()) {
      if (i % 4 !== 0) continue;
      const chosen = ADULT_INDICATORS[Math.floor(rand() * ADULT_INDICATORS.length)] as ProfileIndicator;
      await record(adult, [chosen]);
    }
  }
  return { households: made, profiles: profiled };
}
