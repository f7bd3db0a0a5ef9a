// Synthetic Latin American and Haitian person records for benchmarks: a population of "found"
// records (shelters, detention, forensic) and family reports that refer to some of them with the
// variation real records show: dropped accents, upper case, b/v s/z/c ll/y j/g/x spellings,
// typos, nicknames, one given name of two, second surname missing or swapped, day/month swapped,
// partial dates, age ranges instead of birth dates for remains; plus siblings and namesakes.
import type { PersonRecord } from '@acompana/core';
import { seededRandom as rng } from '../../packages/core/src/util/seeded-random.ts';

export { rng };

const MALE =
  'José Juan Luis Carlos Jorge Miguel Francisco Jesús Antonio Pedro Manuel Ricardo Héctor Roberto Alberto Fernando Javier Eduardo Óscar Mario Sergio Raúl Enrique Guillermo Ignacio Rafael Arturo Alejandro Gustavo Víctor Edwin Kevin Brayan Darwin Wilmer Yeison Anderson Nelson Walter Erick Cristian Denis Selvin Marvin Byron Elmer Obed Josué Isaac Efraín Gilberto Rigoberto Baltazar Crisanto Eleazar Ezequiel Dionisio Yasmani Yunior Osmany Jean Pierre Jean-Baptiste Jean-Claude Wilner Fritznel Jefferson Henry Wilson Santos Ángel Hugo Gerson Abner Yovani Yoel Andrés Adrián Alexis Benjamín Bryan Cristóbal Daniel David Diego Domingo Edgar Emilio Esteban Felipe Fidel Gabriel Gonzalo Gregorio Horacio Iván Jaime Joel Julio Leonardo Lorenzo Marcos Martín Mateo Mauricio Nicolás Orlando Pablo Ramón Rogelio Rubén Salvador Samuel Saúl Tomás Ulises Vicente Wilfredo Alexander Franklin Junior Lesly Dieudonné Frantz Jacques Jonas Ronald Reginald Emmanuel Moïse Wiston Yordy Yadiel'.split(
    ' ',
  );
const FEMALE =
  'María Guadalupe Ana Rosa Juana Margarita Dolores Teresa Patricia Verónica Araceli Sindy Yesenia Glenda Dulce Lorena Maribel Yanet Nataly Fabiola Daniela Gabriela Alejandra Esperanza Sonia Martha Olga Yulisa Yolanda Ingrid Lesly Mayelin Dayana Génesis Brenda Wendy Reina Lucía Silvia Ximena Refugio Nadège Mirlande Yolette Rose-Marie Fabienne Carmen Luz Elizabeth Adriana Alicia Beatriz Blanca Carolina Claudia Cristina Diana Elena Erika Esther Eva Gloria Graciela Irma Isabel Jessica Karla Laura Leticia Liliana Marisol Mercedes Mónica Norma Paola Raquel Rocío Sandra Sara Susana Tania Valeria Victoria Viviana Yadira Zulema Kenia Nayeli Itzel Marlene Roseline Guerline Wideline Nadia Sherlyn'.split(
    ' ',
  );
