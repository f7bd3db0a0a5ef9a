// Recording the reception of a deported or returned person: who (a person of the organisation),
// when, where (airport, bridge, port), returned from which country by which authority, and what
// the person left behind or had taken: family, belongings, documents (kept encrypted).
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { countryOptions } from '../people/reference-data';
import { PersonPicker, type PickedPerson } from './person-picker';
import { arrivalModes, familiesApi, reintegrationApi, returningAuthorities, today } from './reintegration-api';
import { RelativesFieldset } from './relatives-fieldset';
import type { Relative } from './relatives-fieldset';
import { returnsApi } from './returns-api';

/** The family who stayed, as the person's family file: the person, then each relative with their place. */
async function recordFamily(
  personId: string,
  label: string,
  separatedSince: string,
  relatives: Relative[],
): Promise<void> {
  const family = await familiesApi.create(label);
  await familiesApi.addMember(family.id, { personId, relationship: 'self' });
  for (const r of relatives)
    await familiesApi.addMember(family.id, {
      name: r.name.trim(),
      relationship: r.relationship,
      isChild: r.isChild,
      location: r.place.trim(),
      holdingCountry: r.country,
      holdingAuthority: 'none',
      separatedSince,
    });
}

export function ReceptionNewPage() {
  const { t } = useTranslation();
  const countries = useMemo(() => countryOptions(currentLanguage()), []);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [form, setForm] = useState({
    receivedOn: today(),
    arrivalMode: 'air',
    portOfEntry: '',
    returnedFrom: 'US',
    returningAuthority: 'ice',
    familyLeftBehind: '',
    belongingsRetained: '',
    documentsRetained: '',
    notes: '',
    stayingPlace: '',
  });
  const [relatives, setRelatives] = useState<Relative[]>([]);
  const [places, setPlaces] = useState<{ city: string; state: string; country: string }[]>([]);
  useEffect(() => {
    returnsApi.places().then(
      (found) => setPlaces(found.items.filter((p) => p.country === 'MX')),
      () => setPlaces([]),
    );
  }, []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      const optional = (v: string) => (v.trim() ? v.trim() : undefined);
      const created = await reintegrationApi.createReception({
        personId: person.id,
        receivedOn: form.receivedOn,
        arrivalMode: form.arrivalMode as (typeof arrivalModes)[number],
        portOfEntry: form.portOfEntry.trim(),
        returnedFrom: form.returnedFrom,
        returningAuthority: form.returningAuthority as (typeof returningAuthorities)[number],
        ...(optional(form.familyLeftBehind) ? { familyLeftBehind: optional(form.familyLeftBehind) } : {}),
        ...(optional(form.belongingsRetained) ? { belongingsRetained: optional(form.belongingsRetained) } : {}),
        ...(optional(form.documentsRetained) ? { documentsRetained: optional(form.documentsRetained) } : {}),
        ...(optional(form.notes) ? { notes: optional(form.notes) } : {}),
        ...(form.stayingPlace ? { stayingPlace: form.stayingPlace } : {}),
      });
      const named = relatives.filter((r) => r.name.trim());
      let familyFailed = false;
      // The reception is saved: a failure here must not invite saving it twice.
      if (named.length > 0)
        await recordFamily(person.id, t('returns.familyLabel', { name: person.name }), form.receivedOn, named).catch(
          () => {
            familyFailed = true;
          },
        );
      navigate(`/reintegration/${created.id}${familyFailed ? '?family=failed' : ''}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reintegration">{t('reintegration.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('reintegration.newReception')}</PageTitle>
      <PersonPicker idPrefix="reception-person" picked={person} onPick={setPerson} />
      {person ? (
        <form onSubmit={submit} aria-label={t('reintegration.newReception')}>
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <InputField
            id="reception-date"
            type="date"
            required
            label={t('reintegration.receivedOn')}
            value={form.receivedOn}
            max={today()}
            onChange={(e) => set({ receivedOn: e.target.value })}
          />
          <SelectField
            id="reception-mode"
            label={t('reintegration.arrivalMode')}
            value={form.arrivalMode}
            onChange={(e) => set({ arrivalMode: e.target.value })}
          >
            {arrivalModes.map((m) => (
              <option key={m} value={m}>
                {t(`reintegration.mode.${m}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="reception-port"
            required
            label={t('reintegration.portOfEntry')}
            hint={t('reintegration.portHint')}
            value={form.portOfEntry}
            onChange={(e) => set({ portOfEntry: e.target.value })}
          />
          <SelectField
            id="reception-from"
            label={t('reintegration.returnedFrom')}
            value={form.returnedFrom}
            onChange={(e) => set({ returnedFrom: e.target.value })}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="reception-authority"
            label={t('reintegration.authority')}
            value={form.returningAuthority}
            onChange={(e) => set({ returningAuthority: e.target.value })}
          >
            {returningAuthorities.map((a) => (
              <option key={a} value={a}>
                {t(`reintegration.authorities.${a}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="reception-staying"
            label={t('returns.stayingPlace')}
            hint={t('returns.stayingHint')}
            value={form.stayingPlace}
            onChange={(e) => set({ stayingPlace: e.target.value })}
          >
            <option value="">{t('returns.stayingUnknown')}</option>
            {places.map((p) => (
              <option key={`${p.city}|${p.state}`} value={`${p.city}, ${p.state}`}>
                {p.city === p.state ? p.city : `${p.city}, ${p.state}`}
              </option>
            ))}
          </SelectField>
          <RelativesFieldset relatives={relatives} onChange={setRelatives} defaultCountry={form.returnedFrom} />
          <TextAreaField
            id="reception-family"
            label={t('reintegration.familyLeftBehind')}
            hint={t('reintegration.encrypted')}
            value={form.familyLeftBehind}
            onChange={(e) => set({ familyLeftBehind: e.target.value })}
          />
          <TextAreaField
            id="reception-belongings"
            label={t('reintegration.belongingsRetained')}
            value={form.belongingsRetained}
            onChange={(e) => set({ belongingsRetained: e.target.value })}
          />
          <TextAreaField
            id="reception-documents"
            label={t('reintegration.documentsRetained')}
            value={form.documentsRetained}
            onChange={(e) => set({ documentsRetained: e.target.value })}
          />
          <TextAreaField
            id="reception-notes"
            label={t('reintegration.notes')}
            value={form.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('reintegration.saveReception')}
          </button>
        </form>
      ) : null}
    </>
  );
}
