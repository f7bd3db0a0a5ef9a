// Finds a person of the organisation by name (the people module's tolerant search) and hands the
// chosen one to the form. Used by the reception and consular-request forms.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField } from '../people/form-fields';
import { peopleApi } from '../people/people-api';
import type { PersonSummary } from '../people/people-api';

export interface PickedPerson {
  id: string;
  name: string;
}

export function PersonPicker({
  idPrefix,
  picked,
  onPick,
}: {
  idPrefix: string;
  picked: PickedPerson | null;
  onPick: (p: PickedPerson | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setFound((await peopleApi.list({ q })).items);
    } catch (e) {
      setError(e);
    }
  }

  if (picked) {
    return (
      <p className="picked-person">
        <strong>{t('reintegration.person')}:</strong> {picked.name}{' '}
        <button type="button" className="button button--quiet button--small" onClick={() => onPick(null)}>
          {t('reintegration.changePerson')}
        </button>
      </p>
    );
  }
  return (
    <form className="search-form" role="search" aria-label={t('reintegration.findPerson')} onSubmit={search}>
      <InputField
        id={`${idPrefix}-q`}
        type="search"
        label={t('reintegration.findPerson')}
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
      />
      <div className="search-form__submit">
        <button type="submit" className="button">
          {t('reintegration.search')}
        </button>
      </div>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {found ? (
        found.length === 0 ? (
          <p role="status">{t('reintegration.noPeople')}</p>
        ) : (
          <ul className="pick-list">
            {found.slice(0, 10).map((p) => {
              const name = `${p.givenNames} ${p.surnames}`.trim();
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => onPick({ id: p.id, name })}
                  >
                    {t('reintegration.choose', { name })}
                  </button>
                  {p.birthYear ? <span className="muted"> · {p.birthYear}</span> : null}
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </form>
  );
}
