// Choosing the directory service a referral goes to, instead of typing its id: the receiver
// searches the live directory by need and narrows by name (or organisation, or place), then picks
// one result. The public HSDS search filters by need on the server; the name filter runs here
// over the pages it returns, so a name alone reaches the first few hundred services only (the
// hint says so and asks for a need).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { directoryNeeds, searchServices } from './referrals-api';
import type { DirectoryNeed, ServiceHit } from './referrals-api';

export function ServicePicker({
  idPrefix,
  excludeId,
  value,
  onChange,
}: {
  idPrefix: string;
  excludeId: string | null;
  value: string;
  onChange: (serviceId: string) => void;
}) {
  const { t } = useTranslation();
  const [need, setNeed] = useState<DirectoryNeed | ''>('');
  const [name, setName] = useState('');
  const [hits, setHits] = useState<ServiceHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function search(event?: { preventDefault(): void }) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    onChange('');
    try {
      setHits((await searchServices({ need: need || undefined, name })).filter((s) => s.id !== excludeId));
    } catch (e) {
      setError(e);
      setHits(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="service-picker">
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <SelectField
        id={`${idPrefix}-need`}
        label={t('referrals.picker.need')}
        value={need}
        onChange={(e) => setNeed(e.target.value as DirectoryNeed | '')}
      >
        <option value="">{t('referrals.picker.anyNeed')}</option>
        {directoryNeeds.map((n) => (
          <option key={n} value={n}>
            {t(`referrals.needs.${n}`)}
          </option>
        ))}
      </SelectField>
      <InputField
        id={`${idPrefix}-name`}
        label={t('referrals.picker.name')}
        hint={t('referrals.picker.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void search(e);
        }}
      />
      <p>
        <button
          type="button"
          className="button"
          disabled={busy || (!need && !name.trim())}
          onClick={() => void search()}
        >
          {t('referrals.picker.search')}
        </button>
      </p>
      <div role="status" className="results-status">
        {busy
          ? t('app.loading')
          : hits === null
            ? null
            : hits.length === 0
              ? t('referrals.picker.none')
              : t('referrals.picker.count', { count: hits.length })}
      </div>
      {hits && hits.length > 0 ? (
        <fieldset className="field-choices">
          <legend>{t('referrals.picker.choose')}</legend>
          {hits.map((s) => (
            <label key={s.id}>
              <input
                type="radio"
                name={`${idPrefix}-service`}
                value={s.id}
                checked={value === s.id}
                onChange={() => onChange(s.id)}
              />{' '}
              {[s.name, s.organisation, s.place].filter(Boolean).join(' — ')}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
