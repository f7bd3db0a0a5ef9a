// The intake of people who arrived together, in one step (decision 0136): each member is a new
// record, or this organisation's existing record of them (what was typed fills its blanks), and
// may be linked to a partner's record of the same person; their differentiated profile, their
// consents, the household with relationships and the responsible adult of each child, and the
// arrival date. Everything is checked before the first write, so a refused intake writes
// nothing; the writes then go through each module's service (each audited as usual), all in one
// database transaction (intake-transaction.ts): a failure half-way leaves nothing behind. The
// intake itself is audited once with what it did.
import {
  ADULT_AGE,
  householdIssues,
  type Actor,
  type IntakeCreate,
  type IntakeResult,
  type MemberFacts,
  type PersonCreate,
  intakeCreateSchema,
  validatePersonInput,
} from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError, throwProblems, type Problem } from '../kernel/errors.ts';
import { createPeopleService } from '../people/people.service.ts';
import { createProfileService } from '../people/profile.service.ts';
import { createPersonLinks, mergeIntoExisting } from '../people/person-links.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { createHouseholdsService } from './households.service.ts';
import { auditInTransaction, databaseInTransaction } from './intake-transaction.ts';

type Deps = { db: Database; keyring: Keyring; audit: AuditWriter; clock: () => Date };
type Meta = { ip?: string };

const birthYearOf = (p: PersonCreate | undefined, year: number): number | null =>
  p?.birthDate ? Number(p.birthDate.slice(0, 4)) : p?.estimatedAge !== undefined ? year - p.estimatedAge : null;

/** The services the intake writes through, on the given handle (the intake's transaction). */
function servicesOn(deps: Deps) {
  return {
    people: createPeopleService(deps),
    profiles: createProfileService(deps),
    links: createPersonLinks(deps),
    households: createHouseholdsService(deps),
  };
}

