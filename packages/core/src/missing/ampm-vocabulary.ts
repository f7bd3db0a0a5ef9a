// Controlled vocabularies of the ante-mortem (report) and post-mortem (remains) records, with
// Spanish and English labels, for the entry screens and the side-by-side review (decision 0147).
// What the matching engine compares comes from the engine's own vocabulary (teeth in FDI notation,
// dental states, tattoo locations: matching/ampm/vocabulary.ts, format v2) and is re-exported here
// unchanged; what is added here are the lists the engine reads as open codes (marks, bones,
// surgeries, prostheses, hair, garments, colours) and the forensic record's own lists (methods,
// condition, where the body is, DNA samples and custody). Pure data: the web app imports it.
import {
  AM_DENTAL_STATES,
  DENTAL_STATES,
  FEATURE_KINDS,
  FADED_COLOURS,
  isFdiTooth,
  STATURE_MAX_CM,
  STATURE_MIN_CM,
  TATTOO_LOCATIONS,
  type DentalState,
  type Label,
} from '../matching/ampm/vocabulary.ts';

export { AM_DENTAL_STATES, DENTAL_STATES, isFdiTooth, STATURE_MAX_CM, STATURE_MIN_CM, TATTOO_LOCATIONS };
export type { DentalState, Label };

type Vocabulary = Readonly<Record<string, Label>>;
const codes = <V extends Vocabulary>(v: V) => Object.keys(v) as [keyof V & string, ...(keyof V & string)[]];

/** The 32 permanent teeth in FDI notation, by quadrant: 1 upper right, 2 upper left, 3 lower left, 4 lower right. */
export const PERMANENT_TEETH: readonly (readonly number[])[] = [1, 2, 3, 4].map((q) =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((t) => q * 10 + t),
);

/** The kind of a tooth from its FDI number, for labels ("incisivo central superior derecho"). */
const TOOTH_KINDS: readonly Label[] = [
  { es: 'incisivo central', en: 'central incisor' },
  { es: 'incisivo lateral', en: 'lateral incisor' },
  { es: 'canino', en: 'canine' },
  { es: 'primer premolar', en: 'first premolar' },
  { es: 'segundo premolar', en: 'second premolar' },
  { es: 'primer molar', en: 'first molar' },
  { es: 'segundo molar', en: 'second molar' },
  { es: 'tercer molar', en: 'third molar' },
];
const QUADRANTS: readonly Label[] = [
  { es: 'superior derecho', en: 'upper right' },
  { es: 'superior izquierdo', en: 'upper left' },
  { es: 'inferior izquierdo', en: 'lower left' },
  { es: 'inferior derecho', en: 'lower right' },
];

/** "incisivo central superior derecho" for 11; the milk teeth by quadrant only. */
export function toothName(tooth: number, lang: 'es' | 'en'): string {
  const q = Math.floor(tooth / 10);
  const t = tooth % 10;
  if (q >= 1 && q <= 4) {
    const kind = TOOTH_KINDS[t - 1]?.[lang] ?? '';
    const where = QUADRANTS[q - 1]?.[lang] ?? '';
    return lang === 'es' ? `${kind} ${where}` : `${where} ${kind}`;
  }
  const where = QUADRANTS[q - 5]?.[lang] ?? '';
  return lang === 'es' ? `diente de leche ${where}` : `${where} milk tooth`;
}

export const QUADRANT_LABELS = QUADRANTS;

/**
 * A tooth in a post-mortem chart that is present and unrestored: the format's "absent from the
 * chart" (engine: seen sound). Not a dental state of the vocabulary; the chart screens show it.
 */
export const SOUND: Label = { es: 'sano', en: 'sound' };
/** A tooth the family does not know about (absent from an ante-mortem list). */
export const UNKNOWN_TOOTH: Label = { es: 'sin dato', en: 'not known' };

/** The order a tooth's state cycles through on the chart (click, Enter or Space). */
export const AM_TOOTH_CYCLE: readonly string[] = ['', 'missing', 'filling', 'root-canal', 'crown', 'crown-gold'];
export const PM_TOOTH_CYCLE: readonly string[] = [
  '',
  'missing',
  'filling',
  'root-canal',
  'crown',
  'crown-gold',
  'not-observable',
];

/**
 * Body regions of the body map, front and back. Tattoos are placed only on the engine's tattoo
 * locations (format v2; `tattoo: true`), the others take scars and other marks.
 */
