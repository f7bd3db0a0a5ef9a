// Days declared non-working by the Secretaría de Gobernación for COMAR (an órgano desconcentrado
// of SEGOB), published by acuerdo in the Diario Oficial de la Federación (LFPA art. 28, second
// paragraph). One table per year; a year appears here only when we have collected its
// declarations, and computing with the overlay in any other year fails with
// CALENDAR_YEAR_NOT_LOADED instead of silently assuming there were no declarations.
//
// [U] Completeness: only declarations we could source are shipped. SEGOB's yearly vacation and
// Holy Week acuerdos for 2024 could not be located in our sources; a lawyer must check the DOF
// (https://www.dof.gob.mx) and administrators add what is missing as extra days.

import type { NonWorkingDay } from './calendar.types.ts';

const COMAR_MAY_2024: Omit<NonWorkingDay, 'date'> = {
  kind: 'declared',
  reason: {
    es: 'Suspensión de labores de la COMAR (acuerdo de SEGOB)',
    en: 'COMAR suspension of work (SEGOB acuerdo)',
  },
  // The acuerdo took effect on Wednesday 29 May 2024; reported with its text by La Jornada.
  source:
    'Acuerdo de la Secretaría de Gobernación, DOF 29-05-2024: días inhábiles para la COMAR del 29 al 31 de mayo de 2024 (https://jornada.com.mx/noticia/2024/05/29/politica/preocupa-a-onu-dh-y-acnur-suspension-de-actividades-de-comar-2778)',
};

export const SEGOB_DECLARED_DAYS: Readonly<Record<number, readonly NonWorkingDay[]>> = {
  2024: [
    { date: '2024-05-29', ...COMAR_MAY_2024 },
    { date: '2024-05-30', ...COMAR_MAY_2024 },
    { date: '2024-05-31', ...COMAR_MAY_2024 },
  ],
};
