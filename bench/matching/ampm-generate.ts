// Synthetic ante-mortem reports and post-mortem remains (format v2) for the AM/PM engine's
// benchmarks (docs/decisions/0131). Each person has a true body (height, teeth, tattoos, marks,
// hair) and clothes when last seen; the family remembers part of it with their own errors, and the
// forensic service sees part of it with its own: teeth not observable, tattoos lost with the skin,
// left/right confused, colours faded, clothing found in part, sex not determinable, stature and age
// estimated with error, a name on the body misspelled. Non-matching remains and reports are other
// people of the same kind. Run as a script to write left.csv, right.csv and truth.csv:
//   node --import tsx bench/matching/ampm-generate.ts OUT_DIR [--reports 3000] [--remains 6000] [--seed 7]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AmPmRecord, PersonRecord } from '@acompana/core';
import { generate, rng } from './generate.ts';

const LOCATIONS = [
  'left-forearm',
  'right-forearm',
  'left-upper-arm',
  'right-upper-arm',
  'chest',
  'back',
  'neck',
  'left-hand',
  'right-hand',
  'left-leg',
  'right-leg',
];
const MOTIFS = [
  'santa-muerte',
  'name-maria',
  'tribal',
  'cross',
  'eagle',
  'clock',
  'number-18',
  'heart',
  'star',
  'virgin-of-guadalupe',
  'crown',
  'rosary',
  'letters-hn',
  'rose',
  'skull',
  'name-madre',
  'butterfly',
  'dragon',
  'letters-ms',
  'wings',
];
const GARMENTS = [
  'sneakers',
  'belt',
  'sweatshirt',
  't-shirt',
  'boots',
  'jacket',
  'cap',
  'backpack',
  'shirt',
  'trousers',
  'jeans',
];
const COLOURS = ['beige', 'grey', 'brown', 'camouflage', 'red', 'blue', 'white', 'green', 'yellow', 'black'];
const FADE: Record<string, string[]> = {
  red: ['brown'],
  blue: ['grey'],
  black: ['grey'],
  white: ['beige', 'brown'],
  yellow: ['beige'],
  green: ['brown'],
  camouflage: ['green'],
  grey: ['beige'],
  brown: ['beige'],
  beige: ['brown'],
};
const BRANDS = ['chivas', 'puma', 'ny', 'levis', 'real-madrid', 'nike', 'adidas'];
const HAIR = ['black', 'dark-brown', 'brown'];
const HAIR_NEAR: Record<string, string> = { black: 'dark-brown', 'dark-brown': 'black', brown: 'dark-brown' };
const MARKS = [
  'scar:left-knee',
  'scar:abdomen',
  'scar:right-eyebrow',
  'fracture:left-forearm',
  'fracture:right-femur',
  'fracture:clavicle',
  'surgery:appendix',
  'missing-finger:left-index',
  'polydactyly:left-hand',
  'prosthesis:right-hip',
];
const TEETH = [
  11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28, 31, 32, 33, 34, 35, 36, 37, 38, 41, 42, 43, 44, 45,
  46, 47, 48,
];
// Where people are last seen and where remains are recovered further along the same route.
const ROUTES: Record<string, string[]> = {
  'Tapachula, Chiapas': ['Suchiate, Chiapas', 'Arriaga, Chiapas', 'Tapachula, Chiapas'],
  'Tenosique, Tabasco': ['Palenque, Chiapas', 'Coatzacoalcos, Veracruz', 'Tenosique, Tabasco'],
  'Coatzacoalcos, Veracruz': ['Orizaba, Veracruz', 'Tierra Blanca, Veracruz', 'Coatzacoalcos, Veracruz'],
  'Ciudad de México': ['San Luis Potosí', 'Irapuato, Guanajuato', 'Querétaro, Querétaro'],
  'Monterrey, Nuevo León': ['Reynosa, Tamaulipas', 'Brooks County, Texas', 'Nuevo Laredo, Tamaulipas'],
  'Saltillo, Coahuila': ['Nuevo Laredo, Tamaulipas', 'Piedras Negras, Coahuila', 'Webb County, Texas'],
  'Reynosa, Tamaulipas': ['Río Bravo, Tamaulipas', 'Brooks County, Texas', 'Hidalgo County, Texas'],
  'Ciudad Juárez, Chihuahua': ['Sunland Park, New Mexico', 'El Paso County, Texas'],
  'Altar, Sonora': ['Pima County, Arizona', 'Sásabe, Sonora'],
  'Mexicali, Baja California': ['Imperial County, California', 'Mexicali, Baja California'],
};
const SEEN_PLACES = Object.keys(ROUTES);
const ALL_RECOVERY = [...new Set(Object.values(ROUTES).flat())];

interface Body {
  person: PersonRecord;
  height: number;
  teeth: Map<number, string>;
  tattoos: string[];
  marks: string[];
  hair: string;
  clothes: [string, string, string][];
  seenDay: number;
  seenPlace: string;
  deathDay: number;
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: number): string => new Date(Math.round(d) * 86_400_000).toISOString().slice(0, 10);
const gauss = (r: R): number => Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());

