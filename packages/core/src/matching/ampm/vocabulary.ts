// Controlled vocabularies of ante-mortem / post-mortem data (format v2 of the linkage exchange file,
// docs/decisions/0131-ampm-matching.md) with Spanish and English labels for review screens. Closed
// lists are those a mistake in would silently change a comparison (body locations, FDI teeth, dental
// states); motifs, garments, colours and brands are open lists of lower-case codes.

export interface Label {
  es: string;
  en: string;
}

export const TATTOO_LOCATIONS: Readonly<Record<string, Label>> = {
  'left-forearm': { es: 'antebrazo izquierdo', en: 'left forearm' },
  'right-forearm': { es: 'antebrazo derecho', en: 'right forearm' },
  'left-upper-arm': { es: 'brazo izquierdo', en: 'left upper arm' },
  'right-upper-arm': { es: 'brazo derecho', en: 'right upper arm' },
  chest: { es: 'pecho', en: 'chest' },
  back: { es: 'espalda', en: 'back' },
  neck: { es: 'cuello', en: 'neck' },
  'left-hand': { es: 'mano izquierda', en: 'left hand' },
  'right-hand': { es: 'mano derecha', en: 'right hand' },
  'left-leg': { es: 'pierna izquierda', en: 'left leg' },
  'right-leg': { es: 'pierna derecha', en: 'right leg' },
};

/** The same place on the other side of the body: families often confuse left and right. */
export function mirrorLocation(location: string): string {
  if (location.startsWith('left-')) return `right-${location.slice(5)}`;
  if (location.startsWith('right-')) return `left-${location.slice(6)}`;
  return location;
}

export type DentalState = 'missing' | 'filling' | 'root-canal' | 'crown' | 'crown-gold' | 'not-observable';

export const DENTAL_STATES: Readonly<Record<DentalState, Label>> = {
  missing: { es: 'ausente', en: 'missing' },
  filling: { es: 'obturación', en: 'filling' },
  'root-canal': { es: 'endodoncia', en: 'root canal' },
  crown: { es: 'corona', en: 'crown' },
  'crown-gold': { es: 'corona de oro', en: 'gold crown' },
  'not-observable': { es: 'no observable', en: 'not observable' },
};

/** States an ante-mortem record may give (a family cannot say a tooth was not observable). */
export const AM_DENTAL_STATES: ReadonlySet<string> = new Set([
  'missing',
  'filling',
  'root-canal',
  'crown',
  'crown-gold',
]);

/** A restoration: once made it does not vanish; it can only be redone larger or the tooth lost. */
export const RESTORATIONS: ReadonlySet<string> = new Set(['filling', 'root-canal', 'crown', 'crown-gold']);

/** FDI two-digit notation: permanent teeth 11–48, deciduous 51–85 (children's remains). */
export function isFdiTooth(code: string): boolean {
  if (!/^\d\d$/.test(code)) return false;
  const q = Number(code[0]);
  const t = Number(code[1]);
  if (q >= 1 && q <= 4) return t >= 1 && t <= 8;
  if (q >= 5 && q <= 8) return t >= 1 && t <= 5;
  return false;
}

/** Compact index of an FDI tooth (0..51) for typed-array dental charts. */
export function toothIndex(code: number): number {
  const q = Math.floor(code / 10);
  const t = code % 10;
  return q <= 4 ? (q - 1) * 8 + (t - 1) : 32 + (q - 5) * 5 + (t - 1);
}
export const TOOTH_SLOTS = 52;

/**
 * Colours a garment may show after exposure and decomposition, from the colour it had (sun and
 * soil bleach dark dyes towards grey and brown, light ones towards beige): a family's "red" found
 * as "brown" agrees weakly, not at all if it was found "green".
 */
export const FADED_COLOURS: Readonly<Record<string, readonly string[]>> = {
  red: ['brown', 'pink', 'beige', 'orange'],
  blue: ['grey', 'brown', 'green'],
  black: ['grey', 'brown'],
  white: ['beige', 'brown', 'grey', 'yellow'],
  yellow: ['beige', 'brown', 'white'],
  green: ['brown', 'grey', 'beige'],
  grey: ['beige', 'brown', 'white'],
  brown: ['beige', 'grey'],
  beige: ['brown', 'grey', 'white'],
  camouflage: ['green', 'brown', 'beige', 'grey'],
  orange: ['beige', 'brown', 'yellow'],
  pink: ['beige', 'white'],
  purple: ['grey', 'brown', 'pink'],
};

/** Hair colours a family and a forensic service may name differently for the same person. */
export const SIMILAR_HAIR: Readonly<Record<string, readonly string[]>> = {
  black: ['dark-brown'],
  'dark-brown': ['black', 'brown'],
  brown: ['dark-brown', 'light-brown'],
  'light-brown': ['brown', 'blond'],
  blond: ['light-brown'],
  grey: ['white'],
  white: ['grey'],
};

export const FEATURE_KINDS: Readonly<Record<string, Label>> = {
  hair: { es: 'cabello', en: 'hair' },
  scar: { es: 'cicatriz', en: 'scar' },
  fracture: { es: 'fractura antigua', en: 'old fracture' },
  surgery: { es: 'cirugía', en: 'surgery' },
  prosthesis: { es: 'prótesis', en: 'prosthesis' },
  'missing-finger': { es: 'falta un dedo', en: 'missing finger' },
  polydactyly: { es: 'polidactilia', en: 'polydactyly' },
  eyes: { es: 'ojos', en: 'eyes' },
  build: { es: 'complexión', en: 'build' },
  condition: { es: 'condición médica', en: 'medical condition' },
};

/** Label of a code in a vocabulary, or the code itself with hyphens as spaces (open lists). */
export function labelOf(vocab: Readonly<Record<string, Label>>, code: string, lang: 'es' | 'en'): string {
  return vocab[code]?.[lang] ?? code.replace(/-/g, ' ');
}

/** Lower-case code of an open vocabulary: letters, digits and hyphens. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Plausible human stature in cm (adults and children); 30 or 300 is a typing mistake. */
export const STATURE_MIN_CM = 45;
export const STATURE_MAX_CM = 240;
