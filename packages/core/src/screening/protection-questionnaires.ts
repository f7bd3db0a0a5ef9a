// First versions of the protection screenings. Wording follows the do-no-harm practice of
// UNHCR's and IOM's screening tools: short, non-leading questions; details are left to a
// trained interview, never to this form.
import type { Questionnaire } from './questionnaire.types.ts';

const t = (es: string, en: string) => ({ es, en });
const yesNo = 'yes_no' as const;

export const internationalProtection: Questionnaire = {
  id: 'international_protection',
  version: 1,
  title: t('Indicadores de necesidad de protección internacional', 'International protection indicators'),
  questions: [
    {
      key: 'fear_of_return',
      kind: yesNo,
      text: t('¿Tiene miedo de regresar a su país?', 'Are you afraid to return to your country?'),
    },
    {
      key: 'fear_reasons',
      kind: 'multi_choice',
      askIf: { answer: 'fear_of_return', is: true },
      text: t(
        '¿De qué tiene miedo? (marque lo que la persona mencione)',
        'What are you afraid of? (mark what the person mentions)',
      ),
      choices: [
        {
          value: 'gang_threats',
          label: t(
            'Amenazas o extorsión de pandillas o grupos criminales',
            'Threats or extortion by gangs or criminal groups',
          ),
        },
        { value: 'political', label: t('Persecución por opiniones políticas', 'Persecution for political opinions') },
        { value: 'religion', label: t('Persecución por religión', 'Persecution for religion') },
        {
          value: 'ethnicity',
          label: t('Persecución por etnia o nacionalidad', 'Persecution for ethnicity or nationality'),
        },
        {
          value: 'gender_or_sexuality',
          label: t(
            'Violencia por género, orientación sexual o identidad de género',
            'Violence because of gender, sexual orientation or gender identity',
          ),
        },
        { value: 'domestic_violence', label: t('Violencia familiar o de pareja', 'Family or partner violence') },
        {
          value: 'state_agents',
          label: t('Amenazas de autoridades o fuerzas de seguridad', 'Threats by authorities or security forces'),
        },
        { value: 'other', label: t('Otro motivo', 'Other reason') },
      ],
    },
    {
      key: 'harmed_before',
      kind: yesNo,
      askIf: { answer: 'fear_of_return', is: true },
      text: t(
        '¿Usted o su familia ya sufrieron daño o amenazas?',
        'Have you or your family already been harmed or threatened?',
      ),
    },
    {
      key: 'state_protection_sought',
      kind: yesNo,
      askIf: { answer: 'fear_of_return', is: true },
      text: t(
        '¿Pudo pedir protección a las autoridades de su país?',
        'Could you ask the authorities of your country for protection?',
      ),
    },
    {
      key: 'days_in_mexico',
      kind: 'number',
      text: t('¿Cuántos días lleva en México?', 'How many days have you been in Mexico?'),
      hint: t(
        'Sirve para el plazo de 30 días hábiles para pedir refugio.',
        'Used for the 30-working-day limit to ask for asylum.',
      ),
    },
  ],
  rules: [
    {
      flag: 'international_protection_needs',
      severity: 'urgent',
      when: { answer: 'fear_of_return', is: true },
      explanation: t(
        'La persona expresa miedo de regresar: puede necesitar protección internacional. Informe sobre el derecho a pedir refugio.',
        'The person expresses fear of return: they may need international protection. Inform them of the right to seek asylum.',
      ),
      suggestedTasks: ['legal_orientation', 'comar_application'],
    },
    {
      flag: 'comar_deadline_close',
      severity: 'urgent',
      when: {
        all: [
          { answer: 'fear_of_return', is: true },
          { answer: 'days_in_mexico', atLeast: 25 },
        ],
      },
      explanation: t(
        'Lleva 25 días o más en México: el plazo de 30 días hábiles para pedir refugio (LRPCAP art. 18) está cerca o vencido; una solicitud tardía sigue siendo posible con justificación.',
        'In Mexico 25 days or more: the 30-working-day limit to ask for asylum (LRPCAP art. 18) is near or past; a late application is still possible with a justification.',
      ),
      suggestedTasks: ['comar_application'],
    },
    {
      flag: 'persecution_by_state_agents',
      severity: 'attention',
      when: { answer: 'fear_reasons', includes: 'state_agents' },
      explanation: t(
        'Refiere amenazas de autoridades: no comparta datos con autoridades sin consentimiento informado.',
        'Reports threats by authorities: share no data with authorities without informed consent.',
      ),
    },
  ],
};

