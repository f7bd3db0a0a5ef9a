// Labels and order of the categories of every indicator dimension, from the vocabularies they
// come from. Keys are what the SQL groups by; labels are what a person reads.
import { AGE_GROUPS } from '../statistics/index.ts';
import { institutionAncestors, institutions, violationTypes } from '../incidents/index.ts';
import { findProcedureType } from '../procedures/index.ts';
import { careCategoryLabel, careCategoryOrder } from './care-indicators.ts';
import { returnCategoryLabel, returnCategoryOrder } from './return-indicators.ts';
import { findSubdivision } from './central-america.ts';
import type { CategorySource, IndicatorLocale, IndicatorText, InstitutionLevel } from './indicators.ts';

/** Category key of "not recorded" in every dimension. */
export const UNKNOWN = 'unknown';
/** Institution category of an act attributed to perpetrators of more than one institution. */
export const MULTIPLE = 'multiple';

/** INEGI state codes and names. Keys of the state dimension are the OCHA admin-1 P-codes ("MX07"). */
export const mexicanStates: Readonly<Record<string, string>> = {
  '01': 'Aguascalientes',
  '02': 'Baja California',
  '03': 'Baja California Sur',
  '04': 'Campeche',
  '05': 'Coahuila',
  '06': 'Colima',
  '07': 'Chiapas',
  '08': 'Chihuahua',
  '09': 'Ciudad de México',
  '10': 'Durango',
  '11': 'Guanajuato',
  '12': 'Guerrero',
  '13': 'Hidalgo',
  '14': 'Jalisco',
  '15': 'Estado de México',
  '16': 'Michoacán',
  '17': 'Morelos',
  '18': 'Nayarit',
  '19': 'Nuevo León',
  '20': 'Oaxaca',
  '21': 'Puebla',
  '22': 'Querétaro',
  '23': 'Quintana Roo',
  '24': 'San Luis Potosí',
  '25': 'Sinaloa',
  '26': 'Sonora',
  '27': 'Tabasco',
  '28': 'Tamaulipas',
  '29': 'Tlaxcala',
  '30': 'Veracruz',
  '31': 'Yucatán',
  '32': 'Zacatecas',
};

const fixed: Partial<Record<CategorySource, Record<string, IndicatorText>>> = {
  sex: {
    F: { es: 'Mujer', en: 'Female' },
    M: { es: 'Hombre', en: 'Male' },
    X: { es: 'Otro / no binario', en: 'Other / non-binary' },
  },
  deadline_outcome: {
    met: { es: 'Cumplido a tiempo', en: 'Met' },
    missed: { es: 'Vencido', en: 'Missed' },
    pending: { es: 'En curso', en: 'Pending' },
  },
};

const unknownLabel: IndicatorText = { es: 'Sin dato', en: 'Not recorded' };
const multipleLabel: IndicatorText = { es: 'Varias instituciones', en: 'Several institutions' };

const regionNames: Partial<Record<IndicatorLocale, Intl.DisplayNames>> = {};
function countryName(code: string, locale: IndicatorLocale): string {
  try {
    const names = (regionNames[locale] ??= new Intl.DisplayNames([locale], { type: 'region' }));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The label a person reads for a category key. Unknown keys are shown as recorded. */
export function categoryLabel(source: CategorySource, key: string, locale: IndicatorLocale): string {
  if (key === UNKNOWN && source !== 'institution') return unknownLabel[locale];
  switch (source) {
    case 'violation_type':
      return violationTypes.find((t) => t.key === key)?.label[locale] ?? key;
    case 'institution':
      if (key === MULTIPLE) return multipleLabel[locale];
      return institutions.find((t) => t.key === key)?.label[locale] ?? key;
    case 'state': {
      const mx = /^MX(.*)$/.exec(key);
      if (mx) return mexicanStates[mx[1]!] ?? mx[1]!;
      const unit = findSubdivision(key);
      if (unit) return unit[locale];
      // A place coarsened to its country (public releases, decision 0122).
      return /^[A-Z]{2}$/.test(key) ? countryName(key, locale) : key;
    }
    case 'country':
      return /^[A-Z]{2}$/.test(key) ? countryName(key, locale) : key;
    case 'procedure_type':
      return findProcedureType(key)?.title[locale] ?? key;
    case 'age_group':
    case 'month':
      return key;
    default:
      return (
        fixed[source]?.[key]?.[locale] ??
        careCategoryLabel(source, key, locale) ??
        returnCategoryLabel(source, key, locale) ??
        key
      );
  }
}

const orderOf: Partial<Record<CategorySource, readonly string[]>> = {
  violation_type: violationTypes.map((t) => t.key),
  institution: [...institutions.filter((t) => t.key !== UNKNOWN).map((t) => t.key), MULTIPLE, UNKNOWN],
  sex: ['F', 'M', 'X', UNKNOWN],
  age_group: [...AGE_GROUPS, UNKNOWN],
  deadline_outcome: ['met', 'missed', 'pending'],
  ...(careCategoryOrder as Partial<Record<CategorySource, readonly string[]>>),
  ...(returnCategoryOrder as Partial<Record<CategorySource, readonly string[]>>),
};

/** Sorts category keys: vocabulary order where there is one, otherwise by key, "unknown" last. */
export function sortCategories(source: CategorySource, keys: Iterable<string>): string[] {
  const order = orderOf[source];
  const rank = (k: string): number => {
    const i = order ? order.indexOf(k) : -1;
    return i >= 0 ? i : k === UNKNOWN ? Number.MAX_SAFE_INTEGER : (order?.length ?? 0);
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The key an institution is counted under at a level of the hierarchy: 'top' (Mexican
 * authorities, US authorities, non-state actors, unknown), 'institution' (INM, National Guard,
 * police…: the level the bulletin uses) or 'detail' (municipal police, state police…).
 */
export function institutionAtLevel(key: string, level: InstitutionLevel): string {
  const chain = institutionAncestors(key);
  if (chain.length === 0 || level === 'detail') return key;
  if (level === 'top') return chain[chain.length - 1]!;
  return chain.length >= 2 ? chain[chain.length - 2]! : chain[0]!;
}

/** Every institution key with the key it rolls up to at `level` (for a SQL join). */
export function institutionRollup(level: InstitutionLevel): { keys: string[]; rolledUp: string[] } {
  const keys = institutions.map((t) => t.key);
  return { keys, rolledUp: keys.map((k) => institutionAtLevel(k, level)) };
}
