// Perpetrator institutions as a hierarchy: every key names its parent, so a report can count
// "State security forces" or "Federal" and include everything under it. Versioned like the
// violation vocabulary; perpetrators store the key and the version.
import type { VocabularyTerm } from './violation-types.ts';

// Version 2 added sub-units (INM offices and detention centres, SEDENA/SEMAR, Border Patrol/OFO)
// so that reports roll up; no version-1 key changed meaning.
export const INSTITUTION_VOCABULARY_VERSION = 2;

const t = (
  key: string,
  parent: string | null,
  es: string,
  en: string,
  defEs: string,
  defEn: string,
): VocabularyTerm => ({
  key,
  parent,
  label: { es, en },
  definition: { es: defEs, en: defEn },
});

export const institutions: readonly VocabularyTerm[] = [
  t(
    'state_mx',
    null,
    'Autoridades de México',
    'Mexican authorities',
    'Cualquier autoridad mexicana.',
    'Any Mexican authority.',
  ),
  t(
    'inm',
    'state_mx',
    'Instituto Nacional de Migración (INM)',
    'National Migration Institute (INM)',
    'Agentes y oficinas del INM, incluidas estaciones migratorias.',
    'INM agents and offices, including detention centres.',
  ),
  t(
    'inm_state_office',
    'inm',
    'INM: oficina de representación estatal',
    'INM: state office',
    'Oficina de representación del INM en una entidad (nómbrela en la unidad).',
    'INM office in a state (name it in the unit).',
  ),
  t(
    'inm_detention_centre',
    'inm',
    'INM: estación o estancia migratoria',
    'INM: immigration detention centre',
    'Estación migratoria o estancia provisional del INM.',
    'INM immigration station or short-stay facility.',
  ),
  t(
    'guardia_nacional',
    'state_mx',
    'Guardia Nacional',
    'National Guard',
    'Elementos de la Guardia Nacional.',
    'Members of the National Guard.',
  ),
  t(
    'army',
    'state_mx',
    'Ejército / Marina (SEDENA, SEMAR)',
    'Army / Navy (SEDENA, SEMAR)',
    'Fuerzas armadas.',
    'Armed forces.',
  ),
  t(
    'sedena',
    'army',
    'SEDENA (Ejército, Fuerza Aérea)',
    'SEDENA (Army, Air Force)',
    'Secretaría de la Defensa Nacional.',
    'Ministry of National Defence.',
  ),
  t('semar', 'army', 'SEMAR (Marina)', 'SEMAR (Navy)', 'Secretaría de Marina.', 'Ministry of the Navy.'),
  t('police', 'state_mx', 'Policía', 'Police', 'Cualquier corporación policial.', 'Any police force.'),
  t(
    'police_municipal',
    'police',
    'Policía municipal',
    'Municipal police',
    'Policía de un municipio (nómbrelo en la unidad).',
    'Police of a municipality (name it in the unit).',
  ),
  t(
    'police_state',
    'police',
    'Policía estatal',
    'State police',
    'Policía de una entidad federativa.',
    'Police of a state.',
  ),
  t(
    'prosecutors_mx',
    'state_mx',
    'Fiscalías',
    'Prosecutors',
    'Agentes de la FGR o de fiscalías estatales.',
    'Agents of the FGR or state prosecutors.',
  ),
  t(
    'comar',
    'state_mx',
    'COMAR',
    'COMAR',
    'Comisión Mexicana de Ayuda a Refugiados.',
    'Mexican Commission for Refugee Aid.',
  ),
  t(
    'state_us',
    null,
    'Autoridades de Estados Unidos',
    'United States authorities',
    'Cualquier autoridad estadounidense.',
    'Any United States authority.',
  ),
  t(
    'cbp',
    'state_us',
    'CBP (Patrulla Fronteriza, OFO)',
    'CBP (Border Patrol, OFO)',
    'Customs and Border Protection.',
    'Customs and Border Protection.',
  ),
  t(
    'cbp_border_patrol',
    'cbp',
    'Patrulla Fronteriza (USBP)',
    'Border Patrol (USBP)',
    'Agentes de la Patrulla Fronteriza entre puertos de entrada.',
    'Border Patrol agents between ports of entry.',
  ),
  t(
    'cbp_ofo',
    'cbp',
    'CBP: Oficina de Operaciones de Campo (puertos de entrada)',
    'CBP Office of Field Operations (ports of entry)',
    'Oficiales de CBP en los puertos de entrada.',
    'CBP officers at ports of entry.',
  ),
  t('ice', 'state_us', 'ICE', 'ICE', 'Immigration and Customs Enforcement.', 'Immigration and Customs Enforcement.'),
  t(
    'non_state',
    null,
    'Actores no estatales',
    'Non-state actors',
    'Personas o grupos sin cargo público.',
    'People or groups holding no public office.',
  ),
  t(
    'organised_crime',
    'non_state',
    'Crimen organizado',
    'Organised crime',
    'Grupos delictivos organizados (nómbrelos en la unidad si se conocen).',
    'Organised criminal groups (name them in the unit if known).',
  ),
  t(
    'smugglers',
    'non_state',
    'Traficantes («polleros»)',
    'Smugglers',
    'Personas que cobran por el traslado.',
    'People paid to move migrants.',
  ),
  t(
    'private_individuals',
    'non_state',
    'Particulares',
    'Private individuals',
    'Otras personas particulares.',
    'Other private individuals.',
  ),
  t(
    'unknown',
    null,
    'Desconocido',
    'Unknown',
    'No se sabe quién fue; puede indicarse una institución sospechada.',
    'Who did it is not known; a suspected institution may be given.',
  ),
];

export function findInstitution(key: string): VocabularyTerm | undefined {
  return institutions.find((i) => i.key === key);
}

/** The key and every key below it (for filters and roll-up reports). */
export function institutionAndDescendants(key: string, terms: readonly VocabularyTerm[] = institutions): string[] {
  const out = [key];
  for (let i = 0; i < out.length; i += 1) {
    for (const term of terms) if (term.parent === out[i] && !out.includes(term.key)) out.push(term.key);
  }
  return out;
}

/** The chain from a key up to its root, e.g. police_municipal → police → state_mx. */
export function institutionAncestors(key: string): string[] {
  const chain: string[] = [];
  let current = findInstitution(key);
  while (current && !chain.includes(current.key)) {
    chain.push(current.key);
    current = current.parent ? findInstitution(current.parent) : undefined;
  }
  return chain;
}
