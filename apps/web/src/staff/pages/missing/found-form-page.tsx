// Registering a person found alive or unidentified remains (issue 6, item 2): where and when found
// or recovered, custodian agency and file number, estimated age range, sex, stature, description,
// belongings, cause or circumstances if known, status. On save it is matched against open reports.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { ApiError } from '../../api/client';
import { Link, navigate } from '../../router/router';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { missingApi, searchPath } from './missing-api';
import type { FoundRecordCreate } from './missing-api';
import { AmPmEditor } from './ampm-editor';
import { draftIsEmpty, emptyDraft, postMortemOf, type AmPmDraft } from './ampm-drafts';

/** The examination's estimates are also the record's sex and age when those were left empty. */
function withPostMortem(body: FoundRecordCreate, draft: AmPmDraft): FoundRecordCreate {
  if (body.kind !== 'unidentified_remains' || draftIsEmpty(draft)) return body;
  const postMortem = postMortemOf(draft);
  const sex = postMortem.sexEstimate?.sex;
  return {
    ...body,
    postMortem,
    ...(body.sex === undefined && (sex === 'F' || sex === 'M') ? { sex } : {}),
    ...(body.ageMin === undefined && body.ageMax === undefined && postMortem.ageEstimate
      ? { ageMin: postMortem.ageEstimate.min, ageMax: postMortem.ageEstimate.max }
      : {}),
  };
}

const describe = ['statureCm', 'build', 'hair', 'eyes', 'skin', 'scars', 'tattoos', 'dentalNotes', 'other'] as const;

function payloadOf(v: Record<string, string>): FoundRecordCreate {
  const text = (k: string) => v[k]?.trim() || undefined;
  const num = (k: string) => (text(k) ? Number(text(k)) : undefined);
  const description = Object.fromEntries(
    describe.map((k) => [k, k === 'statureCm' ? num(`d.${k}`) : text(`d.${k}`)]).filter(([, x]) => x !== undefined),
  );
  const custodian = Object.fromEntries(
    [
      ['agency', text('agency')],
      ['fileNumber', text('fileNumber')],
    ].filter(([, x]) => x !== undefined),
  );
  const belongings = Object.fromEntries(
    [
      ['clothing', text('clothing')],
      ['items', text('items')],
    ].filter(([, x]) => x !== undefined),
  );
  const body: Record<string, unknown> = {
    kind: v.kind ?? 'unidentified_remains',
    status: text('status'),
    givenNames: text('givenNames'),
    surnames: text('surnames'),
    foundOn: text('foundOn'),
    foundPlace: text('foundPlace'),
    custodian: Object.keys(custodian).length ? custodian : undefined,
    sex: text('sex'),
    ageMin: num('ageMin'),
    ageMax: num('ageMax'),
    description: Object.keys(description).length ? description : undefined,
    belongings: Object.keys(belongings).length ? belongings : undefined,
    circumstances: text('circumstances'),
    notes: text('notes'),
  };
  return Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)) as FoundRecordCreate;
}

export function FoundFormPage() {
  const { t } = useTranslation();
  const [v, setV] = useState<Record<string, string>>({ kind: 'unidentified_remains' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  // The post-mortem examination of remains (decision 0147): opened when asked for.
  const [pmOpen, setPmOpen] = useState(false);
  const [pm, setPm] = useState<AmPmDraft>(emptyDraft);
  const set = (k: string, value: string) => setV((x) => ({ ...x, [k]: value }));
  const errorFor = (key: string) =>
    error instanceof ApiError && error.field === key ? errorMessage(error, t) : undefined;
  const input = (k: string, label: string, props: Partial<Parameters<typeof InputField>[0]> = {}) => (
    <InputField
      id={`found-${k.replace('.', '-')}`}
      label={label}
      value={v[k] ?? ''}
      onChange={(e) => set(k, e.target.value)}
      error={errorFor(k)}
      {...props}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await missingApi.createFound(withPostMortem(payloadOf(v), pm));
      setDone(created.proposedForReports);
      navigate(searchPath);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('missing.found.new')}</PageTitle>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {done !== null ? <Alert tone="success">{t('missing.found.saved', { count: done })}</Alert> : null}
      <form className="missing-form" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('missing.section.found')}</legend>
          <div className="field-row">
            <SelectField
              id="found-kind"
              label={t('missing.field.kind')}
              value={v.kind}
              onChange={(e) => set('kind', e.target.value)}
            >
              {(['unidentified_remains', 'found_alive'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`missing.found.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="found-status"
              label={t('missing.field.status')}
              value={v.status ?? 'unidentified'}
              onChange={(e) => set('status', e.target.value)}
            >
              {(['unidentified', 'identified', 'returned_to_family'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`missing.found.status.${s}`)}
                </option>
              ))}
            </SelectField>
            {input('foundOn', t('missing.field.foundOn'), { type: 'date' })}
            {input('foundPlace', t('missing.field.foundPlace'))}
          </div>
          <div className="field-row">
            {input('agency', t('missing.field.agency'))}
            {input('fileNumber', t('missing.field.fileNumber'))}
            {input('givenNames', t('missing.field.givenNamesFound'))}
            {input('surnames', t('missing.field.surnames'))}
          </div>
          <div className="field-row">
            <SelectField
              id="found-sex"
              label={t('missing.field.sex')}
              value={v.sex ?? ''}
              onChange={(e) => set('sex', e.target.value)}
            >
              <option value="">{t('missing.unknown')}</option>
              {(['F', 'M', 'X'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`missing.sex.${s}`)}
                </option>
              ))}
            </SelectField>
            {input('ageMin', t('missing.field.ageMin'), { type: 'number', min: 0, max: 120 })}
            {input('ageMax', t('missing.field.ageMax'), { type: 'number', min: 0, max: 120 })}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('missing.section.physical')}</legend>
          <div className="field-row">
            {describe.map((k) => (
              <span key={k}>
                {input(
                  `d.${k}`,
                  t(`missing.field.${k === 'statureCm' ? 'heightCm' : k}`),
                  k === 'statureCm' ? { type: 'number', min: 30, max: 250 } : {},
                )}
              </span>
            ))}
          </div>
          {input('clothing', t('missing.field.clothing'))}
          {input('items', t('missing.field.items'))}
        </fieldset>
        {v.kind === 'unidentified_remains' ? (
          <fieldset className="fieldset">
            <legend>{t('ampm.section.pm')}</legend>
            <p className="muted">{t('ampm.pm.intro')}</p>
            {pmOpen ? (
              <AmPmEditor
                mode="pm"
                idPrefix="found-pm"
                draft={pm}
                onChange={setPm}
                errorFor={(key) => errorFor(`postMortem.${key}`)}
              />
            ) : (
              <p>
                <button type="button" className="button" aria-expanded={false} onClick={() => setPmOpen(true)}>
                  {t('ampm.pm.open')}
                </button>
              </p>
            )}
          </fieldset>
        ) : null}
        <TextAreaField
          id="found-circumstances"
          label={t('missing.field.circumstances')}
          rows={2}
          value={v.circumstances ?? ''}
          onChange={(e) => set('circumstances', e.target.value)}
        />
        <TextAreaField
          id="found-notes"
          label={t('missing.field.notes')}
          rows={2}
          value={v.notes ?? ''}
          onChange={(e) => set('notes', e.target.value)}
        />
        <p>
          <button type="submit" className="button button--primary">
            {t('missing.found.save')}
          </button>
        </p>
      </form>
    </>
  );
}
