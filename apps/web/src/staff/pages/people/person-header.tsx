// Who this is at a glance, under the name (UI.md, record page): age, sex in words (a child is
// "niña"/"niño"), nationality by name; the flags the screenings raised as badges; the open case's
// status and who carries it. Codes never reach the screen.
import { useTranslation } from 'react-i18next';
import { currentLanguage, plain } from '../../../i18n/i18n';
import type { Person } from './people-api';
import { usePersonCases } from './person-tabs-cases';
import { flagLabel, usePersonFlags } from './person-tabs-protection';
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
  return (
    <>
      {facts.length > 0 ? (
        <p className="person-header">
          {facts.map((fact) => (
            <span key={fact} className="person-header__fact">
              {fact}
            </span>
          ))}
        </p>
      ) : null}
      <PersonStatus personId={person.id} />
    </>
  );
}

/** The open case (status, caseworker) and the screening flags, as a line of badges. */
function PersonStatus({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cases = usePersonCases(personId);
  const flags = usePersonFlags(personId);
  const open = cases.data?.find((c) => c.status !== 'closed');
  const flagList = flags.data ?? [];
  if (!cases.isSuccess && flagList.length === 0) return null;
  return (
    <ul className="record-badges" aria-label={t('personTabs.statusLabel')}>
      {cases.isSuccess ? (
        <li className="record-badge">
          {open
            ? t('personTabs.caseStatus', {
                status: t(`cases.status.${open.status}`),
                owner: open.assignedName ?? t('personTabs.nobody'),
              })
            : t('personTabs.noOpenCase')}
        </li>
      ) : null}
      {flagList.map((flag) => (
        <li key={flag.flag} className={`record-badge record-badge--${flag.severity}`}>
          {flagLabel(flag, plain(t), language)}
        </li>
      ))}
    </ul>
  );
}
