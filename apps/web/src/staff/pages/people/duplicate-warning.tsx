// Shown before a new person is saved when the organisation probably has them already: each
// likely record with the reasons the matching engine gives, a link to open it, and a way to go
// on registering when it is not the same person.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router';
import type { DuplicateCandidate } from './people-api';

interface Props {
  candidates: DuplicateCandidate[];
  onNotTheSame: () => void;
}

export function DuplicateWarning({ candidates, onNotTheSame }: Props) {
  const { t } = useTranslation();
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
      <p>{t('people.duplicates.intro')}</p>
      <ul className="duplicate-warning__list">
        {candidates.map((c) => (
          <li key={c.person.id}>
            <p>
              <strong>{`${c.person.givenNames} ${c.person.surnames}`.trim()}</strong>
              {c.person.birthYear ? ` · ${t('people.duplicates.born', { year: c.person.birthYear })}` : ''}
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
                .map((r) => t(`people.duplicates.fields.${r.field}`, { defaultValue: r.field }))
                .join(', ')}
            </p>
            {c.organisation ? (
              <p className="muted">{t('partnerDuplicates.noLink')}</p>
            ) : (
              <Link to={`/people/${c.person.id}`}>{t('people.duplicates.open')}</Link>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={onNotTheSame}>
        {t('people.duplicates.notTheSame')}
      </button>
    </section>
  );
}
