// Create or edit an event: title, narrative (both encrypted on the server), start and end with
// their precision, place (municipality or department chosen by name from the catalogue; the
// record keeps its codes), locality, optional coordinates, route segment, context tags,
// confidentiality level and whether it is an attack on defenders.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './incidents.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage, fieldProblems, namesFields } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { Incident } from './incidents-api';
import { PlaceCombobox, recordedPlace } from '../../../shared/components/place-combobox';
import type { PlaceOption } from '../../../shared/components/place-combobox';
import { currentLanguage } from '../../../i18n/i18n';
import { confidentialityLevels, contextTags, datePrecisions, routeSegments } from './incident-options';

interface Values {
  title: string;
  narrative: string;
  startDate: string;
  startPrecision: string;
  endDate: string;
  endPrecision: string;
  place: PlaceOption | null;
  locality: string;
  lat: string;
  lon: string;
  routeSegment: string;
  contextTags: string[];
  confidentiality: string;
  againstDefenders: boolean;
}

const empty: Values = {
  title: '',
  narrative: '',
  startDate: '',
  startPrecision: 'day',
  endDate: '',
  endPrecision: 'day',
  place: null,
  locality: '',
  lat: '',
  lon: '',
  routeSegment: '',
  contextTags: [],
  confidentiality: 'internal',
  againstDefenders: false,
};

function placeOf(e: Incident, language: string): PlaceOption | null {
  const { country, stateCode, municipalityCode, names } = e.place;
  if (!stateCode || !names) return null;
  return recordedPlace({ country, stateCode, municipalityCode, label: language === 'en' ? names.en : names.es });
}

function valuesOf(e: Incident, language: string): Values {
  return {
    title: e.title,
    narrative: e.narrative ?? '',
    startDate: e.start.date,
    startPrecision: e.start.precision,
    endDate: e.end?.date ?? '',
    endPrecision: e.end?.precision ?? 'day',
    place: placeOf(e, language),
    locality: e.place.locality ?? '',
    lat: e.place.coordinates ? String(e.place.coordinates.lat) : '',
    lon: e.place.coordinates ? String(e.place.coordinates.lon) : '',
    routeSegment: e.routeSegment ?? '',
    contextTags: e.contextTags,
    confidentiality: e.confidentiality,
    againstDefenders: e.againstDefenders,
  };
}

