// The plan of referrals: what was sent or made for each need, and what the assessment proposes
// — one referral per urgent need not yet referred, to the nearest service the person is eligible
// for — which the worker prepares with one click and completes in the form below. The person's
// referral consent is required; without it the server refuses and says why.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanItemRow } from './plan-item';
import { PlanReferralForm } from './plan-referral-form';
import type { NeedArea, Reception } from './reintegration-api';
import { returnsApi } from './returns-api';
import type { ReferralOption } from './returns-api';
import { distanceWords } from './distance-words';

/** Needs of the assessment with no referral still standing (sent, accepted or completed). */
export function unreferredNeeds(reception: Reception, level: 'urgent' | 'any'): NeedArea[] {
  const standing = new Set(
    reception.plan
      .filter((p) => !['declined', 'closed_no_outcome', 'redirected'].includes(p.status))
      .map((p) => p.area),
  );
  return (reception.assessment?.needs ?? [])
    .filter((n) => (level === 'urgent' ? n.level === 'urgent' : n.level !== 'none'))
    .map((n) => n.area)
    .filter((a) => !standing.has(a));
}

function Proposals({
  reception,
  onPrepare,
}: {
  reception: Reception;
  onPrepare: (area: NeedArea, serviceId: string) => void;
}) {
  const { t } = useTranslation();
  const areas = unreferredNeeds(reception, 'urgent');
  const key = areas.join(',');
  const [best, setBest] = useState<Record<string, ReferralOption | null>>({});
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map(async (a) => {
        try {
          return [a, (await returnsApi.options(reception.personId, a)).items[0] ?? null] as const;
        } catch {
          return [a, null] as const;
        }
      }),
    ).then((pairs) => live && setBest(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [key, reception.personId]);
  if (areas.length === 0) return null;
  return (
    <section aria-labelledby="plan-proposals" className="plan-proposals">
      <h3 id="plan-proposals">{t('returns.proposals.title')}</h3>
      <p>{t('returns.proposals.intro')}</p>
      <ul className="plan-proposals__list">
        {areas.map((area) => {
          const service = best[area];
          const areaName = t(`reintegration.areas.${area}`);
          return (
            <li key={area} className="plan-proposal">
              <span className="plan-proposal__area">{areaName}</span>
              {service === undefined ? (
                <span>{t('app.loading')}</span>
              ) : service === null ? (
                <span>{t('reintegration.plan.noServices')}</span>
              ) : (
                <>
                  <span>
                    {service.name}
                    {service.city ? ` — ${service.city}` : ''}
                    {service.distanceKm !== null ? ` (${distanceWords(service.distanceKm, t)})` : ''}
                  </span>
                  <span className="plan-proposal__how">
                    {service.acceptsReferrals ? t('returns.form.online') : t('returns.form.external')}
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onPrepare(area, service.id)}
                    aria-label={t('returns.proposals.prepareFor', { area: areaName })}
                  >
                    {t('returns.proposals.prepare')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function PlanSection({
  reception,
  onSent,
  onChanged,
}: {
  reception: Reception;
  onSent: (r: Reception) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const needed = (reception.assessment?.needs ?? []).filter((n) => n.level !== 'none').map((n) => n.area);
  const [draft, setDraft] = useState<{ area: NeedArea | ''; serviceId: string; n: number }>({
    area: unreferredNeeds(reception, 'any')[0] ?? '',
    serviceId: '',
    n: 0,
  });

  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('reintegration.plan.title')}</h2>
      {reception.plan.length === 0 ? (
        <p>{t('reintegration.plan.none')}</p>
      ) : (
        <ul className="case-list">
          {reception.plan.map((p) => (
            <PlanItemRow key={p.referralId} item={p} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <Proposals
        reception={reception}
        onPrepare={(area, serviceId) => {
          setDraft((d) => ({ area, serviceId, n: d.n + 1 }));
          // The form is re-created with the proposal; the worker lands on it.
          window.setTimeout(() => document.getElementById('plan-new-title')?.focus(), 0);
        }}
      />
      <PlanReferralForm
        key={draft.n}
        reception={reception}
        areas={needed}
        initialArea={draft.area}
        initialServiceId={draft.serviceId}
        onSent={(r) => {
          setDraft((d) => ({ area: '', serviceId: '', n: d.n + 1 }));
          onSent(r);
        }}
      />
    </section>
  );
}
