// Who this is at a glance, under the name (UI.md, record page): age, sex in words (a child is
// "niña"/"niño"), nationality by name. Codes never reach the screen.
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import type { Person } from './people-api';
import { countryName } from './reference-data';

/** Whole years between a birth date (or year) and today; null when unknown. */
export function ageOf(person: Pick<Person, 'birthDate' | 'birthYear'>, today = new Date()): number | null {
  if (person.birthDate) {
    const [y, m, d] = person.birthDate.split('-').map(Number) as [number, number, number];
    let age = today.getFullYear() - y;
    if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
    return age >= 0 ? age : null;
  }
  if (person.birthYear) return Math.max(0, today.getFullYear() - person.birthYear);
  return null;
}

export function PersonHeader({ person }: { person: Person }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const age = ageOf(person);
  const facts: string[] = [];
  if (person.sex) {
    const child = age !== null && age < 18;
    facts.push(child ? t(`staffApp.person.child.${person.sex}`) : t(`people.sex.${person.sex}`));
  }
  if (age !== null)
    facts.push(
      person.birthDate || !person.birthYearEstimated
        ? t('staffApp.person.age', { count: age })
        : t('staffApp.person.ageAbout', { count: age }),
    );
  if (person.nationality) facts.push(countryName(person.nationality, language));
  if (person.genderIdentity) facts.push(person.genderIdentity);
  if (facts.length === 0) return null;
  return (
    <p className="person-header">
      {facts.map((fact) => (
        <span key={fact} className="person-header__fact">
          {fact}
        </span>
      ))}
    </p>
  );
}
