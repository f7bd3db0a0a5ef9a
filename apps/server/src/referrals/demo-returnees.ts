// Returnees at the Mexico City reception centre (every person invented, all Mexican nationals
// returned from the United States), each received, assessed and referred through the same
// services as the screens, dated over the last two months, with the clinic answering: so the
// reception worker's lists show referrals at every stage - sent and waiting, sent and overdue,
// accepted, declined with a reason, redirected, completed with an outcome, closed without one -
// and a follow-up done (journey 5 of USER-JOURNEYS.md).
import type { Actor, AssessmentInput, PersonCreate, ReceptionCreate } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { demoActor } from '../demo/demo-actors.ts';
import { createPeopleService } from '../people/people.service.ts';
import { createReintegrationService } from '../reintegration/reintegration.service.ts';
import { createReferralAnswers } from './referral-answers.ts';
import { createReferralsService } from './referrals.service.ts';

type Stage = 'sent' | 'accepted' | 'declined' | 'redirected' | 'completed' | 'closed_no_outcome';

interface DemoReturnee {
  person: PersonCreate;
  receivedDaysAgo: number;
  reception: Omit<ReceptionCreate, 'personId' | 'receivedOn'>;
  needs: AssessmentInput['needs'];
  /** The referral the plan sends to the clinic, and how far the clinic has taken it. */
  referral: { area: AssessmentInput['needs'][number]['area']; reason: string; stage: Stage; answer?: string };
  followUp?: { outcome: 'settled' | 'progressing' | 'struggling'; note: string };
}

const AICM = 'Aeropuerto Internacional de la Ciudad de México (AICM)';
const person = (givenNames: string, surnames: string, sex: 'F' | 'M', birthDate: string): PersonCreate => ({
  givenNames,
  surnames,
  sex,
  birthDate,
  nationality: 'MX',
});

export const demoReturnees: DemoReturnee[] = [
  {
    person: person('Ramiro', 'Castañeda Lugo', 'M', '1979-06-02'),
    receivedDaysAgo: 52,
    reception: {
      arrivalMode: 'air',
      portOfEntry: AICM,
      returnedFrom: 'US',
      returningAuthority: 'ice',
      familyLeftBehind: 'Esposa e hijo en Houston, Texas (registro sintético).',
    },
    needs: [
      { area: 'legal_identity', level: 'urgent', note: 'Sin acta de nacimiento ni INE.' },
      { area: 'housing', level: 'urgent' },
      { area: 'employment', level: 'some' },
    ],
    referral: {
      area: 'legal_identity',
      reason: 'Necesita copia certificada de su acta de nacimiento para tramitar la INE.',
      stage: 'completed',
      answer: 'Se obtuvo la copia certificada del acta de nacimiento; la INE está en trámite.',
    },
    followUp: { outcome: 'progressing', note: 'Ya tiene acta; busca trabajo en la construcción.' },
  },
  {
    person: person('Efraín', 'Tlatelpa Mendoza', 'M', '1984-11-19'),
    receivedDaysAgo: 44,
    reception: { arrivalMode: 'air', portOfEntry: AICM, returnedFrom: 'US', returningAuthority: 'ice' },
    needs: [
      { area: 'validation_of_studies', level: 'urgent', note: 'Estudios técnicos en electricidad en Illinois.' },
      { area: 'employment', level: 'urgent' },
    ],
    referral: {
      area: 'validation_of_studies',
      reason: 'Revalidación de su certificado técnico estadounidense.',
      stage: 'declined',
      answer: 'La clínica no tramita revalidaciones de estudios; conviene acudir a la SEP.',
    },
  },
  {
    person: person('Ulises', 'Barragán Nava', 'M', '1990-01-08'),
    receivedDaysAgo: 60,
    reception: {
      arrivalMode: 'land',
      portOfEntry: 'Garita de San Ysidro, Tijuana',
      returnedFrom: 'US',
      returningAuthority: 'cbp',
    },
    needs: [{ area: 'legal_identity', level: 'some' }],
    referral: {
      area: 'legal_identity',
      reason: 'Orientación para recuperar su CURP.',
      stage: 'closed_no_outcome',
      answer: 'No se logró localizar a la persona tras tres llamadas.',
    },
  },
  {
    person: person('Maribel', 'Zamudio Cortés', 'F', '1988-04-27'),
    receivedDaysAgo: 36,
    reception: {
      arrivalMode: 'air',
      portOfEntry: AICM,
      returnedFrom: 'US',
      returningAuthority: 'ice',
      familyLeftBehind:
        'Dos hijas nacidas en Estados Unidos, en Atlanta, Georgia, con su hermana (registro sintético).',
    },
    needs: [
      { area: 'employment', level: 'urgent' },
      { area: 'psychosocial', level: 'some' },
    ],
    referral: {
      area: 'employment',
      reason: 'Busca empleo; tiene experiencia en cocina industrial.',
      stage: 'redirected',
    },
  },
  {
    person: person('Víctor Manuel', 'Ocampo Ruiz', 'M', '1975-09-14'),
    receivedDaysAgo: 24,
    reception: { arrivalMode: 'air', portOfEntry: AICM, returnedFrom: 'US', returningAuthority: 'ice' },
    needs: [
      { area: 'legal_identity', level: 'urgent' },
      { area: 'housing', level: 'some' },
    ],
    referral: {
      area: 'legal_identity',
      reason: 'Doble nacionalidad de su hijo nacido en Estados Unidos: registro en México.',
      stage: 'accepted',
    },
  },
  {
    person: person('Leonel', 'Quintero Bañuelos', 'M', '1993-12-03'),
    receivedDaysAgo: 18,
    reception: { arrivalMode: 'air', portOfEntry: AICM, returnedFrom: 'US', returningAuthority: 'ice' },
    needs: [{ area: 'legal_identity', level: 'urgent' }],
    referral: { area: 'legal_identity', reason: 'Acta de nacimiento con un error en el apellido.', stage: 'sent' },
  },
  {
    person: person('Genaro', 'Pliego Salas', 'M', '1981-07-22'),
    receivedDaysAgo: 2,
    reception: { arrivalMode: 'air', portOfEntry: AICM, returnedFrom: 'US', returningAuthority: 'ice' },
    needs: [
      { area: 'legal_identity', level: 'urgent' },
      { area: 'housing', level: 'urgent' },
    ],
    referral: { area: 'legal_identity', reason: 'Sin documentos de identidad mexicanos.', stage: 'sent' },
  },
];

