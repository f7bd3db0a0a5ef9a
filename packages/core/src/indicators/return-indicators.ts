// Indicators of return and reintegration, and family reunification (issue 8, item 6; decision
// 0120): outcomes of the 30/90/180-day reintegration follow-ups; families reunified. Referrals by
// type of need and time to completion are dimensions of `referrals.status` (care-indicators.ts),
// whose need and time labels live here. Data like every indicator (decision 0111), spread into the one `indicators` list; the statistics
// engine suppresses their small cells like the others'. Only type imports from indicators.ts.
import type { Indicator, IndicatorDimension, IndicatorLocale, IndicatorText } from './indicators.ts';

const text = (es: string, en: string): IndicatorText => ({ es, en });
const month = (es: string, en: string): IndicatorDimension => ({
  id: 'month',
  title: text(es, en),
  hxl: '#date+month',
  categories: 'month',
});

export const returnIndicators: readonly Indicator[] = [
  {
    id: 'reintegration.outcomes',
    title: text('Resultados de reintegración en los seguimientos', 'Reintegration outcomes at follow-up'),
    unit: text('seguimientos realizados', 'follow-ups done'),
    valueHxl: '#indicator+num+followups',
    dimensions: [
      {
        id: 'milestone',
        title: text('Seguimiento', 'Follow-up'),
        hxl: '#indicator+milestone',
        categories: 'follow_up_milestone',
      },
      {
        id: 'outcome',
        title: text('Situación de la persona', "Person's situation"),
        hxl: '#status+reintegration',
        categories: 'follow_up_outcome',
      },
      month('Mes del seguimiento', 'Month of the follow-up'),
    ],
    publicRelease: ['milestone', 'outcome'],
  },
  {
    id: 'families.reunified',
    title: text('Familias separadas y reunificadas', 'Separated and reunified families'),
    unit: text('familias', 'families'),
    valueHxl: '#indicator+num+families',
    dimensions: [
      { id: 'status', title: text('Estado', 'Status'), hxl: '#status+family', categories: 'family_status' },
      month('Mes de reunificación (o de apertura)', 'Month reunified (or opened)'),
    ],
    publicRelease: ['status'],
  },
];

const needs: Record<string, IndicatorText> = {
  housing: text('Vivienda', 'Housing'),
  health: text('Salud', 'Health'),
  education: text('Educación', 'Education'),
  employment: text('Empleo', 'Employment'),
  financial_inclusion: text('Inclusión financiera', 'Financial inclusion'),
  gbv: text('Violencia de género', 'Gender-based violence'),
  legal_identity: text('Identidad jurídica', 'Legal identity'),
  validation_of_studies: text('Revalidación de estudios', 'Validation of studies'),
  psychosocial: text('Apoyo psicosocial', 'Psychosocial support'),
  shelter: text('Albergue', 'Shelter'),
  food: text('Alimentación', 'Food'),
  legal: text('Asesoría jurídica', 'Legal aid'),
  asylum: text('Refugio', 'Asylum'),
  migration: text('Regularización migratoria', 'Migration status'),
  consulate: text('Consulado', 'Consular assistance'),
  family_reunification: text('Reunificación familiar', 'Family reunification'),
  child_protection: text('Protección de la infancia', 'Child protection'),
  returnee_reception: text('Recepción de personas retornadas', 'Returnee reception'),
};

const returnFixed: Record<string, Record<string, IndicatorText>> = {
  referral_type: needs,
  completion_time: {
    d0_7: text('0 a 7 días', '0-7 days'),
    d8_30: text('8 a 30 días', '8-30 days'),
    d31_90: text('31 a 90 días', '31-90 days'),
    d91_plus: text('Más de 90 días', 'Over 90 days'),
    not_completed: text('No atendida', 'Not completed'),
  },
  follow_up_milestone: {
    '30': text('A 30 días', 'At 30 days'),
    '90': text('A 90 días', 'At 90 days'),
    '180': text('A 180 días', 'At 180 days'),
  },
  follow_up_outcome: {
    settled: text('Reintegrada', 'Settled'),
    progressing: text('Avanzando', 'Progressing'),
    struggling: text('Con dificultades', 'Struggling'),
    lost_contact: text('Sin contacto', 'Lost contact'),
    migrated_again: text('Volvió a migrar', 'Migrated again'),
  },
  family_status: {
    separated: text('Separada', 'Separated'),
    reunified: text('Reunificada', 'Reunified'),
    closed: text('Cerrada sin reunificar', 'Closed, not reunified'),
  },
};

/** Label of a category of one of this file's sources, or undefined for another source. */
export function returnCategoryLabel(source: string, key: string, locale: IndicatorLocale): string | undefined {
  return returnFixed[source]?.[key]?.[locale];
}

/** Vocabulary order of this file's sources. */
export const returnCategoryOrder: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(returnFixed).map(([k, v]) => [k, Object.keys(v)]),
);
