// The reintegration needs assessment: for each area of the binational return policy (housing,
// health, education, employment, financial inclusion, GBV services, legal identity, validation
// of studies) and psychosocial support, no need / some need / urgent, with a note.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { InputField } from '../people/form-fields';
import { formatPlainDate } from '../people/reference-data';
import { needAreas, needLevels, reintegrationApi, today } from './reintegration-api';
import type { NeedArea, Reception } from './reintegration-api';

type Level = (typeof needLevels)[number];

export function AssessmentSection({ reception, onSaved }: { reception: Reception; onSaved: (r: Reception) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const initial = Object.fromEntries(
    needAreas.map((a) => [
      a,
      reception.assessment?.needs.find((n) => n.area === a) ?? { area: a, level: 'none' as Level },
    ]),
  ) as unknown as Record<NeedArea, { level: Level; note?: string | undefined }>;
  const [needs, setNeeds] = useState(initial);
  const [assessedOn, setAssessedOn] = useState(reception.assessment?.assessedOn ?? today());
  const [editing, setEditing] = useState(!reception.assessment);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const list = needAreas
        .map((area) => ({
          area,
          level: needs[area].level,
          ...(needs[area].note?.trim() ? { note: needs[area].note?.trim() } : {}),
        }))
        .filter((n) => n.level !== 'none' || n.note);
      onSaved(await reintegrationApi.assess(reception.id, { assessedOn, needs: list }));
      setEditing(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const assessed = reception.assessment;
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('reintegration.assessment.title')}</h2>
      {!editing && assessed ? (
        <>
          <p>{t('reintegration.assessment.on', { date: formatPlainDate(assessed.assessedOn, language) })}</p>
          {assessed.needs.length === 0 ? (
            <p>{t('reintegration.assessment.noNeeds')}</p>
          ) : (
            <ul>
              {assessed.needs.map((n) => (
                <li key={n.area}>
                  {t(`reintegration.areas.${n.area}`)}: {t(`reintegration.levels.${n.level}`)}
                  {n.note ? ` — ${n.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            {t('reintegration.assessment.edit')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} aria-labelledby="assessment-title">
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <InputField
            id="assessment-date"
            type="date"
            label={t('reintegration.assessment.date')}
            value={assessedOn}
            max={today()}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
          <table className="needs-table">
            <thead>
              <tr>
                <th scope="col">{t('reintegration.assessment.area')}</th>
                <th scope="col">{t('reintegration.assessment.level')}</th>
                <th scope="col">{t('reintegration.assessment.note')}</th>
              </tr>
            </thead>
            <tbody>
              {needAreas.map((area) => (
                <tr key={area}>
                  <th scope="row">{t(`reintegration.areas.${area}`)}</th>
                  <td>
                    <fieldset>
                      <legend>{t(`reintegration.areas.${area}`)}</legend>
                      {needLevels.map((level) => (
                        <label key={level}>
                          <input
                            type="radio"
                            name={`need-${area}`}
                            value={level}
                            checked={needs[area].level === level}
                            onChange={() => setNeeds((n) => ({ ...n, [area]: { ...n[area], level } }))}
                          />{' '}
                          {t(`reintegration.levels.${level}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`need-note-${area}`}>
                      {t('reintegration.assessment.noteFor', { area: t(`reintegration.areas.${area}`) })}
                    </label>
                    <input
                      id={`need-note-${area}`}
                      className="field__input"
                      value={needs[area].note ?? ''}
                      onChange={(e) => setNeeds((n) => ({ ...n, [area]: { ...n[area], note: e.target.value } }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('reintegration.assessment.save')}
          </button>
        </form>
      )}
    </section>
  );
}
