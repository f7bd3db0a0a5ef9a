// Why two encoded records are (or are not) the same person, said without the fields: the review
// screen of a privacy-preserving match shows how alike each field's encodings are, never a value.
import { FIELDS, FIELD_COUNT, type FieldName } from '../matching/comparison-vector.ts';
import { fieldWeight, probabilityFromWeight, totalWeight, type MatchModel } from '../matching/fellegi-sunter.ts';
import type { MatchDecision } from '../matching/linker.ts';
import { compareEncoded, nameReading, type CountedCollection } from './compare.ts';

export type ReasonLanguage = 'es' | 'en';

const CODED = { es: ' (codificado)', en: ' (encoded)' } as const;

// Level labels per field, index = level (0 = one side has no value), as in FIELD_LEVELS.
const LABELS: Record<ReasonLanguage, readonly (readonly string[])[]> = {
  es: [
    [
      'sin dato',
      'nombre igual',
      'mismos nombres, uno tiene menos',
      'nombre muy parecido',
      'nombre parecido',
      'un nombre en común',
      'nombre distinto',
    ],
    [
      'sin dato',
      'apellidos iguales',
      'apellido igual, uno tiene uno solo',
      'apellidos muy parecidos',
      'apellido parecido, uno tiene uno solo',
      'un apellido en común',
      'apellidos distintos',
    ],
    [
      'sin dato',
      'misma fecha de nacimiento',
      'día y mes invertidos o un dígito distinto',
      'la fecha parcial coincide',
      'la edad estimada encaja',
      'a menos de dos años',
      'nacimiento distinto',
      'más de diez años de diferencia',
    ],
    ['sin dato', 'mismo sexo', 'sexo distinto'],
    ['sin dato', 'misma nacionalidad', 'nacionalidad distinta'],
    ['sin dato', 'mismo lugar de origen', 'lugar de origen parecido', 'lugar de origen distinto'],
    ['sin dato', 'mismo documento', 'documento casi igual', 'documento distinto'],
    [
      'sin dato',
      'dirección casi igual',
      'dirección en buena parte igual',
      'dirección con algo en común',
      'dirección distinta',
    ],
    [
      'sin dato',
      'fechas del hecho cercanas (un año)',
      'fechas del hecho a menos de tres años',
      'fechas del hecho lejanas',
    ],
    ['sin dato', 'mismo lugar del hecho', 'lugar del hecho parecido', 'lugar del hecho distinto'],
  ],
  en: [
    [
      'missing',
      'same names',
      'same names, one side has fewer',
      'names very alike',
      'names alike',
      'one name in common',
      'different names',
    ],
    [
      'missing',
      'same surnames',
      'same surname, one side has one only',
      'surnames very alike',
      'surname alike, one side has one only',
      'one surname in common',
      'different surnames',
    ],
    [
      'missing',
      'same birth date',
      'day and month swapped or one digit off',
      'partial date agrees',
      'estimated age fits',
      'within two years',
      'different birth',
      'more than ten years apart',
    ],
    ['missing', 'same sex', 'different sex'],
    ['missing', 'same nationality', 'different nationality'],
    ['missing', 'same place of origin', 'place of origin alike', 'different place of origin'],
    ['missing', 'same document', 'document nearly the same', 'different document'],
    [
      'missing',
      'address nearly the same',
      'address half the same',
      'address with a little in common',
      'different address',
    ],
    ['missing', 'event dates close (a year)', 'event dates within three years', 'event dates far apart'],
    ['missing', 'same event place', 'event place alike', 'different event place'],
  ],
};

export interface EncodedFieldReason {
  field: FieldName;
  level: number;
  /** What agreed, without the value: "nombre muy parecido (codificado)". */
  reason: string;
  /** Evidence in bits, positive for the same person. */
  weight: number;
}

export interface EncodedPairExplanation {
  score: number;
  decision: MatchDecision | 'no match';
  totalWeight: number;
  /** Names agreed best read across boxes (given names ↔ surnames, or a full name in one box). */
  namesRearranged: boolean;
  fields: EncodedFieldReason[];
}

/** Explains one encoded pair with the model that scored it (same weights as clear-text review). */
export function explainEncodedPair(
  model: MatchModel,
  L: CountedCollection,
  li: number,
  R: CountedCollection,
  ri: number,
  language: ReasonLanguage = 'es',
): EncodedPairExplanation {
  const levels = new Uint8Array(FIELD_COUNT);
  compareEncoded(L, li, R, ri, levels);
  const rearranged = nameReading.rearranged;
  const weight = totalWeight(model, levels, null);
  const score = probabilityFromWeight(model, weight);
  const fields: EncodedFieldReason[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    const level = levels[f] as number;
    const label = LABELS[language][f]?.[level] ?? String(level);
    fields.push({
      field: FIELDS[f] as FieldName,
      level,
      reason: level === 0 ? label : label + CODED[language],
      weight: Math.round(fieldWeight(model, f, level, null) * 100) / 100,
    });
  }
  return {
    score,
    decision: score >= model.matchThreshold ? 'match' : score >= model.possibleThreshold ? 'possible' : 'no match',
    totalWeight: Math.round(weight * 100) / 100,
    namesRearranged: rearranged,
    fields,
  };
}
