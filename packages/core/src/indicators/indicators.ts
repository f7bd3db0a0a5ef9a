// Indicators defined once, as data (issue 10, decision 0111): what is counted, in which
// dimensions it can be broken down, the HXL hashtag of each dimension, and the one table that is
// protected for public release. The server turns a definition into SQL (GROUP BY), the web app
// into a dashboard, the exports into HXL CSV; none of them redefines an indicator.

import { careIndicators } from './care-indicators.ts';
import { returnIndicators } from './return-indicators.ts';

export type IndicatorLocale = 'es' | 'en';
export interface IndicatorText {
  es: string;
  en: string;
}

/** Where the labels of a dimension's categories come from (see indicator-labels.ts). */
export type CategorySource =
  | 'violation_type'
  | 'institution'
  | 'state'
  | 'month'
  | 'country'
  | 'sex'
  | 'age_group'
  | 'procedure_type'
  | 'deadline_outcome'
  // Care, protection and search indicators (care-indicators.ts, decision 0122).
  | 'profile_indicator'
  | 'protection_flag'
  | 'procedure_stage'
  | 'missing_status'
  | 'case_status'
  | 'referral_status'
  | 'referral_urgency'
  | 'yes_no'
  // Referrals, reintegration and families (return-indicators.ts, decision 0120).
  | 'referral_type'
  | 'completion_time'
  | 'follow_up_milestone'
  | 'follow_up_outcome'
  | 'family_status';

/** Levels of the perpetrator-institution hierarchy an indicator can be rolled up to. */
export const INSTITUTION_LEVELS = ['top', 'institution', 'detail'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export interface IndicatorDimension {
  /** Stable id used in `?by=`. */
  id: string;
  title: IndicatorText;
  /** HXL hashtag of the dimension's (label) column. */
  hxl: string;
  categories: CategorySource;
  /** Dimensions rolled up along a hierarchy: the levels allowed and the default. */
  levels?: { allowed: readonly InstitutionLevel[]; default: InstitutionLevel };
}

export interface Indicator {
  id: string;
  title: IndicatorText;
  /** What one unit of the count is. */
  unit: IndicatorText;
  /** HXL hashtag of the count column. */
  valueHxl: string;
  dimensions: readonly IndicatorDimension[];
  /**
   * The dimensions (at most 3, in order) of the ONE table protected for public release. Every
   * public table of this indicator is a view (margin) of it, so two published tables never give
   * away each other's hidden cells (decision 0106, "linked tables"). Absent: never public.
   */
  publicRelease?: readonly string[];
}

const text = (es: string, en: string): IndicatorText => ({ es, en });

const month = (es: string, en: string): IndicatorDimension => ({
  id: 'month',
  title: text(es, en),
  hxl: '#date+month',
  categories: 'month',
});

export const indicators: readonly Indicator[] = [
  {
    id: 'incidents.acts',
    title: text('Actos de violencia contra personas en movilidad', 'Acts of violence against people on the move'),
    unit: text('actos documentados', 'documented acts'),
    valueHxl: '#indicator+num+acts',
    dimensions: [
      { id: 'type', title: text('Tipo de acto', 'Act type'), hxl: '#event+type+name', categories: 'violation_type' },
      {
        id: 'institution',
        title: text('Institución perpetradora', 'Perpetrator institution'),
        hxl: '#org+perpetrator+name',
        categories: 'institution',
        levels: { allowed: INSTITUTION_LEVELS, default: 'institution' },
      },
      {
        id: 'state',
        title: text('Estado o departamento', 'State or department'),
        hxl: '#adm1+name',
        categories: 'state',
      },
      month('Mes del acto', 'Month of the act'),
    ],
    publicRelease: ['type', 'institution', 'state'],
  },
  {
    id: 'people.registered',
    title: text('Personas registradas', 'People registered'),
    unit: text('personas', 'people'),
    valueHxl: '#reached+num',
    dimensions: [
      {
        id: 'nationality',
        title: text('Nacionalidad', 'Nationality'),
        hxl: '#country+name+nationality',
        categories: 'country',
      },
      { id: 'sex', title: text('Sexo', 'Sex'), hxl: '#sex', categories: 'sex' },
      { id: 'age', title: text('Grupo de edad', 'Age group'), hxl: '#age+group', categories: 'age_group' },
      month('Mes de registro', 'Month registered'),
    ],
    publicRelease: ['nationality', 'sex', 'age'],
  },
  {
    id: 'procedures.deadlines',
    title: text('Plazos legales cumplidos y vencidos', 'Legal deadlines met and missed'),
    unit: text('plazos', 'deadlines'),
    valueHxl: '#indicator+num+deadlines',
    dimensions: [
      {
        id: 'type',
        title: text('Tipo de trámite', 'Procedure type'),
        hxl: '#activity+procedure+name',
        categories: 'procedure_type',
      },
      { id: 'outcome', title: text('Resultado', 'Outcome'), hxl: '#status+deadline', categories: 'deadline_outcome' },
      month('Mes de vencimiento', 'Month due'),
    ],
    publicRelease: ['type', 'outcome'],
  },
  ...careIndicators,
  ...returnIndicators,
];

export function findIndicator(id: string): Indicator | undefined {
  return indicators.find((i) => i.id === id);
}

export function dimensionOf(indicator: Indicator, id: string): IndicatorDimension | undefined {
  return indicator.dimensions.find((d) => d.id === id);
}
