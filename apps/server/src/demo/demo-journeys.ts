// Which demo login to use for each of the seven journeys of USER-JOURNEYS.md, as the server
// prints it at start-up and docs/journeys.md walks it. A visitor reads this before anything else:
// it says who they are in each story, not only which accounts exist.
import { DEMO_PASSWORD, demoAccounts } from './demo-world.ts';

export interface DemoJourney {
  number: number;
  title: string;
  /** The accounts that walk it, first the one who starts. */
  logins: string[];
  /** Where to begin, in the staff app or the portal. */
  start: string;
}

export const demoJourneys: readonly DemoJourney[] = [
  {
    number: 1,
    title: 'Registro de Dania y sus hijos en Tapachula (aviso: "Dania Maradiaga" en Tenosique)',
    logins: ['trabajo.social@soconusco.example', 'coordinacion@soconusco.example'],
    start: '/app/people/new',
  },
  {
    number: 2,
    title: 'Plazo de la solicitud ante la COMAR (a tiempo, en riesgo, vencidos)',
    logins: ['abogada@soconusco.example', 'abogada@fronteranorte.example'],
    start: '/app/procedures',
  },
  {
    number: 3,
    title: 'Documentar la extorsión en el retén de Huixtla',
    logins: ['documentacion@soconusco.example'],
    start: '/app/incidents/new',
  },
  {
    number: 4,
    title: 'Búsqueda de Kevin (candidatos: "Kebin Alvarenga" en Saltillo y restos sin identificar)',
    logins: [
      'busqueda@familiascholoma.example',
      'revision@familiascholoma.example',
      'trabajo.social@sierramadre.example',
    ],
    start: '/app/search',
  },
  {
    number: 5,
    title: 'Jorge, deportado a la Ciudad de México (canalizaciones en cada etapa)',
    logins: ['recepcion@retornodigno.example', 'admin@fronteranorte.example'],
    start: '/app/reintegration',
  },
  {
    number: 6,
    title: 'Boletín mensual de octubre (cifras con celdas menores de 5 suprimidas)',
    logins: ['coordinacion@soconusco.example', 'analista@retornodigno.example'],
    start: '/app/statistics',
  },
  {
    number: 7,
    title: 'Portal sin conexión, en kreyòl (sin cuenta)',
    logins: [],
    start: '/ht/',
  },
];

/** The start-up message's lines: each journey with its logins, then every account by organisation. */
export function demoLoginLines(baseUrl: string, created: boolean): string[] {
  const lines = [
    `${created ? 'Demo data created' : 'Demo data'} (synthetic, every name invented). Password of every demo login: "${DEMO_PASSWORD}"`,
    'Journeys (docs/journeys.md walks each one step by step):',
  ];
  for (const j of demoJourneys) {
    lines.push(`  ${j.number}. ${j.title}`);
    lines.push(
      `     ${j.logins.length ? j.logins.join(', ') : 'no login'}  →  ${baseUrl}${j.start.replace(/^\//, '')}`,
    );
  }
  lines.push('All demo logins:');
  for (const a of demoAccounts) lines.push(`  ${a.email.padEnd(38)} ${a.role.padEnd(22)} ${a.org}`);
  return lines;
}
