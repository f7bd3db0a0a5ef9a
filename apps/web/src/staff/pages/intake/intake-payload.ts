// From the intake form to the API: the members (the adult first, then each child), what the
// duplicate check is asked for each, and the decisions "es la misma persona" applied.
import type { PersonCreate } from '../people/people-api';
import type { SamePerson } from '../people/duplicate-warning';
import type { ChildDraft } from './children-fieldset';
import type { IntakeCreate, IntakeMember } from './intake-api';
import type { IntakeExtrasValue } from './intake-extras';

const filled = (s: string) => (s.trim() ? s.trim() : undefined);

export function childPerson(child: ChildDraft, nationality: string | undefined): PersonCreate {
  const body: PersonCreate = {};
  const given = filled(child.givenNames);
  if (given) body.givenNames = given;
  const first = filled(child.firstSurname);
  if (first) body.firstSurname = first;
  const second = filled(child.secondSurname);
  if (second) body.secondSurname = second;
  if (child.sex) body.sex = child.sex;
  if (child.birthDate) body.birthDate = child.birthDate;
  else if (child.estimatedAge) body.estimatedAge = Number(child.estimatedAge);
  if (nationality) body.nationality = nationality;
  return body;
}

export function displayName(person: PersonCreate): string {
  return [person.givenNames, person.firstSurname, person.secondSurname].filter(Boolean).join(' ').trim() || '—';
}

export function intakePayload(
  adult: PersonCreate,
  extras: IntakeExtrasValue,
  decisions: Record<number, SamePerson | undefined>,
): IntakeCreate {
  const people = [adult, ...extras.children.map((c) => childPerson(c, adult.nationality))];
  const members: IntakeMember[] = people.map((person, i) => {
    const child = i === 0 ? undefined : extras.children[i - 1];
    const decision = decisions[i];
    const indicators = (i === 0 ? [...extras.indicators] : (child?.indicators ?? [])) as IntakeMember['indicators'];
    const notes = i === 0 ? extras.condition : (child?.condition ?? '');
    return {
      ...(decision?.kind === 'merge' ? { existingPersonId: decision.personId, person } : { person }),
      ...(decision?.kind === 'link' ? { linkPartnerPersonId: decision.personId } : {}),
      relationship: i === 0 ? 'self' : (child?.relationship ?? 'child'),
      indicators,
      ...(notes.trim() ? { profileNotes: notes.trim() } : {}),
    };
  });
  return {
    arrivedOn: extras.arrivedOn,
    kind: 'family',
    members,
    consents: [...extras.consents],
    consentMethod: extras.consentMethod,
    ...(extras.consentMethod === 'oral_with_witness' && extras.witnessName.trim()
      ? { witnessName: extras.witnessName.trim() }
      : {}),
  };
}
