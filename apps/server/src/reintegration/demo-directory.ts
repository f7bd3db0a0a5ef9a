// A synthetic services directory along the route (issue 8, item 1), loaded with the demo: shelters,
// clinics, legal aid, consulates, COMAR and INM offices and returnee programmes from Central
// America to the northern border. Every name says "Ejemplo" and every phone uses the 000 area
// code: nothing here is a real service. The services of the demo organisations themselves accept
// referrals through Acompaña; the rest are contacted directly. The same generator (with `scale`)
// fills the 20 000-service directory of the search benchmark.
import { randomUUID } from 'node:crypto';
import { hsdsServiceSchema, seededRandom } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import type { Queryable } from '../kernel/db/database.ts';
import { prepare } from '../directory/hsds-mapping.ts';
import { writeService } from '../directory/directory-write.ts';

interface Place {
  city: string;
  state: string;
  country: string;
  lat: number;
  lon: number;
  maintainer: string;
}
/** Cities along the route; each is kept up to date by the nearest demo organisation. */
export const routePlaces: readonly Place[] = [
  { city: 'San Pedro Sula', state: 'Cortés', country: 'HN', lat: 15.5, lon: -88.03, maintainer: 'comite-choloma' },
  { city: 'Choloma', state: 'Cortés', country: 'HN', lat: 15.61, lon: -87.95, maintainer: 'comite-choloma' },
  { city: 'San Salvador', state: 'San Salvador', country: 'SV', lat: 13.69, lon: -89.19, maintainer: 'comite-choloma' },
  {
    city: 'Ciudad de Guatemala',
    state: 'Guatemala',
    country: 'GT',
    lat: 14.63,
    lon: -90.51,
    maintainer: 'comite-choloma',
  },
  { city: 'Tecún Umán', state: 'San Marcos', country: 'GT', lat: 14.67, lon: -92.14, maintainer: 'albergue-tapachula' },
  { city: 'Tapachula', state: 'Chiapas', country: 'MX', lat: 14.9, lon: -92.26, maintainer: 'albergue-tapachula' },
  { city: 'Palenque', state: 'Chiapas', country: 'MX', lat: 17.51, lon: -91.98, maintainer: 'albergue-tapachula' },
  { city: 'Tenosique', state: 'Tabasco', country: 'MX', lat: 17.47, lon: -91.42, maintainer: 'albergue-tapachula' },
  { city: 'Coatzacoalcos', state: 'Veracruz', country: 'MX', lat: 18.13, lon: -94.46, maintainer: 'recepcion-cdmx' },
  {
    city: 'Ciudad de México',
    state: 'Ciudad de México',
    country: 'MX',
    lat: 19.43,
    lon: -99.13,
    maintainer: 'recepcion-cdmx',
  },
  { city: 'Monterrey', state: 'Nuevo León', country: 'MX', lat: 25.67, lon: -100.31, maintainer: 'recepcion-cdmx' },
  { city: 'Reynosa', state: 'Tamaulipas', country: 'MX', lat: 26.09, lon: -98.28, maintainer: 'recepcion-cdmx' },
  { city: 'Ciudad Juárez', state: 'Chihuahua', country: 'MX', lat: 31.69, lon: -106.42, maintainer: 'clinica-tijuana' },
  {
    city: 'Mexicali',
    state: 'Baja California',
    country: 'MX',
    lat: 32.62,
    lon: -115.45,
    maintainer: 'clinica-tijuana',
  },
  { city: 'Tijuana', state: 'Baja California', country: 'MX', lat: 32.51, lon: -117.04, maintainer: 'clinica-tijuana' },
];

