// The person's households on the person page: each with its members (name, age, relationship to
// the reference person, responsible adult, editable for children), removing a member, adding
// one, and creating a household with this person as its reference.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { householdKinds, householdsApi, type Household, type HouseholdKind } from '../people/profile-api';
import { AddMemberForm } from './add-member-form';
import './households.css';

const ADULT = 18;
type Member = Household['members'][number];

export function HouseholdsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Household[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<HouseholdKind>('family');
  const [label, setLabel] = useState('');

  const load = useCallback(async () => {
    try {
      setItems((await householdsApi.forPerson(personId)).items);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }, [personId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = (h: Household) => {
    setItems((list) => (list ?? []).map((x) => (x.id === h.id ? h : x)));
    setError(null);
    setDone(t('households.updated'));
  };
  const run = async (action: () => Promise<Household>) => {
    setDone(null);
    try {
      replace(await action());
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      await householdsApi.create({
        kind,
        ...(label.trim() ? { label: label.trim() } : {}),
        members: [{ personId, relationship: 'self' }],
      });
      setLabel('');
      setDone(t('households.created'));
      await load();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  const nameOf = (m: Member) => (m.restricted ? t('households.restricted') : `${m.givenNames} ${m.surnames}`.trim());
  return (
    <section aria-labelledby="households-title" className="card section-card">
      <h2 id="households-title">{t('households.title')}</h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {items && items.length === 0 ? <p className="muted">{t('households.none')}</p> : null}
      {(items ?? []).map((h) => {
        const title = h.label || t(`households.kinds.${h.kind}`);
        const adults = h.members.filter((m) => m.age !== null && m.age >= ADULT);
        return (
          <article key={h.id} className="household" aria-labelledby={`household-${h.id}`}>
            <h3 id={`household-${h.id}`}>
              {title} <span className="badge">{t(`households.kinds.${h.kind}`)}</span>
            </h3>
            <ul className="household__members" aria-label={t('households.members', { label: title })}>
              {h.members.map((m) => {
                const child = m.age !== null && m.age < ADULT;
                const responsible = h.members.find((x) => x.personId === m.responsibleAdultId);
                return (
                  <li key={m.personId} className="household__member">
                    <strong>{nameOf(m)}</strong> ·{' '}
                    {m.age === null ? t('households.ageUnknown') : t('households.age', { age: m.age })} ·{' '}
                    {t(`households.relationships.${m.relationship}`)}
                    {responsible && !child ? ` · ${t('households.responsibleIs', { name: nameOf(responsible) })}` : ''}
                    {child ? (
                      <SelectField
                        id={`responsible-${h.id}-${m.personId}`}
                        label={t('households.responsibleFor', { name: nameOf(m) })}
                        value={m.responsibleAdultId ?? ''}
                        onChange={(e) =>
                          void run(() =>
                            householdsApi.setResponsibleAdult(h.id, m.personId, h.version, e.target.value || null),
                          )
                        }
                      >
                        <option value="">{t('households.noResponsible')}</option>
                        {adults.map((a) => (
                          <option key={a.personId} value={a.personId}>
                            {nameOf(a)}
                          </option>
                        ))}
                      </SelectField>
                    ) : null}
                    {m.relationship !== 'self' ? (
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => void run(() => householdsApi.removeMember(h.id, m.personId, h.version))}
                      >
                        {t('households.remove', { name: nameOf(m) })}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <AddMemberForm household={h} title={t('households.addTitle', { label: title })} onChanged={replace} />
          </article>
        );
      })}
      <form
        className="form inline-form"
        aria-labelledby="household-create-title"
        noValidate
        onSubmit={(e) => void create(e)}
      >
        <h3 id="household-create-title">{t('households.createTitle')}</h3>
        <div className="field-row">
          <SelectField
            id="household-kind"
            label={t('households.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as HouseholdKind)}
          >
            {householdKinds.map((k) => (
              <option key={k} value={k}>
                {t(`households.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="household-label"
            label={t('households.label')}
            value={label}
            autoComplete="off"
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('households.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
