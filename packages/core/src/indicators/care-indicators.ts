// Indicators of care, protection and search (issue 10, item 1; decision 0122): people by profile
// indicator, protection flags raised by screenings, procedures by type and stage, missing-person
// reports by status, cases by status and referrals by status. Defined here as data and spread
// into the one `indicators` list (indicators.ts); labels of their own categories are below.
// Only type imports from indicators.ts: the list imports this file, so no runtime cycle.
import { procedureStageLabels } from '../procedures/index.ts';
import { profileIndicators } from '../people/profile.ts';
import { questionnaires } from '../screening/questionnaire-registry.ts';
import type { Indicator, IndicatorDimension, IndicatorLocale, IndicatorText } from './indicators.ts';

const text = (es: string, en: string): IndicatorText => ({ es, en });
const month = (es: string, en: string): IndicatorDimension => ({
  id: 'month',
  title: text(es, en),
  hxl: '#date+month',
  categories: 'month',
});
const sex: IndicatorDimension = { id: 'sex', title: text('Sexo', 'Sex'), hxl: '#sex', categories: 'sex' };
const age: IndicatorDimension = {
  id: 'age',
  title: text('Grupo de edad', 'Age group'),
  hxl: '#age+group',
  categories: 'age_group',
};
const nationality: IndicatorDimension = {
  id: 'nationality',
  title: text('Nacionalidad', 'Nationality'),
  hxl: '#country+name+nationality',
  categories: 'country',
};

/**
 * Indicators whose first dimension may hold one unit in several categories (a person who is both
 * a woman and a survivor of violence): their totals over that dimension are not the number of
 * people, so they are never released publicly (the engine refuses non-additive margins, 0106)
 * and the dashboards show them without that dimension's total.
 */
export const MULTI_VALUED_INDICATORS: readonly string[] = ['people.profile', 'screenings.flags'];

export const careIndicators: readonly Indicator[] = [
  {
    id: 'people.profile',
    title: text('Personas por perfil diferenciado', 'People by differentiated profile'),
    unit: text(
      'personas con el indicador (una persona puede tener varios)',
      'people with the indicator (one person may have several)',
    ),
    valueHxl: '#reached+num+profile',
    dimensions: [
      {
        id: 'profile',
        title: text('Indicador de perfil', 'Profile indicator'),
        hxl: '#indicator+profile+name',
        categories: 'profile_indicator',
      },
      sex,
      age,
      month('Mes de registro', 'Month registered'),
    ],
  },
  {
    id: 'screenings.flags',
    title: text('Alertas de protección de los tamizajes', 'Protection flags from screenings'),
    unit: text(
      'personas con la alerta (una persona puede tener varias)',
      'people with the flag (one person may have several)',
    ),
    valueHxl: '#reached+num+flag',
    dimensions: [
      { id: 'flag', title: text('Alerta', 'Flag'), hxl: '#indicator+flag+name', categories: 'protection_flag' },
      sex,
      age,
      month('Mes en que se detectó', 'Month first raised'),
    ],
  },
  {
    id: 'procedures.stages',
    title: text('Trámites por tipo y etapa', 'Procedures by type and stage'),
    unit: text('trámites', 'procedures'),
    valueHxl: '#activity+num+procedures',
    dimensions: [
      {
        id: 'type',
        title: text('Tipo de trámite', 'Procedure type'),
        hxl: '#activity+procedure+name',
        categories: 'procedure_type',
      },
      { id: 'stage', title: text('Etapa', 'Stage'), hxl: '#status+stage', categories: 'procedure_stage' },
      month('Mes de apertura', 'Month opened'),
    ],
    publicRelease: ['type', 'stage'],
  },
  {
    id: 'missing.reports',
    title: text('Reportes de búsqueda de personas desaparecidas', 'Missing-person reports'),
    unit: text('reportes', 'reports'),
    valueHxl: '#affected+num+missing',
    dimensions: [
      { id: 'status', title: text('Situación', 'Status'), hxl: '#status+search', categories: 'missing_status' },
      nationality,
      sex,
      month('Mes del reporte', 'Month reported'),
    ],
    publicRelease: ['status', 'nationality', 'sex'],
  },
  {
    id: 'cases.status',
    title: text('Casos por estado', 'Cases by status'),
    unit: text('casos', 'cases'),
    valueHxl: '#indicator+num+cases',
    dimensions: [
      { id: 'status', title: text('Estado', 'Status'), hxl: '#status+case', categories: 'case_status' },
      {
        id: 'child',
        title: text('Protección de la infancia', 'Child protection'),
        hxl: '#indicator+child_protection',
        categories: 'yes_no',
      },
      month('Mes de apertura', 'Month opened'),
    ],
    publicRelease: ['status', 'child'],
  },
  {
    // The one referral indicator (the reintegration slice's `referrals.flow` counted the same
    // referrals with its own name for the status; merged here): every referral SENT by the
    // organisation, in the month sent, by where it stands now, urgency, type of need and time
    // from sending to completion.
    id: 'referrals.status',
    title: text(
      'Canalizaciones enviadas: estado, necesidad y tiempo de atención',
      'Referrals sent: status, need and time to completion',
    ),
    unit: text('canalizaciones enviadas', 'referrals sent'),
    valueHxl: '#indicator+num+referrals',
    dimensions: [
      {
        id: 'status',
        title: text('Estado actual', 'Current status'),
        hxl: '#status+referral',
        categories: 'referral_status',
      },
      {
        id: 'type',
        title: text('Tipo de necesidad', 'Type of need'),
        hxl: '#sector+need',
        categories: 'referral_type',
      },
      { id: 'urgency', title: text('Urgencia', 'Urgency'), hxl: '#severity', categories: 'referral_urgency' },
      {
        id: 'time',
        title: text('Tiempo hasta la atención', 'Time to completion'),
        hxl: '#indicator+days+completion',
        categories: 'completion_time',
      },
      month('Mes de envío', 'Month sent'),
    ],
    publicRelease: ['status', 'type'],
  },
];

