// Tile grid of Mexico (one square per state, INEGI code → OCHA admin-1 P-code "MXnn") and Central
// America (one square per country) placed roughly where each lies: a cartogram, not an outline.
// Every square has the same size whatever the area, which is honest for counts of people and
// events (Chihuahua is not 40 times as important as Tlaxcala) and readable at a glance.
// Positions follow the incidents map (apps/web/src/staff/pages/incidents/incident-places.ts).
// Pure data, shared by the staff dashboard (SVG) and the PDF report (pdfkit).
export interface RegionTile {
  /** The statistics key: "MX07" for a Mexican state, the ISO country code for Central America. */
  key: string;
  name: string;
  abbr: string;
  col: number;
  row: number;
}

const mx = (code: string, name: string, abbr: string, col: number, row: number): RegionTile => ({ key: `MX${code}`, name, abbr, col, row });

export const regionTiles: readonly RegionTile[] = [
  mx('02', 'Baja California', 'BC', 0, 0), mx('26', 'Sonora', 'SON', 1, 0), mx('08', 'Chihuahua', 'CHIH', 2, 0), mx('05', 'Coahuila', 'COAH', 3, 0),
  mx('19', 'Nuevo León', 'NL', 4, 0), mx('03', 'Baja California Sur', 'BCS', 0, 1), mx('25', 'Sinaloa', 'SIN', 1, 1), mx('10', 'Durango', 'DGO', 2, 1),
  mx('32', 'Zacatecas', 'ZAC', 3, 1), mx('24', 'San Luis Potosí', 'SLP', 4, 1), mx('28', 'Tamaulipas', 'TAMPS', 5, 1), mx('18', 'Nayarit', 'NAY', 1, 2),
  mx('01', 'Aguascalientes', 'AGS', 2, 2), mx('11', 'Guanajuato', 'GTO', 3, 2), mx('22', 'Querétaro', 'QRO', 4, 2), mx('13', 'Hidalgo', 'HGO', 5, 2),
  mx('30', 'Veracruz', 'VER', 6, 2), mx('31', 'Yucatán', 'YUC', 9, 2), mx('14', 'Jalisco', 'JAL', 1, 3), mx('16', 'Michoacán', 'MICH', 2, 3),
  mx('15', 'Estado de México', 'MEX', 3, 3), mx('09', 'Ciudad de México', 'CDMX', 4, 3), mx('29', 'Tlaxcala', 'TLAX', 5, 3), mx('21', 'Puebla', 'PUE', 6, 3),
  mx('27', 'Tabasco', 'TAB', 7, 3), mx('04', 'Campeche', 'CAMP', 8, 3), mx('23', 'Quintana Roo', 'QROO', 9, 3), mx('06', 'Colima', 'COL', 1, 4),
  mx('12', 'Guerrero', 'GRO', 3, 4), mx('17', 'Morelos', 'MOR', 4, 4), mx('20', 'Oaxaca', 'OAX', 5, 4), mx('07', 'Chiapas', 'CHIS', 6, 4),
  { key: 'GT', name: 'Guatemala', abbr: 'GT', col: 7, row: 4 }, { key: 'BZ', name: 'Belize', abbr: 'BZ', col: 8, row: 4 },
  { key: 'SV', name: 'El Salvador', abbr: 'SV', col: 7, row: 5 }, { key: 'HN', name: 'Honduras', abbr: 'HN', col: 8, row: 5 },
  { key: 'NI', name: 'Nicaragua', abbr: 'NI', col: 8, row: 6 }, { key: 'CR', name: 'Costa Rica', abbr: 'CR', col: 9, row: 7 },
  { key: 'PA', name: 'Panamá', abbr: 'PA', col: 10, row: 7 },
];

/** The tile a statistics place key falls in: a Mexican state, or a Central American country ("GT-16" → GT). */
export function tileKeyOf(placeKey: string): string | null {
  if (/^MX\d{2}$/.test(placeKey)) return placeKey;
  const country = /^([A-Z]{2})(-|$)/.exec(placeKey)?.[1];
  return country && regionTiles.some((t) => t.key === country) ? country : null;
}
