// The person's legal procedures (on the person's and the case's "Procedimientos" tab): open one in
// a dialog (types from core, titles in the UI language), and for each step enter the date that
// triggers it; the server computes the due date from the law and answers with the legal basis and a
// plain-language explanation. The "at risk" rule is stated in words above the list.
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
import { AtRiskRule } from './procedure-filing';
import { RecordDialog } from '../../../shared/components/record-dialog';
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
  const [dialogOpen, setDialogOpen] = useState(false);

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

  async function open(event: FormEvent, close: () => void) {
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
      close();
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
      <AtRiskRule />
      {items && items.length === 0 ? <p className="muted">{t('procedures.none')}</p> : null}
      {items?.map((procedure) => (
        <ProcedureCard
          key={procedure.id}
          procedure={procedure}
          onChange={(updated) => setItems((current) => (current ?? []).map((p) => (p.id === updated.id ? updated : p)))}
        />
      ))}
      {canOpen ? (
        <p>
          <button
            type="button"
            id="procedure-open"
            className="button button--quiet"
            onClick={() => {
              setOpenError(null);
              setDialogOpen(true);
            }}
          >
            {t('procedures.openTitle')}
          </button>
        </p>
      ) : null}
      <RecordDialog
        title={t('procedures.openTitle')}
        closeLabel={t('personTabs.close')}
        isOpen={dialogOpen}
        onOpenChange={setDialogOpen}
      >
        {(close) => (
          <form
            className="form"
            onSubmit={(e) => void open(e, close)}
            aria-label={t('procedures.openTitle')}
            noValidate
          >
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
        )}
      </RecordDialog>
    </section>
  );
}