const SURNAMES =
  'García Hernández López Martínez González Pérez Rodríguez Sánchez Ramírez Cruz Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar Ortiz Moreno Castillo Romero Álvarez Chávez Rivera Juárez Ramos Domínguez Herrera Medina Castro Vargas Guzmán Velásquez Muñoz Rojas Contreras Salazar Luna Ortega Santiago Guerrero Estrada Bautista Cortés Soto Alvarado Espinoza Lara Ávila Ríos Cervantes Silva Delgado Vega Márquez Sandoval Fernández León Carrillo Mejía Solís Núñez Rosales Campos Valdez Cabrera Ibarra Trejo Padilla Portillo Alvarenga Maradiaga Banegas Euceda Zelaya Midence Funes Argueta Menjívar Quintanilla Amaya Orellana Cañas Tzoc Xicará Tzul Choc Caal Ixcot Quej Cac Sic Batz Cux Yat Ajanel Tut Coc Jean Pierre Joseph Louis Charles Augustin Delva Toussaint Jean-Louis Pierre-Louis Michel Saint-Fleur Desir Etienne Baptiste Dorvil Cálix Galeas Murillo Zúñiga Villalobos Briceño Quintero Betancourt Tzompa Cuautle Acosta Aguirre Andrade Arellano Barrera Benítez Bravo Cárdenas Cisneros Colín Córdova Duarte Escobar Espinosa Figueroa Fuentes Galván Gallegos Galindo Garza Gil Hidalgo Ibáñez Lozano Macías Maldonado Marín Meza Miranda Molina Montes Navarro Nava Ochoa Olvera Orozco Pacheco Palacios Peña Quiroz Rangel Rosas Salas Salinas Serrano Suárez Tapia Valencia Valenzuela Velázquez Villa Zamora Zavala Calderón Cabrera Pineda Mejía Lemus Osorio Barahona Sorto Chicas Pop Tiul Xol Chub Bol Ical Cuc Coy Laínez Raymond Paul Jules Cadet Prophète Alexis Fils-Aimé'.split(
    ' ',
  );
const PLACES: Record<string, string[]> = {
  MX: [
    'Chilapa, Guerrero',
    'Tlapa, Guerrero',
    'Acapulco, Guerrero',
    'Oaxaca de Juárez, Oaxaca',
    'Juchitán, Oaxaca',
    'Puebla, Puebla',
    'Morelia, Michoacán',
    'Apatzingán, Michoacán',
    'Zacatecas, Zacatecas',
    'Comitán, Chiapas',
    'Celaya, Guanajuato',
  ],
  GT: ['Huehuetenango', 'Quetzaltenango', 'San Marcos', 'Quiché', 'Cobán, Alta Verapaz', 'Totonicapán', 'Guatemala'],
  HN: ['Olancho', 'Tegucigalpa', 'San Pedro Sula, Cortés', 'Choloma', 'La Ceiba', 'Comayagua'],
  SV: ['San Miguel', 'San Salvador', 'Santa Ana', 'Usulután', 'La Unión'],
  VE: ['Caracas', 'Maracaibo', 'Valencia', 'Barquisimeto', 'San Cristóbal'],
  CU: ['La Habana', 'Holguín', 'Camagüey', 'Santiago de Cuba'],
  HT: ['Port-au-Prince', 'Cap-Haïtien', 'Gonaïves', 'Les Cayes', 'Jacmel'],
};
const COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'VE', 'CU', 'HT'];
const EVENT_PLACES = [
  'Tapachula, Chiapas',
  'Ciudad Hidalgo, Chiapas',
  'Arriaga, Chiapas',
  'Palenque, Chiapas',
  'Tenosique, Tabasco',
  'Coatzacoalcos, Veracruz',
  'Orizaba, Veracruz',
  'Ciudad de México',
  'Irapuato, Guanajuato',
  'San Luis Potosí',
  'Saltillo, Coahuila',
  'Piedras Negras, Coahuila',
  'Monterrey, Nuevo León',
  'Nuevo Laredo, Tamaulipas',
  'Reynosa, Tamaulipas',
  'Matamoros, Tamaulipas',
  'Ciudad Juárez, Chihuahua',
  'Nogales, Sonora',
  'Altar, Sonora',
  'Sásabe, Sonora',
  'Mexicali, Baja California',
  'Tijuana, Baja California',
  'Pima County, Arizona',
  'Brooks County, Texas',
];
const NICKNAMES: Record<string, string> = {
  Francisco: 'Pancho',
  Jesús: 'Chuy',
  Guadalupe: 'Lupe',
  Guillermo: 'Memo',
  Alberto: 'Beto',
  Roberto: 'Beto',
  Ignacio: 'Nacho',
  Enrique: 'Kike',
  Antonio: 'Toño',
  José: 'Pepe',
  Eduardo: 'Lalo',
  Dolores: 'Lola',
  Margarita: 'Magui',
  Manuel: 'Manolo',
  Rosario: 'Chayo',
};

