// Places on the migration routes from Central America through Mexico to the United States, with
// approximate coordinates, so that the distance between where a person was last seen and where
// remains were recovered can weigh a candidate (docs/decisions/0131). A place not listed is simply
// not used as evidence.
import { foldText } from '../text-normalise.ts';

// [name as usually written, latitude, longitude]
const PLACES: readonly (readonly [string, number, number])[] = [
  ['Tapachula', 14.9, -92.26],
  ['Ciudad Hidalgo', 14.68, -92.15],
  ['Suchiate', 14.68, -92.15],
  ['Huixtla', 15.14, -92.46],
  ['Arriaga', 16.24, -93.9],
  ['Tuxtla Gutiérrez', 16.75, -93.12],
  ['San Cristóbal de las Casas', 16.74, -92.64],
  ['Comitán', 16.25, -92.13],
  ['Palenque', 17.51, -91.98],
  ['Tenosique', 17.47, -91.42],
  ['Villahermosa', 17.99, -92.93],
  ['Ixtepec', 16.56, -95.1],
  ['Juchitán', 16.43, -95.02],
  ['Oaxaca', 17.06, -96.73],
  ['Coatzacoalcos', 18.13, -94.46],
  ['Tierra Blanca', 18.45, -96.36],
  ['Veracruz', 19.17, -96.13],
  ['Orizaba', 18.85, -97.1],
  ['Córdoba', 18.88, -96.93],
  ['Puebla', 19.04, -98.2],
  ['Apizaco', 19.41, -98.14],
  ['Ciudad de México', 19.43, -99.13],
  ['Lechería', 19.6, -99.19],
  ['Huehuetoca', 19.83, -99.2],
  ['Querétaro', 20.59, -100.39],
  ['Celaya', 20.52, -100.81],
  ['Irapuato', 20.67, -101.35],
  ['Guadalajara', 20.67, -103.35],
  ['San Luis Potosí', 22.15, -100.98],
  ['Zacatecas', 22.77, -102.58],
  ['Torreón', 25.54, -103.41],
  ['Saltillo', 25.42, -101.0],
  ['Monterrey', 25.69, -100.32],
  ['Piedras Negras', 28.7, -100.52],
  ['Nuevo Laredo', 27.48, -99.52],
  ['Reynosa', 26.09, -98.28],
  ['Río Bravo', 25.99, -98.09],
  ['Matamoros', 25.87, -97.5],
  ['Chihuahua', 28.63, -106.07],
  ['Ciudad Juárez', 31.69, -106.42],
  ['Sunland Park', 31.8, -106.58],
  ['El Paso County', 31.77, -106.44],
  ['Hermosillo', 29.07, -110.96],
  ['Altar', 30.71, -111.83],
  ['Sásabe', 31.48, -111.54],
  ['Nogales', 31.31, -110.94],
  ['Agua Prieta', 31.33, -109.55],
  ['Pima County', 32.1, -111.8],
  ['Cochise County', 31.8, -109.9],
  ['Yuma', 32.69, -114.62],
  ['San Luis Río Colorado', 32.46, -114.77],
  ['Mexicali', 32.62, -115.45],
  ['Imperial County', 32.85, -115.57],
  ['Tijuana', 32.51, -117.04],
  ['San Diego', 32.72, -117.16],
  ['Brooks County', 27.03, -98.22],
  ['Kenedy County', 26.93, -97.63],
  ['Jim Hogg County', 27.05, -98.7],
  ['Webb County', 27.76, -99.33],
  ['Maverick County', 28.74, -100.31],
  ['Val Verde County', 29.9, -101.15],
  ['Hidalgo County', 26.4, -98.2],
  ['Starr County', 26.56, -98.74],
  ['Cameron County', 26.1, -97.48],
  ['Eagle Pass', 28.71, -100.5],
  ['Laredo', 27.53, -99.49],
  ['McAllen', 26.2, -98.23],
  ['Falfurrias', 27.23, -98.14],
  ['Guatemala', 14.63, -90.51],
  ['Tecún Umán', 14.68, -92.14],
  ['Huehuetenango', 15.32, -91.47],
  ['Quetzaltenango', 14.84, -91.52],
  ['San Pedro Sula', 15.5, -88.03],
  ['Tegucigalpa', 14.07, -87.19],
  ['San Salvador', 13.69, -89.22],
];

const byKey = new Map<string, readonly [number, number]>();
for (const [name, lat, lon] of PLACES) byKey.set(foldText(name), [lat, lon]);

const cache = new Map<string, readonly [number, number] | null>();

/** Coordinates of a place written freely ("Reynosa, Tamaulipas"), or null when not known. */
export function placeCoordinates(text: string | undefined): readonly [number, number] | null {
  if (!text) return null;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let found: readonly [number, number] | null = null;
  for (const part of text.split(',')) {
    const c = byKey.get(foldText(part));
    if (c) {
      found = c;
      break;
    }
  }
  cache.set(text, found);
  return found;
}

/** Great-circle distance in km. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
