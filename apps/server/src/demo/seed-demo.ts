// Synthetic demo data for a first start: four organisations along the route and their staff.
// Every name here is invented. Demo accounts skip two-factor so a visitor can try the product at
// once; real accounts created with the CLI or the admin screen do not.
import type { AppContext } from '../app-context.ts';
import { seedDemoPeople } from '../people/demo-people.ts';
import { seedDemoProcedures } from '../procedures/demo-procedures.ts';
import { seedDemoCases } from '../cases/demo-cases.ts';
import { seedDemoDirectory } from '../reintegration/demo-directory.ts';
import { seedDemoIncidents } from '../incidents/demo-incidents.ts';
import { publishDemoRelease } from '../stats/demo-release.ts';

export const DEMO_PASSWORD = 'acompana-demo-2026';

export const demoOrganisations = [
  {
    slug: 'albergue-tapachula',
    name: 'Casa Refugio Soconusco, Tapachula (demo)',
    kind: 'shelter',
    country: 'MX',
    timeZone: 'America/Mexico_City',
  },
  {
    slug: 'clinica-tijuana',
    name: 'Clínica Jurídica Frontera Norte, Tijuana (demo)',
    kind: 'legal_clinic',
    country: 'MX',
    timeZone: 'America/Tijuana',
  },
  {
    slug: 'comite-choloma',
    name: 'Comité de Familias Buscadoras de Choloma (demo)',
    kind: 'search_committee',
    country: 'HN',
    timeZone: 'America/Tegucigalpa',
  },
  {
    slug: 'recepcion-cdmx',
    name: 'Centro de Recepción Retorno Digno, CDMX (demo)',
    kind: 'returnee_reception',
    country: 'MX',
    timeZone: 'America/Mexico_City',
  },
] as const;

type DemoOrgSlug = (typeof demoOrganisations)[number]['slug'];

export const demoAccounts: { org: DemoOrgSlug; email: string; name: string; role: string; teams?: string[] }[] = [
  { org: 'albergue-tapachula', email: 'admin@soconusco.example', name: 'Rosa Pérez (admin)', role: 'admin' },
  {
    org: 'albergue-tapachula',
    email: 'coordinacion@soconusco.example',
    name: 'Marta Gómez',
    role: 'coordinator',
    teams: ['Atención inicial'],
  },
  {
    org: 'albergue-tapachula',
    email: 'trabajo.social@soconusco.example',
    name: 'Luis Hernández',
    role: 'caseworker',
    teams: ['Atención inicial'],
  },
  {
    org: 'albergue-tapachula',
    email: 'documentacion@soconusco.example',
    name: 'Elena Cruz',
    role: 'documentation_officer',
  },
  { org: 'clinica-tijuana', email: 'admin@fronteranorte.example', name: 'Jorge Ruiz (admin)', role: 'admin' },
  {
    org: 'clinica-tijuana',
    email: 'abogada@fronteranorte.example',
    name: 'Lic. Ana Torres',
    role: 'lawyer',
    teams: ['Asilo'],
  },
  { org: 'comite-choloma', email: 'admin@familiascholoma.example', name: 'Doña Carmen Reyes (admin)', role: 'admin' },
  { org: 'comite-choloma', email: 'busqueda@familiascholoma.example', name: 'Karla Mejía', role: 'search_committee' },
  { org: 'recepcion-cdmx', email: 'admin@retornodigno.example', name: 'Pedro Sánchez (admin)', role: 'admin' },
  {
    org: 'recepcion-cdmx',
    email: 'recepcion@retornodigno.example',
    name: 'Sofía Ramírez',
    role: 'caseworker',
    teams: ['Recepción'],
  },
  { org: 'recepcion-cdmx', email: 'analista@retornodigno.example', name: 'Daniel Ortiz', role: 'analyst' },
];

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM organisations');
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(ctx: AppContext): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const org of demoOrganisations) orgIds.set(org.slug, await ctx.accounts.ensureOrganisation(org));
  for (const account of demoAccounts) {
    const orgId = orgIds.get(account.org) as string;
    await ctx.accounts.createAccount({
      orgId,
      email: account.email,
      password: DEMO_PASSWORD,
      role: account.role,
      displayName: account.name,
      totpExempt: true,
      ...(account.teams ? { teams: account.teams } : {}),
    });
  }
  // The shelter shares search data with the families' committee (journey 4 of USER-JOURNEYS.md).
  await ctx.db.query(
    "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['search'])",
    [orgIds.get('albergue-tapachula'), orgIds.get('comite-choloma')],
  );
  // The Tapachula admin also belongs to the Tijuana clinic, to show the organisation switcher.
  const { rows } = await ctx.db.query<{ id: string }>(
    "SELECT id::text AS id FROM accounts WHERE email = 'admin@soconusco.example'",
  );
  await ctx.db.query("INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, 'coordinator')", [
    rows[0]?.id,
    orgIds.get('clinica-tijuana'),
  ]);
}

/**
 * The demo's people and procedures: a few hundred records, each encrypted and audited, so it
 * takes some seconds. The server runs it after it starts listening; the records appear shortly.
 */
export async function seedDemoRecords(
  ctx: AppContext,
): Promise<{ people: number; procedures: number; cases: number; incidents: number }> {
  // The services directory along the route (every entry says "Ejemplo"; issue 8, item 1).
  await seedDemoDirectory(ctx);
  const people = await seedDemoPeople(ctx);
  const procedures = await seedDemoProcedures(ctx);
  const cases = await seedDemoCases(ctx);
  const incidents = await seedDemoIncidents(ctx);
  // The network's bulletin for the last month past its embargo, published and frozen (decision 0127).
  await publishDemoRelease(ctx);
  return { people, procedures, cases, incidents };
}
