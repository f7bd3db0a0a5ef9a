// The organisation's rule for confirming matches: which confirmations need a second person. Every
// reviewer reads it (it explains why a confirmation is only a proposal); administrators change it.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { useMe } from '../../session/session-context';
import { SelectField } from '../people/form-fields';
import { missingApi } from './missing-api';
import type { MatchSettings } from './missing-api';

type Rule = MatchSettings['secondConfirmation'];
const rules: readonly Rule[] = ['remains', 'all', 'none'];

export function MatchSettingsForm() {
  const { t } = useTranslation();
  const me = useMe();
  const canChange = Boolean(me.permissions.org_settings?.update);
  const [rule, setRule] = useState<Rule | null>(null);
  const [chosen, setChosen] = useState<Rule>('remains');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    missingApi.settings().then(
      (s) => {
        setRule(s.secondConfirmation);
        setChosen(s.secondConfirmation);
      },
      (e: unknown) => setError(e),
    );
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const saved = await missingApi.saveSettings({ secondConfirmation: chosen });
      setRule(saved.secondConfirmation);
      setNotice(t('matchReview.settings.saved'));
    } catch (e) {
      setError(e);
    }
  }

  if (rule === null) return error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null;
  return (
    <section className="section-card" aria-labelledby="match-settings-heading">
      <h2 id="match-settings-heading">{t('matchReview.settings.title')}</h2>
      {canChange ? (
        <form className="inline-form field-row" onSubmit={(e) => void save(e)}>
          <SelectField
            id="match-second-confirmation"
            label={t('matchReview.settings.label')}
            value={chosen}
            onChange={(e) => setChosen(e.target.value as Rule)}
          >
            {rules.map((r) => (
              <option key={r} value={r}>
                {t(`matchReview.settings.${r}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t('matchReview.settings.save')}
          </button>
        </form>
      ) : (
        <p>{t('matchReview.settings.current', { rule: t(`matchReview.settings.${rule}`) })}</p>
      )}
      <div role="status">{notice}</div>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
    </section>
  );
}
