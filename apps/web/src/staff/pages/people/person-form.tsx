// The person form, for registering and for editing. Errors come from the API ({code, message,
// field} and every problem of the request in `errors`, messages already in the UI language): each
// shown next to its field and all in a summary that links to them and takes focus. A 409 on edit says who changed what and offers to reload.
import { useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage, fieldProblems } from '../../api/error-message';
import { ErrorSummary, InputField, SelectField, TextAreaField, fieldId } from './form-fields';
import type { SummaryError } from './form-fields';
import { documentTypes, sexes } from './people-api';
import type { PersonFormValues } from './person-form-values';
import { countryOptions } from './reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { ContactsFieldset, MoreIdentityFields } from './person-form-more';

const P = 'person';
/** API fields without their own control, and the control that stands for them. */
const fieldAliases: Record<string, string> = { surnames: 'firstSurname' };

interface PersonFormProps {
  initial: PersonFormValues;
  submitLabel: string;
  submittingLabel: string;
  onSubmit: (values: PersonFormValues) => Promise<void>;
  onCancel?: () => void;
  /** Offered when the server answers 409 (someone else changed the record). */
  onReload?: () => void;
  /** More fieldsets (e.g. the differentiated profile at registration), before the notes. */
  extra?: ReactNode;
}

export function PersonForm({
  initial,
  submitLabel,
  submittingLabel,
  onSubmit,
  onCancel,
  onReload,
  extra,
}: PersonFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const [values, setValues] = useState<PersonFormValues>(initial);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ field: string; message: string }[]>([]);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const errorFor = (field: string) => fieldErrors.find((e) => e.field === field)?.message ?? null;
  const id = (field: string) => fieldId(P, field);

  const summary: SummaryError[] = [
    ...fieldErrors.map((e) => ({ message: e.message, target: id(e.field) })),
    ...formErrors.map((message) => ({ message })),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFieldErrors([]);
    setFormErrors([]);
    setConflict(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(errorMessage(error, t));
        focusWhenPresent(() => conflictRef.current);
      } else {
        // Each problem at its field when the form has a control for it (the first per field), the
        // rest in the summary only.
        const atFields: { field: string; message: string }[] = [];
        const elsewhere: string[] = [];
        for (const problem of fieldProblems(error, t)) {
          const field = fieldAliases[problem.field] ?? problem.field;
          if (!document.getElementById(id(field))) elsewhere.push(problem.message);
          else if (!atFields.some((e) => e.field === field)) atFields.push({ field, message: problem.message });
        }
        if (atFields.length === 0 && elsewhere.length === 0) elsewhere.push(errorMessage(error, t));
        // The summary lists them in the order of the form, as a person reads it.
        const position = (field: string) => document.getElementById(id(field));
        atFields.sort((a, b) => {
          const [x, y] = [position(a.field), position(b.field)];
          return x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
        });
        setFieldErrors(atFields);
        setFormErrors(elsewhere);
        focusWhenPresent(() => summaryRef.current);
      }
    } finally {
      setBusy(false);
    }
  }

  const updateRow = <K extends 'documents' | 'languages'>(
    key: K,
    index: number,
    patch: Partial<PersonFormValues[K][number]>,
  ) => setValues((v) => ({ ...v, [key]: v[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const removeRow = (key: 'documents' | 'languages', index: number) =>
    setValues((v) => ({ ...v, [key]: v[key].filter((_, i) => i !== index) }));
  const focusSoon = (target: string) => focusWhenPresent(() => document.getElementById(target));
  const more = { values, set, id, errorFor, countries, focusSoon };

  return (
    <form className="form person-form" noValidate onSubmit={(event) => void submit(event)}>
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="focus-target">
          <Alert tone="error">
            <p>{conflict}</p>
            {onReload ? (
              <p>
                <button type="button" className="button button--quiet" onClick={onReload}>
                  {t('people.form.reload')}
                </button>
              </p>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <ErrorSummary ref={summaryRef} title={t('people.form.errorTitle')} errors={summary} />

      <fieldset className="fieldset">
        <legend>{t('people.form.identity')}</legend>
        <InputField
          id={id('givenNames')}
          label={t('people.fields.givenNames')}
          autoComplete="off"
          value={values.givenNames}
          error={errorFor('givenNames')}
          onChange={(e) => set('givenNames', e.target.value)}
        />
        <div className="field-row">
          <InputField
            id={id('firstSurname')}
            label={t('people.fields.firstSurname')}
            hint={t('people.form.surnamesHint')}
            autoComplete="off"
            value={values.firstSurname}
            error={errorFor('firstSurname')}
            onChange={(e) => set('firstSurname', e.target.value)}
          />
          <InputField
            id={id('secondSurname')}
            label={t('people.fields.secondSurname')}
            autoComplete="off"
            value={values.secondSurname}
            error={errorFor('secondSurname')}
            onChange={(e) => set('secondSurname', e.target.value)}
          />
        </div>
        <SelectField
          id={id('sex')}
          label={t('people.fields.sex')}
          value={values.sex}
          error={errorFor('sex')}
          onChange={(e) => set('sex', e.target.value as PersonFormValues['sex'])}
        >
          <option value="">{t('people.form.notSaid')}</option>
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(`people.sex.${s}`)}
            </option>
          ))}
        </SelectField>
        <div className="field-row">
          <InputField
            id={id('birthDate')}
            type="date"
            label={t('people.fields.birthDate')}
            hint={t('people.form.birthDateHint')}
            value={values.birthDate}
            error={errorFor('birthDate')}
            onChange={(e) => set('birthDate', e.target.value)}
          />
          <InputField
            id={id('estimatedAge')}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            label={t('people.fields.estimatedAge')}
            hint={t('people.form.estimatedAgeHint')}
            value={values.estimatedAge}
            error={errorFor('estimatedAge')}
            disabled={values.birthDate !== ''}
            onChange={(e) => set('estimatedAge', e.target.value)}
          />
        </div>
        <SelectField
          id={id('nationality')}
          label={t('people.fields.nationality')}
          value={values.nationality}
          error={errorFor('nationality')}
          onChange={(e) => set('nationality', e.target.value)}
        >
          <option value="">{t('people.form.notSaid')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <MoreIdentityFields {...more} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('people.fields.documents')}</legend>
        {values.documents.length === 0 ? <p className="muted">{t('people.form.noDocuments')}</p> : null}
        {values.documents.map((doc, i) => (
          <div className="field-row field-row--repeat" key={i}>
            <SelectField
              id={id(`documents.${i}.type`)}
              label={t('people.form.documentType', { n: i + 1 })}
              value={doc.type}
              error={errorFor(`documents.${i}.type`)}
              onChange={(e) => updateRow('documents', i, { type: e.target.value })}
            >
              <option value="">{t('people.form.choose')}</option>
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`people.documentTypes.${type}`)}
                </option>
              ))}
              {doc.type && !(documentTypes as readonly string[]).includes(doc.type) ? (
                <option value={doc.type}>{doc.type}</option>
              ) : null}
            </SelectField>
            <InputField
              id={id(`documents.${i}.number`)}
              label={t('people.form.documentNumber', { n: i + 1 })}
              autoComplete="off"
              value={doc.number}
              error={errorFor(`documents.${i}.number`)}
              onChange={(e) => updateRow('documents', i, { number: e.target.value })}
            />
            <button
              type="button"
              className="button button--quiet row-remove"
              onClick={() => {
                removeRow('documents', i);
                focusSoon(id('add-document'));
              }}
            >
              {t('people.form.removeDocument', { n: i + 1 })}
            </button>
          </div>
        ))}
        <p>
          <button
            id={id('add-document')}
            type="button"
            className="button button--quiet"
            onClick={() => {
              set('documents', [...values.documents, { type: '', number: '' }]);
              focusSoon(id(`documents.${values.documents.length}.type`));
            }}
          >
            {t('people.form.addDocument')}
          </button>
        </p>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('people.fields.languages')}</legend>
        {values.languages.length === 0 ? <p className="muted">{t('people.form.noLanguages')}</p> : null}
        {values.languages.map((lang, i) => (
          <div className="field-row field-row--repeat" key={i}>
            <InputField
              id={id(`languages.${i}.language`)}
              label={t('people.form.language', { n: i + 1 })}
              hint={t('people.form.languageHint')}
              value={lang.language}
              error={errorFor(`languages.${i}.language`)}
              onChange={(e) => updateRow('languages', i, { language: e.target.value })}
            />
            <div className="checkbox">
              <input
                id={id(`languages.${i}.interpreter`)}
                type="checkbox"
                checked={lang.interpreterNeeded}
                onChange={(e) => updateRow('languages', i, { interpreterNeeded: e.target.checked })}
              />
              <label htmlFor={id(`languages.${i}.interpreter`)}>{t('people.fields.interpreterNeeded')}</label>
            </div>
            <button
              type="button"
              className="button button--quiet row-remove"
              onClick={() => {
                removeRow('languages', i);
                focusSoon(id('add-language'));
              }}
            >
              {t('people.form.removeLanguage', { n: i + 1 })}
            </button>
          </div>
        ))}
        <p>
          <button
            id={id('add-language')}
            type="button"
            className="button button--quiet"
            onClick={() => {
              set('languages', [...values.languages, { language: '', interpreterNeeded: false }]);
              focusSoon(id(`languages.${values.languages.length}.language`));
            }}
          >
            {t('people.form.addLanguage')}
          </button>
        </p>
      </fieldset>

      <ContactsFieldset {...more} />

      {extra}

      <TextAreaField
        id={id('notes')}
        label={t('people.fields.notes')}
        hint={t('people.form.notesHint')}
        rows={4}
        value={values.notes}
        error={errorFor('notes')}
        onChange={(e) => set('notes', e.target.value)}
      />

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? submittingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('people.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