interface Kind {
  name: string;
  org: string;
  needs: string[];
  description: string;
  onlyIn?: string[];
  languages?: string[];
  /** Eligibility by nationality (a consulate serves its own nationals). */
  servedNationalities?: string[];
}
/** The kinds of services a worker looks for, with their needs (taxonomy acompana-needs). */
const kinds: readonly Kind[] = [
  {
    name: 'Albergue',
    org: 'Casa del Migrante',
    needs: ['shelter', 'food'],
    description: 'Hospedaje temporal, alimentación y aseo para personas en movilidad.',
    languages: ['en', 'ht'],
  },
  {
    name: 'Clínica',
    org: 'Clínica Comunitaria',
    needs: ['health', 'psychosocial'],
    description: 'Consulta médica general, medicamentos básicos y primeros auxilios psicológicos.',
  },
  {
    name: 'Asesoría jurídica',
    org: 'Defensoría Migrante',
    needs: ['legal', 'asylum', 'migration'],
    description: 'Orientación y representación en trámites de refugio y regularización migratoria.',
    languages: ['en', 'fr'],
  },
  {
    name: 'Consulado de Honduras',
    org: 'Consulado de Honduras',
    needs: ['consulate', 'legal_identity'],
    description: 'Documentos de identidad, protección consular y repatriación de personas hondureñas.',
    onlyIn: ['MX'],
    servedNationalities: ['HN'],
  },
  {
    name: 'Consulado de Guatemala',
    org: 'Consulado de Guatemala',
    needs: ['consulate', 'legal_identity'],
    description: 'Documentos de identidad, protección consular y repatriación de personas guatemaltecas.',
    onlyIn: ['MX'],
    languages: ['quc', 'mam'],
    servedNationalities: ['GT'],
  },
  {
    name: 'Oficina de la COMAR',
    org: 'Comisión Mexicana de Ayuda a Refugiados',
    needs: ['asylum'],
    description: 'Recepción de solicitudes de la condición de refugiado y citas de seguimiento.',
    onlyIn: ['MX'],
  },
  {
    name: 'Oficina del INM',
    org: 'Instituto Nacional de Migración',
    needs: ['migration'],
    description: 'Trámites migratorios: tarjetas de visitante por razones humanitarias y residencia.',
    onlyIn: ['MX'],
  },
  {
    name: 'Programa de atención a personas retornadas',
    org: 'Programa de Reintegración',
    needs: [
      'returnee_reception',
      'employment',
      'legal_identity',
      'validation_of_studies',
      'financial_inclusion',
      'housing',
    ],
    description: 'Recepción, orientación, constancia de repatriación, bolsa de trabajo y revalidación de estudios.',
  },
  {
    name: 'Atención a violencia de género',
    org: 'Centro de Mujeres',
    needs: ['gbv', 'psychosocial'],
    description: 'Atención especializada, acompañamiento y refugio confidencial para sobrevivientes.',
  },
  {
    name: 'Protección de la infancia',
    org: 'Procuraduría de Protección',
    needs: ['child_protection', 'family_reunification'],
    description: 'Protección de niñas, niños y adolescentes no acompañados o separados.',
  },
];

/** The demo organisations' own services: they receive referrals through Acompaña. */
const ownServices: { slug: string; name: string; needs: string[]; place: string; description: string }[] = [
  {
    slug: 'albergue-tapachula',
    name: 'Albergue y acompañamiento de Casa Refugio Soconusco (Ejemplo)',
    needs: ['shelter', 'food', 'psychosocial'],
    place: 'Tapachula',
    description: 'Albergue, alimentación y apoyo psicosocial.',
  },
  {
    slug: 'clinica-tijuana',
    name: 'Asesoría jurídica e identidad de la Clínica Frontera Norte (Ejemplo)',
    needs: ['legal', 'asylum', 'legal_identity', 'migration'],
    place: 'Tijuana',
    description: 'Representación legal, actas de nacimiento, CURP y documentos de identidad.',
  },
  {
    slug: 'comite-choloma',
    name: 'Búsqueda y reunificación familiar del Comité de Choloma (Ejemplo)',
    needs: ['family_reunification'],
    place: 'Choloma',
    description: 'Búsqueda de familiares desaparecidos y acompañamiento a familias.',
  },
  {
    slug: 'recepcion-cdmx',
    name: 'Recepción y reintegración Retorno Digno (Ejemplo)',
    needs: ['returnee_reception', 'employment', 'housing', 'validation_of_studies', 'financial_inclusion'],
    place: 'Ciudad de México',
    description: 'Recepción en el aeropuerto, empleo, vivienda temporal y revalidación de estudios.',
  },
];

const languageNames: Record<string, string> = {
  es: 'Español',
  en: 'English',
  ht: 'Kreyòl ayisyen',
  fr: 'Français',
  quc: "K'iche'",
  mam: 'Mam',
};

