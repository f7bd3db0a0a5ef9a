// Demo incidents (every one invented): a few hundred events along the migration routes through
// Mexico - Suchiate and Tapachula, the Chiapas-Oaxaca-Veracruz train route, Tabasco, Mexico City,
// Monterrey, Reynosa, Ciudad Juárez, Tijuana - with victims counted by sex and age group,
// perpetrators, acts linking them, a few complaints (some with a deadline from the engine) and
// threats against the shelter's defenders with protection measures. Titles and narratives are
// encrypted with the organisation's key as the service does; rows go in with a handful of bulk
// statements in one transaction with one audit entry, so the demo start stays fast.
import { randomUUID } from 'node:crypto';
import { seededRandom, INSTITUTION_VOCABULARY_VERSION, VIOLATION_VOCABULARY_VERSION } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { seal } from './incident-crypto.ts';
import { computeComplaintDeadline } from './complaint-deadline.ts';

interface Place {
  name: string;
  state: string;
  municipality: string | null;
  route: string | null;
  tag: string | null;
  country?: string;
}

const PLACES: readonly Place[] = [
  {
    name: 'Ciudad Hidalgo, Suchiate',
    state: '07',
    municipality: '07087',
    route: 'southern_border',
    tag: 'border_crossing',
  },
  { name: 'Tapachula', state: '07', municipality: '07089', route: 'southern_border', tag: 'detention_centre' },
  { name: 'el retén de Huixtla', state: '07', municipality: '07040', route: 'southern_border', tag: 'checkpoint' },
  { name: 'Arriaga', state: '07', municipality: '07009', route: 'southern_border', tag: 'train' },
  { name: 'Ciudad Ixtepec', state: '20', municipality: '20014', route: 'isthmus', tag: 'train' },
  { name: 'Matías Romero', state: '20', municipality: '20057', route: 'isthmus', tag: 'train' },
  { name: 'Juchitán', state: '20', municipality: '20043', route: 'isthmus', tag: 'highway' },
  { name: 'Coatzacoalcos', state: '30', municipality: '30039', route: 'gulf_route', tag: 'train' },
  { name: 'Tierra Blanca', state: '30', municipality: '30173', route: 'gulf_route', tag: 'train' },
  { name: 'Orizaba', state: '30', municipality: '30118', route: 'gulf_route', tag: 'train' },
  { name: 'Tenosique', state: '27', municipality: '27017', route: 'gulf_route', tag: 'train' },
  { name: 'Villahermosa', state: '27', municipality: '27004', route: 'gulf_route', tag: 'bus' },
  { name: 'Ciudad de México (Iztapalapa)', state: '09', municipality: '09007', route: 'central_route', tag: 'shelter' },
  { name: 'Monterrey', state: '19', municipality: '19039', route: 'central_route', tag: 'bus' },
  { name: 'Reynosa', state: '28', municipality: '28032', route: 'northern_border', tag: 'mpp_return' },
  { name: 'Ciudad Juárez', state: '08', municipality: '08037', route: 'northern_border', tag: 'mpp_return' },
  { name: 'Tijuana', state: '02', municipality: '02004', route: 'northern_border', tag: 'border_crossing' },
];

// Acts people told the shelter about from before they reached Mexico: Central American places by
// their ISO 3166-2 department (the dashboards' map shows them, decision 0122).
const ABROAD: readonly Place[] = [
  {
    name: 'Tecún Umán',
    state: 'GT-12',
    municipality: null,
    route: 'southern_border',
    tag: 'border_crossing',
    country: 'GT',
  },
  { name: 'El Ceibo, Petén', state: 'GT-17', municipality: null, route: null, tag: 'border_crossing', country: 'GT' },
  { name: 'Ciudad de Guatemala', state: 'GT-01', municipality: null, route: null, tag: 'bus', country: 'GT' },
  {
    name: 'Agua Caliente, Ocotepeque',
    state: 'HN-OC',
    municipality: null,
    route: null,
    tag: 'border_crossing',
    country: 'HN',
  },
  { name: 'San Pedro Sula', state: 'HN-CR', municipality: null, route: null, tag: 'deportation', country: 'HN' },
  { name: 'San Salvador', state: 'SV-SS', municipality: null, route: null, tag: 'deportation', country: 'SV' },
];

