// What is pending at a follow-up, on one screen: the needs of the assessment with no referral
// standing, the referrals a service declined (with the reason it gave, so the worker can look
// for another), the ones still waiting for an answer, and the outcomes already known.
import { useTranslation } from 'react-i18next';
import type { Reception } from './reintegration-api';
import { unreferredNeeds } from './plan-section';

export function PendingSection({ reception }: { reception: Reception }) {
  const { t } = useTranslation();
  if (!reception.assessment) return null;
  const withoutReferral = unreferredNeeds(reception, 'any');
  const declined = reception.plan.filter((p) => p.status === 'declined');
  const waiting = reception.plan.filter((p) => p.status === 'sent' || p.status === 'accepted');
  const outcomes = reception.plan.filter((p) => p.status === 'completed' || p.status === 'closed_no_outcome');
  const area = (a: string) => t(`reintegration.areas.${a}`, { defaultValue: a });
  const service = (p: Reception['plan'][number]) => p.toServiceName ?? p.toOrgName;
  return (
    <section aria-labelledby="pending-title" className="pending">
      <h3 id="pending-title">{t('returns.pending.title')}</h3>
      <h4>{t('returns.pending.needs')}</h4>
      {withoutReferral.length === 0 ? (
        <p>{t('returns.pending.noNeeds')}</p>
      ) : (
        <ul data-testid="pending-needs">
          {withoutReferral.map((a) => (
            <li key={a}>{area(a)}</li>
          ))}
        </ul>
      )}
      <h4>{t('returns.pending.declined')}</h4>
      {declined.length === 0 ? (
        <p>{t('returns.pending.noDeclined')}</p>
      ) : (
        <ul data-testid="pending-declined">
          {declined.map((p) => (
            <li key={p.referralId}>
              {t('returns.pending.declinedItem', {
                area: area(p.area),
                service: service(p),
                reason: p.declineReason ?? t('returns.pending.noReason'),
              })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('returns.pending.waiting')}</h4>
      {waiting.length === 0 ? (
        <p>{t('returns.pending.noWaiting')}</p>
      ) : (
        <ul data-testid="pending-waiting">
          {waiting.map((p) => (
            <li key={p.referralId}>
              {area(p.area)} — {service(p)}: {t(`referrals.status.${p.status as 'sent'}`)}
              {p.overdue ? ` (${t('referrals.overdue')})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('returns.pending.outcomes')}</h4>
      {outcomes.length === 0 ? (
        <p>{t('returns.pending.noOutcomes')}</p>
      ) : (
        <ul data-testid="pending-outcomes">
          {outcomes.map((p) => (
            <li key={p.referralId}>
              {area(p.area)} — {service(p)}: {t(`referrals.status.${p.status as 'sent'}`)}
              {p.outcome ? `. ${p.outcome}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
