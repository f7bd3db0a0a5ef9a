// The person's return at a glance, for the person's page (a self-contained section: it loads its
// own data from the person id): the reception (when, where, from which country, where they are
// staying), the referrals of the plan with where each stands — a declined one with the reason,
// a completed one with its outcome — and the family separation: who stayed, where.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './reintegration.css';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../../shared/components/alert';
import { Link } from '../../router/router';
import { countryName, formatPlainDate } from '../people/reference-data';
import { reintegrationApi } from './reintegration-api';
import type { Reception } from './reintegration-api';
import { returnsApi } from './returns-api';
import type { PersonFamilies } from './returns-api';

const MAX_RECEPTIONS = 3;

export function PersonReturnSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [receptions, setReceptions] = useState<Reception[] | null>(null);
  const [families, setFamilies] = useState<PersonFamilies['items'] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const list = await returnsApi.receptionsOf(personId);
        const full = await Promise.all(
          list.items.slice(0, MAX_RECEPTIONS).map((r) => reintegrationApi.reception(r.id)),
        );
        const fam = await returnsApi.families(personId);
        if (live) {
          setReceptions(full);
          setFamilies(fam.items);
        }
      } catch (e) {
        if (live) setError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [personId]);

  // A role without case work sees no return section at all rather than a refusal.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  const separated = (families ?? []).flatMap((f) => f.members.filter((m) => !m.self).map((m) => ({ f, m })));
  return (
    <section aria-labelledby="person-return-title" className="person-return">
      <h2 id="person-return-title">{t('returns.person.title')}</h2>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {!error && receptions === null ? <p role="status">{t('app.loading')}</p> : null}
      {receptions && receptions.length === 0 ? <p>{t('returns.person.noReception')}</p> : null}
      {(receptions ?? []).map((r) => (
        <div key={r.id} className="person-return__reception">
          <h3>{t('returns.person.receivedOn', { date: formatPlainDate(r.receivedOn, language) })}</h3>
          <p>
            {t('returns.person.receptionFacts', {
              port: r.portOfEntry,
              country: countryName(r.returnedFrom, language),
            })}
            {r.stayingPlace ? ` ${t('returns.person.staying', { place: r.stayingPlace })}` : ''}
          </p>
          <p>
            <Link to={`/reintegration/${r.id}`}>{t('returns.person.openReception')}</Link>
          </p>
          <h4>{t('returns.person.referrals')}</h4>
          {r.plan.length === 0 ? (
            <p>{t('reintegration.plan.none')}</p>
          ) : (
            <ul>
              {r.plan.map((p) => (
                <li key={p.referralId}>
                  {t(`reintegration.areas.${p.area}`, { defaultValue: p.area })} — {p.toServiceName ?? p.toOrgName}:{' '}
                  {t(`referrals.status.${p.status as 'sent'}`)}
                  {p.declineReason ? `. ${t('referrals.declineReason')}: ${p.declineReason}` : ''}
                  {p.outcome ? `. ${t('referrals.outcome')}: ${p.outcome}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <h3>{t('returns.person.family')}</h3>
      {families !== null && separated.length === 0 ? <p>{t('returns.person.noFamily')}</p> : null}
      {separated.length > 0 ? (
        <ul data-testid="person-separated-family">
          {separated.map(({ f, m }) => (
            <li key={m.id}>
              {m.name ?? t('families.hidden')} (
              {t(`returns.relatives.kinds.${m.relationship}`, { defaultValue: m.relationship })}
              {m.isChild ? `, ${t('families.child')}` : ''}) —{' '}
              {[m.location, m.holdingCountry ? countryName(m.holdingCountry, language) : null]
                .filter(Boolean)
                .join(', ') || t('returns.person.placeUnknown')}
              {m.separatedSince
                ? `. ${t('returns.person.since', { date: formatPlainDate(m.separatedSince, language) })}`
                : ''}{' '}
              <Link to={`/reintegration/families/${f.id}`}>{t('returns.person.openFamily', { label: f.label })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
