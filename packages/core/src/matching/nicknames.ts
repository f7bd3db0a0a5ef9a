// Hypocorisms (nicknames) used across Mexico, Central America, the Caribbean and Haiti. Families
// often report the name the person is called by ("Chuy", "Lupe", "Pancho") while official records
// carry the registered name, so nicknames are mapped before any comparison. Keys are folded (no
// accents, lower case); several nicknames serve more than one name ("Beto" is Alberto or Roberto).
import { foldText } from './text-normalise.ts';

const TABLE: Record<string, string[]> = {
  pancho: ['francisco'],
  paco: ['francisco'],
  paquito: ['francisco'],
  kiko: ['francisco', 'enrique'],
  curro: ['francisco'],
  frank: ['francisco'],
  franco: ['francisco'],
  chico: ['francisco'],
  chuy: ['jesus'],
  chucho: ['jesus'],
  chus: ['jesus'],
  chuyito: ['jesus'],
  lupe: ['guadalupe'],
  lupita: ['guadalupe'],
  pita: ['guadalupe'],
  memo: ['guillermo'],
  guille: ['guillermo'],
  willy: ['guillermo', 'wilfredo', 'william'],
  beto: ['alberto', 'roberto', 'heriberto', 'gilberto', 'norberto', 'humberto', 'adalberto'],
  tito: ['alberto', 'roberto', 'hector'],
  nacho: ['ignacio'],
  kike: ['enrique'],
  quique: ['enrique'],
  tono: ['antonio'],
  tonio: ['antonio'],
  tony: ['antonio'],
  nino: ['antonio'],
  pepe: ['jose'],
  chepe: ['jose'],
  pepito: ['jose'],
  cheo: ['jose'],
  chema: ['jose'],
  lalo: ['eduardo'],
  edu: ['eduardo'],
  lola: ['dolores'],
  loli: ['dolores'],
  lolita: ['dolores'],
  magui: ['margarita'],
  maggie: ['margarita'],
  mague: ['margarita'],
  marga: ['margarita'],
  rita: ['margarita'],
  manolo: ['manuel'],
  manny: ['manuel'],
  meme: ['manuel'],
  gil: ['gilberto'],
  gilber: ['gilberto'],
  chelo: ['consuelo', 'araceli'],
  concha: ['concepcion'],
  conchita: ['concepcion'],
  conchi: ['concepcion'],
  chayo: ['rosario'],
  charo: ['rosario'],
  chayito: ['rosario'],
  chava: ['salvador'],
  chavo: ['salvador'],
  chabela: ['isabel'],
  chabelo: ['isabel'],
  isa: ['isabel'],
  chente: ['vicente'],
  chela: ['graciela', 'marcela'],
  chelita: ['graciela'],
  cuca: ['refugio'],
  cuco: ['refugio'],
  cuquita: ['refugio'],
  fito: ['adolfo', 'rodolfo'],
  rodo: ['rodolfo'],
  fofo: ['rodolfo'],
  lencho: ['lorenzo'],
  lucho: ['luis'],
  nando: ['fernando'],
  fer: ['fernando', 'fernanda'],
  neto: ['ernesto'],
  pili: ['pilar'],
  pina: ['josefina'],
  pepa: ['josefa'],
  poncho: ['alfonso'],
  rafa: ['rafael'],
  santi: ['santiago'],
  chago: ['santiago'],
  tere: ['teresa'],
  teresita: ['teresa'],
  vero: ['veronica'],
  yoli: ['yolanda'],
  ale: ['alejandro', 'alejandra'],
  alex: ['alejandro', 'alexander'],
  alejo: ['alejandro'],
  jando: ['alejandro'],
  sandro: ['alejandro'],
  lety: ['leticia'],
  leti: ['leticia'],
  paty: ['patricia'],
  pati: ['patricia'],
  gaby: ['gabriela', 'gabriel'],
  gabi: ['gabriela', 'gabriel'],
  caro: ['carolina'],
  dani: ['daniel', 'daniela'],
  tina: ['cristina', 'martina'],
  licha: ['alicia'],
  meche: ['mercedes'],
  nati: ['natalia'],
  rosy: ['rosa'],
  rosi: ['rosa'],
  susy: ['susana'],
  susi: ['susana'],
  vicky: ['victoria'],
  bety: ['beatriz'],
  betty: ['beatriz', 'elizabeth'],
  javi: ['javier'],
  nico: ['nicolas'],
  migue: ['miguel'],
  mike: ['miguel'],
  juancho: ['juan'],
  juanito: ['juan'],
  toni: ['antonio'],
  tavo: ['gustavo'],
  gus: ['gustavo'],
  goyo: ['gregorio'],
  licho: ['luis'],
  wicho: ['luis'],
  moncho: ['ramon'],
  mon: ['ramon'],
  richi: ['ricardo'],
  ricky: ['ricardo'],
  rigo: ['rigoberto'],
  lulu: ['lourdes', 'luisa'],
  lucha: ['luz'],
  mari: ['maria'],
  maru: ['maria'],
  lina: ['carolina', 'adelina'],
  nelly: ['nelida'],
  eli: ['elizabeth', 'elias', 'eliseo'],
  liz: ['elizabeth'],
  chuchita: ['jesusa'],
  moy: ['moises'],
  polo: ['leopoldo', 'hipolito'],
  pedrito: ['pedro'],
  perico: ['pedro'],
  toto: ['jose'],
  tachi: ['anastasio'],
  tacho: ['anastasio'],
  nacha: ['ignacia'],
  panchita: ['francisca'],
  paca: ['francisca'],
  chabe: ['isabel'],
  fede: ['federico'],
  quico: ['federico', 'francisco'],
  cristi: ['cristina', 'cristian'],
};

const canonical = new Map<string, readonly string[]>();
for (const [nick, names] of Object.entries(TABLE)) {
  if (names.length)
    canonical.set(
      foldText(nick),
      names.map((n) => foldText(n)),
    );
}

/**
 * The registered names a nickname stands for, or undefined when the token is not a known nickname.
 * "pancho" → ["francisco"]; "beto" → ["alberto", "roberto", …].
 */
export function nicknameTargets(token: string): readonly string[] | undefined {
  return canonical.get(token);
}

/**
 * The single form a given-name token is stored under: the registered name when the nickname is
 * unambiguous (Pancho → francisco), the token itself otherwise.
 */
export function canonicalGivenName(token: string): string {
  const targets = canonical.get(token);
  return targets && targets.length === 1 ? (targets[0] as string) : token;
}

/** True when two given-name tokens are the same name through a nickname (beto ~ roberto). */
export function nicknameEquivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = canonical.get(a);
  const tb = canonical.get(b);
  if (ta && ta.includes(b)) return true;
  if (tb && tb.includes(a)) return true;
  if (ta && tb) return ta.some((x) => tb.includes(x));
  return false;
}
