// The case plan proposed at intake, before a case exists: the steps an unaccompanied or separated
// child's case must start with, the tasks the latest screenings suggest (each with the flag that
// raised it), and what the differentiated profile alone calls for (a chronic illness or a
// disability: a clinic referral; a pregnancy: antenatal care). The caseworker accepts or edits
// it; nothing is written here. Sorted by due date, the order the work will be done in.
import {
  caseTaskCatalogue,
  findQuestionnaire,
  initialPlanKeys,
  isCaseTaskKey,
  profileIndicators,
  suggestedDueDate,
  type Actor,
  type CaseTaskKey,
  type PlanProposal,
  type PlanProposalTask,
} from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { profileFlagsOf } from '../people/profile.service.ts';
import { latestPerQuestionnaire, screeningFactsOfPerson } from '../screening/screening-facts.ts';

type Localized = { es: string; en: string };

/** Profile indicators that call for a task even before (or without) a screening. */
const profileTasks: Record<string, CaseTaskKey> = {
  chronic_illness: 'clinic_referral',
  disability: 'clinic_referral',
  pregnant: 'antenatal_referral',
  trafficking_indicators: 'trafficking_referral',
};

const indicatorLabel = (key: string): Localized =>
  (profileIndicators.find((i) => i.key === key)?.label as Localized | undefined) ?? { es: key, en: key };

/** Pure: the proposal from the facts (exported for the rule tests). */
export function proposePlan(facts: {
  flags: readonly { flag: string; suggestedTasks: readonly string[]; explanation: Localized }[];
  profile: readonly string[];
  today: string;
}): PlanProposal {
  const byKey = new Map<CaseTaskKey, PlanProposalTask>();
  const add = (key: CaseTaskKey, source: PlanProposalTask['source'], reason: Localized, required = false) => {
    const found = byKey.get(key);
    if (found) {
      if (!found.reasons.some((r) => r.es === reason.es)) found.reasons.push(reason);
      found.required ||= required;
      return;
    }
    byKey.set(key, {
      key,
      label: { ...caseTaskCatalogue[key].label },
      dueOn: suggestedDueDate(key, facts.today),
      source,
      required,
      reasons: [reason],
    });
  };
  const childReason: Localized = {
    es: 'Niña, niño o adolescente no acompañado o separado',
    en: 'Unaccompanied or separated child',
  };
  for (const key of initialPlanKeys({ flags: facts.flags.map((f) => f.flag), profile: facts.profile }))
    add(key, 'best_interests', childReason, true);
  for (const flag of facts.flags)
    for (const key of flag.suggestedTasks) if (isCaseTaskKey(key)) add(key, 'screening', flag.explanation);
  for (const indicator of facts.profile) {
    const key = profileTasks[indicator];
    if (key) add(key, 'profile', indicatorLabel(indicator));
  }
  const order = Object.keys(caseTaskCatalogue);
  const tasks = [...byKey.values()].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || order.indexOf(a.key) - order.indexOf(b.key),
  );
  return { tasks };
}

export async function planProposalFor(
  deps: { db: Database; keyring: Keyring; audit: AuditWriter; clock: () => Date },
  actor: Actor,
  personId: string,
  meta: { ip?: string } = {},
): Promise<PlanProposal> {
  const person = await ownPersonFor(deps.db, actor, 'read', personId);
  const latest = latestPerQuestionnaire(await screeningFactsOfPerson(deps.db, deps.keyring, person.org_id, person.id));
  const flags = latest.flatMap((s) =>
    s.flags.map((f) => ({
      flag: f.flag,
      suggestedTasks: f.suggestedTasks,
      explanation: explanationOf(s.questionnaireId, s.questionnaireVersion, f.flag),
    })),
  );
  const profile = await profileFlagsOf(deps.db, deps.keyring, person.id, deps.clock());
  // The proposal shows screening flags and the profile: a read of that person's data.
  await deps.audit.record({
    actorAccountId: actor.accountId,
    actorOrgId: actor.orgId,
    action: 'case.plan_proposal_read',
    recordType: 'person',
    recordId: person.id,
    orgId: person.org_id,
    fields: ['screening.flags', 'profile'],
    ip: meta.ip ?? null,
  });
  return proposePlan({ flags, profile, today: deps.clock().toISOString().slice(0, 10) });
}

function explanationOf(questionnaireId: string, version: number, flag: string): Localized {
  const rule = findQuestionnaire(questionnaireId, version)?.rules.find((r) => r.flag === flag);
  return rule ? { es: rule.explanation.es, en: rule.explanation.en } : { es: flag, en: flag };
}