/** What happened, who is usually said to do it, and how confidential it is kept. */
const PATTERNS: readonly {
  act: string;
  title: string;
  institutions: readonly string[];
  restricted?: boolean;
  killed?: boolean;
}[] = [
  {
    act: 'extortion',
    title: 'Extorsión',
    institutions: ['police_municipal', 'guardia_nacional', 'organised_crime', 'inm'],
  },
  { act: 'robbery', title: 'Robo', institutions: ['organised_crime', 'private_individuals', 'police_state'] },
  { act: 'kidnapping', title: 'Secuestro', institutions: ['organised_crime'], restricted: true },
  {
    act: 'arbitrary_detention',
    title: 'Detención arbitraria',
    institutions: ['inm', 'inm_detention_centre', 'guardia_nacional'],
  },
  { act: 'refoulement', title: 'Devolución sin evaluar protección', institutions: ['inm', 'cbp_border_patrol'] },
  { act: 'denial_of_asylum_access', title: 'Negación de acceso al asilo', institutions: ['cbp_ofo', 'inm'] },
  { act: 'physical_assault', title: 'Golpes', institutions: ['guardia_nacional', 'inm_detention_centre', 'sedena'] },
  {
    act: 'sexual_violence',
    title: 'Violencia sexual',
    institutions: ['organised_crime', 'smugglers'],
    restricted: true,
  },
  { act: 'disappearance', title: 'Desaparición', institutions: ['organised_crime', 'unknown'], restricted: true },
  { act: 'death', title: 'Muerte', institutions: ['unknown'], killed: true },
];

/**
 * The network bulletin's month (decision 0127): the demo network publishes "Violencia contra
 * personas en movilidad" for the last month past its embargo, so that month gets a dense block of
 * acts where the route concentrates them - enough for a protected table with figures in it (the
 * random events above alone put ~13 acts a month over 170 combinations: every cell small).
 * [act, institution, INEGI state, acts]
 */
const BULLETIN_TYPES = ['extortion', 'robbery', 'arbitrary_detention', 'physical_assault'] as const;
const BULLETIN_INSTITUTIONS = ['police_municipal', 'guardia_nacional', 'inm', 'organised_crime'] as const;
const BULLETIN_STATES = ['07', '20', '30'] as const;
/** Pairs that do not happen on this route in the demo (detentions are by authorities, etc.). */
const BULLETIN_NEVER = new Set([
  'robbery|inm',
  'arbitrary_detention|organised_crime',
  'physical_assault|organised_crime',
]);
// A dense block: a table where most cells are small is mostly hidden, so the demo month gives
// every line several counts of 5 or more (Chiapas the most, as in the shelters' records).
const BULLETIN_BLOCK: readonly [string, string, string, number][] = [
  ...BULLETIN_TYPES.flatMap((type, i) =>
    BULLETIN_INSTITUTIONS.flatMap((institution, j) =>
      BULLETIN_STATES.map((state, k): [string, string, string, number] => [
        type,
        institution,
        state,
        BULLETIN_NEVER.has(`${type}|${institution}`) ? 0 : 5 + ((i * 7 + j * 3 + k * 5) % 7) + (k === 0 ? 6 : 0),
      ]),
    ),
  ).filter(([, , , n]) => n > 0),
  ['refoulement', 'inm', '27', 7],
  ['denial_of_asylum_access', 'cbp_ofo', '02', 9],
];

/** The last month whose end plus the embargo is before `today` ('YYYY-MM'). */
export function bulletinMonth(today: Date, embargoDays = 15): string {
  const d = new Date(today.getTime() - embargoDays * 86_400_000);
  const firstOfThisMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return new Date(firstOfThisMonth - 86_400_000).toISOString().slice(0, 7);
}

const SEXES = ['F', 'M', 'M', 'U'] as const;
const AGES = ['0-11', '12-17', '18-29', '18-29', '30-59', 'unknown'] as const;

