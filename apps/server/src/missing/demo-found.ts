// The forensic service's unidentified remains (every record invented): what a families'
// committee's report is compared with besides the shelters' people (journey 4). Two are young
// men found in southern Veracruz in 2026, whom a report for a 19-year-old last heard from in
// Coatzacoalcos is compared with; the others differ in sex or age, as a real register does.
// Written through the missing-persons service as the service's identification coordinator
// (encrypted, audited, matched against open reports like one registered on screen).
import type { FoundRecordCreate } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { demoActor } from '../demo/demo-actors.ts';
import { createMatchingService } from './matching.service.ts';
import { createMissingService } from './missing.service.ts';

const AGENCY = 'Servicio Forense del Golfo (demo)';

export const demoFoundRecords: FoundRecordCreate[] = [
  {
    kind: 'unidentified_remains',
    sex: 'M',
    ageMin: 17,
    ageMax: 23,
    foundOn: '2026-09-18',
    foundPlace: 'Las Choapas, Veracruz',
    custodian: { agency: AGENCY, fileNumber: 'SFG-2026-0412' },
    description: { heightCm: 168, build: 'delgado', hair: 'negro, corto' },
    circumstances: 'Hallado junto a las vías del tren. Registro sintético de demostración.',
  },
  {
    kind: 'unidentified_remains',
    sex: 'M',
    ageMin: 18,
    ageMax: 26,
    foundOn: '2026-07-02',
    foundPlace: 'Minatitlán, Veracruz',
    custodian: { agency: AGENCY, fileNumber: 'SFG-2026-0267' },
    description: { heightCm: 172, dentalNotes: 'falta el primer molar superior derecho' },
    circumstances: 'Hallado en un predio a orillas del río. Registro sintético de demostración.',
  },
  {
    kind: 'unidentified_remains',
    sex: 'F',
    ageMin: 30,
    ageMax: 45,
    foundOn: '2026-05-11',
    foundPlace: 'Acayucan, Veracruz',
    custodian: { agency: AGENCY, fileNumber: 'SFG-2026-0198' },
    circumstances: 'Registro sintético de demostración.',
  },
  {
    kind: 'unidentified_remains',
    sex: 'M',
    ageMin: 40,
    ageMax: 55,
    foundOn: '2025-11-23',
    foundPlace: 'Tierra Blanca, Veracruz',
    custodian: { agency: AGENCY, fileNumber: 'SFG-2025-0733' },
    circumstances: 'Registro sintético de demostración.',
  },
];

export async function seedDemoFoundRecords(
  ctx: AppContext,
  coordinatorEmail = 'identificacion@forensegolfo.example',
): Promise<number> {
  const actor = await demoActor(ctx, coordinatorEmail);
  if (!actor) return 0;
  const base = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: ctx.clock };
  const missing = createMissingService({ ...base, matching: createMatchingService(base) });
  for (const record of demoFoundRecords) await missing.createFound(actor, record);
  return demoFoundRecords.length;
}