function body(r: R, person: PersonRecord): Body {
  const female = person.sex === 'F';
  const teeth = new Map<number, string>();
  for (const t of TEETH) {
    const x = r();
    if (x < 0.05) teeth.set(t, 'missing');
    else if (x < 0.1) teeth.set(t, 'filling');
    else if (x < 0.115) teeth.set(t, 'root-canal');
    else if (x < 0.122) teeth.set(t, 'crown');
    else if (x < 0.129) teeth.set(t, 'crown-gold');
  }
  const tattoos: string[] = [];
  if (r() < 0.3)
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) tattoos.push(`${pick(r, LOCATIONS)}:${pick(r, MOTIFS)}`);
  const marks = r() < 0.3 ? [pick(r, MARKS)] : [];
  const clothes: [string, string, string][] = [];
  for (let k = 2 + Math.floor(r() * 3); k > 0; k--)
    clothes.push([pick(r, GARMENTS), pick(r, COLOURS), r() < 0.5 ? pick(r, BRANDS) : '']);
  const seenDay = day('2016-01-01') + Math.floor(r() * 365 * 8);
  // Death follows the last sighting by weeks (the public sample centres its windows 28 days after),
  // a few much later; a slightly longer tail than the engine assumes.
  const delay = r() < 0.93 ? -35 * Math.log(r() || 1e-9) : -300 * Math.log(r() || 1e-9);
  return {
    person,
    height: (female ? 154 : 166) + gauss(r) * 6,
    teeth,
    tattoos,
    marks,
    hair: pick(r, HAIR),
    clothes,
    seenDay,
    seenPlace: pick(r, SEEN_PLACES),
    deathDay: seenDay + delay,
  };
}

function report(r: R, b: Body, id: string): AmPmRecord {
  const h = b.height + gauss(r) * 2;
  const stature = r() < 0.75 ? Math.round(h - 3) : null;
  const dental = [...b.teeth].filter(() => r() < 0.6).map(([t, s]) => ({ tooth: t, state: s }));
  return {
    ...b.person,
    id,
    eventDate: iso(b.seenDay),
    eventPlace: b.seenPlace,
    description: r() < 0.5 ? 'La familia lo busca desde su último mensaje' : '',
    statureMinCm: stature,
    statureMaxCm: stature == null ? null : stature + 6,
    tattoos: b.tattoos
      .filter(() => r() < 0.9)
      .map((t) => {
        const [loc, motif] = t.split(':') as [string, string];
        return {
          location: r() < 0.03 ? loc.replace(/^left|^right/, (s) => (s === 'left' ? 'right' : 'left')) : loc,
          motif,
        };
      }),
    dental: r() < 0.4 ? dental : [],
    clothing:
      r() < 0.7
        ? b.clothes
            .filter(() => r() < 0.75)
            .map(([g, c, br]) => ({ garment: g, colour: c, brand: r() < 0.8 ? br : '' }))
        : [],
    features: [...b.marks.filter(() => r() < 0.9), ...(r() < 0.85 ? [`hair:${b.hair}`] : [])].map((x) => {
      const [kind, where] = x.split(':') as [string, string];
      return { kind, where };
    }),
  };
}

