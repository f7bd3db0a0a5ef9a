// First-level units of Central America (issue 10, item 2): departments, provinces, districts,
// autonomous regions and comarcas as ISO 3166-2 lists them, with Spanish and English names and
// a square on the tile map (region-tiles.ts). Guatemala uses the numeric codes ISO adopted on
// 2021-11-25 (GT-16, formerly GT-AV); Panama includes the comarca Naso Tjër Di (PA-NT, 2020).
// Positions are in the same grid as the Mexican states: Belize and Petén under Campeche and
// Chiapas, Honduras east of Guatemala, El Salvador south of both, Nicaragua under Honduras, and
// Costa Rica and Panama as a band along the bottom (the grid must stay 9 squares wide and 18 rows
// high in all, for a phone and for the PDF report's page).

export const CENTRAL_AMERICA = ['GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA'] as const;
export type CentralAmericanCountry = (typeof CENTRAL_AMERICA)[number];

export interface Subdivision {
  /** ISO 3166-2 code, e.g. "GT-16". */
  code: string;
  country: CentralAmericanCountry;
  /** Short label on the map square (Guatemala's former letter codes, Panama's usual abbreviations). */
  abbr: string;
  es: string;
  en: string;
  /** Grid position (column, row) on the tile map. */
  col: number;
  row: number;
}

// Offsets of the Central American block in the tile grid (Mexico takes columns 0-9, rows 0-4).
const X0 = 4;
const Y0 = 4;

type Row = readonly [suffix: string, es: string, en: string | null, x: number, y: number];

// A numeric code says nothing on a square: Guatemala keeps its pre-2021 letters, Panama the usual ones.
const abbreviations: Readonly<Record<string, string>> = {
  'GT-01': 'GU',
  'GT-02': 'PR',
  'GT-03': 'SA',
  'GT-04': 'CM',
  'GT-05': 'ES',
  'GT-06': 'SR',
  'GT-07': 'SO',
  'GT-08': 'TO',
  'GT-09': 'QZ',
  'GT-10': 'SU',
  'GT-11': 'RE',
  'GT-12': 'SM',
  'GT-13': 'HU',
  'GT-14': 'QC',
  'GT-15': 'BV',
  'GT-16': 'AV',
  'GT-17': 'PE',
  'GT-18': 'IZ',
  'GT-19': 'ZA',
  'GT-20': 'CQ',
  'GT-21': 'JA',
  'GT-22': 'JU',
  'PA-1': 'BOC',
  'PA-2': 'COC',
  'PA-3': 'COL',
  'PA-4': 'CHI',
  'PA-5': 'DAR',
  'PA-6': 'HER',
  'PA-7': 'LS',
  'PA-8': 'PAN',
  'PA-9': 'VER',
  'PA-10': 'PO',
};

function units(country: CentralAmericanCountry, rows: readonly Row[]): Subdivision[] {
  return rows.map(([suffix, es, en, x, y]) => {
    const code = `${country}-${suffix}`;
    return { code, country, abbr: abbreviations[code] ?? suffix, es, en: en ?? es, col: X0 + x, row: Y0 + y };
  });
}

