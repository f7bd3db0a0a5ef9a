// Shown before new people are saved when they are probably registered already: for each person
// typed (the adult and each child), the likely records with the reasons the matching engine
// gives; this organisation's records and partners' records shared for search with the person's
// consent. "Es la misma persona" links a partner's record (nothing is copied) or uses this
// organisation's record (what was typed fills its blanks); otherwise a new record is made.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router';
import { countryName } from './reference-data';
import { currentLanguage } from '../../../i18n/i18n';
import type { DuplicateCandidate } from './people-api';

export type SamePerson = { kind: 'link' | 'merge'; personId: string; version: number };

export interface DuplicateGroup {
  member: number;
  typedName: string;
  candidates: DuplicateCandidate[];
}

interface Props {
  groups: DuplicateGroup[];
  decisions: Record<number, SamePerson | undefined>;
  onDecide: (member: number, decision: SamePerson | undefined) => void;
  onContinue: () => void;
  onBack: () => void;
  busy: boolean;
}

export function DuplicateWarning({ groups, decisions, onDecide, onContinue, onBack, busy }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      className="alert alert--warning duplicate-warning"
      tabIndex={-1}
      aria-labelledby="duplicate-warning-title"
    >
      <h2 id="duplicate-warning-title">{t('people.duplicates.title')}</h2>
      <p>{t('intake.duplicates.intro')}</p>
      {groups.map((group) => (
        <div key={group.member} className="duplicate-warning__group">
          <h3>{t('intake.duplicates.for', { name: group.typedName })}</h3>
          <ul className="duplicate-warning__list">
            {group.candidates.map((c) => {
              const partner = Boolean(c.organisation);
              const chosen = decisions[group.member]?.personId === c.person.id;
              const name = `${c.person.givenNames} ${c.person.surnames}`.trim();
              return (
                <li key={c.person.id}>
                  <p>
                    <strong>{name}</strong>
                    {c.person.birthYear ? ` · ${t('people.duplicates.born', { year: c.person.birthYear })}` : ''}
                    {c.person.nationality ? ` · ${countryName(c.person.nationality, language)}` : ''}
                    {' · '}
                    {t(c.decision === 'match' ? 'people.duplicates.likely' : 'people.duplicates.possible')}
                    {c.organisation ? (
                      <>
                        {' · '}
                        <span className="badge badge--partner">
                          {t('partnerDuplicates.from', { organisation: c.organisation.name })}
                        </span>
                      </>
                    ) : null}
                  </p>
                  <p>
                    {t('people.duplicates.reasons')}{' '}
                    {c.reasons
                      .filter((r) => r.weight > 0)
                      .map((r) => t(`people.duplicates.fields.${r.field}`, { defaultValue: r.label }))
                      .join(', ')}
                  </p>
                  <p className="muted">{t(partner ? 'intake.duplicates.linkHint' : 'intake.duplicates.mergeHint')}</p>
                  <p className="form__actions">
                    <button
                      type="button"
                      className={chosen ? 'button button--primary' : 'button'}
                      aria-pressed={chosen}
                      onClick={() =>
                        onDecide(
                          group.member,
                          chosen
                            ? undefined
                            : { kind: partner ? 'link' : 'merge', personId: c.person.id, version: c.person.version },
                        )
                      }
                    >
                      {t(partner ? 'intake.duplicates.link' : 'intake.duplicates.merge', { name })}
                    </button>
                    {partner ? null : <Link to={`/people/${c.person.id}`}>{t('people.duplicates.open')}</Link>}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onContinue}>
          {busy ? t('people.register.submitting') : t('intake.duplicates.continue')}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('intake.duplicates.back')}
        </button>
      </p>
    </section>
  );
}
