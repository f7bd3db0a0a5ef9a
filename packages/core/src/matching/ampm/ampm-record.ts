// Ante-mortem / post-mortem record (format v2 of the linkage exchange file) and the strict reading
// of its list fields: an unknown tooth, body location or dental state is refused rather than read
// as "unknown", because it would silently turn an exclusion into an agreement or the reverse.
import type { PersonRecord } from '../person-record.types.ts';
import {
  AM_DENTAL_STATES,
  CODE_PATTERN,
  DENTAL_STATES,
  isFdiTooth,
  STATURE_MAX_CM,
  STATURE_MIN_CM,
  TATTOO_LOCATIONS,
} from './vocabulary.ts';

export interface Tattoo {
  location: string;
  motif: string;
}
export interface DentalEntry {
  /** FDI number, e.g. 21. */
  tooth: number;
  state: string;
}
export interface ClothingItem {
  garment: string;
  colour: string;
  brand: string;
}
export interface BodyFeature {
  kind: string;
  where: string;
}

/** A person record with AM (report) or PM (remains) data. Empty lists mean "not recorded". */
export interface AmPmRecord extends PersonRecord {
  statureMinCm?: number | null;
  statureMaxCm?: number | null;
  /** PM only: the window in which death occurred, YYYY-MM-DD. */
  deathDateMin?: string;
  deathDateMax?: string;
  tattoos?: Tattoo[];
  /** AM: the teeth the family or dentist knows about. PM: the chart; a tooth absent was seen sound. */
  dental?: DentalEntry[];
  clothing?: ClothingItem[];
  features?: BodyFeature[];
}

/** A value that breaks the format; `field` is the column name. */
export class AmPmValueError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'AmPmValueError';
  }
}

function items(text: string): string[][] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(':').map((p) => p.trim().toLowerCase()));
}

function code(value: string | undefined, field: string, what: string, item: string): string {
  if (!value || !CODE_PATTERN.test(value))
    throw new AmPmValueError(field, `"${item}": ${what} must be a lower-case code (letters, digits, hyphens)`);
  return value;
}

/** `location:motif;…` */
export function parseTattoos(text: string, field = 'tattoos'): Tattoo[] {
  return items(text).map((parts) => {
    const item = parts.join(':');
    const location = parts[0] ?? '';
    if (!TATTOO_LOCATIONS[location])
      throw new AmPmValueError(
        field,
        `unknown tattoo location "${location}" in "${item}"; expected one of ${Object.keys(TATTOO_LOCATIONS).join(', ')}`,
      );
    if (parts.length !== 2) throw new AmPmValueError(field, `"${item}" must be location:motif`);
    return { location, motif: code(parts[1], field, 'the motif', item) };
  });
}

/** `tooth:state;…` in FDI notation; `not-observable` only in a post-mortem chart. */
export function parseDental(text: string, postMortem: boolean, field = 'dental'): DentalEntry[] {
  const seen = new Set<number>();
  return items(text).map((parts) => {
    const item = parts.join(':');
    const t = parts[0] ?? '';
    if (!isFdiTooth(t))
      throw new AmPmValueError(
        field,
        `unknown tooth number "${t}" in "${item}"; expected FDI 11–48 (51–85 for milk teeth)`,
      );
    const state = parts[1] ?? '';
    if (parts.length !== 2 || !(state in DENTAL_STATES) || (!postMortem && !AM_DENTAL_STATES.has(state))) {
      const allowed = postMortem ? Object.keys(DENTAL_STATES) : [...AM_DENTAL_STATES];
      throw new AmPmValueError(
        field,
        `unknown dental state "${state}" in "${item}"; expected one of ${allowed.join(', ')}`,
      );
    }
    const tooth = Number(t);
    if (seen.has(tooth)) throw new AmPmValueError(field, `tooth ${t} is listed twice`);
    seen.add(tooth);
    return { tooth, state };
  });
}

/** `garment:colour[:brand];…` */
export function parseClothing(text: string, field = 'clothing'): ClothingItem[] {
  return items(text).map((parts) => {
    const item = parts.join(':');
    if (parts.length < 2 || parts.length > 3)
      throw new AmPmValueError(field, `"${item}" must be garment:colour[:brand]`);
    return {
      garment: code(parts[0], field, 'the garment', item),
      colour: code(parts[1], field, 'the colour', item),
      brand: parts[2] ? code(parts[2], field, 'the brand', item) : '',
    };
  });
}

/** `kind:where;…` */
export function parseFeatures(text: string, field = 'features'): BodyFeature[] {
  return items(text).map((parts) => {
    const item = parts.join(':');
    if (parts.length !== 2) throw new AmPmValueError(field, `"${item}" must be kind:where`);
    return { kind: code(parts[0], field, 'the kind', item), where: code(parts[1], field, 'the place', item) };
  });
}

/** A stature in cm, or null when empty; refuses what no human measures. */
export function parseStature(text: string, field: string): number | null {
  const v = text.trim();
  if (!v) return null;
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n)) throw new AmPmValueError(field, `"${text}" is not a stature in cm`);
  if (n < STATURE_MIN_CM || n > STATURE_MAX_CM)
    throw new AmPmValueError(
      field,
      `a stature of ${n} cm is not possible; expected between ${STATURE_MIN_CM} and ${STATURE_MAX_CM} cm`,
    );
  return n;
}

/** A calendar date YYYY-MM-DD, or '' when empty. */
export function parseIsoDate(text: string, field: string): string {
  const v = text.trim();
  if (!v) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new AmPmValueError(field, `"${text}" is not a date YYYY-MM-DD`);
  return v;
}

/**
 * Checks that the ranges of a record are ranges: the minimum stature is not above the maximum and
 * the death window does not end before it starts. Returns the offending field and why, or null.
 */
export function rangeProblem(r: AmPmRecord): { field: string; detail: string } | null {
  if (r.statureMinCm != null && r.statureMaxCm != null && r.statureMinCm > r.statureMaxCm)
    return {
      field: 'stature_max_cm',
      detail: `the stature range ends (${r.statureMaxCm} cm) below where it starts (${r.statureMinCm} cm)`,
    };
  if (r.deathDateMin && r.deathDateMax && r.deathDateMax < r.deathDateMin)
    return {
      field: 'death_date_max',
      detail: `the death window ends (${r.deathDateMax}) before it starts (${r.deathDateMin})`,
    };
  return null;
}