export interface Generated {
  population: PersonRecord[];
  reports: PersonRecord[];
  /** report id → population id, for reports that refer to someone in the population. */
  truth: Map<string, string>;
}

/** Zipf-like pick: common names are much more common than rare ones, as in real registers. */
function zipf<T>(r: () => number, items: readonly T[]): T {
  const x = Math.floor(Math.pow(r(), 1.6) * items.length);
  return items[Math.min(items.length - 1, x)] as T;
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const pad = (n: number): string => String(n).padStart(2, '0');

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const SPELLINGS: [RegExp, string][] = [
  [/v/g, 'b'],
  [/b/g, 'v'],
  [/z/g, 's'],
  [/s$/g, 'z'],
  [/ll/g, 'y'],
  [/y/g, 'll'],
  [/j/g, 'g'],
  [/x/g, 'j'],
  [/^h/gi, ''],
  [/que/g, 'ke'],
  [/ce/g, 'se'],
];

/** Realistic corruption of a name as written by someone else. */
function vary(r: () => number, name: string, rate: number): string {
  let s = name;
  if (r() < 0.5) s = stripAccents(s);
  if (r() < rate) {
    const [re, to] = pick(r, SPELLINGS);
    s = s.replace(re, to);
  }
  if (r() < rate && s.length > 3) {
    const i = 1 + Math.floor(r() * (s.length - 2));
    const kind = r();
    if (kind < 0.3) s = s.slice(0, i) + s.slice(i + 1);
    else if (kind < 0.6) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    else s = s.slice(0, i) + s[i] + s.slice(i);
  }
  if (r() < 0.2) s = s.toUpperCase();
  return s;
}

function person(r: () => number, id: string, surnames?: string, origin?: [string, string]): PersonRecord {
  const female = r() < 0.3;
  const pool = female ? FEMALE : MALE;
  const given = r() < 0.45 ? `${zipf(r, pool)} ${zipf(r, pool)}` : zipf(r, pool);
  const country = origin?.[0] ?? zipf(r, COUNTRIES);
  const year = 1955 + Math.floor(r() * 55);
  const event = `${2019 + Math.floor(r() * 7)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  return {
    id,
    givenNames: given,
    surnames:
      surnames ??
      (country === 'HT' && r() < 0.6 ? zipf(r, SURNAMES.slice(-20)) : `${zipf(r, SURNAMES)} ${zipf(r, SURNAMES)}`),
    sex: female ? 'F' : 'M',
    birthDate: `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    nationality: country,
    originPlace: origin?.[1] ?? pick(r, PLACES[country] as string[]),
    documentId: r() < 0.3 ? String(1e9 + Math.floor(r() * 9e9)) : '',
    eventDate: event,
    eventPlace: pick(r, EVENT_PLACES),
  };
}