/** Protection flag keys of every shipped questionnaire version, in questionnaire order. */
export const protectionFlagKeys: readonly string[] = [
  ...new Set(questionnaires.flatMap((q) => q.rules.map((r) => r.flag))),
];

const flagLabels: Record<string, IndicatorText> = {
  unaccompanied_or_separated_child: text(
    'Niña, niño o adolescente no acompañado o separado',
    'Unaccompanied or separated child',
  ),
  unverified_adult: text('Mayoría de edad no verificada', 'Adulthood not verified'),
  child_labour: text('Trabajo infantil', 'Child labour'),
  education_gap: text('Sin acceso a la escuela', 'Out of school'),
  medical_emergency: text('Urgencia médica', 'Medical emergency'),
  medical_follow_up: text('Seguimiento médico', 'Medical follow-up'),
  late_pregnancy: text('Embarazo avanzado', 'Late pregnancy'),
  international_protection_needs: text('Necesidades de protección internacional', 'International protection needs'),
  comar_deadline_close: text('Plazo para pedir refugio cercano', 'Asylum filing deadline close'),
  persecution_by_state_agents: text('Persecución por agentes del Estado', 'Persecution by state agents'),
  gbv_medical_72h: text(
    'Atención médica en 72 horas (violencia sexual)',
    'Medical care within 72 hours (sexual violence)',
  ),
  gbv_survivor: text('Sobreviviente de violencia de género', 'Survivor of gender-based violence'),
  aggressor_nearby: text('Agresor cerca', 'Aggressor nearby'),
  unsafe_interview: text('Entrevista no segura', 'Unsafe interview'),
  trafficking_indicators: text('Indicios de trata', 'Trafficking indicators'),
  exploitation_risk: text('Riesgo de explotación', 'Risk of exploitation'),
};

const careFixed: Record<string, Record<string, IndicatorText>> = {
  missing_status: {
    open: text('En búsqueda', 'Open'),
    located_alive: text('Localizada con vida', 'Located alive'),
    located_deceased: text('Localizada sin vida (identificada)', 'Located deceased (identified)'),
    closed: text('Cerrado sin localizar', 'Closed, not located'),
  },
  case_status: {
    open: text('Abierto', 'Open'),
    active: text('En atención', 'Active'),
    on_hold: text('En pausa', 'On hold'),
    closed: text('Cerrado', 'Closed'),
  },
  referral_status: {
    sent: text('Enviada, sin respuesta', 'Sent, no answer'),
    accepted: text('Aceptada, en curso', 'Accepted, in progress'),
    declined: text('Rechazada', 'Declined'),
    redirected: text('Redirigida', 'Redirected'),
    completed: text('Atendida', 'Completed'),
    closed_no_outcome: text('Cerrada sin resultado', 'Closed without outcome'),
  },
  referral_urgency: {
    routine: text('Ordinaria', 'Routine'),
    urgent: text('Urgente', 'Urgent'),
    emergency: text('Emergencia', 'Emergency'),
  },
  yes_no: { yes: text('Sí', 'Yes'), no: text('No', 'No') },
};

/** Label of a category of one of this file's sources, or undefined for another source. */
export function careCategoryLabel(source: string, key: string, locale: IndicatorLocale): string | undefined {
  switch (source) {
    case 'profile_indicator':
      return profileIndicators.find((i) => i.key === key)?.label[locale] ?? key;
    case 'protection_flag':
      return flagLabels[key]?.[locale] ?? key;
    case 'procedure_stage':
      return procedureStageLabels[key]?.[locale] ?? key;
    default:
      return careFixed[source]?.[key]?.[locale];
  }
}

/** Vocabulary order of this file's sources. */
export const careCategoryOrder: Record<string, readonly string[]> = {
  profile_indicator: profileIndicators.map((i) => i.key),
  protection_flag: protectionFlagKeys,
  procedure_stage: Object.keys(procedureStageLabels),
  ...Object.fromEntries(Object.entries(careFixed).map(([k, v]) => [k, Object.keys(v)])),
};
