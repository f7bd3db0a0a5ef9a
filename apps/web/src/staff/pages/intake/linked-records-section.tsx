// On the person's page: when they arrived, and the partners' records of the same person linked
// at intake ("es la misma persona"). Only the partner's name and the link's date are shown:
// nothing of the partner's record is copied here. Unlinking asks first and is audited.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { formatInstant, formatPlainDate } from '../people/reference-data';
import { intakeApi, type PersonLink } from './intake-api';

export function LinkedRecordsSection({ personId, canUpdate }: { personId: string; canUpdate: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [links, setLinks] = useState<PersonLink[] | null>(null);
  const [arrivedOn, setArrivedOn] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [{ items }, arrival] = await Promise.all([intakeApi.links(personId), intakeApi.arrival(personId)]);
      setLinks(items);
      setArrivedOn(arrival.arrivedOn);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }, [personId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function unlink(link: PersonLink) {
    try {
      await intakeApi.unlink(personId, link.id);
      setConfirming(null);
      await load();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }

  return (
    <section aria-labelledby="linked-records-title" className="card section-card">
      <h2 id="linked-records-title">{t('intake.links.title')}</h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {arrivedOn ? <p>{t('intake.links.arrival', { date: formatPlainDate(arrivedOn, language) })}</p> : null}
      <p className="muted">{t('intake.links.intro')}</p>
      {links === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : links.length === 0 ? (
        <p>{t('intake.links.none')}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link.id}>
              {t('intake.links.item', {
                organisation: link.organisation.name,
                date: formatInstant(link.createdAt, language),
              })}
              {canUpdate ? (
                confirming === link.id ? (
                  <div role="group" aria-label={t('intake.links.unlink', { organisation: link.organisation.name })}>
                    <p>{t('intake.links.confirm', { organisation: link.organisation.name })}</p>
                    <p className="form__actions">
                      <button type="button" className="button" onClick={() => void unlink(link)}>
                        {t('intake.links.confirmButton')}
                      </button>
                      <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                        {t('screening.cancel')}
                      </button>
                    </p>
                  </div>
                ) : (
                  <>
                    {' '}
                    <button type="button" className="button button--quiet" onClick={() => setConfirming(link.id)}>
                      {t('intake.links.unlink', { organisation: link.organisation.name })}
                    </button>
                  </>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
