// The rest of a person's identity on the register/edit form: aliases and nicknames, gender
// identity, country and place of origin, and contact channels (issue 4, item 1). Kept apart from
// person-form.tsx so that each file stays short; same field ids, so API errors land next to them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from './form-fields';
import { contactChannels, type ContactRow, type PersonFormValues } from './person-form-values';

interface Props {
  values: PersonFormValues;
  set: <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => void;
  id: (field: string) => string;
  errorFor: (field: string) => string | null;
  countries: { code: string; name: string }[];
  focusSoon: (target: string) => void;
}

/** Aliases, gender identity and origin: inside the identity fieldset. */
export function MoreIdentityFields({ values, set, id, errorFor, countries }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField
        id={id('aliases')}
        label={t('people.fields.aliases')}
        hint={t('people.form.aliasesHint')}
        rows={2}
        value={values.aliases}
        error={errorFor('aliases')}
        onChange={(e) => set('aliases', e.target.value)}
      />
      <InputField
        id={id('genderIdentity')}
        label={t('people.fields.genderIdentity')}
        hint={t('people.form.genderIdentityHint')}
        autoComplete="off"
        value={values.genderIdentity}
        error={errorFor('genderIdentity')}
        onChange={(e) => set('genderIdentity', e.target.value)}
      />
      <div className="field-row">
        <SelectField
          id={id('origin.country')}
          label={t('people.fields.originCountry')}
          value={values.originCountry}
          error={errorFor('origin.country')}
          onChange={(e) => set('originCountry', e.target.value)}
        >
          <option value="">{t('people.form.notSaid')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <InputField
          id={id('origin.place')}
          label={t('people.fields.originPlace')}
          hint={t('people.form.originPlaceHint')}
          autoComplete="off"
          value={values.originPlace}
          error={errorFor('origin.place')}
          onChange={(e) => set('originPlace', e.target.value)}
        />
      </div>
    </>
  );
}

/** Contact channels, one row each (a phone, a WhatsApp, a relative who can pass a message…). */
export function ContactsFieldset({ values, set, id, errorFor, focusSoon }: Props): ReactNode {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<ContactRow>) =>
    set(
      'contacts',
      values.contacts.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  return (
    <fieldset className="fieldset">
      <legend>{t('people.fields.contacts')}</legend>
      {values.contacts.length === 0 ? <p className="muted">{t('people.form.noContacts')}</p> : null}
      {values.contacts.map((contact, i) => (
        <div className="field-row field-row--repeat" key={i}>
          <SelectField
            id={id(`contacts.${i}.channel`)}
            label={t('people.form.contactChannel', { n: i + 1 })}
            value={contact.channel}
            error={errorFor(`contacts.${i}.channel`)}
            onChange={(e) => update(i, { channel: e.target.value as ContactRow['channel'] })}
          >
            <option value="">{t('people.form.choose')}</option>
            {contactChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`people.contactChannels.${channel}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id={id(`contacts.${i}.value`)}
            label={t('people.form.contactValue', { n: i + 1 })}
            autoComplete="off"
            value={contact.value}
            error={errorFor(`contacts.${i}.value`)}
            onChange={(e) => update(i, { value: e.target.value })}
          />
          <InputField
            id={id(`contacts.${i}.note`)}
            label={t('people.form.contactNote', { n: i + 1 })}
            autoComplete="off"
            value={contact.note}
            error={errorFor(`contacts.${i}.note`)}
            onChange={(e) => update(i, { note: e.target.value })}
          />
          <button
            type="button"
            className="button button--quiet row-remove"
            onClick={() => {
              set(
                'contacts',
                values.contacts.filter((_, j) => j !== i),
              );
              focusSoon(id('add-contact'));
            }}
          >
            {t('people.form.removeContact', { n: i + 1 })}
          </button>
        </div>
      ))}
      <p>
        <button
          id={id('add-contact')}
          type="button"
          className="button button--quiet"
          onClick={() => {
            set('contacts', [...values.contacts, { channel: '', value: '', note: '' }]);
            focusSoon(id(`contacts.${values.contacts.length}.channel`));
          }}
        >
          {t('people.form.addContact')}
        </button>
      </p>
    </fieldset>
  );
}