export function IncidentFormPage({ incidentId }: { incidentId?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [values, setValues] = useState<Values>(empty);
  const [version, setVersion] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  useEffect(() => {
    if (!incidentId) return;
    incidentsApi.get(incidentId).then((e) => {
      setValues(valuesOf(e, language));
      setVersion(e.version);
    }, setError);
  }, [incidentId, language]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const place = {
      country: values.place?.country ?? 'MX',
      ...(values.place ? { stateCode: values.place.stateCode } : {}),
      ...(values.place?.municipalityCode ? { municipalityCode: values.place.municipalityCode } : {}),
      ...(values.locality ? { locality: values.locality } : {}),
      ...(values.lat && values.lon ? { coordinates: { lat: Number(values.lat), lon: Number(values.lon) } } : {}),
    };
    const common = {
      title: values.title,
      start: { date: values.startDate, precision: values.startPrecision as 'day' },
      place,
      contextTags: values.contextTags as 'train'[],
      confidentiality: values.confidentiality as 'internal',
      againstDefenders: values.againstDefenders,
    };
    try {
      const saved =
        incidentId && version
          ? await incidentsApi.update(incidentId, {
              ...common,
              version,
              narrative: values.narrative || null,
              end: values.endDate ? { date: values.endDate, precision: values.endPrecision as 'day' } : null,
              routeSegment: (values.routeSegment || null) as 'isthmus' | null,
            })
          : await incidentsApi.create({
              ...common,
              ...(values.narrative ? { narrative: values.narrative } : {}),
              ...(values.endDate ? { end: { date: values.endDate, precision: values.endPrecision as 'day' } } : {}),
              ...(values.routeSegment ? { routeSegment: values.routeSegment as 'isthmus' } : {}),
            });
      navigate(`/incidents/${saved.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  // Each part the server refused shows its message at its field (`place` for any of place.*).
  const fieldError = (field: string) => fieldProblems(error, t).find((p) => p.field.startsWith(field))?.message ?? null;
  const heading = incidentId ? t('incidents.form.editTitle') : t('incidents.form.newTitle');
  return (
    <>
      <PageTitle appName={t('app.name')}>{heading}</PageTitle>
      <p className="breadcrumb">
        <Link to={incidentId ? `/incidents/${incidentId}` : '/incidents'}>{t('incidents.form.back')}</Link>
      </p>
      {error && !namesFields(error) ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form className="form card" onSubmit={(e) => void submit(e)}>
        <InputField
          id="incident-title"
          label={t('incidents.fields.title')}
          hint={t('incidents.form.titleHint')}
          required
          maxLength={200}
          value={values.title}
          error={fieldError('title')}
          onChange={(e) => set({ title: e.target.value })}
        />
        <TextAreaField
          id="incident-narrative"
          label={t('incidents.fields.narrative')}
          hint={t('incidents.form.narrativeHint')}
          rows={6}
          value={values.narrative}
          onChange={(e) => set({ narrative: e.target.value })}
        />
        <div className="fieldset">
          <InputField
            id="incident-start"
            type="date"
            required
            label={t('incidents.fields.start')}
            value={values.startDate}
            error={fieldError('start')}
            onChange={(e) => set({ startDate: e.target.value })}
          />
          <SelectField
            id="incident-start-precision"
            label={t('incidents.fields.precision')}
            value={values.startPrecision}
            onChange={(e) => set({ startPrecision: e.target.value })}
          >
            {datePrecisions.map((p) => (
              <option key={p} value={p}>
                {t(`incidents.precision.${p}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="incident-end"
            type="date"
            label={t('incidents.fields.end')}
            value={values.endDate}
            error={fieldError('end')}
            onChange={(e) => set({ endDate: e.target.value })}
          />
          <SelectField
            id="incident-end-precision"
            label={t('incidents.fields.precision')}
            value={values.endPrecision}
            onChange={(e) => set({ endPrecision: e.target.value })}
          >
            {datePrecisions.map((p) => (
              <option key={p} value={p}>
                {t(`incidents.precision.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="fieldset">
          <PlaceCombobox
            id="incident-place"
            label={t('incidents.fields.placeName')}
            hint={t('incidents.form.placeHint')}
            language={language}
            value={values.place}
            onChange={(place) => set({ place })}
            error={fieldError('place')}
            emptyText={t('incidents.form.placeNotFound')}
            loadingText={t('incidents.form.searching')}
          />
          <InputField
            id="incident-locality"
            label={t('incidents.fields.locality')}
            value={values.locality}
            onChange={(e) => set({ locality: e.target.value })}
          />
          <InputField
            id="incident-lat"
            type="number"
            step="any"
            label={t('incidents.fields.lat')}
            hint={t('incidents.form.coordinatesHint')}
            value={values.lat}
            onChange={(e) => set({ lat: e.target.value })}
          />
          <InputField
            id="incident-lon"
            type="number"
            step="any"
            label={t('incidents.fields.lon')}
            value={values.lon}
            onChange={(e) => set({ lon: e.target.value })}
          />
          <SelectField
            id="incident-route"
            label={t('incidents.fields.route')}
            value={values.routeSegment}
            onChange={(e) => set({ routeSegment: e.target.value })}
          >
            <option value="">{t('incidents.form.none')}</option>
            {routeSegments.map((r) => (
              <option key={r} value={r}>
                {t(`incidents.route.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="checkbox-row">
          <legend>{t('incidents.fields.context')}</legend>
          {contextTags.map((tag) => (
            <label key={tag}>
              <input
                type="checkbox"
                checked={values.contextTags.includes(tag)}
                onChange={(e) =>
                  set({
                    contextTags: e.target.checked
                      ? [...values.contextTags, tag]
                      : values.contextTags.filter((x) => x !== tag),
                  })
                }
              />{' '}
              {t(`incidents.context.${tag}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-row">
          <legend>{t('incidents.fields.confidentiality')}</legend>
          {confidentialityLevels.map((level) => (
            <label key={level}>
              <input
                type="radio"
                name="confidentiality"
                value={level}
                checked={values.confidentiality === level}
                onChange={() => set({ confidentiality: level })}
              />{' '}
              {t(`incidents.confidentiality.${level}`)} —{' '}
              <span className="muted">{t(`incidents.confidentialityHint.${level}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={values.againstDefenders}
            onChange={(e) => set({ againstDefenders: e.target.checked })}
          />{' '}
          {t('incidents.fields.againstDefenders')}
        </label>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('incidents.form.saving') : t('incidents.form.save')}
          </button>
        </div>
      </form>
    </>
  );
}
