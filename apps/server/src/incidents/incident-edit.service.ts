// Editing an event (optimistic concurrency on its version) and the protection-measures log of
// threats and attacks against defenders: a measure is requested from an authority, then
// granted, implemented, denied or lifted; every stage keeps who recorded it and on which date.
import type { Actor, IncidentUpdate, ProtectionMeasureCreate, ProtectionStageChange, Incident } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { seal } from './incident-crypto.ts';
import { checkPeriod, checkPlace, normaliseDate } from './incident-input.ts';
import type { IncidentsDeps, IncidentsService, Meta } from './incidents.service.ts';
import * as q from './incidents.queries.ts';
import * as pq from './protection.queries.ts';

export function createIncidentEditService({ db, keyring, audit }: IncidentsDeps, incidents: IncidentsService) {
  async function update(actor: Actor, eventId: string, input: IncidentUpdate, meta: Meta = {}): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    const org = event.org_id;
    const changes: q.EventChanges = {};
    const start = input.start
      ? normaliseDate(input.start, 'start.date')
      : { date: event.start_date, precision: event.start_precision as 'day' };
    const end =
      input.end === null
        ? undefined
        : input.end
          ? normaliseDate(input.end, 'end.date')
          : event.end_date
            ? { date: event.end_date }
            : undefined;
    checkPeriod(start, end);
    if (input.start) Object.assign(changes, { startDate: start.date, startPrecision: start.precision });
    if (input.end === null) Object.assign(changes, { endDate: null, endPrecision: null });
    else if (input.end) Object.assign(changes, { endDate: end?.date, endPrecision: input.end.precision });
    if (input.place) {
      checkPlace(input.place);
      Object.assign(changes, {
        country: input.place.country,
        stateCode: input.place.stateCode ?? null,
        municipalityCode: input.place.municipalityCode ?? null,
        locality: await seal(keyring, org, 'incident_events', 'locality', input.place.locality),
        coordinates: await seal(
          keyring,
          org,
          'incident_events',
          'coordinates',
          input.place.coordinates ? JSON.stringify(input.place.coordinates) : undefined,
        ),
      });
    }
    if (input.title !== undefined)
      changes.title = (await seal(keyring, org, 'incident_events', 'title', input.title)) as Buffer;
    if (input.narrative !== undefined)
      changes.narrative = await seal(keyring, org, 'incident_events', 'narrative', input.narrative);
    if (input.routeSegment !== undefined) changes.routeSegment = input.routeSegment;
    if (input.contextTags) changes.contextTags = [...new Set(input.contextTags)];
    if (input.confidentiality) changes.confidentiality = input.confidentiality;
    if (input.againstDefenders !== undefined) changes.againstDefenders = input.againstDefenders;
    const fields = Object.keys(changes);
    await db.transaction(async (tx) => {
      if ((await q.updateEvent(tx, eventId, input.version, changes)) === 0)
        throw new AppError('record.conflict', { field: 'version', params: { fields: fields.join(', ') } });
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'incident.update',
        recordType: 'incident',
        recordId: eventId,
        orgId: org,
        fields,
        ip: meta.ip ?? null,
      });
    });
    return incidents.view((await q.findEvent(db, eventId)) as q.EventRow);
  }

  async function addMeasure(
    actor: Actor,
    eventId: string,
    input: ProtectionMeasureCreate,
    meta: Meta = {},
  ): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    normaliseDate({ date: input.on, precision: 'day' }, 'on');
    const details = await seal(keyring, event.org_id, 'incident_protection_measures', 'details', input.details);
    await db.transaction(async (tx) => {
      await pq.insertMeasure(tx, {
        eventId,
        orgId: event.org_id,
        measure: input.measure,
        authority: input.authority,
        details,
        stage: input.stage,
        on: input.on,
        by: actor.accountId,
      });
      await q.touchEvent(tx, eventId);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'incident.protection_add',
        recordType: 'incident',
        recordId: eventId,
        orgId: event.org_id,
        fields: ['protection.measure', ...(details ? ['protection.details'] : [])],
        ip: meta.ip ?? null,
      });
    });
    return incidents.view((await q.findEvent(db, eventId)) as q.EventRow);
  }

  async function changeMeasureStage(
    actor: Actor,
    eventId: string,
    measureId: string,
    input: ProtectionStageChange,
    meta: Meta = {},
  ): Promise<Incident> {
    const event = await incidents.loadFor(actor, 'update', eventId);
    const measure = await pq.findMeasure(db, eventId, measureId);
    if (!measure) throw new AppError('record.not_found');
    normaliseDate({ date: input.on, precision: 'day' }, 'on');
    const note = await seal(keyring, event.org_id, 'incident_protection_history', 'note', input.note);
    await db.transaction(async (tx) => {
      const changed = await pq.changeStage(tx, {
        id: measureId,
        orgId: event.org_id,
        version: input.version,
        stage: input.stage,
        on: input.on,
        note,
        by: actor.accountId,
      });
      if (changed === 0) throw new AppError('record.conflict', { field: 'version', params: { fields: 'stage' } });
      await q.touchEvent(tx, eventId);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'incident.protection_stage',
        recordType: 'incident',
        recordId: eventId,
        orgId: event.org_id,
        fields: ['protection.stage', ...(note ? ['protection.note'] : [])],
        ip: meta.ip ?? null,
        details: { measureId, stage: input.stage },
      });
    });
    return incidents.view((await q.findEvent(db, eventId)) as q.EventRow);
  }

  return { update, addMeasure, changeMeasureStage };
}