export interface BodyRegion extends Label {
  views: readonly ('front' | 'back')[];
  tattoo: boolean;
}
const region = (code: string, es: string, en: string, views: ('front' | 'back')[]): [string, BodyRegion] => [
  code,
  { ...(TATTOO_LOCATIONS[code] ?? { es, en }), views, tattoo: code in TATTOO_LOCATIONS },
];
export const BODY_REGIONS: Readonly<Record<string, BodyRegion>> = Object.fromEntries([
  region('head', 'cabeza', 'head', ['back']),
  region('face', 'cara', 'face', ['front']),
  region('neck', '', '', ['front', 'back']),
  region('chest', '', '', ['front']),
  region('abdomen', 'abdomen', 'abdomen', ['front']),
  region('back', '', '', ['back']),
  region('lower-back', 'espalda baja', 'lower back', ['back']),
  region('right-upper-arm', '', '', ['front', 'back']),
  region('left-upper-arm', '', '', ['front', 'back']),
  region('right-forearm', '', '', ['front', 'back']),
  region('left-forearm', '', '', ['front', 'back']),
  region('right-hand', '', '', ['front', 'back']),
  region('left-hand', '', '', ['front', 'back']),
  region('right-leg', '', '', ['front', 'back']),
  region('left-leg', '', '', ['front', 'back']),
  region('right-knee', 'rodilla derecha', 'right knee', ['front']),
  region('left-knee', 'rodilla izquierda', 'left knee', ['front']),
  region('right-foot', 'pie derecho', 'right foot', ['front', 'back']),
  region('left-foot', 'pie izquierdo', 'left foot', ['front', 'back']),
]);
export const VIEWS: Readonly<Record<'front' | 'back', Label>> = {
  front: { es: 'frente', en: 'front' },
  back: { es: 'espalda', en: 'back' },
};

/** Marks placed on the body map besides tattoos; the engine compares them as `kind:region`. */
export const MARK_KINDS: Vocabulary = {
  scar: FEATURE_KINDS.scar as Label,
  birthmark: { es: 'lunar o mancha de nacimiento', en: 'birthmark' },
  burn: { es: 'quemadura', en: 'burn' },
  piercing: { es: 'perforación (piercing)', en: 'piercing' },
  'missing-finger': FEATURE_KINDS['missing-finger'] as Label,
  polydactyly: FEATURE_KINDS.polydactyly as Label,
  amputation: { es: 'amputación', en: 'amputation' },
};

/** Old fractures, by bone (the codes the format's samples use: clavicle, left-forearm, right-femur…). */
export const BONES: Vocabulary = {
  skull: { es: 'cráneo', en: 'skull' },
  nose: { es: 'nariz', en: 'nose' },
  jaw: { es: 'mandíbula', en: 'jaw' },
  clavicle: { es: 'clavícula', en: 'clavicle' },
  ribs: { es: 'costillas', en: 'ribs' },
  spine: { es: 'columna', en: 'spine' },
  pelvis: { es: 'pelvis', en: 'pelvis' },
  'right-humerus': { es: 'húmero derecho (brazo)', en: 'right humerus' },
  'left-humerus': { es: 'húmero izquierdo (brazo)', en: 'left humerus' },
  'right-forearm': { es: 'antebrazo derecho', en: 'right forearm' },
  'left-forearm': { es: 'antebrazo izquierdo', en: 'left forearm' },
  'right-hand': { es: 'mano derecha', en: 'right hand' },
  'left-hand': { es: 'mano izquierda', en: 'left hand' },
  'right-femur': { es: 'fémur derecho (muslo)', en: 'right femur' },
  'left-femur': { es: 'fémur izquierdo (muslo)', en: 'left femur' },
  'right-tibia': { es: 'tibia o peroné derecho', en: 'right tibia or fibula' },
  'left-tibia': { es: 'tibia o peroné izquierdo', en: 'left tibia or fibula' },
  'right-foot': { es: 'pie o tobillo derecho', en: 'right foot or ankle' },
  'left-foot': { es: 'pie o tobillo izquierdo', en: 'left foot or ankle' },
};

export const SURGERIES: Vocabulary = {
  appendix: { es: 'apendicectomía', en: 'appendectomy' },
  caesarean: { es: 'cesárea', en: 'caesarean section' },
  hernia: { es: 'hernia', en: 'hernia repair' },
  gallbladder: { es: 'vesícula', en: 'gallbladder removal' },
  'abdominal-other': { es: 'otra cirugía abdominal', en: 'other abdominal surgery' },
  heart: { es: 'corazón', en: 'heart surgery' },
  head: { es: 'cabeza', en: 'head surgery' },
  other: { es: 'otra', en: 'other' },
};

