// "Nuevo acuerdo": the partner, the purposes (each with the person fields it shares, in words) and
// the validity. The server checks everything again; its error is shown at the field it names, and
// what was typed stays (UI.md). The submit button is disabled while the request runs.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { DateInputField } from '../../../shared/components/date-field';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage, fieldMessage, namesFields } from '../../api/error-message';
import { SelectField } from '../people/form-fields';
import { useModalAction } from '../../shared/modal-action';
import { adminApi } from './admin-api';
import type { SharingAgreement, SharingAgreementCreate, SharingAgreementList } from './admin-api';
import { fieldLabel } from './admin-format';

interface NewAgreementDialogProps {
  purposes: SharingAgreementList['purposes'];
  partners: SharingAgreementList['partners'];
  onCreated: (created: SharingAgreement) => Promise<void>;
  onCancel: () => void;
}

type PurposeId = SharingAgreementCreate['purposes'][number];
type Field = 'partnerOrgId' | 'purposes' | 'validFrom' | 'validUntil';

export function NewAgreementDialog({ purposes, partners, onCreated, onCancel }: NewAgreementDialogProps) {
  const { t } = useTranslation();
  const language = currentLanguage() === 'en' ? 'en' : 'es';
  const [partner, setPartner] = useState('');
  const [chosen, setChosen] = useState<PurposeId[]>([]);
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const { ref, busy, error, run } = useModalAction(async () => {
    const created = await adminApi.createAgreement({
      partnerOrgId: partner,
      purposes: chosen,
      ...(validFrom ? { validFrom } : {}),
      validUntil: validUntil || null,
    });
    await onCreated(created);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!partner) problems.partnerOrgId = t('adminScreens.newAgreement.partnerRequired');
    if (chosen.length === 0) problems.purposes = t('adminScreens.newAgreement.purposesRequired');
    if (validFrom && validUntil && validUntil < validFrom)
      problems.validUntil = t('adminScreens.newAgreement.untilBeforeFrom');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || busy) return;
    void run();
  }

  // The server names each field it refused; each message goes there, else at the top.
  const errorAt = (field: Field) => local[field] ?? fieldMessage(error, t, field, true);
  const toggle = (id: PurposeId, on: boolean) =>
    setChosen((list) => (on ? [...list, id] : list.filter((p) => p !== id)));

  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="new-agreement-title" onCancel={onCancel}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="new-agreement-title">{t('adminScreens.newAgreement.title')}</h2>
        <p>{t('adminScreens.newAgreement.intro')}</p>
        {error && !namesFields(error) ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        <SelectField
          id="agreement-partner"
          label={t('adminScreens.newAgreement.partner')}
          value={partner}
          error={errorAt('partnerOrgId')}
          onChange={(e) => setPartner(e.target.value)}
        >
          <option value="">{t('adminScreens.newAgreement.choosePartner')}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <fieldset
          className={`admin-purpose-choices${errorAt('purposes') ? ' field--invalid' : ''}`}
          aria-describedby={errorAt('purposes') ? 'agreement-purposes-error' : undefined}
        >
          <legend>{t('adminScreens.newAgreement.purposes')}</legend>
          {errorAt('purposes') ? (
            <p className="field__error" id="agreement-purposes-error">
              {errorAt('purposes')}
            </p>
          ) : null}
          {purposes.map((p) => (
            <label key={p.id} className="admin-purpose-choice">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              <span>
                <strong>{p.label[language]}</strong>
                <span className="admin-fields">{p.description[language]}</span>
                <span className="admin-fields">
                  {p.personFields.length === 0
                    ? t('adminScreens.sharing.noPersonFields')
                    : t('adminScreens.sharing.fieldsShared', {
                        fields: p.personFields.map((f) => fieldLabel(t, f)).join(', '),
                      })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="admin-dates">
          <DateInputField
            id="agreement-from"
            label={t('adminScreens.newAgreement.validFrom')}
            hint={t('adminScreens.newAgreement.validFromHint')}
            language={language}
            value={validFrom}
            error={errorAt('validFrom')}
            onChange={setValidFrom}
          />
          <DateInputField
            id="agreement-until"
            label={t('adminScreens.newAgreement.validUntil')}
            hint={t('adminScreens.newAgreement.validUntilHint')}
            language={language}
            value={validUntil}
            error={errorAt('validUntil')}
            onChange={setValidUntil}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('adminScreens.newAgreement.submit')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('adminScreens.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
