// Mexican federal calendars. Both are FIXED-DATE calendars, as their statutes are written:
//
// * LFPA art. 28 lists 1 January, 5 February, 21 March, 1 May, 5 May, 1 and 16 September,
//   20 November, the day of transmission of the federal executive and 25 December, besides
//   Saturdays, Sundays and the days each authority declares by acuerdo published in the DOF.
//   The Ley Federal del Trabajo (art. 74) moves 5 February, 21 March and 20 November to the first,
//   third and third Monday of their month for workers; LFPA art. 28 does not, and the issue that
//   defines this engine fixes the LFPA dates as the contract. An authority that also closes on the
//   LFT Mondays publishes them in the DOF, and they enter as declared (overlay) or extra days.
// * Ley de Amparo art. 19 lists Saturdays, Sundays, 1 January, 5 February, 21 March, 1 and 5 May,
//   14 and 16 September, 12 October, 20 November and 25 December, plus the days on which the court
//   suspends work (declared by the federal judiciary: SCJN / CJF acuerdos generales, e.g. SCJN
//   Acuerdo General 18/2013), which enter as extra days.
//
// Transmission of the federal executive: 1 December every six years until 2018; since the
// constitutional reform of 10 February 2014 the president takes office on 1 October (first in
// 2024), and the Calendario Oficial was amended accordingly (DOF 12 July 2024). Whether LFPA
// art. 28 itself still says "1 de diciembre" is [U] in LEGAL-DEADLINES.md; the contract is
// 1 October for 2024 and 2030, and we keep 1 December for the historical years 2000–2018.

import type { CalendarDefinition, LocalizedText, NonWorkingDay } from './calendar.types.ts';
import { dayNumberOf, formatDay } from './plain-date.util.ts';

interface FixedHoliday {
  month: number;
  day: number;
  name: LocalizedText;
}

const NEW_YEAR: FixedHoliday = { month: 1, day: 1, name: { es: 'Año Nuevo', en: "New Year's Day" } };
const CONSTITUTION: FixedHoliday = { month: 2, day: 5, name: { es: 'Día de la Constitución', en: 'Constitution Day' } };
const JUAREZ: FixedHoliday = {
  month: 3,
  day: 21,
  name: { es: 'Natalicio de Benito Juárez', en: 'Birthday of Benito Juárez' },
};
const LABOUR: FixedHoliday = { month: 5, day: 1, name: { es: 'Día del Trabajo', en: 'Labour Day' } };
const PUEBLA: FixedHoliday = { month: 5, day: 5, name: { es: 'Batalla de Puebla', en: 'Battle of Puebla' } };
const REPORT: FixedHoliday = {
  month: 9,
  day: 1,
  name: { es: 'Informe presidencial (1 de septiembre)', en: 'Presidential report (1 September)' },
};
const CADETS: FixedHoliday = { month: 9, day: 14, name: { es: '14 de septiembre', en: '14 September' } };
const INDEPENDENCE: FixedHoliday = {
  month: 9,
  day: 16,
  name: { es: 'Día de la Independencia', en: 'Independence Day' },
};
const COLUMBUS: FixedHoliday = {
  month: 10,
  day: 12,
  name: { es: 'Día de la Raza (12 de octubre)', en: '12 October (Día de la Raza)' },
};
const REVOLUTION: FixedHoliday = { month: 11, day: 20, name: { es: 'Día de la Revolución', en: 'Revolution Day' } };
const CHRISTMAS: FixedHoliday = { month: 12, day: 25, name: { es: 'Navidad', en: 'Christmas Day' } };

const LFPA_HOLIDAYS = [NEW_YEAR, CONSTITUTION, JUAREZ, LABOUR, PUEBLA, REPORT, INDEPENDENCE, REVOLUTION, CHRISTMAS];
const AMPARO_HOLIDAYS = [
  NEW_YEAR,
  CONSTITUTION,
  JUAREZ,
  LABOUR,
  PUEBLA,
  CADETS,
  INDEPENDENCE,
  COLUMBUS,
  REVOLUTION,
  CHRISTMAS,
];

/** Day of transmission of the federal executive in that year, if it is a transmission year. */
export function transmissionDayOf(year: number): { month: number; day: number } | undefined {
  if ((year - 2000) % 6 !== 0) return undefined;
  return year >= 2024 ? { month: 10, day: 1 } : { month: 12, day: 1 };
}

function fixedDays(year: number, holidays: readonly FixedHoliday[], source: string): NonWorkingDay[] {
  return holidays.map((h) => ({
    date: formatDay(dayNumberOf(year, h.month, h.day)),
    kind: 'holiday',
    reason: h.name,
    source,
  }));
}

function lfpaHolidaysOf(year: number): NonWorkingDay[] {
  const days = fixedDays(year, LFPA_HOLIDAYS, 'LFPA art. 28');
  const transmission = transmissionDayOf(year);
  if (transmission) {
    days.push({
      date: formatDay(dayNumberOf(year, transmission.month, transmission.day)),
      kind: 'holiday',
      reason: { es: 'Transmisión del Poder Ejecutivo Federal', en: 'Transfer of the federal executive power' },
      source: year >= 2024 ? 'LFPA art. 28; CPEUM art. 83 (reforma DOF 10-02-2014)' : 'LFPA art. 28',
    });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

export const MX_FEDERAL_ADMIN_CALENDAR: CalendarDefinition = {
  id: 'mx-federal-admin',
  name: { es: 'Administración Pública Federal (LFPA art. 28)', en: 'Mexican federal administration (LFPA art. 28)' },
  jurisdiction: 'MX',
  // Local time of the receiving office governs (LEGAL-DEADLINES.md); callers pass another zone
  // (e.g. America/Tijuana) for offices outside the central zone.
  timeZone: 'America/Mexico_City',
  legalBasis: 'Ley Federal de Procedimiento Administrativo, art. 28',
  weekendDays: [0, 6],
  firstYear: 2000,
  lastYear: 2040,
  holidaysOf: lfpaHolidaysOf,
  notes: [
    'Fixed LFPA dates (5 Feb, 21 Mar, 20 Nov), not the LFT art. 74 Mondays.',
    'Days each authority declares in the DOF are NOT included: use mx-federal-admin+segob or pass extra days.',
  ],
  needsLegalReview: false,
};

export const MX_AMPARO_CALENDAR: CalendarDefinition = {
  id: 'mx-amparo',
  name: { es: 'Juicio de amparo (Ley de Amparo art. 19)', en: 'Amparo proceedings (Ley de Amparo art. 19)' },
  jurisdiction: 'MX',
  timeZone: 'America/Mexico_City',
  legalBasis: 'Ley de Amparo, art. 19',
  weekendDays: [0, 6],
  firstYear: 2000,
  lastYear: 2040,
  // The 1936 law (art. 23, with LOPJF art. 163) listed the same days; the 2013 law is in force
  // since 3 April 2013.
  holidaysOf: (year) => fixedDays(year, AMPARO_HOLIDAYS, 'Ley de Amparo art. 19'),
  notes: ['Days on which the court suspends work (SCJN/CJF acuerdos) must be passed as extra days.'],
  needsLegalReview: false,
};
