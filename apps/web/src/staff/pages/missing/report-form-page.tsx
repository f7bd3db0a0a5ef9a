// Registering a missing-person report (issue 6, item 1): the person sought, physical description,
// belongings, last contact, relatives with contact channels and their consent, DNA reference
// sample, authorities it was also filed with, and the family's consent to trace with partners.
// On save the server matches it at once; the page then opens the report and its review queue.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { ApiError } from '../../api/client';
import { Link, navigate } from '../../router/router';
import { InputField, SelectField, TextAreaField } from '../people/form-fields';
import { countryOptions } from '../people/reference-data';
import { buildReport, emptyRelative, type RelativeForm, type ReportForm } from './report-form-values';
import { missingApi, reportPath, searchPath } from './missing-api';
import { AmPmEditor } from './ampm-editor';
import { anteMortemOf, draftIsEmpty, emptyDraft, type AmPmDraft } from './ampm-drafts';

const physicalKeys = ['build', 'hair', 'eyes', 'skin', 'scars', 'tattoos', 'dentalNotes', 'other'] as const;
const lastContactKeys = ['place', 'route', 'withWhom', 'means', 'details'] as const;
const channels = ['phone', 'whatsapp', 'signal', 'telegram', 'email', 'address', 'other'] as const;

export function ReportFormPage() {
  const { t } = useTranslation();
  const countries = countryOptions(currentLanguage());
  const [form, setForm] = useState<ReportForm>({});
  const [relatives, setRelatives] = useState<RelativeForm[]>([emptyRelative()]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // The structured ante-mortem data (decision 0147): opened when asked for.
  const [amOpen, setAmOpen] = useState(false);
  const [am, setAm] = useState<AmPmDraft>(emptyDraft);
  const set = (key: string, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const setRelative = (i: number, patch: Partial<RelativeForm>) =>
    setRelatives((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const field = (key: string, label: string, props: Partial<Parameters<typeof InputField>[0]> = {}) => (
    <InputField
      id={`report-${key.replace('.', '-')}`}
      label={label}
      value={form[key] ?? ''}
      onChange={(e) => set(key, e.target.value)}
      error={errorFor(key)}
      {...props}
    />
  );
  const errorFor = (key: string) =>
    error instanceof ApiError && error.field === key ? errorMessage(error, t) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const created = await missingApi.createReport({
        ...buildReport(form, relatives),
        ...(draftIsEmpty(am) ? {} : { anteMortem: anteMortemOf(am) }),
      });
      navigate(reportPath(created.id));
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('missing.report.new')}</PageTitle>
      <p className="muted">{t('missing.report.formIntro')}</p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form className="missing-form" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend>{t('missing.section.person')}</legend>
          <div className="field-row">
            {field('givenNames', t('missing.field.givenNames'))}
            {field('surnames', t('missing.field.surnames'))}
            {field('aliases', t('missing.field.aliases'), { hint: t('missing.field.aliasesHint') })}
          </div>
          <div className="field-row">
            <SelectField
              id="report-sex"
              label={t('missing.field.sex')}
              value={form.sex ?? ''}
              onChange={(e) => set('sex', e.target.value)}
            >
              <option value="">{t('missing.unknown')}</option>
              {(['F', 'M', 'X'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`missing.sex.${s}`)}
                </option>
              ))}
            </SelectField>
            {field('birthDate', t('missing.field.birthDate'), { hint: t('missing.field.partialDateHint') })}
            {field('ageMin', t('missing.field.ageMin'), { type: 'number', min: 0, max: 120 })}
            {field('ageMax', t('missing.field.ageMax'), { type: 'number', min: 0, max: 120 })}
          </div>
          <div className="field-row">
            <SelectField
              id="report-nationality"
              label={t('missing.field.nationality')}
              value={form.nationality ?? ''}
              onChange={(e) => set('nationality', e.target.value)}
            >
              <option value="">{t('missing.unknown')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            {field('origin.place', t('missing.field.originPlace'))}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.physical')}</legend>
          <div className="field-row">
            {field('physical.heightCm', t('missing.field.heightCm'), { type: 'number', min: 30, max: 250 })}
            {physicalKeys.map((k) =>
              k === 'scars' || k === 'tattoos' || k === 'dentalNotes' || k === 'other' ? null : (
                <span key={k}>{field(`physical.${k}`, t(`missing.field.${k}`))}</span>
              ),
            )}
          </div>
          {(['scars', 'tattoos', 'dentalNotes', 'other'] as const).map((k) => (
            <TextAreaField
              key={k}
              id={`report-physical-${k}`}
              label={t(`missing.field.${k}`)}
              rows={2}
              value={form[`physical.${k}`] ?? ''}
              onChange={(e) => set(`physical.${k}`, e.target.value)}
            />
          ))}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('ampm.section.am')}</legend>
          <p className="muted">{t('ampm.am.intro')}</p>
          {amOpen ? (
            <AmPmEditor
              mode="am"
              idPrefix="report-am"
              draft={am}
              onChange={setAm}
              errorFor={(key) => errorFor(`anteMortem.${key}`)}
            />
          ) : (
            <p>
              <button type="button" className="button" aria-expanded={false} onClick={() => setAmOpen(true)}>
                {t('ampm.am.open')}
              </button>
            </p>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.belongings')}</legend>
          <TextAreaField
            id="report-belongings-clothing"
            label={t('missing.field.clothing')}
            rows={2}
            value={form['belongings.clothing'] ?? ''}
            onChange={(e) => set('belongings.clothing', e.target.value)}
          />
          <TextAreaField
            id="report-belongings-items"
            label={t('missing.field.items')}
            rows={2}
            value={form['belongings.items'] ?? ''}
            onChange={(e) => set('belongings.items', e.target.value)}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.lastContact')}</legend>
          <div className="field-row">
            {field('lastContact.date', t('missing.field.lastContactDate'), {
              hint: t('missing.field.partialDateHint'),
            })}
            {lastContactKeys.map((k) =>
              k === 'details' ? null : <span key={k}>{field(`lastContact.${k}`, t(`missing.field.${k}`))}</span>,
            )}
          </div>
          <TextAreaField
            id="report-lastContact-details"
            label={t('missing.field.details')}
            rows={2}
            value={form['lastContact.details'] ?? ''}
            onChange={(e) => set('lastContact.details', e.target.value)}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.relatives')}</legend>
          <p className="muted">{t('missing.relativesNote')}</p>
          {relatives.map((r, i) => (
            <div key={i} className="repeat-row field-row">
              <InputField
                id={`relative-${i}-name`}
                label={t('missing.field.relativeName')}
                value={r.name}
                onChange={(e) => setRelative(i, { name: e.target.value })}
              />
              <InputField
                id={`relative-${i}-relationship`}
                label={t('missing.field.relationship')}
                value={r.relationship}
                onChange={(e) => setRelative(i, { relationship: e.target.value })}
              />
              <SelectField
                id={`relative-${i}-channel`}
                label={t('missing.field.channel')}
                value={r.channel}
                onChange={(e) => setRelative(i, { channel: e.target.value })}
              >
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(`missing.channel.${c}`)}
                  </option>
                ))}
              </SelectField>
              <InputField
                id={`relative-${i}-contact`}
                label={t('missing.field.contact')}
                value={r.contact}
                onChange={(e) => setRelative(i, { contact: e.target.value })}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={r.consentToContact}
                  onChange={(e) => setRelative(i, { consentToContact: e.target.checked })}
                />{' '}
                {t('missing.field.consentToContact')}
              </label>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={() => setRelatives((rs) => [...rs, emptyRelative()])}
            >
              {t('missing.addRelative')}
            </button>
          </p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.dnaAndAuthorities')}</legend>
          <div className="field-row">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.dnaGiven === 'yes'}
                onChange={(e) => set('dnaGiven', e.target.checked ? 'yes' : '')}
              />{' '}
              {t('missing.field.dnaGiven')}
            </label>
            {field('dnaSample.where', t('missing.field.dnaWhere'))}
            {field('dnaSample.date', t('missing.field.dnaDate'), { type: 'date' })}
          </div>
          <div className="field-row">
            {field('authority.authority', t('missing.field.authority'))}
            {field('authority.country', t('missing.field.authorityCountry'), { maxLength: 2 })}
            {field('authority.fileNumber', t('missing.field.fileNumber'))}
            {field('authority.filedOn', t('missing.field.filedOn'), { type: 'date' })}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('missing.section.traceConsent')}</legend>
          <p className="muted">{t('missing.traceConsentNote')}</p>
          <div className="field-row">
            {field('traceConsent.givenBy', t('missing.field.consentGivenBy'))}
            {field('traceConsent.relationship', t('missing.field.relationship'))}
            <SelectField
              id="report-traceConsent-method"
              label={t('missing.field.consentMethod')}
              value={form['traceConsent.method'] ?? 'signed'}
              onChange={(e) => set('traceConsent.method', e.target.value)}
            >
              {(['signed', 'verbal_witnessed', 'recorded'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`missing.consentMethod.${m}`)}
                </option>
              ))}
            </SelectField>
            {field('traceConsent.date', t('missing.field.consentDate'), { type: 'date' })}
          </div>
        </fieldset>

        <TextAreaField
          id="report-notes"
          label={t('missing.field.notes')}
          rows={3}
          value={form.notes ?? ''}
          onChange={(e) => set('notes', e.target.value)}
        />
        <p>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('missing.report.saving') : t('missing.report.save')}
          </button>
        </p>
      </form>
    </>
  );
}
