// The demo world's organisations and staff (every name invented): the Tapachula shelter where
// journeys 1 to 3 and 6 start, the partner shelters in Tenosique and Saltillo that hold the
// records the Tapachula intake and Kevin's search find, the Tijuana legal clinic, the Choloma
// families' committee, the Mexico City returnee reception centre and a forensic service with
// unidentified remains. Slugs and e-mails of the first four organisations are used by many
// tests: they are kept as they were, and the rest only added to.

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
  {
    slug: 'albergue-tenosique',
    name: 'Albergue Camino del Río, Tenosique (demo)',
    kind: 'shelter',
    country: 'MX',
    timeZone: 'America/Mexico_City',
  },
  {
    slug: 'albergue-saltillo',
    name: 'Casa Sierra Madre, Saltillo (demo)',
    kind: 'shelter',
    country: 'MX',
    timeZone: 'America/Monterrey',
  },
  {
    slug: 'forense-golfo',
    name: 'Servicio Forense del Golfo, Coatzacoalcos (demo)',
    kind: 'other',
    country: 'MX',
    timeZone: 'America/Mexico_City',
  },
] as const;

export type DemoOrgSlug = (typeof demoOrganisations)[number]['slug'];

export interface DemoAccount {
  org: DemoOrgSlug;
  email: string;
  name: string;
  role: string;
  teams?: string[];
}

export const demoAccounts: DemoAccount[] = [
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
  // In the intake team, so she can find the people it registers and link them as victims (journey 3).
  {
    org: 'albergue-tapachula',
    email: 'documentacion@soconusco.example',
    name: 'Elena Cruz',
    role: 'documentation_officer',
    teams: ['Atención inicial'],
  },
  // The shelter's lawyer shares the intake team, so she reads the cases Luis opens (journey 2).
  {
    org: 'albergue-tapachula',
    email: 'abogada@soconusco.example',
    name: 'Lic. Beatriz Solís',
    role: 'lawyer',
    teams: ['Atención inicial'],
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
  // A second member of the committee, to confirm a match as the second pair of eyes (journey 4).
  { org: 'comite-choloma', email: 'revision@familiascholoma.example', name: 'Tomás Zelaya', role: 'search_committee' },
  { org: 'recepcion-cdmx', email: 'admin@retornodigno.example', name: 'Pedro Sánchez (admin)', role: 'admin' },
  {
    org: 'recepcion-cdmx',
    email: 'recepcion@retornodigno.example',
    name: 'Sofía Ramírez',
    role: 'caseworker',
    teams: ['Recepción'],
  },
  { org: 'recepcion-cdmx', email: 'analista@retornodigno.example', name: 'Daniel Ortiz', role: 'analyst' },
  { org: 'albergue-tenosique', email: 'admin@caminodelrio.example', name: 'Irma Velázquez (admin)', role: 'admin' },
  {
    org: 'albergue-tenosique',
    email: 'trabajo.social@caminodelrio.example',
    name: 'Fray Samuel Ortega',
    role: 'caseworker',
    teams: ['Acogida'],
  },
  { org: 'albergue-saltillo', email: 'admin@sierramadre.example', name: 'Gloria Treviño (admin)', role: 'admin' },
  {
    org: 'albergue-saltillo',
    email: 'trabajo.social@sierramadre.example',
    name: 'Raúl Garza',
    role: 'caseworker',
    teams: ['Acogida'],
  },
  { org: 'forense-golfo', email: 'admin@forensegolfo.example', name: 'Dra. Leticia Montes (admin)', role: 'admin' },
  {
    org: 'forense-golfo',
    email: 'identificacion@forensegolfo.example',
    name: 'Mtro. Arturo Lagunes',
    role: 'coordinator',
    teams: ['Identificación humana'],
  },
];

/**
 * The sharing agreements among them (decision 0128), each made by the sharing organisation's
 * administrator through the agreements service, so each is audited like one made on screen.
 * None links the Tapachula shelter with the Tijuana clinic: the administration screens' test
 * creates exactly that one.
 */
export const demoAgreements: { from: DemoOrgSlug; to: DemoOrgSlug; purposes: ('search' | 'tracing' | 'referral')[] }[] =
  [
    // Journey 4: the shelters share search data with the families' committee; the forensic
    // service its unidentified remains; tracing requests go both ways.
    { from: 'albergue-tapachula', to: 'comite-choloma', purposes: ['search'] },
    { from: 'albergue-saltillo', to: 'comite-choloma', purposes: ['search', 'tracing'] },
    { from: 'forense-golfo', to: 'comite-choloma', purposes: ['search', 'tracing'] },
    { from: 'comite-choloma', to: 'forense-golfo', purposes: ['search', 'tracing'] },
    // Journey 1: the partner shelters along the route look for each other's people at intake.
    { from: 'albergue-tenosique', to: 'albergue-tapachula', purposes: ['search'] },
    { from: 'albergue-tapachula', to: 'albergue-tenosique', purposes: ['search'] },
    { from: 'albergue-saltillo', to: 'albergue-tapachula', purposes: ['search'] },
    // Journey 5: the reception centre refers returnees to the clinic (legal identity).
    { from: 'recepcion-cdmx', to: 'clinica-tijuana', purposes: ['referral'] },
  ];
