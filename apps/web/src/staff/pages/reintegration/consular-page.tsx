// Consular help: notifications and requests to a consulate (documents, legal representation,
// repatriation…) and their outcome.
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from '../people/form-fields';
import { countryName, countryOptions, formatPlainDate } from '../people/reference-data';
import { PersonPicker, type PickedPerson } from './person-picker';
import { consularKinds, consularStatuses, reintegrationApi, today } from './reintegration-api';
import type { ConsularRequest } from './reintegration-api';

export function ConsularPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [items, setItems] = useState<ConsularRequest[] | null>(null);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [form, setForm] = useState({ consulateCountry: 'MX', consulateCity: '', kind: 'documents', details: '' });
  const [error, setError] = useState<unknown>(null);
  const load = () => reintegrationApi.consular().then((r) => setItems(r.items), setError);
  useEffect(() => void load(), []);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!person) return;
    try {
      await reintegrationApi.createConsular({
        personId: person.id,
        consulateCountry: form.consulateCountry,
        consulateCity: form.consulateCity.trim(),
        kind: form.kind as (typeof consularKinds)[number],
        requestedOn: today(),
        ...(form.details.trim() ? { details: form.details.trim() } : {}),
      });
      setPerson(null);
      setForm({ ...form, consulateCity: '', details: '' });
      await load();
    } catch (e) {
      setError(e);
    }
  }

  async function answer(r: ConsularRequest, status: (typeof consularStatuses)[number]) {
    try {
      await reintegrationApi.consularOutcome(r.id, { version: r.version, status, outcomeOn: today() });
      await load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reintegration">{t('reintegration.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('consular.title')}</PageTitle>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <section aria-labelledby="consular-new">
        <h2 id="consular-new">{t('consular.new')}</h2>
        <PersonPicker idPrefix="consular-person" picked={person} onPick={setPerson} />
        {person ? (
          <form onSubmit={create} aria-labelledby="consular-new">
            <SelectField
              id="consular-country"
              label={t('consular.country')}
              value={form.consulateCountry}
              onChange={(e) => setForm({ ...form, consulateCountry: e.target.value })}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <InputField
              id="consular-city"
              required
              label={t('consular.city')}
              value={form.consulateCity}
              onChange={(e) => setForm({ ...form, consulateCity: e.target.value })}
            />
            <SelectField
              id="consular-kind"
              label={t('consular.kind')}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value })}
            >
              {consularKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`consular.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="consular-details"
              label={t('consular.details')}
              hint={t('reintegration.encrypted')}
              value={form.details}
              onChange={(e) => setForm({ ...form, details: e.target.value })}
            />
            <button type="submit" className="button button--primary">
              {t('consular.save')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="consular-list">
        <h2 id="consular-list">{t('consular.list')}</h2>
        {items === null ? (
          <p role="status">{t('app.loading')}</p>
        ) : items.length === 0 ? (
          <p>{t('consular.none')}</p>
        ) : (
          <ul className="case-list">
            {items.map((r) => (
              <li key={r.id} className="case-list__item">
                <span className="case-list__name">
                  {`${r.givenNames} ${r.surnames}`.trim()} — {t(`consular.kinds.${r.kind}`)}
                </span>
                <span className="case-list__facts">
                  {[
                    t('consular.consulateOf', {
                      country: countryName(r.consulateCountry, language),
                      city: r.consulateCity,
                    }),
                    formatPlainDate(r.requestedOn, language),
                    t(`consular.status.${r.status}`),
                    r.outcomeOn ? formatPlainDate(r.outcomeOn, language) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {r.details ? <p>{r.details}</p> : null}
                {r.status === 'requested' ? (
                  <p className="inline-form">
                    {consularStatuses.map((s) => (
                      <button
                        key={s}
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => void answer(r, s)}
                      >
                        {t(`consular.answer.${s}`)}
                      </button>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