/** Prostheses and implants: an orthopaedic implant often carries a serial number. */
export const PROSTHESES: Vocabulary = {
  'right-hip': { es: 'cadera derecha', en: 'right hip' },
  'left-hip': { es: 'cadera izquierda', en: 'left hip' },
  'right-knee': { es: 'rodilla derecha', en: 'right knee' },
  'left-knee': { es: 'rodilla izquierda', en: 'left knee' },
  'plate-screws': { es: 'placa o tornillos (osteosíntesis)', en: 'plate or screws (osteosynthesis)' },
  pacemaker: { es: 'marcapasos', en: 'pacemaker' },
  'dental-denture': { es: 'dentadura postiza', en: 'denture' },
  'artificial-eye': { es: 'ojo artificial', en: 'artificial eye' },
  limb: { es: 'prótesis de miembro', en: 'artificial limb' },
  other: { es: 'otra', en: 'other' },
};

/** Hair colours: the engine knows which shades a family and an examiner confuse. */
export const HAIR_COLOURS: Vocabulary = {
  black: { es: 'negro', en: 'black' },
  'dark-brown': { es: 'castaño oscuro', en: 'dark brown' },
  brown: { es: 'castaño', en: 'brown' },
  'light-brown': { es: 'castaño claro', en: 'light brown' },
  blond: { es: 'rubio', en: 'blond' },
  red: { es: 'pelirrojo', en: 'red' },
  grey: { es: 'canoso', en: 'grey' },
  white: { es: 'blanco', en: 'white' },
};
export const EYE_COLOURS: Vocabulary = {
  'dark-brown': { es: 'café oscuro', en: 'dark brown' },
  brown: { es: 'café', en: 'brown' },
  hazel: { es: 'miel', en: 'hazel' },
  green: { es: 'verde', en: 'green' },
  blue: { es: 'azul', en: 'blue' },
  grey: { es: 'gris', en: 'grey' },
};
export const BUILDS: Vocabulary = {
  slim: { es: 'delgada', en: 'slim' },
  medium: { es: 'mediana', en: 'medium' },
  heavy: { es: 'robusta', en: 'heavy' },
  athletic: { es: 'atlética', en: 'athletic' },
};

/** Garments and colours: open codes for the engine, offered from these lists on screen. */
export const GARMENTS: Vocabulary = {
  't-shirt': { es: 'playera', en: 't-shirt' },
  shirt: { es: 'camisa', en: 'shirt' },
  sweatshirt: { es: 'sudadera', en: 'sweatshirt' },
  jacket: { es: 'chamarra', en: 'jacket' },
  jeans: { es: 'pantalón de mezclilla', en: 'jeans' },
  trousers: { es: 'pantalón', en: 'trousers' },
  shorts: { es: 'short', en: 'shorts' },
  dress: { es: 'vestido', en: 'dress' },
  skirt: { es: 'falda', en: 'skirt' },
  underwear: { es: 'ropa interior', en: 'underwear' },
  socks: { es: 'calcetines', en: 'socks' },
  sneakers: { es: 'tenis', en: 'sneakers' },
  boots: { es: 'botas', en: 'boots' },
  sandals: { es: 'sandalias', en: 'sandals' },
  cap: { es: 'gorra', en: 'cap' },
  hat: { es: 'sombrero', en: 'hat' },
  belt: { es: 'cinturón', en: 'belt' },
  backpack: { es: 'mochila', en: 'backpack' },
};
const colourLabels: Vocabulary = {
  black: { es: 'negro', en: 'black' },
  white: { es: 'blanco', en: 'white' },
  grey: { es: 'gris', en: 'grey' },
  blue: { es: 'azul', en: 'blue' },
  red: { es: 'rojo', en: 'red' },
  green: { es: 'verde', en: 'green' },
  yellow: { es: 'amarillo', en: 'yellow' },
  brown: { es: 'café', en: 'brown' },
  beige: { es: 'beige', en: 'beige' },
  orange: { es: 'naranja', en: 'orange' },
  pink: { es: 'rosa', en: 'pink' },
  purple: { es: 'morado', en: 'purple' },
  camouflage: { es: 'camuflaje', en: 'camouflage' },
  multicolour: { es: 'de varios colores', en: 'multicoloured' },
};
/** Every colour the engine knows how to fade, and a few it compares only as the same or not. */
export const COLOURS: Vocabulary = Object.fromEntries(
  [...new Set([...Object.keys(FADED_COLOURS), ...Object.keys(colourLabels)])].map((c) => [
    c,
    colourLabels[c] ?? { es: c, en: c },
  ]),
);

