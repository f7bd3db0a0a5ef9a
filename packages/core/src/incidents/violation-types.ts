// The controlled vocabulary of acts (violation types). Versioned: an act stores the key and the
// vocabulary version it was recorded under, so a later change of wording or a split of a term
// never silently re-labels old records. Keys are stable; labels and definitions are data.
export const VIOLATION_VOCABULARY_VERSION = 1;

export interface VocabularyTerm {
  key: string;
  /** Parent key in the hierarchy (reports roll up), null at the top. */
  parent: string | null;
  label: { es: string; en: string };
  definition: { es: string; en: string };
}

export const violationTypes: readonly VocabularyTerm[] = [
  {
    key: 'extortion',
    parent: null,
    label: { es: 'Extorsión', en: 'Extortion' },
    definition: {
      es: 'Exigir dinero, bienes o servicios bajo amenaza o a cambio de dejar pasar, liberar o no dañar.',
      en: 'Demanding money, goods or services under threat, or in exchange for letting pass, releasing or not harming.',
    },
  },
  {
    key: 'robbery',
    parent: null,
    label: { es: 'Robo', en: 'Robbery' },
    definition: {
      es: 'Apoderarse de bienes o documentos de la persona, con o sin violencia.',
      en: "Taking the person's belongings or documents, with or without violence.",
    },
  },
  {
    key: 'kidnapping',
    parent: null,
    label: { es: 'Secuestro', en: 'Kidnapping' },
    definition: {
      es: 'Privar de la libertad a una persona para obtener rescate u otro beneficio.',
      en: 'Depriving a person of liberty to obtain a ransom or another benefit.',
    },
  },
  {
    key: 'arbitrary_detention',
    parent: null,
    label: { es: 'Detención arbitraria', en: 'Arbitrary detention' },
    definition: {
      es: 'Privación de la libertad por una autoridad sin fundamento legal, sin debido proceso o más allá de los plazos legales.',
      en: 'Deprivation of liberty by an authority without legal basis, without due process or beyond legal time limits.',
    },
  },
  {
    key: 'refoulement',
    parent: null,
    label: { es: 'Devolución (refoulement)', en: 'Refoulement' },
    definition: {
      es: 'Expulsar o devolver a una persona a un lugar donde su vida o libertad corren peligro, o sin evaluar su necesidad de protección.',
      en: 'Expelling or returning a person to a place where their life or freedom is at risk, or without assessing their protection needs.',
    },
  },
  {
    key: 'denial_of_asylum_access',
    parent: null,
    label: { es: 'Negación de acceso al asilo', en: 'Denial of access to asylum' },
    definition: {
      es: 'Impedir u obstaculizar que una persona solicite protección internacional.',
      en: 'Preventing or obstructing a person from applying for international protection.',
    },
  },
  {
    key: 'physical_assault',
    parent: null,
    label: { es: 'Agresión física', en: 'Physical assault' },
    definition: {
      es: 'Golpes, lesiones u otro uso de la fuerza contra el cuerpo de la persona.',
      en: "Blows, injuries or other use of force against the person's body.",
    },
  },
  {
    key: 'torture_ill_treatment',
    parent: 'physical_assault',
    label: { es: 'Tortura o tratos crueles', en: 'Torture or ill-treatment' },
    definition: {
      es: 'Dolor o sufrimiento grave infligido intencionalmente, en particular por agentes del Estado.',
      en: 'Severe pain or suffering intentionally inflicted, in particular by state agents.',
    },
  },
  {
    key: 'sexual_violence',
    parent: null,
    label: { es: 'Violencia sexual', en: 'Sexual violence' },
    definition: {
      es: 'Cualquier acto de naturaleza sexual sin consentimiento, incluidos el acoso, el abuso y la violación.',
      en: 'Any act of a sexual nature without consent, including harassment, abuse and rape.',
    },
  },
  {
    key: 'disappearance',
    parent: null,
    label: { es: 'Desaparición', en: 'Disappearance' },
    definition: {
      es: 'Se desconoce el paradero de la persona; forzada cuando participan agentes del Estado o con su aquiescencia.',
      en: "The person's whereabouts are unknown; enforced when state agents take part or acquiesce.",
    },
  },
  {
    key: 'death',
    parent: null,
    label: { es: 'Muerte', en: 'Death' },
    definition: {
      es: 'Muerte de la persona en el trayecto, en custodia o por violencia.',
      en: 'Death of the person on the route, in custody or by violence.',
    },
  },
  {
    key: 'threats',
    parent: null,
    label: { es: 'Amenazas', en: 'Threats' },
    definition: {
      es: 'Anunciar un daño a la persona o a sus familiares para intimidarla.',
      en: 'Announcing harm to the person or their relatives to intimidate them.',
    },
  },
  {
    key: 'threats_against_defenders',
    parent: 'threats',
    label: { es: 'Amenazas contra personas defensoras', en: 'Threats against human-rights defenders' },
    definition: {
      es: 'Amenazas, hostigamiento o ataques contra personal o voluntariado por su labor de defensa.',
      en: 'Threats, harassment or attacks against staff or volunteers because of their human-rights work.',
    },
  },
  {
    key: 'family_separation',
    parent: null,
    label: { es: 'Separación familiar', en: 'Family separation' },
    definition: {
      es: 'Separar a integrantes de una familia, en particular a niñas y niños de sus cuidadores.',
      en: 'Separating members of a family, in particular children from their caregivers.',
    },
  },
  {
    key: 'document_destruction',
    parent: 'robbery',
    label: { es: 'Retención o destrucción de documentos', en: 'Confiscation or destruction of documents' },
    definition: {
      es: 'Quitar, retener o destruir documentos de identidad o de trámite migratorio.',
      en: 'Taking, withholding or destroying identity or immigration documents.',
    },
  },
];

export function findViolationType(key: string): VocabularyTerm | undefined {
  return violationTypes.find((t) => t.key === key);
}
