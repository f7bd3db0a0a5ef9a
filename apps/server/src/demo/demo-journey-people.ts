// The two people the journeys expect a partner to hold already (every one invented):
// - journey 1: a "Dania Maradiaga" registered last month by the partner shelter in Tenosique,
//   who consented to sharing, so the Tapachula intake of Dania shows her as a possible duplicate;
// - journey 4: a "Kebin Alvarenga" registered by the partner shelter in Saltillo, who consented
//   to sharing, so the Choloma committee's report for Kevin finds him.
// Written through the people service as the partner's caseworker (encrypted, audited), dated in
// the past, with the consents recorded as a caseworker records them on screen.
import type { PersonCreate } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createPeopleService } from '../people/people.service.ts';
import { daysAgo, demoActor } from './demo-actors.ts';

interface JourneyPerson {
  caseworker: string;
  registeredDaysAgo: number;
  person: PersonCreate;
}

export const journeyPeople: Record<'dania' | 'kebin', JourneyPerson> = {
  dania: {
    caseworker: 'trabajo.social@caminodelrio.example',
    registeredDaysAgo: 33,
    person: {
      givenNames: 'Dania',
      surnames: 'Maradiaga',
      sex: 'F',
      birthDate: '1999-08-21',
      nationality: 'HN',
      origin: { country: 'HN', place: 'San Pedro Sula' },
    },
  },
  kebin: {
    caseworker: 'trabajo.social@sierramadre.example',
    registeredDaysAgo: 61,
    person: {
      givenNames: 'Kebin',
      surnames: 'Alvarenga',
      sex: 'M',
      birthDate: '2007-02-11',
      nationality: 'HN',
      origin: { country: 'HN', place: 'Choloma' },
    },
  },
};

/** Registers both; returns their ids (absent when the partner's caseworker does not exist). */
export async function seedJourneyPeople(ctx: AppContext): Promise<{ dania?: string; kebin?: string }> {
  const ids: { dania?: string; kebin?: string } = {};
  for (const key of ['dania', 'kebin'] as const) {
    const { caseworker, registeredDaysAgo, person } = journeyPeople[key];
    const actor = await demoActor(ctx, caseworker);
    if (!actor) continue;
    const people = createPeopleService({
      db: ctx.db,
      keyring: ctx.keyring,
      audit: ctx.audit,
      clock: daysAgo(ctx, registeredDaysAgo),
    });
    const created = await people.create(actor, person);
    for (const purpose of ['care', 'sharing'] as const)
      await people.consents.record(actor, created.id, { purpose, method: 'signed' }, null);
    ids[key] = created.id;
  }
  return ids;
}
