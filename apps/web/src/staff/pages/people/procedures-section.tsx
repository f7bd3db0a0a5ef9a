// The person's legal procedures: open one (types from core, titles in the UI language), and for
// each step enter the date that triggers it; the server computes the due date from the law and
// answers with the legal basis and a plain-language explanation.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../session/capabilities';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { SelectField } from './form-fields';
import { proceduresApi } from './people-api';
import type { ProcedureView } from './people-api';
import { ProcedureCard } from './procedure-card';
import { findProcedureType, localized, procedureTypes } from './reference-data';
import { focusWhenPresent } from '../../../shared/focus-when-present';

export function ProceduresSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const canOpen = useCan('procedure.open');
  const language = currentLanguage();
  const [items, setItems] = useState<ProcedureView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [type, setType] = useState('');
  const [busy, setBusy] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setItems((await proceduresApi.forPerson(personId)).items);
    } catch (e) {
      setLoadError(e);
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);

  const groups = useMemo(
    () =>
      (['MX', 'US'] as const).map((jurisdiction) => ({
        jurisdiction,
        // Only the version in force of each type is offered for new procedures.
        types: procedureTypes.filter((p) => p.jurisdiction === jurisdiction && findProcedureType(p.id) === p),
      })),
    [],
  );

  async function open(event: FormEvent) {
    event.preventDefault();
    setOpenError(null);
    if (!type) {
      setOpenError(new Error('no type'));
      document.getElementById('procedure-type')?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await proceduresApi.open(personId, type);
      setItems((current) => [...(current ?? []), created]);
      setType('');
      focusWhenPresent(() => document.getElementById(`procedure-${created.id}`));
    } catch (e) {
      setOpenError(e);
    } finally {
      setBusy(false);
    }
  }

  const typeMissing = openError instanceof Error && openError.message === 'no type';
  return (
    <section aria-labelledby="procedures-title" className="card section-card">
      <h2 id="procedures-title">{t('procedures.title')}</h2>
      {loadError ? <Alert tone="error">{errorMessage(loadError, t)}</Alert> : null}
      {items && items.length === 0 ? <p className="muted">{t('procedures.none')}</p> : null}
      {items?.map((procedure) => (
        <ProcedureCard
          key={procedure.id}
          procedure={procedure}
          onChange={(updated) => setItems((current) => (current ?? []).map((p) => (p.id === updated.id ? updated : p)))}
        />
      ))}
      {canOpen ? (
        <form
          className="form inline-form"
          onSubmit={(e) => void open(e)}
          aria-labelledby="procedure-open-title"
          noValidate
        >
          <h3 id="procedure-open-title">{t('procedures.openTitle')}</h3>
          <SelectField
            id="procedure-type"
            label={t('procedures.type')}
            value={type}
            error={typeMissing ? t('procedures.typeRequired') : null}
            onChange={(e) => setType(e.target.value)}
          >
            <option value="">{t('people.form.choose')}</option>
            {groups.map((group) => (
              <optgroup key={group.jurisdiction} label={t(`procedures.jurisdiction.${group.jurisdiction}`)}>
                {group.types.map((p) => (
                  <option key={p.id} value={p.id}>
                    {localized(p.title, language)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          {openError && !typeMissing ? <Alert tone="error">{errorMessage(openError, t)}</Alert> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('procedures.open')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