export const centralAmericanSubdivisions: readonly Subdivision[] = [
  ...units('BZ', [
    ['OW', 'Orange Walk', null, 3, 0],
    ['CZL', 'Corozal', null, 4, 0],
    ['CY', 'Cayo', null, 3, 1],
    ['BZ', 'Belice', 'Belize', 4, 1],
    ['SC', 'Stann Creek', null, 5, 1],
    ['TOL', 'Toledo', null, 4, 2],
  ]),
  ...units('GT', [
    ['17', 'Petén', null, 2, 1],
    ['13', 'Huehuetenango', null, 0, 2],
    ['14', 'Quiché', null, 1, 2],
    ['16', 'Alta Verapaz', null, 2, 2],
    ['18', 'Izabal', null, 3, 2],
    ['12', 'San Marcos', null, 0, 3],
    ['08', 'Totonicapán', null, 1, 3],
    ['15', 'Baja Verapaz', null, 2, 3],
    ['02', 'El Progreso', null, 3, 3],
    ['19', 'Zacapa', null, 4, 3],
    ['09', 'Quetzaltenango', null, 0, 4],
    ['07', 'Sololá', null, 1, 4],
    ['04', 'Chimaltenango', null, 2, 4],
    ['01', 'Guatemala', null, 3, 4],
    ['21', 'Jalapa', null, 4, 4],
    ['20', 'Chiquimula', null, 5, 4],
    ['11', 'Retalhuleu', null, 0, 5],
    ['10', 'Suchitepéquez', null, 1, 5],
    ['03', 'Sacatepéquez', null, 2, 5],
    ['05', 'Escuintla', null, 3, 5],
    ['06', 'Santa Rosa', null, 4, 5],
    ['22', 'Jutiapa', null, 5, 5],
  ]),
  ...units('HN', [
    ['IB', 'Islas de la Bahía', 'Bay Islands', 6, 1],
    ['CR', 'Cortés', null, 5, 2],
    ['AT', 'Atlántida', null, 6, 2],
    ['CL', 'Colón', null, 7, 2],
    ['GD', 'Gracias a Dios', null, 8, 2],
    ['CP', 'Copán', null, 5, 3],
    ['SB', 'Santa Bárbara', null, 6, 3],
    ['YO', 'Yoro', null, 7, 3],
    ['OL', 'Olancho', null, 8, 3],
    ['OC', 'Ocotepeque', null, 6, 4],
    ['CM', 'Comayagua', null, 7, 4],
    ['FM', 'Francisco Morazán', null, 8, 4],
    ['LE', 'Lempira', null, 6, 5],
    ['IN', 'Intibucá', null, 7, 5],
    ['EP', 'El Paraíso', null, 8, 5],
    ['LP', 'La Paz', null, 5, 6],
    ['VA', 'Valle', null, 6, 6],
    ['CH', 'Choluteca', null, 7, 6],
  ]),
  ...units('SV', [
    ['AH', 'Ahuachapán', null, 0, 6],
    ['SA', 'Santa Ana', null, 1, 6],
    ['CH', 'Chalatenango', null, 2, 6],
    ['CA', 'Cabañas', null, 3, 6],
    ['MO', 'Morazán', null, 4, 6],
    ['SO', 'Sonsonate', null, 0, 7],
    ['LI', 'La Libertad', null, 1, 7],
    ['SS', 'San Salvador', null, 2, 7],
    ['CU', 'Cuscatlán', null, 3, 7],
    ['SV', 'San Vicente', null, 4, 7],
    ['PA', 'La Paz', null, 1, 8],
    ['US', 'Usulután', null, 2, 8],
    ['SM', 'San Miguel', null, 3, 8],
    ['UN', 'La Unión', null, 4, 8],
  ]),
  ...units('NI', [
    ['NS', 'Nueva Segovia', null, 8, 6],
    ['CI', 'Chinandega', null, 5, 7],
    ['MD', 'Madriz', null, 6, 7],
    ['JI', 'Jinotega', null, 7, 7],
    ['AN', 'Región Autónoma de la Costa Caribe Norte', 'North Caribbean Coast Autonomous Region', 8, 7],
    ['LE', 'León', null, 5, 8],
    ['ES', 'Estelí', null, 6, 8],
    ['MT', 'Matagalpa', null, 7, 8],
    ['AS', 'Región Autónoma de la Costa Caribe Sur', 'South Caribbean Coast Autonomous Region', 8, 8],
    ['MN', 'Managua', null, 5, 9],
    ['MS', 'Masaya', null, 6, 9],
    ['BO', 'Boaco', null, 7, 9],
    ['CO', 'Chontales', null, 8, 9],
    ['CA', 'Carazo', null, 4, 10],
    ['GR', 'Granada', null, 5, 10],
    ['RI', 'Rivas', null, 6, 10],
    ['SJ', 'Río San Juan', null, 7, 10],
  ]),
  ...units('CR', [
    ['G', 'Guanacaste', null, 2, 11],
    ['A', 'Alajuela', null, 3, 11],
    ['H', 'Heredia', null, 4, 11],
    ['L', 'Limón', null, 5, 11],
    ['P', 'Puntarenas', null, 2, 12],
    ['SJ', 'San José', null, 3, 12],
    ['C', 'Cartago', null, 4, 12],
  ]),
  ...units('PA', [
    ['1', 'Bocas del Toro', null, 6, 11],
    ['3', 'Colón', null, 7, 11],
    ['KY', 'Comarca Guna Yala', 'Guna Yala Comarca', 8, 11],
    ['NT', 'Comarca Naso Tjër Di', 'Naso Tjër Di Comarca', 5, 12],
    ['2', 'Coclé', null, 6, 12],
    ['8', 'Panamá', 'Panama', 7, 12],
    ['EM', 'Comarca Emberá-Wounaan', 'Emberá-Wounaan Comarca', 8, 12],
    ['4', 'Chiriquí', null, 2, 13],
    ['NB', 'Comarca Ngäbe-Buglé', 'Ngäbe-Buglé Comarca', 3, 13],
    ['9', 'Veraguas', null, 4, 13],
    ['6', 'Herrera', null, 5, 13],
    ['7', 'Los Santos', null, 6, 13],
    ['10', 'Panamá Oeste', 'West Panama', 7, 13],
    ['5', 'Darién', null, 8, 13],
  ]),
];

const byCode = new Map(centralAmericanSubdivisions.map((s) => [s.code, s]));

export function isCentralAmerican(country: string): country is CentralAmericanCountry {
  return (CENTRAL_AMERICA as readonly string[]).includes(country);
}

/** The unit of an ISO 3166-2 code ("GT-16"), or undefined. */
export function findSubdivision(code: string): Subdivision | undefined {
  return byCode.get(code);
}

/**
 * The ISO 3166-2 code a recorded subdivision of `country` stands for: the full code ("HN-CR") or
 * the part after the hyphen ("CR"), as places are keyed in statistics (stateKey); null if the
 * country has no such first-level unit.
 */
export function subdivisionCode(country: string, recorded: string): string | null {
  if (!isCentralAmerican(country)) return null;
  const code = recorded.startsWith(`${country}-`) ? recorded : `${country}-${recorded}`;
  return byCode.has(code) ? code : null;
}