const DAY = 86_400_000;

export async function seedDemoReturnees(
  ctx: AppContext,
  options: { worker?: string; answerer?: string; redirectTo?: string } = {},
): Promise<{ returnees: number; referrals: number }> {
  const worker = await demoActor(ctx, options.worker ?? 'recepcion@retornodigno.example');
  const answerer = await demoActor(ctx, options.answerer ?? 'admin@fronteranorte.example');
  if (!worker || !answerer) return { returnees: 0, referrals: 0 };
  const { rows } = await ctx.db.query<{ id: string }>('SELECT id::text AS id FROM organisations WHERE slug = $1', [
    options.redirectTo ?? 'albergue-saltillo',
  ]);
  const redirectTo = rows[0]?.id;
  let at = ctx.clock().getTime();
  const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock: () => new Date(at) };
  const people = createPeopleService(deps);
  const referrals = createReferralsService(deps);
  const answers = createReferralAnswers(deps, referrals);
  const reintegration = createReintegrationService({ ...deps, referrals });
  const now = ctx.clock().getTime();
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  let sent = 0;
  for (const r of demoReturnees) {
    at = now - r.receivedDaysAgo * DAY;
    const created = await people.create(worker, r.person);
    for (const purpose of ['care', 'referral'] as const)
      await people.consents.record(worker, created.id, { purpose, method: 'signed' }, null);
    const reception = await reintegration.create(worker, { ...r.reception, personId: created.id, receivedOn: day(at) });
    at += DAY / 4;
    await reintegration.assess(worker, reception.id, { assessedOn: day(at), needs: r.needs });
    const referred = await reintegration.refer(worker, reception.id, {
      area: r.referral.area,
      toOrgId: answerer.orgId as string,
      urgency: r.needs.find((n) => n.area === r.referral.area)?.level === 'urgent' ? 'urgent' : 'routine',
      reason: r.referral.reason,
      sharedFields: ['name', 'birthDate', 'sex', 'nationality'],
    });
    sent++;
    const referralId = referred.plan.at(-1)?.referralId as string;
    await answer(answers, answerer, referralId, r.referral, redirectTo, () => (at += 2 * DAY));
    if (r.followUp) {
      const due = referred.followUps[0];
      if (due && Date.parse(due.dueOn) <= now) {
        at = Date.parse(due.dueOn);
        await reintegration.recordFollowUp(worker, due.id, { doneOn: due.dueOn, ...r.followUp });
      }
    }
  }
  return { returnees: demoReturnees.length, referrals: sent };
}

type Answers = ReturnType<typeof createReferralAnswers>;

async function answer(
  answers: Answers,
  clinic: Actor,
  id: string,
  r: DemoReturnee['referral'],
  redirectTo: string | undefined,
  later: () => void,
): Promise<void> {
  later();
  if (r.stage === 'declined') await answers.decline(clinic, id, r.answer ?? 'No corresponde a nuestros servicios.');
  if (r.stage === 'redirected' && redirectTo) await answers.redirect(clinic, id, { toOrgId: redirectTo });
  if (r.stage === 'accepted' || r.stage === 'completed' || r.stage === 'closed_no_outcome')
    await answers.accept(clinic, id);
  later();
  if (r.stage === 'completed') await answers.complete(clinic, id, r.answer ?? 'Atendido.');
  if (r.stage === 'closed_no_outcome') await answers.close(clinic, id, r.answer);
}
