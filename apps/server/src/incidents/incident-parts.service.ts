// The parts of an event: victims (a linked person with consent, or anonymous counts),
// perpetrators (institution from the hierarchy, unit and individuals encrypted), acts (type from
// the vocabulary, linking victims and perpetrators of the same event) and complaints with their
// status history. Each addition is one transaction with its audit entry; nothing is half-saved.
import type { Actor } from '@acompana/core';
import {
  INSTITUTION_VOCABULARY_VERSION,
  VIOLATION_VOCABULARY_VERSION,
  type ActCreate,
  type ComplaintCreate,
  type ComplaintStatusChange,
  type Incident,
  type PerpetratorCreate,
  type VictimCreate,
} from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { seal } from './incident-crypto.ts';
import { checkActType, checkInstitution, checkPlace, normaliseDate } from './incident-input.ts';
import type { IncidentsDeps, IncidentsService, Meta } from './incidents.service.ts';
import * as q from './incidents.queries.ts';
import * as cq from './complaints.queries.ts';
import { computeComplaintDeadline } from './complaint-deadline.ts';

export function createIncidentPartsService({ db, keyring, audit }: IncidentsDeps, incidents: IncidentsService) {
  /** Runs a change to an event with its audit entry, then returns the event as it now is. */
  async function change(
    actor: Actor,
    event: q.EventRow,
    action: string,
    fields: string[],
    meta: Meta,
    write: (tx: Queryable) => Promise<void>,
  ): Promise<Incident> {
    await db.transaction(async (tx) => {
      await write(tx);
      await q.touchEvent(tx, event.id);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action,
        recordType: 'incident',
        recordId: event.id,
        orgId: event.org_id,
        fields,
        ip: meta.ip ?? null,
      });
    });
    return incidents.view((await q.findEvent(db, event.id)) as q.EventRow);
  }

  async function addVictim(actor: Actor, eventId: string, input: VictimCreate, meta: Meta = {}): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    let sex: string = input.sex;
    let nationality = input.nationality ?? null;
    if (input.personId) {
      // The event is of the actor's organisation (loadFor), so the person must be too.
      const person = await ownPersonFor(db, actor, 'read', input.personId, { field: 'personId' });
      if (!input.consent) throw new AppError('incidents.consent_required', { field: 'consent' });
      if (input.count !== 1)
        throw new AppError('validation.invalid_value', { field: 'count', params: { field: 'count' } });
      // Coarse fields of the person record, for statistics by sex and nationality.
      sex = person.sex ?? sex;
      nationality = person.nationality ?? nationality;
    }
    return change(
      actor,
      event,
      'incident.victim_add',
      input.personId ? ['victims.person_id'] : ['victims.count'],
      meta,
      async (tx) => {
        await q.insertVictim(tx, {
          eventId,
          orgId: event.org_id,
          personId: input.personId ?? null,
          consent: input.consent?.method ?? null,
          by: actor.accountId,
          count: input.count,
          sex,
          ageGroup: input.ageGroup,
          nationality,
        });
      },
    );
  }

  async function addPerpetrator(
    actor: Actor,
    eventId: string,
    input: PerpetratorCreate,
    meta: Meta = {},
  ): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    checkInstitution(input.institution, 'institution');
    checkInstitution(input.suspectedInstitution, 'suspectedInstitution');
    const unit = await seal(keyring, event.org_id, 'incident_perpetrators', 'unit', input.unit);
    const individuals = await seal(
      keyring,
      event.org_id,
      'incident_perpetrators',
      'individuals',
      input.individuals?.length ? JSON.stringify(input.individuals) : undefined,
    );
    const fields = [
      'perpetrators.institution',
      ...(unit ? ['perpetrators.unit'] : []),
      ...(individuals ? ['perpetrators.individuals'] : []),
    ];
    return change(actor, event, 'incident.perpetrator_add', fields, meta, async (tx) => {
      await q.insertPerpetrator(tx, {
        eventId,
        orgId: event.org_id,
        institution: input.institution,
        suspected: input.suspectedInstitution ?? null,
        attribution: input.institution === 'unknown' && !input.suspectedInstitution ? 'possible' : input.attribution,
        version: INSTITUTION_VOCABULARY_VERSION,
        unit,
        individuals,
      });
    });
  }

  async function addAct(actor: Actor, eventId: string, input: ActCreate, meta: Meta = {}): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    checkActType(input.type);
    const victimIds = [...new Set(input.victimIds)];
    const perpetratorIds = [...new Set(input.perpetratorIds)];
    if (victimIds.length === 0) throw new AppError('incidents.act_without_victim', { field: 'victimIds' });
    if ((await q.countOwnIds(db, 'incident_victims', eventId, victimIds)) !== victimIds.length)
      throw new AppError('incidents.not_in_event', { field: 'victimIds' });
    if ((await q.countOwnIds(db, 'incident_perpetrators', eventId, perpetratorIds)) !== perpetratorIds.length)
      throw new AppError('incidents.not_in_event', { field: 'perpetratorIds' });
    const date = input.date ? normaliseDate(input.date, 'date.date') : undefined;
    checkPlace(input.place);
    return change(actor, event, 'incident.act_add', ['acts.type'], meta, async (tx) => {
      await q.insertAct(tx, {
        eventId,
        orgId: event.org_id,
        type: input.type,
        version: VIOLATION_VOCABULARY_VERSION,
        date: date?.date ?? null,
        precision: date?.precision ?? null,
        stateCode: input.place?.stateCode ?? event.state_code,
        municipalityCode: input.place?.municipalityCode ?? (input.place ? null : event.municipality_code),
        victimIds,
        perpetratorIds,
      });
    });
  }

  async function addComplaint(
    actor: Actor,
    eventId: string,
    input: ComplaintCreate,
    meta: Meta = {},
  ): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    normaliseDate({ date: input.filedOn, precision: 'day' }, 'filedOn');
    const fileNumber = await seal(keyring, event.org_id, 'incident_complaints', 'file_number', input.fileNumber);
    const deadline = input.deadline ? await computeComplaintDeadline(db, input.deadline) : undefined;
    return change(
      actor,
      event,
      'incident.complaint_add',
      ['complaints.authority', ...(fileNumber ? ['complaints.file_number'] : [])],
      meta,
      async (tx) => {
        await cq.insertComplaint(tx, {
          eventId,
          orgId: event.org_id,
          authority: input.authority,
          authorityState: input.authorityState ?? null,
          fileNumber,
          filedOn: input.filedOn,
          nextDeadline: input.nextDeadline ?? null,
          by: actor.accountId,
          deadline,
        });
      },
    );
  }

  async function changeComplaintStatus(
    actor: Actor,
    eventId: string,
    complaintId: string,
    input: ComplaintStatusChange,
    meta: Meta = {},
  ): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    const complaint = await cq.findComplaint(db, eventId, complaintId);
    if (!complaint) throw new AppError('record.not_found');
    normaliseDate({ date: input.changedOn, precision: 'day' }, 'changedOn');
    const outcome =
      input.outcome === undefined
        ? undefined
        : await seal(keyring, event.org_id, 'incident_complaints', 'outcome', input.outcome);
    const deadline = input.deadline ? await computeComplaintDeadline(db, input.deadline) : input.deadline;
    return change(
      actor,
      event,
      'incident.complaint_status',
      ['complaints.status', ...(input.outcome !== undefined ? ['complaints.outcome'] : [])],
      meta,
      async (tx) => {
        const changed = await cq.changeStatus(tx, {
          id: complaintId,
          version: input.version,
          status: input.status,
          changedOn: input.changedOn,
          nextDeadline: input.nextDeadline,
          outcome,
          by: actor.accountId,
          deadline,
          outcomeKind: input.outcomeKind,
        });
        if (changed === 0) throw new AppError('record.conflict', { field: 'version', params: { fields: 'status' } });
      },
    );
  }

  return { addVictim, addPerpetrator, addAct, addComplaint, changeComplaintStatus };
}
