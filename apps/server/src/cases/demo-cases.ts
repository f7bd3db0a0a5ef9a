// Demo cases for a good share of the demo people (every one invented): open, active, on hold and
// closed cases with plans, notes and reasons, opened over the last four months, written through
// the same services as real ones (encrypted, audited). Called by the demo seed after the people.
import { seededRandom, type Actor, type CaseTaskKey } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createCasesService } from './cases.service.ts';
import { createCasePlanService } from './case-plan.service.ts';

/** Share of each organisation's people with a case. */
const CASE_SHARE = 0.45;
/**
 * The partner shelters are in the demo for what they share (journeys 1 and 4), not for their
 * casework: a few cases each keep the first start as quick as it was before they were added.
 */
const CASE_SHARE_BY_SLUG: Record<string, number> = { 'albergue-tenosique': 0.1, 'albergue-saltillo': 0.1 };
const DAY = 86_400_000;

const NOTES = [
  'Primera entrevista en el albergue. Llegó con su familia tras once días de camino; refiere amenazas en su colonia.',
  'Se orientó sobre el procedimiento ante la COMAR y los plazos; entiende que debe presentarse cada semana.',
  'Acudió a consulta médica; se le entregó medicamento para una semana.',
  'Llamada con la abogada de la clínica: la entrevista de elegibilidad quedó programada.',
  'Pidió apoyo para inscribir a su hija en la escuela primaria del barrio.',
  'Se hizo contacto con su hermana en Monterrey; ofrece recibirla cuando tenga la constancia.',
];
const OWN_TASKS = [
  'Acompañar a la cita en la COMAR',
  'Conseguir copia del acta de nacimiento',
  'Gestionar la CURP temporal',
  'Dar seguimiento a la consulta médica',
  'Revisar opciones de albergue en Monterrey',
];
const CATALOGUE: CaseTaskKey[] = [
  'legal_orientation',
  'comar_application',
  'psychosocial_referral',
  'clinic_referral',
  'safety_plan',
  'education_referral',
];
const CLOSE_REASONS = [
  'Obtuvo la constancia de refugio y continuó su camino.',
  'Decidió regresar a su país; se le dio información de contacto consular.',
  'Se trasladó a otra ciudad; se hizo la referencia al albergue de destino.',
];

export async function seedDemoCases(ctx: AppContext, options: { seed?: number } = {}): Promise<number> {
  const rand = seededRandom(options.seed ?? 20_261_124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const staff = await ctx.db.query<{ account_id: string; org_id: string; role: string; team_ids: string[] | null }>(
    `SELECT m.account_id::text AS account_id, m.org_id::text AS org_id, m.role,
        array_remove(array_agg(t.id::text), NULL) AS team_ids
       FROM memberships m LEFT JOIN team_members tm ON tm.account_id = m.account_id
       LEFT JOIN teams t ON t.id = tm.team_id AND t.org_id = m.org_id
      WHERE m.role IN ('caseworker', 'coordinator', 'admin') GROUP BY m.account_id, m.org_id, m.role ORDER BY m.role = 'caseworker' DESC, m.account_id`,
  );
  const people = await ctx.db.query<{ id: string; org_id: string; slug: string }>(
    `SELECT p.id::text AS id, p.org_id::text AS org_id, o.slug FROM people p JOIN organisations o ON o.id = p.org_id
      WHERE p.deleted_at IS NULL ORDER BY p.created_at, p.id`,
  );
  const now = ctx.clock().getTime();
  let opened = 0;
  for (const person of people.rows) {
    if (rand() > (CASE_SHARE_BY_SLUG[person.slug] ?? CASE_SHARE)) continue;
    const member = staff.rows.find((s) => s.org_id === person.org_id);
    if (!member) continue;
    const actor: Actor = {
      accountId: member.account_id,
      orgId: member.org_id,
      role: member.role,
      teamIds: member.team_ids ?? [],
      sharing: [],
    };
    let at = now - Math.floor(rand() * 120) * DAY - Math.floor(rand() * 8) * 3_600_000;
    const clock = () => new Date(at);
    const deps = { db: ctx.db, keyring: ctx.keyring, audit: ctx.audit, clock };
    const cases = createCasesService(deps);
    const plan = createCasePlanService(deps, cases);
    let view = await cases.open(actor, { personId: person.id, includeSuggestedTasks: true });
    const openedOn = new Date(at);
    const due = (days: number) => new Date(openedOn.getTime() + days * DAY).toISOString().slice(0, 10);
    const catalogueTask = await plan.addTask(actor, view.id, {
      key: pick(CATALOGUE),
      ownerAccountId: actor.accountId,
      dueOn: due(7 + Math.floor(rand() * 30)),
    });
    if (rand() < 0.6)
      await plan.addTask(actor, view.id, {
        description: pick(OWN_TASKS),
        ownerAccountId: actor.accountId,
        dueOn: due(3 + Math.floor(rand() * 40)),
      });
    at += DAY;
    await plan.addNote(actor, view.id, { text: pick(NOTES) });
    const fate = rand();
    if (fate < 0.5) {
      at += 2 * DAY;
      await plan.updateTask(actor, view.id, catalogueTask.id, { version: catalogueTask.version, done: true });
      view = await cases.update(actor, view.id, { version: view.version, status: fate < 0.4 ? 'active' : 'on_hold' });
    } else if (fate < 0.7 && at + 10 * DAY < now) {
      at += 10 * DAY;
      await cases.close(actor, view.id, { version: view.version, reason: pick(CLOSE_REASONS) });
    }
    opened++;
  }
  return opened;
}
