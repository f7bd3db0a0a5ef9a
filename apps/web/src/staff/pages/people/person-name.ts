// How a person's name is shown: given names then surnames, or a placeholder when none is known.
import type { TFunction } from 'i18next';

export function personName(person: { givenNames: string; surnames: string }, t: TFunction): string {
  const name = `${person.givenNames} ${person.surnames}`.trim();
  return name === '' ? t('people.unnamed') : name;
}
