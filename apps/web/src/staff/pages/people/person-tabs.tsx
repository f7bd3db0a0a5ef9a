// The tabs of a person's page (UI.md "Record page"). Each module adds its sections to a tab here
// instead of living apart: `personTabSections` is the mount point, one list per tab, so a new
// module (intake's household and screening, reception, referrals, family separation) adds one
// import and one entry without touching the page.
import type { ComponentType } from 'react';
import type { Translate } from '../../../i18n/i18n';
import type { RecordTab } from '../../../shared/components/record-page';
import { HouseholdsSection } from '../households/households-section';
import { LinkedRecordsSection } from '../intake/linked-records-section';
import { useCan } from '../../session/capabilities';
import { PersonReturnSection } from '../reintegration/person-return-section';
import { PersonReferralsSection } from '../reintegration/person-referrals-section';
import { ConsentsSection } from './consents-section';
import { DataRightsSection } from './data-rights-section';
import type { Person } from './people-api';
import { PersonCases } from './person-tabs-cases';
import { PersonProtection } from './person-tabs-protection';
import { PersonDocuments, PersonSummaryTab } from './person-tabs-summary';
import { PhotoSection } from './photo-section';
import { ProceduresSection } from './procedures-section';

export const personTabIds = [
  'summary',
  'family',
  'case',
  'procedures',
  'protection',
  'documents',
  'consents',
  'referrals',
  'history',
] as const;
export type PersonTabId = (typeof personTabIds)[number];

/** What every section on a person's tab receives. */
export interface PersonSectionProps {
  person: Person;
  /** Reloads the person (after a change that moves its version). */
  reload: () => Promise<void>;
}

/**
 * Sections shown on each tab, in order, after the tab's own content. Modules register here;
 * the page renders only the selected tab, so a section's data loads when its tab is opened.
 */
export const personTabSections: Record<PersonTabId, ComponentType<PersonSectionProps>[]> = {
  summary: [],
  // Arrival date and the partners' records linked as the same person (intake), then households.
  family: [LinkedRecordsOnTab, ({ person }) => <HouseholdsSection personId={person.id} />],
  case: [({ person }) => <PersonCases personId={person.id} />],
  procedures: [({ person }) => <ProceduresSection personId={person.id} />],
  protection: [({ person }) => <PersonProtection personId={person.id} />],
  documents: [({ person }) => <PersonDocuments person={person} />, PhotoSectionOnTab],
  consents: [({ person }) => <ConsentsSection personId={person.id} />],
  // Reception, referrals and the family left behind (returns); other referral sections mount here too.
  referrals: [
    ({ person }) => <PersonReturnSection personId={person.id} />,
    // Referrals to any directory service outside a plan, external ones with their outcome (issue 16).
    ({ person }) => <PersonReferralsSection personId={person.id} />,
  ],
  history: [({ person }) => <DataRightsSection person={person} />],
};

function LinkedRecordsOnTab({ person }: PersonSectionProps) {
  return <LinkedRecordsSection personId={person.id} canUpdate={useCan('person.update')} />;
}

function PhotoSectionOnTab({ person, reload }: PersonSectionProps) {
  return <PhotoSection person={person} onChanged={reload} />;
}

export function personTabs(
  t: Translate,
  props: PersonSectionProps & { onSaved: (person: Person) => void },
): RecordTab[] {
  return personTabIds.map((id) => ({
    id,
    label: t(`personTabs.tabs.${id}`),
    render: () => (
      <>
        {id === 'summary' ? (
          <PersonSummaryTab person={props.person} onSaved={props.onSaved} reload={props.reload} />
        ) : null}
        {personTabSections[id].map((Section, index) => (
          <Section key={index} person={props.person} reload={props.reload} />
        ))}
      </>
    ),
  }));
}
