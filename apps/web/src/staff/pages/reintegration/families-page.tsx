// Family files: separated families the organisation is tracing and reuniting.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { InputField } from '../people/form-fields';
import { familiesApi } from './reintegration-api';

export function FamiliesPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Awaited<ReturnType<typeof familiesApi.list>>['items'] | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    familiesApi.list().then((r) => setItems(r.items), setError);
  }, []);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      navigate(`/reintegration/families/${(await familiesApi.create(label.trim())).id}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reintegration">{t('reintegration.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('families.title')}</PageTitle>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form className="inline-form" onSubmit={create} aria-label={t('families.new')}>
        <InputField
          id="family-label"
          required
          label={t('families.label')}
          hint={t('reintegration.encrypted')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('families.new')}
        </button>
      </form>
      {items === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('families.none')}</p>
      ) : (
        <ul className="case-list">
          {items.map((f) => (
            <li key={f.id} className="case-list__item">
              <Link className="case-list__name" to={`/reintegration/families/${f.id}`}>
                {f.label}
              </Link>
              <span className="case-list__facts">
                {t(`families.status.${f.status as 'separated'}`)} · {t('families.members', { count: f.memberCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