export function createFamilyIntake(deps: Deps) {
  async function register(actor: Actor, raw: IntakeCreate, meta: Meta = {}): Promise<IntakeResult> {
    const input = intakeCreateSchema.parse(raw);
    if (!actor.orgId) throw new AppError('policy.denied');
    const today = deps.clock().toISOString().slice(0, 10);
    // Every problem of the form's own fields at once (arrival, each new member's record, named at
    // that member's field), before anyone is written, so that each shows at its field.
    const problems: Problem[] = [];
    if (input.arrivedOn > today) problems.push({ code: 'intake.arrival_in_future', field: 'arrivedOn' });
    for (const [i, m] of input.members.entries()) {
      if (!m.person && !m.existingPersonId)
        problems.push({ code: 'intake.member_person_required', field: `members.${i}.person` });
      else if (m.person && !m.existingPersonId)
        for (const issue of validatePersonInput(m.person, today, { creating: true }))
          problems.push({ code: issue.code, field: `members.${i}.person.${issue.field}`, params: issue.params });
    }
    throwProblems(problems);
    const year = deps.clock().getUTCFullYear();
    // Checked before any write: each member is either new or existing, existing ones readable,
    // and the household the members would form is valid (a child has a responsible adult…).
    const ages: (number | null)[] = [];
    for (const [i, m] of input.members.entries()) {
      if (m.existingPersonId) {
        const row = await ownPersonFor(deps.db, actor, 'update', m.existingPersonId, {
          field: `members.${i}.existingPersonId`,
        });
        ages.push(row.birth_year === null ? birthYearOf(m.person, year) : Number(row.birth_year));
      } else ages.push(birthYearOf(m.person, year));
    }
    const ageAt = (i: number) => (ages[i] === null ? null : year - (ages[i] as number));
    const reference = 0;
    const responsibleFor = (i: number) => {
      const age = ageAt(i);
      return i !== reference && age !== null && age < ADULT_AGE ? 'ref' : null;
    };
    if (input.members.length > 1) {
      const facts: MemberFacts[] = input.members.map((m, i) => ({
        personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        relationship: i === reference ? 'self' : m.relationship,
        responsibleAdultId: responsibleFor(i) ? '00000000-0000-4000-8000-000000000000' : null,
        age: ageAt(i),
      }));
      const issue = householdIssues(facts)[0];
      if (issue) {
        const index = Number(/\[(\d+)\]/.exec(issue.field)?.[1] ?? 0);
        throw new AppError(issue.code, { field: `members.${index}.relationship`, params: { ...issue.params } });
      }
    }

    // The data keys are read before the transaction (the keyring reads them on its own handle).
    await deps.keyring.currentDataKeyVersion(actor.orgId);
    // The writes, through each module's service on the intake's one transaction.
    async function write(txDeps: Deps, tx: Queryable): Promise<IntakeResult> {
      const { people, profiles, links, households } = servicesOn(txDeps);
      const out: IntakeResult['people'] = [];
      const names: string[] = [];
      for (const m of input.members) {
        let personId: string;
        if (m.existingPersonId) {
          const existing = await people.get(actor, m.existingPersonId, meta);
          if (m.person)
            await mergeIntoExisting(
              { ...txDeps, people },
              actor,
              existing.id,
              { version: existing.version, typed: m.person },
              meta,
            );
          personId = existing.id;
          names.push(`${existing.givenNames} ${existing.surnames}`.trim());
        } else {
          const person = m.person as PersonCreate;
          const created = await people.create(actor, person, meta);
          personId = created.id;
          names.push(`${created.givenNames} ${created.surnames}`.trim());
        }
        if (m.indicators.length > 0 || m.profileNotes) {
          const current = await people.get(actor, personId, meta);
          await profiles.put(
            actor,
            personId,
            {
              version: current.version,
              indicators: m.indicators,
              ...(m.profileNotes ? { notes: m.profileNotes } : {}),
            },
            meta,
          );
        }
        if (m.linkPartnerPersonId) await links.link(actor, personId, m.linkPartnerPersonId, meta);
        out.push({ personId, created: !m.existingPersonId, linked: Boolean(m.linkPartnerPersonId) });
      }

      // Consents: the adult gives her own; a child's is given by the responsible adult.
      for (const [i, p] of out.entries())
        for (const purpose of input.consents) {
          const child = responsibleFor(i) !== null;
          await people.consents.record(
            actor,
            p.personId,
            child
              ? { purpose, method: 'by_guardian', witnessName: names[reference] as string }
              : {
                  purpose,
                  method: input.consentMethod === 'by_guardian' ? 'signed' : input.consentMethod,
                  ...(input.witnessName ? { witnessName: input.witnessName } : {}),
                },
            meta.ip ?? null,
          );
        }

      let householdId: string | null = null;
      const referenceId = (out[reference] as { personId: string }).personId;
      if (out.length > 1) {
        const household = await households.create(
          actor,
          {
            kind: input.kind,
            members: out.map((p, i) => ({
              personId: p.personId,
              relationship: i === reference ? 'self' : (input.members[i]?.relationship ?? 'other'),
              responsibleAdultId: responsibleFor(i) ? referenceId : null,
            })),
          },
          meta,
        );
        householdId = household.id;
      }
      for (const p of out)
        await tx.query(
          'INSERT INTO intake_arrivals (org_id, person_id, household_id, arrived_on, recorded_by) VALUES ($1, $2, $3, $4, $5)',
          [actor.orgId, p.personId, householdId, input.arrivedOn, actor.accountId],
        );
      await deps.audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'intake.create',
        recordType: householdId ? 'household' : 'person',
        recordId: householdId ?? referenceId,
        orgId: actor.orgId as string,
        fields: ['intake_arrivals', ...(householdId ? ['household'] : [])],
        ip: meta.ip ?? null,
        details: {
          people: out.map((p) => p.personId).join(','),
          created: out.filter((p) => p.created).length,
          linked: out.filter((p) => p.linked).length,
          arrivedOn: input.arrivedOn,
        },
      });
      return { householdId, people: out };
    }

    // Everything is one transaction: records, profiles, links, consents, the household and its
    // relationships, the arrival and the intake's audit entry, or none of them.
    return deps.db.transaction((tx) =>
      write({ ...deps, db: databaseInTransaction(deps.db, tx), audit: auditInTransaction(deps.audit, tx) }, tx),
    );
  }

  /** The latest arrival of a person (for the record's header). */
  async function arrivalOf(actor: Actor, personId: string): Promise<string | null> {
    const person = await ownPersonFor(deps.db, actor, 'read', personId);
    const { rows } = await deps.db.query<{ arrived_on: string }>(
      "SELECT to_char(arrived_on, 'YYYY-MM-DD') AS arrived_on FROM intake_arrivals WHERE person_id = $1 ORDER BY arrived_on DESC LIMIT 1",
      [person.id],
    );
    return rows[0]?.arrived_on ?? null;
  }

  return { register, arrivalOf };
}