function serviceDoc(o: {
  name: string;
  orgName: string;
  description: string;
  place: Place;
  needs: string[];
  languages: string[];
  phone: string;
  verified: string;
}) {
  return hsdsServiceSchema.parse({
    id: randomUUID(),
    name: o.name,
    description: o.description,
    status: 'active',
    assured_date: o.verified,
    fees_description: 'Gratuito.',
    eligibility_description: 'Personas en movilidad, solicitantes de refugio y personas retornadas.',
    organization: {
      id: randomUUID(),
      name: o.orgName,
      description: 'Organización sintética de ejemplo.',
      website: 'https://ejemplo.invalid/',
    },
    service_at_locations: [
      {
        id: randomUUID(),
        location: {
          id: randomUUID(),
          location_type: 'physical',
          name: `Oficina ${o.place.city} (Ejemplo)`,
          latitude: o.place.lat,
          longitude: o.place.lon,
          addresses: [
            {
              id: randomUUID(),
              address_1: 'Calle Ejemplo 100',
              city: o.place.city,
              state_province: o.place.state,
              postal_code: '00000',
              country: o.place.country.toLowerCase(),
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    phones: [{ id: randomUUID(), number: o.phone, type: 'voice' }],
    schedules: [{ id: randomUUID(), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
    languages: o.languages.map((code) => ({ id: randomUUID(), name: languageNames[code] ?? code, code })),
    service_areas: [{ id: randomUUID(), name: o.place.state, extent_type: 'text' }],
    cost_options: [
      { id: randomUUID(), option: 'Gratuito', currency: o.place.country === 'MX' ? 'MXN' : 'USD', amount: 0 },
    ],
    contacts: [],
    attributes: o.needs.map((code) => ({
      id: randomUUID(),
      link_entity: 'service',
      taxonomy_term: { code, name: code, description: code, taxonomy: 'acompana-needs' },
    })),
  });
}

/**
 * Writes the route directory: every kind of service in every city where it exists (`scale`
 * copies of each, for the benchmark), plus the demo organisations' own services. Returns how
 * many services were written.
 */
export async function seedDemoDirectory(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  options: { scale?: number; seed?: number } = {},
): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string; slug: string }>('SELECT id::text AS id, slug FROM organisations');
  const orgOf = new Map(rows.map((r) => [r.slug, r.id]));
  const rand = seededRandom(options.seed ?? 8);
  const at = ctx.clock();
  const today = at.toISOString().slice(0, 10);
  // Some entries were last checked long ago: the stale-entry reminder has something to show.
  const verifiedOn = () => new Date(at.getTime() - Math.floor(rand() * 300) * 86_400_000).toISOString().slice(0, 10);
  const scale = options.scale ?? 1;
  let n = 0;
  const write = async (
    tx: Queryable,
    owner: string,
    doc: ReturnType<typeof serviceDoc>,
    acceptsReferrals: boolean,
    servedNationalities?: string[],
  ) => {
    await writeService(tx, prepare(doc), {
      ownerOrgId: owner,
      by: null,
      at,
      today,
      acceptsReferrals,
      ...(servedNationalities ? { servedNationalities } : {}),
    });
    n += 1;
  };
  for (const place of routePlaces) {
    const owner = orgOf.get(place.maintainer);
    if (!owner) continue;
    await ctx.db.transaction(async (tx) => {
      for (let copy = 0; copy < scale; copy++) {
        for (const kind of kinds) {
          if (kind.onlyIn && !kind.onlyIn.includes(place.country)) continue;
          const suffix = scale > 1 ? ` ${copy + 1}` : '';
          const languages = ['es', ...(kind.languages ?? []).filter(() => rand() < 0.6)];
          const phone = `+${place.country === 'MX' ? '52' : place.country === 'GT' ? '502' : place.country === 'SV' ? '503' : '504'} 000 555 ${String(1000 + (n % 9000)).padStart(4, '0')}`;
          await write(
            tx,
            owner,
            serviceDoc({
              name: `${kind.name} ${place.city}${suffix} (Ejemplo)`,
              orgName: `${kind.org} ${place.city} (Ejemplo)`,
              description: kind.description,
              place,
              needs: kind.needs,
              languages,
              phone,
              verified: verifiedOn(),
            }),
            false,
            kind.servedNationalities,
          );
        }
      }
    });
  }
  for (const own of ownServices) {
    const owner = orgOf.get(own.slug);
    const place = routePlaces.find((p) => p.city === own.place);
    if (!owner || !place) continue;
    await ctx.db.transaction((tx) =>
      write(
        tx,
        owner,
        serviceDoc({
          name: own.name,
          orgName: own.name.replace(/^.* de (la |del )?/, '').replace(' (Ejemplo)', '') + ' (Ejemplo)',
          description: own.description,
          place,
          needs: own.needs,
          languages: ['es', 'en'],
          phone: '+52 000 555 0100',
          verified: today,
        }),
        true,
      ),
    );
  }
  return n;
}