/** Frequent tattoo motifs (the motif is an open code: a family may describe another). */
export const TATTOO_MOTIFS: Vocabulary = {
  rose: { es: 'rosa', en: 'rose' },
  heart: { es: 'corazón', en: 'heart' },
  cross: { es: 'cruz', en: 'cross' },
  rosary: { es: 'rosario', en: 'rosary' },
  'virgin-of-guadalupe': { es: 'Virgen de Guadalupe', en: 'Virgin of Guadalupe' },
  'santa-muerte': { es: 'Santa Muerte', en: 'Santa Muerte' },
  skull: { es: 'calavera', en: 'skull' },
  star: { es: 'estrella', en: 'star' },
  eagle: { es: 'águila', en: 'eagle' },
  dragon: { es: 'dragón', en: 'dragon' },
  butterfly: { es: 'mariposa', en: 'butterfly' },
  clock: { es: 'reloj', en: 'clock' },
  crown: { es: 'corona', en: 'crown' },
  wings: { es: 'alas', en: 'wings' },
  tribal: { es: 'tribal', en: 'tribal' },
  'name-maria': { es: 'nombre «María»', en: 'name “María”' },
  'name-madre': { es: 'palabra «Madre»', en: 'word “Madre”' },
  'letters-hn': { es: 'letras «HN»', en: 'letters “HN”' },
  'number-18': { es: 'número 18', en: 'number 18' },
};

/** A motif as a code: "Nombre Karla" → "nombre-karla" (accents dropped, words joined by hyphens). */
export function motifCode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export const RECORD_HOLDER_KINDS: Vocabulary = {
  dentist: { es: 'dentista', en: 'dentist' },
  doctor: { es: 'médico', en: 'doctor' },
  hospital: { es: 'hospital o clínica', en: 'hospital or clinic' },
  other: { es: 'otro', en: 'other' },
};

// Post-mortem examination -------------------------------------------------------------------------
export const SEX_ESTIMATES: Vocabulary = {
  F: { es: 'femenino', en: 'female' },
  M: { es: 'masculino', en: 'male' },
  undetermined: { es: 'no determinable', en: 'undetermined' },
};
export const SEX_METHODS: Vocabulary = {
  pelvis: { es: 'pelvis', en: 'pelvis' },
  skull: { es: 'cráneo', en: 'skull' },
  'soft-tissue': { es: 'tejidos blandos', en: 'soft tissue' },
  'long-bones': { es: 'huesos largos', en: 'long bones' },
  dna: { es: 'ADN', en: 'DNA' },
  other: { es: 'otro', en: 'other' },
};
export const AGE_METHODS: Vocabulary = {
  'pubic-symphysis': { es: 'sínfisis púbica', en: 'pubic symphysis' },
  'auricular-surface': { es: 'superficie auricular', en: 'auricular surface' },
  'sternal-rib-end': { es: 'extremo esternal de la costilla', en: 'sternal rib end' },
  'cranial-sutures': { es: 'suturas craneales', en: 'cranial sutures' },
  'dental-development': { es: 'desarrollo dental', en: 'dental development' },
  'epiphyseal-fusion': { es: 'fusión epifisaria', en: 'epiphyseal fusion' },
  'dental-wear': { es: 'desgaste dental', en: 'dental wear' },
  other: { es: 'otro', en: 'other' },
};
export const STATURE_METHODS: Vocabulary = {
  measured: { es: 'medida del cuerpo', en: 'body measured' },
  'long-bones': { es: 'fórmula de huesos largos', en: 'long-bone formula' },
  other: { es: 'otro', en: 'other' },
};
export const INTERVAL_METHODS: Vocabulary = {
  decomposition: { es: 'estado de descomposición', en: 'decomposition' },
  entomology: { es: 'entomología', en: 'entomology' },
  context: { es: 'contexto del hallazgo', en: 'context of the find' },
  other: { es: 'otro', en: 'other' },
};
export const BODY_CONDITIONS: Vocabulary = {
  fresh: { es: 'reciente', en: 'fresh' },
  'early-decomposition': { es: 'descomposición temprana', en: 'early decomposition' },
  'advanced-decomposition': { es: 'descomposición avanzada', en: 'advanced decomposition' },
  skeletonised: { es: 'esqueletizado', en: 'skeletonised' },
  mummified: { es: 'momificado', en: 'mummified' },
  burned: { es: 'quemado', en: 'burned' },
  fragmented: { es: 'fragmentado', en: 'fragmented' },
};
/** Where the body is now. */
export const BODY_WHEREABOUTS: Vocabulary = {
  morgue: { es: 'servicio médico forense (anfiteatro)', en: 'morgue' },
  'common-grave': { es: 'fosa común', en: 'common grave' },
  cemetery: { es: 'panteón, tumba individual', en: 'cemetery, individual grave' },
  released: { es: 'entregado a la familia', en: 'released to the family' },
  other: { es: 'otro lugar', en: 'elsewhere' },
};

