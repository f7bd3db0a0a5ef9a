// Synthetic HSDS services for tests (every name says "Ejemplo"; phone numbers use the 000 area code).
import { randomUUID } from 'node:crypto';

export function legalIdentityService(
  overrides: {
    state?: string;
    city?: string;
    language?: string;
    need?: string;
    name?: string;
    lat?: number;
    lon?: number;
  } = {},
) {
  const orgId = randomUUID();
  return {
    id: randomUUID(),
    name: overrides.name ?? 'Identidad jurídica para personas retornadas (Ejemplo)',
    description: 'Actas de nacimiento, CURP y credencial para personas deportadas o retornadas.',
    status: 'active',
    eligibility_description: 'Personas mexicanas retornadas en los últimos 12 meses.',
    fees_description: 'Gratuito.',
    organization: {
      id: orgId,
      name: 'Programa Ejemplo de Reintegración',
      description: 'Organización sintética de ejemplo.',
      website: 'https://ejemplo.invalid/',
    },
    service_at_locations: [
      {
        id: randomUUID(),
        location: {
          id: randomUUID(),
          location_type: 'physical',
          name: 'Oficina Ejemplo Centro',
          latitude: overrides.lat ?? 32.5149,
          longitude: overrides.lon ?? -117.0382,
          addresses: [
            {
              id: randomUUID(),
              address_1: 'Calle Ejemplo 12',
              city: overrides.city ?? 'Tijuana',
              state_province: overrides.state ?? 'Baja California',
              postal_code: '22000',
              country: 'mx',
              address_type: 'physical',
            },
          ],
        },
      },
    ],
    phones: [{ id: randomUUID(), number: '+52 000 555 0199', type: 'voice' }],
    schedules: [{ id: randomUUID(), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
    languages: [
      { id: randomUUID(), name: 'Español', code: 'es' },
      {
        id: randomUUID(),
        name: overrides.language === 'ht' ? 'Kreyòl ayisyen' : 'English',
        code: overrides.language ?? 'en',
      },
    ],
    service_areas: [{ id: randomUUID(), name: 'Baja California', extent_type: 'text' }],
    cost_options: [{ id: randomUUID(), option: 'Gratuito', currency: 'MXN', amount: 0 }],
    contacts: [{ id: randomUUID(), name: 'Mesa de atención', title: 'Recepción', email: 'atencion@ejemplo.invalid' }],
    attributes: [
      {
        id: randomUUID(),
        link_entity: 'service',
        taxonomy_term: {
          code: overrides.need ?? 'legal_identity',
          name: 'Identidad jurídica / Legal identity',
          description: 'Birth registration, identity documents, CURP.',
          taxonomy: 'acompana-needs',
        },
      },
    ],
  };
}
