// First versions of the child best-interests and medical-urgency screenings.
import type { Questionnaire } from './questionnaire.types.ts';

const t = (es: string, en: string) => ({ es, en });
const yesNo = 'yes_no' as const;

export const childBestInterests: Questionnaire = {
  id: 'child_best_interests',
  version: 1,
  title: t('Interés superior de la niñez (tamizaje inicial)', 'Best interests of the child (initial screening)'),
  appliesTo: { profile: 'child' },
  questions: [
    {
      key: 'travels_with_parent',
      kind: yesNo,
      text: t('¿Viaja con su madre, padre o tutor legal?', 'Is the child travelling with a parent or legal guardian?'),
    },
    {
      key: 'adult_relationship_verified',
      kind: yesNo,
      askIf: { answer: 'travels_with_parent', is: false },
      text: t(
        '¿Se verificó la relación con el adulto que lo acompaña?',
        'Was the relationship with the accompanying adult verified?',
      ),
    },
    {
      key: 'wants_family_contact',
      kind: yesNo,
      text: t('¿Quiere contactar a algún familiar?', 'Does the child want to contact a family member?'),
    },
    {
      key: 'out_of_school',
      kind: yesNo,
      text: t('¿Ha dejado de estudiar por el viaje?', 'Has the child stopped school because of the journey?'),
    },
    {
      key: 'child_work',
      kind: yesNo,
      text: t('¿Ha tenido que trabajar durante el viaje?', 'Has the child had to work during the journey?'),
    },
  ],
  rules: [
    {
      flag: 'unaccompanied_or_separated_child',
      severity: 'urgent',
      when: { any: [{ profile: 'unaccompanied_child' }, { answer: 'travels_with_parent', is: false }] },
      explanation: t(
        'Niña, niño o adolescente no acompañado o separado: avisar al punto focal de protección de la niñez y a la Procuraduría de Protección; iniciar la determinación del interés superior.',
        'Unaccompanied or separated child: alert the child-protection focal point and the child protection authority; start the best-interests determination.',
      ),
      suggestedTasks: ['child_protection_focal_point', 'best_interests_assessment', 'family_tracing'],
    },
    {
      flag: 'unverified_adult',
      severity: 'urgent',
      when: { answer: 'adult_relationship_verified', is: false },
      explanation: t(
        'No se ha verificado la relación con el adulto acompañante: riesgo de trata; no separar sin valoración, avisar al punto focal.',
        'The relationship with the accompanying adult is not verified: trafficking risk; do not separate without assessment, alert the focal point.',
      ),
      suggestedTasks: ['child_protection_focal_point'],
    },
    {
      flag: 'child_labour',
      severity: 'attention',
      when: { answer: 'child_work', is: true },
      explanation: t(
        'Trabajo infantil durante el viaje: valorar riesgos de explotación.',
        'Child labour on the journey: assess exploitation risks.',
      ),
    },
    {
      flag: 'education_gap',
      severity: 'info',
      when: { answer: 'out_of_school', is: true },
      explanation: t(
        'Interrupción escolar: orientar sobre inscripción escolar.',
        'School interrupted: guide on school enrolment.',
      ),
      suggestedTasks: ['education_referral'],
    },
  ],
};

export const medicalUrgency: Questionnaire = {
  id: 'medical_urgency',
  version: 1,
  title: t('Urgencia médica', 'Medical urgency'),
  questions: [
    {
      key: 'needs_care_now',
      kind: yesNo,
      text: t('¿Necesita atención médica hoy?', 'Do you need medical care today?'),
    },
    {
      key: 'danger_signs',
      kind: 'multi_choice',
      text: t('Signos de alarma observados o referidos', 'Danger signs observed or reported'),
      choices: [
        { value: 'breathing', label: t('Dificultad para respirar', 'Difficulty breathing') },
        { value: 'bleeding', label: t('Sangrado abundante', 'Heavy bleeding') },
        { value: 'fever_child', label: t('Fiebre en menor de 5 años', 'Fever in a child under 5') },
        { value: 'dehydration', label: t('Deshidratación', 'Dehydration') },
        { value: 'chest_pain', label: t('Dolor en el pecho', 'Chest pain') },
      ],
    },
    {
      key: 'chronic_medication_missing',
      kind: yesNo,
      text: t(
        '¿Le falta un medicamento que toma siempre (asma, diabetes, VIH, presión)?',
        'Are you missing a medicine you always take (asthma, diabetes, HIV, blood pressure)?',
      ),
    },
    {
      key: 'pregnancy_weeks',
      kind: 'number',
      askIf: { profile: 'pregnant' },
      text: t('Semanas de embarazo (aproximadas)', 'Weeks of pregnancy (approximate)'),
    },
  ],
  rules: [
    {
      flag: 'medical_emergency',
      severity: 'urgent',
      when: {
        any: [
          { answer: 'danger_signs', includes: 'breathing' },
          { answer: 'danger_signs', includes: 'bleeding' },
          { answer: 'danger_signs', includes: 'chest_pain' },
          { answer: 'danger_signs', includes: 'fever_child' },
        ],
      },
      explanation: t(
        'Signos de alarma: traslado o atención médica inmediata.',
        'Danger signs: immediate medical care or transfer.',
      ),
      suggestedTasks: ['medical_referral_urgent'],
    },
    {
      flag: 'medical_follow_up',
      severity: 'attention',
      when: {
        any: [
          { answer: 'needs_care_now', is: true },
          { answer: 'chronic_medication_missing', is: true },
          { answer: 'danger_signs', includes: 'dehydration' },
        ],
      },
      explanation: t(
        'Necesita atención o medicamento: referir a la clínica y dar seguimiento.',
        'Needs care or medicine: refer to the clinic and follow up.',
      ),
      suggestedTasks: ['clinic_referral'],
    },
    {
      flag: 'late_pregnancy',
      severity: 'attention',
      when: { answer: 'pregnancy_weeks', atLeast: 28 },
      explanation: t(
        'Embarazo de 28 semanas o más: control prenatal y plan de parto.',
        'Pregnancy of 28 weeks or more: antenatal care and birth plan.',
      ),
      suggestedTasks: ['antenatal_referral'],
    },
  ],
};