// DNA: samples, custody and the laboratory's result — never a genetic profile ----------------------
export const REMAINS_SAMPLE_TISSUES: Vocabulary = {
  bone: { es: 'hueso', en: 'bone' },
  tooth: { es: 'diente', en: 'tooth' },
  blood: { es: 'sangre', en: 'blood' },
  'soft-tissue': { es: 'tejido blando', en: 'soft tissue' },
  hair: { es: 'cabello', en: 'hair' },
  nail: { es: 'uña', en: 'nail' },
};
export const DONOR_RELATIONSHIPS: Vocabulary = {
  mother: { es: 'madre', en: 'mother' },
  father: { es: 'padre', en: 'father' },
  sibling: { es: 'hermana o hermano', en: 'sibling' },
  'half-sibling': { es: 'media hermana o medio hermano', en: 'half-sibling' },
  child: { es: 'hija o hijo', en: 'child' },
  spouse: { es: 'pareja (madre o padre de sus hijos)', en: 'partner (parent of the children)' },
  grandparent: { es: 'abuela o abuelo', en: 'grandparent' },
  'aunt-uncle': { es: 'tía o tío', en: 'aunt or uncle' },
  other: { es: 'otro', en: 'other' },
};
export const CUSTODY_EVENTS: Vocabulary = {
  collected: { es: 'tomada', en: 'collected' },
  sealed: { es: 'sellada', en: 'sealed' },
  sent: { es: 'enviada', en: 'sent' },
  received: { es: 'recibida', en: 'received' },
  analysed: { es: 'analizada', en: 'analysed' },
  stored: { es: 'resguardada', en: 'stored' },
  destroyed: { es: 'destruida', en: 'destroyed' },
};
/** What a laboratory may report of a comparison; the profiles themselves stay in the laboratory. */
export const DNA_RESULTS: Vocabulary = {
  match: { es: 'compatible (apoya la identificación)', en: 'match (supports the identification)' },
  exclusion: { es: 'exclusión', en: 'exclusion' },
  inconclusive: { es: 'no concluyente', en: 'inconclusive' },
};

// The forensic workflow of a remains record --------------------------------------------------------
export const FORENSIC_STAGES: Vocabulary = {
  registered: { es: 'registrado', en: 'registered' },
  examined: { es: 'examinado', en: 'examined' },
  candidates_reviewed: { es: 'candidatos revisados', en: 'candidates reviewed' },
  identification_proposed: { es: 'identificación propuesta', en: 'identification proposed' },
  identified: { es: 'identificación confirmada', en: 'identification confirmed' },
  family_informed: { es: 'familia informada', en: 'family informed' },
  released: { es: 'entregado', en: 'released' },
};

export const vocabularyCodes = codes;

/** The label of a code in the reader's language, or the code with spaces for an open list. */
export function labelIn(vocab: Vocabulary, code: string, lang: 'es' | 'en'): string {
  return vocab[code]?.[lang] ?? code.replace(/-/g, ' ');
}

/** The state of a tooth as a label: sound / not known when it has none. */
export function dentalStateLabel(state: string, postMortem: boolean, lang: 'es' | 'en'): string {
  if (!state) return (postMortem ? SOUND : UNKNOWN_TOOTH)[lang];
  return DENTAL_STATES[state as DentalState]?.[lang] ?? state;
}

/** Is this an FDI permanent or milk tooth number? (numbers, as the records store them). */
export const isToothNumber = (n: number): boolean => Number.isInteger(n) && isFdiTooth(String(n));
