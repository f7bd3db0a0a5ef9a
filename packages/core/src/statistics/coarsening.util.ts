// Coarsening before counting: the finer a category, the smaller its cells and the easier it is to
// recognise someone. Dates go to month or quarter, ages to the bands below, places to state level.
import { StatisticsError } from './statistics.errors.ts';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(date: string): { year: string; month: number } {
  const m = PLAIN_DATE.exec(date);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  // Dates are plain dates (the local date of the event), never instants: the caller converts an
  // instant in the jurisdiction's time zone first, so an event at 23:30 is not moved to next month.
  if (!m || month < 1 || month > 12 || day < 1 || day > 31)
    throw new StatisticsError('INVALID_DATE', `expected a YYYY-MM-DD date, got "${date}"`);
  return { year: m[1]!, month };
}

/** '2024-03-17' → '2024-03'. */
export function toMonth(date: string): string {
  const { year, month } = parse(date);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** '2024-03-17' → '2024-Q1'. */
export function toQuarter(date: string): string {
  const { year, month } = parse(date);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/**
 * The age bands: 0-4, 5-11, 12-17, 18-29, 30-59, 60+. The first three and 60+ are the bands of
 * humanitarian needs assessments (early childhood, school age, adolescents, older people; UNHCR
 * and the IASC use 0-4 / 5-11 / 12-17 / 18-59 / 60+). Adults are split at 30 because most people
 * on the move are young adults: a single 18-59 band would hide the pattern the network reports on.
 * 0-17 stays visible as a sum of three bands (children are a protection category of their own).
 */
export const AGE_GROUPS = ['0-4', '5-11', '12-17', '18-29', '30-59', '60+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number] | 'unknown';

const LOWER_BOUNDS = [0, 5, 12, 18, 30, 60] as const;

/** Completed years → band; an unknown age (null/undefined) → 'unknown'. Impossible ages are refused. */
export function toAgeGroup(age: number | null | undefined): AgeGroup {
  if (age === null || age === undefined) return 'unknown';
  if (!Number.isFinite(age) || age < 0 || age > 130) throw new StatisticsError('INVALID_AGE', `not an age: ${age}`);
  let band = 0;
  for (let i = 0; i < LOWER_BOUNDS.length; i++) if (age >= LOWER_BOUNDS[i]!) band = i;
  return AGE_GROUPS[band]!;
}

export interface Place {
  /** ISO 3166-1 alpha-2, e.g. "MX", "GT". */
  readonly country: string;
  /** State / department (admin level 1), as a P-code or name. */
  readonly adm1?: string;
  readonly adm2?: string;
  readonly adm3?: string;
  readonly locality?: string;
}

/** Keeps country and state/department, drops municipality, locality and anything finer. */
export function toStateLevel(place: Place): { country: string; adm1: string | undefined } {
  return { country: place.country, adm1: place.adm1 };
}

/**
 * Admin-1 P-code of a finer OCHA P-code: country code plus two digits ('MX08037' → 'MX08',
 * 'GT0101' → 'GT01'). INEGI's 5-digit municipality key ('08037') keeps the 2-digit state ('08').
 */
export function pcodeToAdm1(pcode: string): string {
  const p = /^([A-Z]{2})(\d{2})\d*$/.exec(pcode);
  if (p) return `${p[1]}${p[2]}`;
  const inegi = /^(\d{2})\d{3}(\d{4})?$/.exec(pcode);
  if (inegi) return inegi[1]!;
  throw new StatisticsError('INVALID_TABLE', `not a P-code or INEGI key: "${pcode}"`);
}
