// Synthetic demo data for a first start: the organisations along the route (demo-world.ts), their
// staff and the sharing agreements among them, then the records that stage each journey of
// USER-JOURNEYS.md. Every name here is invented. Demo accounts skip two-factor so a visitor can
// try the product at once; real accounts created with the CLI or the admin screen do not.
import type { Actor } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createSharingAgreementsService } from '../orgs/sharing-agreements.service.ts';
import { seedDemoPeople } from '../people/demo-people.ts';
import { seedDemoProcedures } from '../procedures/demo-procedures.ts';
import { seedDemoCases } from '../cases/demo-cases.ts';
import { seedDemoDirectory } from '../reintegration/demo-directory.ts';
import { seedDemoIncidents } from '../incidents/demo-incidents.ts';
import { seedDemoFoundRecords } from '../missing/demo-found.ts';
import { seedDemoReturnees } from '../referrals/demo-returnees.ts';
import { publishDemoRelease } from '../stats/demo-release.ts';
import { DEMO_PASSWORD, demoAccounts, demoAgreements, demoOrganisations } from './demo-world.ts';
import { seedJourneyPeople } from './demo-journey-people.ts';

export { DEMO_PASSWORD, demoAccounts, demoOrganisations } from './demo-world.ts';
export { demoJourneys, demoLoginLines } from './demo-journeys.ts';

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM organisations');
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Organisations, accounts and agreements: what a login needs, before the server listens. */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const org of demoOrganisations) orgIds.set(org.slug, await ctx.accounts.ensureOrganisation(org));
  const accountIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const orgId = orgIds.get(account.org) as string;
    const created = await ctx.accounts.createAccount({
      orgId,
      email: account.email,
      password: DEMO_PASSWORD,
      role: account.role,
      displayName: account.name,
      totpExempt: true,
      ...(account.teams ? { teams: account.teams } : {}),
    });
    accountIds.set(account.email, created.accountId);
  }
  const agreements = createSharingAgreementsService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  for (const a of demoAgreements) {
    const admin = demoAccounts.find((d) => d.org === a.from && d.role === 'admin');
    const orgId = orgIds.get(a.from) as string;
    const actor: Actor = {
      accountId: accountIds.get(admin?.email ?? '') as string,
      orgId,
      role: 'admin',
      teamIds: [],
      sharing: [],
    };
    // Signed half a year before the first start: the partners have been working together a while.
    // (Before the database's own today too, which decides whether an agreement is in force.)
    const since = Math.min(ctx.clock().getTime(), Date.now()) - 182 * 86_400_000;
    const validFrom = new Date(since).toISOString().slice(0, 10);
    await agreements.create(actor, { partnerOrgId: orgIds.get(a.to) as string, purposes: a.purposes, validFrom }, null);
  }
  // The Tapachula admin also belongs to the Tijuana clinic, to show the organisation switcher.
  await ctx.db.query("INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, 'coordinator')", [
    accountIds.get('admin@soconusco.example'),
    orgIds.get('clinica-tijuana'),
  ]);
}

export interface DemoRecordCounts {
  people: number;
  procedures: number;
  cases: number;
  incidents: number;
  foundRecords: number;
  returnees: number;
  referrals: number;
}

/**
 * The demo's records: a few hundred people, cases, procedures, incidents, found records and
 * returnees, each encrypted and audited, so it takes some seconds. The server runs it after it
 * starts listening; the records appear shortly.
 */
export async function seedDemoRecords(ctx: AppContext): Promise<DemoRecordCounts> {
  // The services directory along the route (every entry says "Ejemplo").
  await seedDemoDirectory(ctx);
  const people = await seedDemoPeople(ctx);
  // Dania at Tenosique (journey 1) and Kebin at Saltillo (journey 4), after the crowd so that
  // nothing else changes who owns which generated person.
  await seedJourneyPeople(ctx);
  const procedures = await seedDemoProcedures(ctx);
  const cases = await seedDemoCases(ctx);
  const incidents = await seedDemoIncidents(ctx);
  const foundRecords = await seedDemoFoundRecords(ctx);
  const { returnees, referrals } = await seedDemoReturnees(ctx);
  // The network's bulletin for the last month past its embargo, published and frozen (decision 0127).
  await publishDemoRelease(ctx);
  return { people, procedures, cases, incidents, foundRecords, returnees, referrals };
}
