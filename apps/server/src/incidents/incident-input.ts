// Checks of incident input that need more than the shape: real dates normalised to their
// precision, end not before start, a Mexican municipality inside its state, known vocabulary keys.
import {
  findInstitution,
  findViolationType,
  isCentralAmerican,
  isKnownMunicipality,
  subdivisionCode,
} from '@acompana/core';
import { AppError } from '../kernel/errors.ts';

type Precision = 'day' | 'month' | 'year' | 'approximate';

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The stored date of a partial date: the 1st of the month, or 1 January, for coarser precisions. */
export function normaliseDate(
  input: { date: string; precision: Precision },
  field: string,
): { date: string; precision: Precision } {
  if (!isRealDate(input.date)) throw new AppError('incidents.invalid_date', { field, params: { value: input.date } });
  if (input.precision === 'month') return { date: `${input.date.slice(0, 7)}-01`, precision: input.precision };
  if (input.precision === 'year') return { date: `${input.date.slice(0, 4)}-01-01`, precision: input.precision };
  return input;
}

export function checkPeriod(start: { date: string }, end: { date: string } | undefined): void {
  if (end && end.date < start.date)
    throw new AppError('incidents.end_before_start', { field: 'end', params: { start: start.date, end: end.date } });
}

export function checkPlace(
  place: { country: string; stateCode?: string | undefined; municipalityCode?: string | undefined } | undefined,
  field = 'place',
): void {
  if (!place) return;
  // Central America: a first-level unit of the country by ISO 3166-2 ("GT-16", or "16"), decision 0122.
  if (
    isCentralAmerican(place.country) &&
    place.stateCode !== undefined &&
    !subdivisionCode(place.country, place.stateCode)
  ) {
    throw new AppError('incidents.invalid_place', { field: `${field}.stateCode`, params: { value: place.stateCode } });
  }
  if (place.country !== 'MX') return;
  const { stateCode, municipalityCode } = place;
  if (stateCode !== undefined && !/^(0[1-9]|[12]\d|3[0-2])$/.test(stateCode))
    throw new AppError('incidents.invalid_place', { field: `${field}.stateCode`, params: { value: stateCode } });
  if (
    municipalityCode !== undefined &&
    (!isKnownMunicipality(municipalityCode) || (stateCode !== undefined && !municipalityCode.startsWith(stateCode)))
  ) {
    throw new AppError('incidents.invalid_place', {
      field: `${field}.municipalityCode`,
      params: { value: municipalityCode },
    });
  }
}

export function checkActType(key: string): void {
  if (!findViolationType(key))
    throw new AppError('incidents.unknown_act_type', { field: 'type', params: { value: key } });
}

export function checkInstitution(key: string | undefined, field: string): void {
  if (key !== undefined && !findInstitution(key))
    throw new AppError('incidents.unknown_institution', { field, params: { value: key } });
}