export async function seedDemoIncidents(
  ctx: AppContext,
  options: { events?: number; seed?: number } = {},
): Promise<number> {
  const rand = seededRandom(options.seed ?? 20_261_125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const { rows: staff } = await ctx.db.query<{ account_id: string; org_id: string }>(
    "SELECT m.account_id::text AS account_id, m.org_id::text AS org_id FROM memberships m WHERE m.role = 'documentation_officer' ORDER BY m.account_id LIMIT 1",
  );
  const officer = staff[0];
  if (!officer) return 0;
  const org = officer.org_id;
  const total = options.events ?? 320;
  const today = ctx.clock().getTime();
  const hex = (b: Buffer | null) => (b ? b.toString('hex') : null);
  const events: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], [], []];
  const victims: unknown[][] = [[], [], [], [], [], []];
  const perpetrators: unknown[][] = [[], [], [], [], []];
  const acts: unknown[][] = [[], [], [], [], [], []];
  const actVictims: string[][] = [[], []];
  const actPerpetrators: string[][] = [[], []];
  const complaints: { eventId: string; filedOn: string; trigger: string | null }[] = [];
  const defenderEvents: string[] = [];
  for (let i = 0; i < total; i++) {
    const id = randomUUID();
    const picked = pick(PLACES);
    // Every eighth event abroad, chosen without drawing so the rest of the demo stays as it was.
    const place = i % 8 === 3 ? ABROAD[(i >> 3) % ABROAD.length]! : picked;
    const defenders = i % 80 === 7;
    const pattern = defenders
      ? {
          act: 'threats_against_defenders',
          title: 'Amenazas al personal del albergue',
          institutions: ['organised_crime', 'police_municipal'],
          restricted: true,
        }
      : pick(PATTERNS);
    const start = new Date(today - Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    const precision = rand() < 0.8 ? 'day' : 'month';
    const confidentiality = pattern.restricted ? 'restricted' : rand() < 0.45 ? 'shareable' : 'internal';
    const title = await seal(ctx.keyring, org, 'incident_events', 'title', `${pattern.title} en ${place.name}`);
    const narrative = await seal(
      ctx.keyring,
      org,
      'incident_events',
      'narrative',
      `Relato sintético de demostración: ${pattern.title.toLowerCase()} en ${place.name}. Las personas entrevistadas describen lo ocurrido; ningún dato es real.`,
    );
    const row = [
      id,
      hex(title),
      hex(narrative),
      precision === 'month' ? `${start.slice(0, 7)}-01` : start,
      precision,
      place.state,
      place.municipality,
      place.route,
      place.tag,
      confidentiality,
      defenders,
      officer.account_id,
      place.country ?? 'MX',
    ];
    row.forEach((v, k) => events[k]?.push(v));
    if (defenders) defenderEvents.push(id);
    const victimIds: string[] = [];
    for (let g = 0, groups = 1 + Math.floor(rand() * 3); g < groups; g++) {
      const vid = randomUUID();
      victimIds.push(vid);
      [
        vid,
        id,
        1 + Math.floor(rand() * (pattern.killed ? 2 : 8)),
        pick(SEXES),
        pick(AGES),
        pick(['HN', 'GT', 'SV', 'VE', 'HT', 'CU', 'NI']),
      ].forEach((v, k) => victims[k]?.push(v));
    }
    const pid = randomUUID();
    const institution = pick(pattern.institutions);
    [
      pid,
      id,
      institution,
      institution === 'unknown' ? pick(['guardia_nacional', 'organised_crime']) : null,
      institution === 'unknown' ? 'possible' : 'confirmed',
    ].forEach((v, k) => perpetrators[k]?.push(v));
    const aid = randomUUID();
    [
      aid,
      id,
      pattern.act,
      precision === 'month' ? `${start.slice(0, 7)}-01` : start,
      place.state,
      place.municipality,
    ].forEach((v, k) => acts[k]?.push(v));
    for (const vid of victimIds) {
      actVictims[0]?.push(aid);
      actVictims[1]?.push(vid);
    }
    actPerpetrators[0]?.push(aid);
    actPerpetrators[1]?.push(pid);
    if (!pattern.restricted && rand() < 0.05)
      complaints.push({ eventId: id, filedOn: start, trigger: rand() < 0.5 ? start : null });
  }
  // The bulletin month's block, with its own random stream so the events above stay as they were.
  const month = bulletinMonth(ctx.clock());
  const blockRand = seededRandom(20_261_031);
  let added = 0;
  for (const [act, institution, state, n] of BULLETIN_BLOCK) {
    const place = PLACES.find((p) => p.state === state) ?? PLACES[0]!;
    const pattern = PATTERNS.find((p) => p.act === act)!;
    for (let k = 0; k < n; k++) {
      const id = randomUUID();
      const day = `${month}-${String(1 + Math.floor(blockRand() * 28)).padStart(2, '0')}`;
      const title = await seal(ctx.keyring, org, 'incident_events', 'title', `${pattern.title} en ${place.name}`);
      const narrative = await seal(
        ctx.keyring,
        org,
        'incident_events',
        'narrative',
        `Relato sintético de demostración: ${pattern.title.toLowerCase()} en ${place.name}. Ningún dato es real.`,
      );
      const conf = blockRand() < 0.5 ? 'shareable' : 'internal';
      const row = [
        id,
        hex(title),
        hex(narrative),
        day,
        'day',
        state,
        place.municipality,
        place.route,
        place.tag,
        conf,
        false,
        officer.account_id,
        'MX',
      ];
      row.forEach((v, i) => events[i]?.push(v));
      const vid = randomUUID();
      [vid, id, 1 + Math.floor(blockRand() * 3), pick(SEXES), pick(AGES), pick(['HN', 'GT', 'SV', 'VE', 'HT'])].forEach(
        (v, i) => victims[i]?.push(v),
      );
      const pid = randomUUID();
      [pid, id, institution, null, 'confirmed'].forEach((v, i) => perpetrators[i]?.push(v));
      const aid = randomUUID();
      [aid, id, act, day, state, place.municipality].forEach((v, i) => acts[i]?.push(v));
      actVictims[0]?.push(aid);
      actVictims[1]?.push(vid);
      actPerpetrators[0]?.push(aid);
      actPerpetrators[1]?.push(pid);
      added++;
    }
  }
  const deadlines = await Promise.all(
    complaints.map((c) =>
      c.trigger
        ? computeComplaintDeadline(ctx.db, { ruleId: 'mx.revision', trigger: c.trigger })
        : Promise.resolve(null),
    ),
  );
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO incident_events (id, org_id, owner_account_id, created_by, title, narrative, start_date, start_precision, state_code, municipality_code, route_segment, context_tags, confidentiality, against_defenders, country)
       SELECT e.id, $14, e.owner, e.owner, decode(e.title, 'hex'), decode(e.narrative, 'hex'), e.start, e.prec, e.state, e.mun, e.route, CASE WHEN e.tag IS NULL THEN '{}'::text[] ELSE ARRAY[e.tag] END, e.conf, e.defenders, e.country
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::uuid[], $13::text[])
         AS e(id, title, narrative, start, prec, state, mun, route, tag, conf, defenders, owner, country)`,
      [...events, org],
    );
    await tx.query(
      `INSERT INTO incident_victims (id, event_id, org_id, count, sex, age_group, nationality)
       SELECT v.id, v.event_id, $7, v.n, v.sex, v.age, v.nat FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[]) AS v(id, event_id, n, sex, age, nat)`,
      [...victims, org],
    );
    await tx.query(
      `INSERT INTO incident_perpetrators (id, event_id, org_id, institution, suspected_institution, attribution, vocabulary_version)
       SELECT p.id, p.event_id, $6, p.inst, p.suspected, p.attr, $7 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS p(id, event_id, inst, suspected, attr)`,
      [...perpetrators, org, INSTITUTION_VOCABULARY_VERSION],
    );
    await tx.query(
      `INSERT INTO incident_acts (id, event_id, org_id, act_type, vocabulary_version, act_date, date_precision, state_code, municipality_code)
       SELECT a.id, a.event_id, $7, a.type, $8, a.d, 'day', a.state, a.mun FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::text[]) AS a(id, event_id, type, d, state, mun)`,
      [...acts, org, VIOLATION_VOCABULARY_VERSION],
    );
    await tx.query(
      'INSERT INTO incident_act_victims (act_id, victim_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
      actVictims,
    );
    await tx.query(
      'INSERT INTO incident_act_perpetrators (act_id, perpetrator_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
      actPerpetrators,
    );
    for (const [k, c] of complaints.entries()) {
      const d = deadlines[k];
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO incident_complaints (event_id, org_id, authority, filed_on, status_changed_on, next_deadline, deadline_rule_id, deadline_rule_version, deadline_trigger, created_by)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
        [
          c.eventId,
          org,
          k % 2 ? 'cndh' : 'fgr',
          c.filedOn,
          d?.dueDate ?? null,
          d?.ruleId ?? null,
          d?.ruleVersion ?? null,
          d?.trigger ?? null,
          officer.account_id,
        ],
      );
      await tx.query(
        "INSERT INTO incident_complaint_history (complaint_id, status, changed_on, changed_by) VALUES ($1, 'filed', $2, $3)",
        [rows[0]?.id, c.filedOn, officer.account_id],
      );
    }
    for (const eventId of defenderEvents) {
      const { rows } = await tx.query<{ id: string; stage_on: string }>(
        `INSERT INTO incident_protection_measures (event_id, org_id, measure, authority, stage, stage_on, created_by)
         SELECT $1, $2, 'panic_button', 'federal_mechanism', 'granted', start_date + 10, $3 FROM incident_events WHERE id = $1 RETURNING id::text AS id, stage_on::text AS stage_on`,
        [eventId, org, officer.account_id],
      );
      await tx.query(
        `INSERT INTO incident_protection_history (measure_id, org_id, stage, on_date, recorded_by) VALUES ($1, $2, 'requested', $3::date - 8, $4), ($1, $2, 'granted', $3::date, $4)`,
        [rows[0]?.id, org, rows[0]?.stage_on, officer.account_id],
      );
    }
    await ctx.audit.append(tx, {
      actorAccountId: officer.account_id,
      actorOrgId: org,
      action: 'incident.demo_seed',
      recordType: 'incident',
      orgId: org,
      fields: ['title', 'narrative'],
      ip: null,
      details: { events: total + added },
    });
  });
  return total + added;
}
