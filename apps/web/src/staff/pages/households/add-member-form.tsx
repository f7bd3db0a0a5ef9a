// Adding a member to a household: search people by name (the tolerant search of the people
// list), choose one, their relationship to the reference person and, for a child, the
// responsible adult among the household's adults. Errors name the field the server rejected.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage, failureAt, formFailure, type FormFailure } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { peopleApi, type PersonSummary } from '../people/people-api';
import { householdsApi, memberRelationships, type Household, type Relationship } from '../people/profile-api';

const ADULT = 18;

export function AddMemberForm({
  household,
  title,
  onChanged,
}: {
  household: Household;
  title: string;
  onChanged: (h: Household) => void;
}) {
  const { t } = useTranslation();
  const prefix = `add-${household.id}`;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonSummary[] | null>(null);
  const [personId, setPersonId] = useState('');
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [responsible, setResponsible] = useState('');
  // Each field the server refused shows its message there; anything else at the top.
  const [error, setError] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const members = new Set(household.members.map((m) => m.personId));
  const adults = household.members.filter((m) => m.age !== null && m.age >= ADULT && !m.restricted);

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const found = (await peopleApi.list({ q: query })).items.filter((p) => !members.has(p.id));
      setResults(found);
      setPersonId(found[0]?.id ?? '');
    } catch (e) {
      setError({ message: errorMessage(e, t), fields: [] });
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!personId || !relationship) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await householdsApi.addMember(household.id, {
          version: household.version,
          personId,
          relationship,
          ...(responsible ? { responsibleAdultId: responsible } : {}),
        }),
      );
      setResults(null);
      setQuery('');
      setRelationship('');
      setResponsible('');
    } catch (e) {
      setError(formFailure(e, t));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => failureAt(error, field);
  return (
    <div className="household-add">
      <h4 id={`${prefix}-title`}>{title}</h4>
      <form
        className="form inline-form"
        role="search"
        aria-labelledby={`${prefix}-title`}
        noValidate
        onSubmit={(e) => void search(e)}
      >
        <div className="field-row">
          <InputField
            id={`${prefix}-q`}
            label={t('households.search')}
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="button button--quiet">
            {t('households.searchButton')}
          </button>
        </div>
      </form>
      {results && results.length === 0 ? <p className="muted">{t('households.noResults')}</p> : null}
      {error && error.fields.length === 0 ? <Alert tone="error">{error.message}</Alert> : null}
      {results && results.length > 0 ? (
        <form className="form inline-form" aria-labelledby={`${prefix}-title`} noValidate onSubmit={(e) => void add(e)}>
          <div className="field-row">
            <SelectField
              id={`${prefix}-person`}
              label={t('households.person')}
              value={personId}
              error={fieldError('personId')}
              onChange={(e) => setPersonId(e.target.value)}
            >
              {results.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.givenNames} ${p.surnames}`.trim()}
                  {p.birthYear ? ` (${p.birthYear})` : ''}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${prefix}-relationship`}
              label={t('households.relationship')}
              value={relationship}
              error={fieldError('relationship')}
              onChange={(e) => setRelationship(e.target.value as Relationship)}
            >
              <option value="">{t('households.choose')}</option>
              {memberRelationships.map((r) => (
                <option key={r} value={r}>
                  {t(`households.relationships.${r}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${prefix}-responsible`}
              label={t('households.responsible')}
              value={responsible}
              error={fieldError('responsibleAdultId')}
              onChange={(e) => setResponsible(e.target.value)}
            >
              <option value="">{t('households.noResponsible')}</option>
              {adults.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {`${m.givenNames} ${m.surnames}`.trim()}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy || !personId || !relationship}>
              {t('households.add')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