function remains(r: R, b: Body, id: string): AmPmRecord {
  const p = b.person;
  const deathMin = b.deathDay - 10 - Math.floor(r() * 200);
  const deathMax = Math.max(b.deathDay + 10 + Math.floor(r() * 150), b.seenDay + 10);
  const recovered = Math.max(deathMax - 8, b.deathDay + Math.floor(-120 * Math.log(r() || 1e-9)));
  const birth = day(p.birthDate ?? '1990-01-01');
  const age = (b.deathDay - birth) / 365.25;
  const centre = age + gauss(r) * 3;
  const half = 5 + Math.floor(r() * 8);
  const decomposed = r() < 0.6;
  const seeSkin = decomposed ? 0.45 : 0.8;
  const hs = b.height + gauss(r) * 2.5;
  const dental: { tooth: number; state: string }[] = [];
  for (const t of TEETH) {
    if (r() < (decomposed ? 0.25 : 0.1)) dental.push({ tooth: t, state: 'not-observable' });
    else if (b.teeth.has(t)) dental.push({ tooth: t, state: b.teeth.get(t) as string });
  }
  const named = r() < 0.12;
  const misspell = (s: string): string => (r() < 0.3 && s.length > 3 ? s.slice(0, 2) + s.slice(3) : s);
  return {
    id,
    givenNames: named ? misspell((p.givenNames ?? '').split(' ')[0] ?? '').toUpperCase() : '',
    surnames: named ? misspell((p.surnames ?? '').split(' ')[0] ?? '').toUpperCase() : '',
    sex: r() < 0.13 ? '' : p.sex,
    ageMin: Math.max(0, Math.round(centre - half)),
    ageMax: Math.round(centre + half),
    nationality: r() < 0.06 ? p.nationality : '',
    documentId: named && r() < 0.2 ? p.documentId : '',
    eventDate: iso(recovered),
    eventPlace: r() < 0.9 ? pick(r, ROUTES[b.seenPlace] as string[]) : pick(r, ALL_RECOVERY),
    description: decomposed ? 'Restos en avanzado estado de descomposición' : 'Cuerpo completo',
    statureMinCm: Math.round(hs - 5 - r() * 3),
    statureMaxCm: Math.round(hs + 5 + r() * 3),
    deathDateMin: iso(deathMin),
    deathDateMax: iso(deathMax),
    tattoos: b.tattoos
      .filter(() => r() < seeSkin)
      .map((t) => {
        const [location, motif] = t.split(':') as [string, string];
        return { location, motif };
      }),
    dental,
    clothing: [
      ...b.clothes
        .filter(() => r() < 0.6)
        .map(([g, c, br]) => {
          const x = r();
          const colour = x < 0.2 ? pick(r, FADE[c] ?? [c]) : x < 0.24 ? pick(r, COLOURS) : c;
          return { garment: g, colour, brand: r() < 0.6 ? br : '' };
        }),
      ...(r() < 0.4 ? [{ garment: pick(r, GARMENTS), colour: pick(r, COLOURS), brand: '' }] : []),
    ],
    features: [
      ...b.marks.filter(() => r() < 0.8),
      ...(r() < seeSkin ? [`hair:${r() < 0.08 ? (HAIR_NEAR[b.hair] as string) : b.hair}`] : []),
    ].map((x) => {
      const [kind, where] = x.split(':') as [string, string];
      return { kind, where };
    }),
  };
}

export interface AmPmSet {
  reports: AmPmRecord[];
  remains: AmPmRecord[];
  truth: Map<string, string>;
}

/** `reports` reports and `remainsCount` remains; `matchShare` of the reports have their remains in the file. */
export function generateAmPm(reports: number, remainsCount: number, seed = 7, matchShare = 0.3): AmPmSet {
  const r = rng(seed);
  const pairs = Math.min(remainsCount, Math.round(reports * matchShare));
  const people = generate(reports + remainsCount - pairs, 0, seed).population;
  const out: AmPmSet = { reports: [], remains: [], truth: new Map() };
  people.forEach((p, i) => {
    const b = body(r, p);
    if (i < pairs) {
      out.reports.push(report(r, b, `AM${out.reports.length}`));
      out.remains.push(remains(r, b, `PM${out.remains.length}`));
      out.truth.set(`AM${out.reports.length - 1}`, `PM${out.remains.length - 1}`);
    } else if (out.reports.length < reports) out.reports.push(report(r, b, `AM${out.reports.length}`));
    else out.remains.push(remains(r, b, `PM${out.remains.length}`));
  });
  return out;
}

const HEADER =
  'id,given_names,surnames,sex,birth_date,age_min,age_max,nationality,origin_place,address,document_id,event_date,event_place,description,stature_min_cm,stature_max_cm,death_date_min,death_date_max,tattoos,dental,clothing,features';

function csvLine(x: AmPmRecord): string {
  const q = (v: unknown): string => {
    const s = v == null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [
    x.id,
    x.givenNames,
    x.surnames,
    x.sex,
    x.birthDate,
    x.ageMin,
    x.ageMax,
    x.nationality,
    x.originPlace,
    x.address,
    x.documentId,
    x.eventDate,
    x.eventPlace,
    x.description,
    x.statureMinCm,
    x.statureMaxCm,
    x.deathDateMin,
    x.deathDateMax,
    (x.tattoos ?? []).map((t) => `${t.location}:${t.motif}`).join(';'),
    (x.dental ?? []).map((d) => `${d.tooth}:${d.state}`).join(';'),
    (x.clothing ?? []).map((c) => [c.garment, c.colour, c.brand].filter(Boolean).join(':')).join(';'),
    (x.features ?? []).map((f) => `${f.kind}:${f.where}`).join(';'),
  ]
    .map(q)
    .join(',');
}

export function writeAmPm(dir: string, set: AmPmSet): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'left.csv'), [HEADER, ...set.reports.map(csvLine)].join('\n') + '\n');
  writeFileSync(join(dir, 'right.csv'), [HEADER, ...set.remains.map(csvLine)].join('\n') + '\n');
  writeFileSync(
    join(dir, 'truth.csv'),
    ['left_id,right_id', ...[...set.truth].map(([a, b]) => `${a},${b}`)].join('\n') + '\n',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const dir = args[0];
  if (!dir || dir.startsWith('--'))
    throw new Error('usage: ampm-generate.ts OUT_DIR [--reports N] [--remains N] [--seed S]');
  writeAmPm(dir, generateAmPm(opt('--reports', 3000), opt('--remains', 6000), opt('--seed', 7)));
}