/** The same person as written by a family, with realistic variation. */
function report(r: () => number, p: PersonRecord, id: string): PersonRecord {
  const givenParts = (p.givenNames ?? '').split(' ');
  let given = givenParts.map((g) => (r() < 0.08 && NICKNAMES[g] ? (NICKNAMES[g] as string) : vary(r, g, 0.15)));
  if (given.length > 1 && r() < 0.3) given = [given[r() < 0.8 ? 0 : 1] as string];
  let surs = (p.surnames ?? '').split(' ').map((s) => vary(r, s, 0.15));
  if (surs.length > 1 && r() < 0.2) surs = [surs[0] as string];
  else if (surs.length > 1 && r() < 0.1) surs = [surs[1] as string, surs[0] as string];
  let birth = p.birthDate ?? '';
  let ageMin: number | null = null;
  let ageMax: number | null = null;
  const [y, m, d] = birth.split('-');
  const roll = r();
  if (roll < 0.08)
    birth = `${y}-${d}-${m}`.replace(/-(\d\d)-(\d\d)$/, (all, a: string, b: string) =>
      Number(a) <= 12 ? `-${a}-${b}` : `-${m}-${d}`,
    );
  else if (roll < 0.18) birth = y as string;
  else if (roll < 0.23) birth = `${d}/${m}/${y}`;
  else if (roll < 0.38) {
    const age = Number((p.eventDate ?? '2020').slice(0, 4)) - Number(y);
    birth = '';
    ageMin = Math.max(0, age - 3 - Math.floor(r() * 4));
    ageMax = age + 3 + Math.floor(r() * 4);
  }
  return {
    ...p,
    id,
    givenNames: given.join(' '),
    surnames: surs.join(' '),
    birthDate: birth,
    ageMin,
    ageMax,
    nationality: r() < 0.15 ? '' : p.nationality,
    originPlace: r() < 0.4 ? '' : p.originPlace,
    documentId: r() < 0.6 ? '' : p.documentId,
    eventDate: shiftDate(p.eventDate ?? '2020-01-01', -Math.floor(r() * 300)),
    eventPlace: pick(r, EVENT_PLACES),
  };
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * A population of `size` records (one in ten has a sibling or namesake in it) and `reports`
 * family reports, `matchShare` of which refer to someone in the population.
 */
export function generate(size: number, reports: number, seed = 42, matchShare = 0.6): Generated {
  const r = rng(seed);
  const population: PersonRecord[] = [];
  while (population.length < size) {
    const p = person(r, `P${population.length}`);
    population.push(p);
    const kin = r();
    if (population.length < size && kin < 0.05) {
      // A sibling: same surnames and origin, different given name and birth date.
      const sib = person(r, `P${population.length}`, p.surnames, [p.nationality ?? 'MX', p.originPlace ?? '']);
      population.push(sib);
    } else if (population.length < size && kin < 0.1) {
      const namesake = person(r, `P${population.length}`);
      population.push({ ...namesake, givenNames: p.givenNames, surnames: p.surnames, sex: p.sex });
    }
  }
  const out: PersonRecord[] = [];
  const truth = new Map<string, string>();
  for (let i = 0; i < reports; i++) {
    const id = `Q${i}`;
    if (r() < matchShare) {
      const target = population[Math.floor(r() * population.length)] as PersonRecord;
      out.push(report(r, target, id));
      truth.set(id, target.id);
    } else out.push(report(r, person(r, 'x'), id));
  }
  return { population, reports: out, truth };
}

/**
 * Streaming variant for large benchmarks: calls `onRecord` for each population record without
 * keeping them, and returns only the reports and their truth, so a million records never sit in
 * memory twice (raw and prepared).
 */
export function generateStream(
  size: number,
  reports: number,
  onRecord: (p: PersonRecord) => void,
  seed = 42,
  matchShare = 0.6,
): Omit<Generated, 'population'> {
  const r = rng(seed);
  const pr = rng(seed ^ 0x5bd1e995);
  const targets = new Map<number, string[]>();
  const out: PersonRecord[] = [];
  const truth = new Map<string, string>();
  const slots: (PersonRecord | null)[] = new Array(reports).fill(null);
  for (let i = 0; i < reports; i++) {
    if (pr() < matchShare) {
      const t = Math.floor(pr() * size);
      const list = targets.get(t) ?? [];
      list.push(`Q${i}`);
      targets.set(t, list);
    } else slots[i] = report(pr, person(pr, 'x'), `Q${i}`);
  }
  let n = 0;
  const emit = (p: PersonRecord): void => {
    const ids = targets.get(n);
    if (ids)
      for (const id of ids) {
        slots[Number(id.slice(1))] = report(pr, p, id);
        truth.set(id, p.id);
      }
    onRecord(p);
    n++;
  };
  while (n < size) {
    const p = person(r, `P${n}`);
    emit(p);
    const kin = r();
    if (n < size && kin < 0.05) emit(person(r, `P${n}`, p.surnames, [p.nationality ?? 'MX', p.originPlace ?? '']));
    else if (n < size && kin < 0.1)
      emit({ ...person(r, `P${n}`), givenNames: p.givenNames, surnames: p.surnames, sex: p.sex });
  }
  for (const s of slots) if (s) out.push(s);
  return { reports: out, truth };
}
