// Synthetic people for demos and benchmarks: realistic Central American, Mexican, Venezuelan,
// Cuban and Haitian names, spelt the way intake forms see them. Every person is invented; a
// seeded generator makes the same data on every run.
import { seededRandom, type PersonCreate } from '@acompana/core';

export { seededRandom };

const HISPANIC_F =
  'María,Ana,Rosa,Carmen,Yesenia,Karla,Dayana,Sofía,Gabriela,Alejandra,Daniela,Lucía,Fernanda,Wendy,Iris,Glenda,Marisol,Yolanda,Elvia,Reina,Sandra,Jessica,Lesly,Nayeli,Brenda,Keila,Yulissa,Dilcia,Norma,Xiomara,Belkis,Yaneth,Milagros,Génesis,Valentina,Isabel,Guadalupe,Juana,Marta,Elena'.split(
    ',',
  );
const HISPANIC_M =
  'José,Juan,Carlos,Luis,Kevin,Kebin,Jorge,Mario,Óscar,Edwin,Wilmer,Selvin,Erick,Brayan,Jefferson,Francisco,Pedro,Miguel,Ángel,Jesús,Héctor,Darwin,Élmer,Marvin,Denis,Nelson,Cristian,Anderson,Yeison,Jhonatan,Rigoberto,Santos,Víctor,Alexander,David,Manuel,Antonio,Ramón,Julio,Fredy'.split(
    ',',
  );
const HISPANIC_SUR =
  'Hernández,López,García,Martínez,Rodríguez,Pérez,González,Ramírez,Flores,Cruz,Reyes,Mejía,Morales,Ortiz,Castillo,Gómez,Díaz,Sánchez,Romero,Vásquez,Velásquez,Alvarenga,Zelaya,Chávez,Aguilar,Mendoza,Rivera,Torres,Jiménez,Ramos,Orellana,Cabrera,Escobar,Argueta,Guevara,Henríquez,Bonilla,Funes,Paz,Maldonado,Xicará,Tzul,Choc,Caal,Ixcoy,Coc,Pop,Tum,Yax,Batz,Quiñónez,Yánez,Núñez,Villatoro,Bautista,de la Cruz,del Cid,de León,Zúñiga,Barahona'.split(
    ',',
  );
const HAITIAN_F =
  'Marie,Roseline,Nadège,Widline,Fabiola,Mirlande,Rose-Marie,Guerline,Sandrine,Mireille,Djenica,Esther,Lovelie,Nerlande,Marie-Ange'.split(
    ',',
  );
const HAITIAN_M =
  'Jean,Wilner,Jean-Baptiste,Pierre,Jacques,Wilson,Frantz,Jean-Louis,Ricardo,Stevenson,Wesley,Emmanuel,Jocelyn,Dieuseul,Fritznel'.split(
    ',',
  );
const HAITIAN_SUR =
  'Jean-Baptiste,Pierre,Joseph,Louis,Charles,Saint-Fleur,Dorvil,Exantus,Jean-Pierre,Augustin,Célestin,Désir,Étienne,Fils-Aimé,Noël,Pierre-Louis,Toussaint,Vilsaint,Lafortune,Mondésir'.split(
    ',',
  );

const NATIONALITIES: [string, number][] = [
  ['HN', 30],
  ['GT', 20],
  ['SV', 12],
  ['VE', 10],
  ['HT', 10],
  ['MX', 6],
  ['NI', 4],
  ['CU', 4],
  ['CO', 2],
  ['EC', 2],
];
const ALIASES = [
  'Chepe',
  'Pancho',
  'Lupe',
  'Chayo',
  'Beto',
  'Chuy',
  'Nacho',
  'Güero',
  'Flaca',
  'Negro',
  'Moreno',
  'Chino',
];
const PLACES: Record<string, string[]> = {
  HN: ['San Pedro Sula', 'Choloma', 'Tegucigalpa', 'La Ceiba', 'Olanchito'],
  GT: ['Huehuetenango', 'San Marcos', 'Quetzaltenango', 'Cobán', 'Totonicapán'],
  SV: ['San Miguel', 'Usulután', 'Soyapango', 'Santa Ana'],
  VE: ['Maracaibo', 'Caracas', 'Valencia', 'Barquisimeto'],
  HT: ['Port-au-Prince', 'Cap-Haïtien', 'Les Cayes', 'Gonaïves'],
  MX: ['Acapulco', 'Tapachula', 'Morelia'],
};

/** Zipf-like pick: the first names of a list are much more common, as in real registers. */
function pick<T>(rand: () => number, list: readonly T[]): T {
  const i = Math.floor(list.length * Math.pow(rand(), 2.2));
  return list[Math.min(i, list.length - 1)] as T;
}

function weighted(rand: () => number, entries: readonly [string, number][]): string {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[0]?.[0] ?? 'HN';
}

export function syntheticPerson(rand: () => number, today = new Date()): PersonCreate {
  const nationality = weighted(rand, NATIONALITIES);
  const sex = rand() < 0.48 ? 'F' : 'M';
  const haitian = nationality === 'HT';
  const givenList = haitian ? (sex === 'F' ? HAITIAN_F : HAITIAN_M) : sex === 'F' ? HISPANIC_F : HISPANIC_M;
  const given = rand() < 0.45 ? `${pick(rand, givenList)} ${pick(rand, givenList)}` : pick(rand, givenList);
  const surnameList = haitian ? HAITIAN_SUR : HISPANIC_SUR;
  // Haitian records and a fifth of the others carry one surname only.
  const surnames =
    haitian || rand() < 0.2 ? pick(rand, surnameList) : `${pick(rand, surnameList)} ${pick(rand, surnameList)}`;
  const age = Math.floor(rand() < 0.25 ? rand() * 18 : 18 + rand() * 45);
  const year = today.getUTCFullYear() - age - 1;
  const birthDate = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const place = PLACES[nationality];
  const person: PersonCreate = {
    givenNames: given,
    surnames,
    sex,
    nationality,
    ...(rand() < 0.8 ? { birthDate } : { estimatedAge: age }),
    ...(rand() < 0.1 ? { aliases: [pick(rand, ALIASES)] } : {}),
    ...(place ? { origin: { country: nationality, place: pick(rand, place) } } : {}),
    languages: [
      {
        language: haitian ? 'ht' : rand() < 0.08 ? 'mam' : 'es',
        ...(haitian ? { interpreterNeeded: rand() < 0.6 } : {}),
      },
    ],
  };
  if (rand() < 0.6)
    person.documents = [
      {
        type: rand() < 0.5 ? 'passport' : 'national_id',
        number: `${nationality}${Math.floor(rand() * 1e8)
          .toString()
          .padStart(8, '0')}`,
      },
    ];
  if (rand() < 0.5) person.contacts = [{ channel: 'whatsapp', value: `+${Math.floor(rand() * 9e10 + 1e10)}` }];
  return person;
}
