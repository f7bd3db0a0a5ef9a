// Builds the upgrade-test fixture of a release: run INSIDE a checkout of that release (see
// tests/upgrade/README.md), against an empty PostgreSQL database named by DATABASE_URL and with
// the fixture's master key in ACOMPANA_MASTER_KEY. It fills the database the way users of that
// release did (through the services and the HTTP API, so everything is encrypted and audited),
// then prints nothing; `pg_dump --data-only` of the database is the fixture.
// Uses only entry points that every release keeps (openRuntime, buildApp, the demo seed).
import { loadConfig } from '../../apps/server/src/kernel/config.ts';
import { openRuntime } from '../../apps/server/src/bootstrap.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed-demo.ts';
import { seedDemoPeople } from '../../apps/server/src/people/demo-people.ts';
import { seedDemoProcedures } from '../../apps/server/src/procedures/demo-procedures.ts';
import { clientFor } from '../../apps/server/src/testing/test-harness.ts';

const runtime = await openRuntime(loadConfig(process.env), {
  purpose: 'fixture',
  clock: () => new Date('2026-11-20T15:00:00Z'),
});
const { ctx } = runtime;
await seedDemo(ctx);
await seedDemoPeople(ctx, { seed: 7, scale: 0.15 });
await seedDemoProcedures(ctx);
const app = await buildApp(ctx);

async function login(email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'acompana_session');
  if (!cookie) throw new Error(`login of ${email} failed: ${response.body}`);
  return clientFor(app, `acompana_session=${cookie.value}`, (response.json() as { csrfToken: string }).csrfToken);
}

function expectCreated(what: string, response: { statusCode: number; body: string }): { id: string } {
  if (response.statusCode !== 201) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return JSON.parse(response.body) as { id: string };
}

// The shelter: a person with consents and a screening.
const shelter = await login('trabajo.social@soconusco.example');
const dania = expectCreated(
  'person',
  await shelter.post('/api/people', {
    givenNames: 'Dania Yamileth',
    surnames: 'Maradiaga Zúniga',
    sex: 'F',
    birthDate: '1994-02-11',
    nationality: 'HN',
    documents: [{ type: 'passport', number: 'F1234567' }],
    contacts: [{ channel: 'whatsapp', value: '+50488887777' }],
    notes: 'Llega con su hijo de 6 años.',
  }),
);
expectCreated('consent', await shelter.post(`/api/people/${dania.id}/consents`, { purpose: 'care', method: 'signed' }));
expectCreated(
  'screening',
  await shelter.post(`/api/people/${dania.id}/screenings`, {
    questionnaireId: 'international_protection',
    answers: { fear_of_return: true, fear_reasons: ['gang_threats'], days_in_mexico: 12 },
  }),
);

// The observatory work: an incident with victims, a perpetrator, an act and a complaint.
const documentation = await login('documentacion@soconusco.example');
const event = expectCreated(
  'incident',
  await documentation.post('/api/incidents', {
    title: 'Extorsión en retén cerca de Huixtla',
    narrative: 'Agentes pidieron dinero a un grupo de 5 personas.',
    start: { date: '2026-10-18', precision: 'day' },
    place: { country: 'MX', stateCode: '07', municipalityCode: '07040', locality: 'Retén km 12' },
    routeSegment: 'southern_border',
    contextTags: ['checkpoint'],
  }),
);
const withVictims = expectCreated(
  'victims',
  await documentation.post(`/api/incidents/${event.id}/victims`, { count: 5, sex: 'M', ageGroup: '18-29' }),
) as unknown as { victims: { id: string }[] };
const withPerpetrator = expectCreated(
  'perpetrator',
  await documentation.post(`/api/incidents/${event.id}/perpetrators`, {
    institution: 'unknown',
    suspectedInstitution: 'guardia_nacional',
    attribution: 'possible',
  }),
) as unknown as { perpetrators: { id: string }[] };
expectCreated(
  'act',
  await documentation.post(`/api/incidents/${event.id}/acts`, {
    type: 'extortion',
    victimIds: withVictims.victims.map((v) => v.id),
    perpetratorIds: withPerpetrator.perpetrators.map((p) => p.id),
  }),
);
expectCreated(
  'complaint',
  await documentation.post(`/api/incidents/${event.id}/complaints`, {
    authority: 'cndh',
    fileNumber: 'CNDH/5/2026/0001/Q',
    filedOn: '2026-10-20',
  }),
);

// The families' committee: a missing-person report and unidentified remains.
const committee = await login('busqueda@familiascholoma.example');
expectCreated(
  'missing report',
  await committee.post('/api/missing/reports', {
    givenNames: 'Kevin',
    surnames: 'Alvarenga',
    sex: 'M',
    birthDate: '2001-03-14',
    nationality: 'HN',
    origin: { country: 'HN', place: 'Choloma' },
    lastContact: { date: '2026-04-20', place: 'Tapachula', means: 'WhatsApp' },
    relatives: [
      {
        name: 'Rosa Alvarenga',
        relationship: 'madre',
        contacts: [{ channel: 'whatsapp', value: '+50499990000' }],
        consentToContact: true,
      },
    ],
  }),
);
expectCreated(
  'found record',
  await committee.post('/api/missing/found', {
    kind: 'unidentified_remains',
    sex: 'M',
    ageMin: 20,
    ageMax: 26,
    foundOn: '2026-06-01',
    foundPlace: 'Altar, Sonora',
    custodian: { agency: 'SEMEFO Sonora', fileNumber: 'CI-2026-0931' },
  }),
);

await app.close();
await runtime.close();
