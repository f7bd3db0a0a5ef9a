// Mexican states (INEGI codes) with a tile-grid position: each state one square placed roughly
// where it lies, so a state-level map needs no geometry, no tiles and no third-party service.
export interface StateTile {
  code: string;
  name: string;
  abbr: string;
  col: number;
  row: number;
}

export const mexicanStates: readonly StateTile[] = [
  { code: '02', name: 'Baja California', abbr: 'BC', col: 0, row: 0 },
  { code: '26', name: 'Sonora', abbr: 'SON', col: 1, row: 0 },
  { code: '08', name: 'Chihuahua', abbr: 'CHIH', col: 2, row: 0 },
  { code: '05', name: 'Coahuila', abbr: 'COAH', col: 3, row: 0 },
  { code: '19', name: 'Nuevo León', abbr: 'NL', col: 4, row: 0 },
  { code: '03', name: 'Baja California Sur', abbr: 'BCS', col: 0, row: 1 },
  { code: '25', name: 'Sinaloa', abbr: 'SIN', col: 1, row: 1 },
  { code: '10', name: 'Durango', abbr: 'DGO', col: 2, row: 1 },
  { code: '32', name: 'Zacatecas', abbr: 'ZAC', col: 3, row: 1 },
  { code: '24', name: 'San Luis Potosí', abbr: 'SLP', col: 4, row: 1 },
  { code: '28', name: 'Tamaulipas', abbr: 'TAMPS', col: 5, row: 1 },
  { code: '18', name: 'Nayarit', abbr: 'NAY', col: 1, row: 2 },
  { code: '01', name: 'Aguascalientes', abbr: 'AGS', col: 2, row: 2 },
  { code: '11', name: 'Guanajuato', abbr: 'GTO', col: 3, row: 2 },
  { code: '22', name: 'Querétaro', abbr: 'QRO', col: 4, row: 2 },
  { code: '13', name: 'Hidalgo', abbr: 'HGO', col: 5, row: 2 },
  { code: '30', name: 'Veracruz', abbr: 'VER', col: 6, row: 2 },
  { code: '31', name: 'Yucatán', abbr: 'YUC', col: 9, row: 2 },
  { code: '14', name: 'Jalisco', abbr: 'JAL', col: 1, row: 3 },
  { code: '16', name: 'Michoacán', abbr: 'MICH', col: 2, row: 3 },
  { code: '15', name: 'Estado de México', abbr: 'MEX', col: 3, row: 3 },
  { code: '09', name: 'Ciudad de México', abbr: 'CDMX', col: 4, row: 3 },
  { code: '29', name: 'Tlaxcala', abbr: 'TLAX', col: 5, row: 3 },
  { code: '21', name: 'Puebla', abbr: 'PUE', col: 6, row: 3 },
  { code: '27', name: 'Tabasco', abbr: 'TAB', col: 7, row: 3 },
  { code: '04', name: 'Campeche', abbr: 'CAMP', col: 8, row: 3 },
  { code: '23', name: 'Quintana Roo', abbr: 'QROO', col: 9, row: 3 },
  { code: '06', name: 'Colima', abbr: 'COL', col: 1, row: 4 },
  { code: '12', name: 'Guerrero', abbr: 'GRO', col: 3, row: 4 },
  { code: '17', name: 'Morelos', abbr: 'MOR', col: 4, row: 4 },
  { code: '20', name: 'Oaxaca', abbr: 'OAX', col: 5, row: 4 },
  { code: '07', name: 'Chiapas', abbr: 'CHIS', col: 6, row: 4 },
];

export const statesByName = [...mexicanStates].sort((a, b) => a.name.localeCompare(b.name, 'es'));

export function stateName(code: string | null | undefined): string {
  return mexicanStates.find((s) => s.code === code)?.name ?? code ?? '';
}
