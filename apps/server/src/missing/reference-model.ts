// The matching model the application scores with. An organisation's candidate set is a handful of
// records — far too few to estimate m and u by EM (a model trained on three records gives a prior
// of 1e-12 and a surname agreement no weight). So the model is estimated once per process, the
// engine's usual way (createMatcher with training queries), on a seeded synthetic population with
// the variation real reports show (spelling by sound, nicknames, a dropped second surname, typos,
// swapped day/month, an age range instead of a birth date); only the prior is then set for the
// organisation: the expected matches per report spread over the records it may search.
import { createMatcher, type MatchModel, type PersonRecord } from '@acompana/core';
import { seededRandom } from '../people/demo-names.ts';

const GIVEN_M =
  'José,Juan,Carlos,Luis,Kevin,Jorge,Mario,Óscar,Edwin,Wilmer,Selvin,Erick,Brayan,Francisco,Pedro,Miguel,Jesús,Héctor,Darwin,Marvin,Denis,Nelson,Cristian,Yeison,Jonathan,Santos,Víctor,David,Manuel,Ramón,Julio,Fredy,Jean,Pierre,Wilson,Anderson,Elmer,Rigoberto'.split(
    ',',
  );
const GIVEN_F =
  'María,Ana,Rosa,Carmen,Yesenia,Karla,Dayana,Sofía,Gabriela,Daniela,Lucía,Wendy,Iris,Glenda,Marisol,Reina,Sandra,Jessica,Nayeli,Brenda,Xiomara,Guadalupe,Juana,Marta,Elena,Fabiola,Nadège,Roseline'.split(
    ',',
  );
const SUR =
  'Hernández,López,García,Martínez,Rodríguez,Pérez,González,Ramírez,Flores,Cruz,Reyes,Mejía,Morales,Ortiz,Castillo,Gómez,Díaz,Sánchez,Romero,Vásquez,Alvarenga,Zelaya,Chávez,Aguilar,Mendoza,Rivera,Torres,Jiménez,Ramos,Orellana,Escobar,Argueta,Guevara,Bonilla,Funes,Paz,Xicará,Tzul,Choc,Caal,Pop,Batz,Quiñónez,Núñez,Villatoro,Joseph,Pierre,Jean-Baptiste,Louis,Cerna,Amaya,Lemus,Portillo,Recinos,Solórzano'.split(
    ',',
  );
const PLACES =
  'Choloma,San Pedro Sula,Tegucigalpa,Tapachula,Ciudad Hidalgo,Tenosique,Palenque,Coatzacoalcos,Veracruz,Reynosa,Nuevo Laredo,Piedras Negras,Ciudad Juárez,Tijuana,Mexicali,Altar,Sasabe,Arriaga,Ixtepec,Guatemala,Quetzaltenango,San Salvador,Port-au-Prince,Les Cayes'.split(
    ',',
  );
const NATIONS = ['HN', 'HN', 'HN', 'GT', 'GT', 'SV', 'MX', 'HT', 'NI', 'VE'];
const SOUND_SWAPS: [RegExp, string][] = [
  [/v/g, 'b'],
  [/b/g, 'v'],
  [/z/g, 's'],
  [/s/g, 'z'],
  [/ll/g, 'y'],
  [/y/g, 'll'],
  [/j/g, 'g'],
  [/h/g, ''],
  [/á|é|í|ó|ú/g, ''],
];

const pad = (n: number) => String(n).padStart(2, '0');

function variant(rand: () => number, r: PersonRecord, id: string): PersonRecord {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: PersonRecord = { ...r, id };
  const roll = rand();
  if (roll < 0.3 && out.givenNames) {
    const [re, to] = pick(SOUND_SWAPS);
    out.givenNames = out.givenNames.replace(re, to) || out.givenNames;
  } else if (roll < 0.45 && out.givenNames) {
    const s = out.givenNames;
    const i = Math.floor(rand() * (s.length - 1));
    out.givenNames = s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
  }
  if (rand() < 0.4 && out.surnames) out.surnames = out.surnames.split(' ')[0] ?? out.surnames;
  if (rand() < 0.15 && out.surnames) {
    const [re, to] = pick(SOUND_SWAPS);
    out.surnames = out.surnames.replace(re, to) || out.surnames;
  }
  const b = out.birthDate;
  const r2 = rand();
  if (b && r2 < 0.15) {
    const [y, m, d] = b.split('-');
    if (Number(d) <= 12) out.birthDate = `${y}-${d}-${m}`;
  } else if (b && r2 < 0.3) {
    const ageAt = 2024 - Number(b.slice(0, 4));
    delete out.birthDate;
    out.ageMin = ageAt - 3;
    out.ageMax = ageAt + 3;
  } else if (b && r2 < 0.38) out.birthDate = b.slice(0, 4);
  if (rand() < 0.5) out.eventPlace = pick(PLACES);
  if (rand() < 0.3) delete out.nationality;
  return out;
}

export function syntheticPopulation(
  size: number,
  queries: number,
  seed: number,
): { population: PersonRecord[]; queries: PersonRecord[] } {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const population: PersonRecord[] = [];
  for (let i = 0; i < size; i++) {
    const sex = rand() < 0.7 ? 'M' : 'F';
    const given = sex === 'M' ? pick(GIVEN_M) : pick(GIVEN_F);
    const year = 1960 + Math.floor(rand() * 50);
    const eventDay = 1 + Math.floor(rand() * 700);
    const event = new Date(Date.UTC(2023, 0, eventDay)).toISOString().slice(0, 10);
    population.push({
      id: `p${i}`,
      givenNames: rand() < 0.3 ? `${given} ${sex === 'M' ? pick(GIVEN_M) : pick(GIVEN_F)}` : given,
      surnames: rand() < 0.85 ? `${pick(SUR)} ${pick(SUR)}` : pick(SUR),
      sex,
      birthDate: `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`,
      nationality: pick(NATIONS),
      originPlace: pick(PLACES),
      eventDate: event,
      eventPlace: pick(PLACES),
    });
  }
  const qs: PersonRecord[] = [];
  for (let i = 0; i < queries; i++) {
    const source = population[Math.floor(rand() * size)] as PersonRecord;
    if (rand() < 0.6) qs.push(variant(rand, source, `q${i}`));
    else
      qs.push(
        variant(
          rand,
          { ...source, givenNames: pick(GIVEN_M), birthDate: `${1960 + Math.floor(rand() * 50)}-06-15` },
          `q${i}`,
        ),
      );
  }
  return { population, queries: qs };
}

const POPULATION = 4000;
let base: { model: MatchModel; matchesPerQuery: number } | undefined;

/** The reference model, estimated on first use (about a second) and kept for the process. */
export function referenceModel(): { model: MatchModel; matchesPerQuery: number } {
  if (!base) {
    const { population, queries } = syntheticPopulation(POPULATION, 1200, 20260601);
    const model = createMatcher(population, { trainingQueries: queries }).model;
    base = { model, matchesPerQuery: model.pairPrior * POPULATION };
  }
  return base;
}

/** The model for an organisation that may search `universe` records in all. */
export function modelForUniverse(universe: number): MatchModel {
  const { model, matchesPerQuery } = referenceModel();
  const pairPrior = Math.min(0.5, Math.max(1e-9, Math.min(matchesPerQuery, 1) / Math.max(universe, 50)));
  return { ...model, pairPrior };
}