export const genderBasedViolence: Questionnaire = {
  id: 'gbv',
  version: 1,
  title: t('Violencia basada en género (tamizaje inicial)', 'Gender-based violence (initial screening)'),
  questions: [
    {
      key: 'safe_to_talk',
      kind: yesNo,
      text: t(
        '¿La persona puede hablar en privado y a salvo en este momento?',
        'Can the person talk privately and safely right now?',
      ),
      hint: t(
        'Si no, no continúe: agende otro momento en un espacio seguro.',
        'If not, stop here: schedule another time in a safe space.',
      ),
    },
    {
      key: 'violence_on_route',
      kind: yesNo,
      askIf: { answer: 'safe_to_talk', is: true },
      text: t(
        '¿Ha sufrido violencia durante el viaje o en su lugar de origen?',
        'Have you suffered violence on the journey or where you come from?',
      ),
    },
    {
      key: 'sexual_violence',
      kind: yesNo,
      askIf: { answer: 'violence_on_route', is: true },
      text: t(
        '¿Quiere atención por violencia sexual? (no pida detalles)',
        'Do you want care for sexual violence? (do not ask for details)',
      ),
    },
    {
      key: 'within_72_hours',
      kind: yesNo,
      askIf: { answer: 'sexual_violence', is: true },
      text: t('¿Ocurrió en las últimas 72 horas?', 'Did it happen in the last 72 hours?'),
    },
    {
      key: 'aggressor_nearby',
      kind: yesNo,
      askIf: { answer: 'violence_on_route', is: true },
      text: t('¿La persona agresora está cerca o viaja con usted?', 'Is the aggressor nearby or travelling with you?'),
    },
  ],
  rules: [
    {
      flag: 'gbv_medical_72h',
      severity: 'urgent',
      when: { answer: 'within_72_hours', is: true },
      explanation: t(
        'Violencia sexual en las últimas 72 horas: referir de inmediato a atención médica (profilaxis y anticoncepción de emergencia).',
        'Sexual violence in the last 72 hours: refer immediately to medical care (prophylaxis and emergency contraception).',
      ),
      suggestedTasks: ['medical_referral_urgent'],
    },
    {
      flag: 'gbv_survivor',
      severity: 'attention',
      when: { answer: 'violence_on_route', is: true },
      explanation: t(
        'Sobreviviente de violencia: ofrecer atención psicosocial y orientación, con su consentimiento.',
        'Survivor of violence: offer psychosocial support and guidance, with consent.',
      ),
      suggestedTasks: ['psychosocial_referral'],
    },
    {
      flag: 'aggressor_nearby',
      severity: 'urgent',
      when: { answer: 'aggressor_nearby', is: true },
      explanation: t(
        'La persona agresora está cerca: plan de seguridad y alojamiento separado.',
        'The aggressor is nearby: safety plan and separate accommodation.',
      ),
      suggestedTasks: ['safety_plan'],
    },
    {
      flag: 'unsafe_interview',
      severity: 'info',
      when: { answer: 'safe_to_talk', is: false },
      explanation: t(
        'No fue seguro hablar: repetir el tamizaje en un espacio privado.',
        'It was not safe to talk: repeat the screening in a private space.',
      ),
      suggestedTasks: ['repeat_screening_private'],
    },
  ],
};

export const trafficking: Questionnaire = {
  id: 'trafficking',
  version: 1,
  title: t('Indicadores de trata de personas', 'Trafficking indicators'),
  questions: [
    {
      key: 'documents_held_by_other',
      kind: yesNo,
      text: t('¿Otra persona tiene sus documentos de identidad?', 'Does someone else hold your identity documents?'),
    },
    {
      key: 'debt_to_travel',
      kind: yesNo,
      text: t(
        '¿Debe dinero a quien organizó su viaje y le obligan a trabajar para pagarlo?',
        'Do you owe money to whoever organised your journey, and are you forced to work to pay it?',
      ),
    },
    {
      key: 'not_free_to_leave',
      kind: yesNo,
      text: t(
        '¿Ha estado en un lugar del que no podía salir libremente?',
        'Have you been somewhere you could not leave freely?',
      ),
    },
    {
      key: 'forced_work_or_sex',
      kind: yesNo,
      text: t('¿Le obligaron a trabajar o a tener relaciones sexuales?', 'Were you forced to work or to have sex?'),
    },
  ],
  rules: [
    {
      flag: 'trafficking_indicators',
      severity: 'urgent',
      when: {
        any: [
          { answer: 'forced_work_or_sex', is: true },
          {
            all: [
              { answer: 'documents_held_by_other', is: true },
              { answer: 'not_free_to_leave', is: true },
            ],
          },
        ],
      },
      explanation: t(
        'Hay indicadores fuertes de trata: referir a la instancia especializada con el consentimiento de la persona y un plan de seguridad.',
        'Strong trafficking indicators: refer to the specialised service with the person’s consent and a safety plan.',
      ),
      suggestedTasks: ['trafficking_referral', 'safety_plan'],
    },
    {
      flag: 'exploitation_risk',
      severity: 'attention',
      when: {
        any: [
          { answer: 'debt_to_travel', is: true },
          { answer: 'documents_held_by_other', is: true },
        ],
      },
      explanation: t(
        'Deuda o documentos retenidos: riesgo de explotación; dar seguimiento.',
        'Debt or withheld documents: risk of exploitation; follow up.',
      ),
    },
  ],
};
