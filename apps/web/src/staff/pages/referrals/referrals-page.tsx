// Referrals between organisations: the inbox (incoming: accept, decline with a reason, redirect
// to another service, record the outcome) and the outbox (sent: status and outcome flowing back,
// overdue flagged, and what the receiver sees now).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import '../reintegration/reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { formatInstant } from '../people/reference-data';
import { ReceiverPreview } from './receiver-preview';
import { ReferralActions } from './referral-actions';
import { useCan } from '../../session/capabilities';
import { referralsApi } from './referrals-api';
import type { Referral } from './referrals-api';

type Box = 'incoming' | 'outgoing';

export function ReferralsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Received referrals are answered by the organisation as a whole (coordination); a caseworker
  // or lawyer sees the referrals they sent.
  const answers = useCan('referral.answer');
  const boxes: Box[] = answers ? ['incoming', 'outgoing'] : ['outgoing'];
  const [box, setBox] = useState<Box>(answers ? 'incoming' : 'outgoing');
  const [items, setItems] = useState<Referral[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [previews, setPreviews] = useState<Record<string, Referral>>({});

  const load = useCallback((which: Box) => {
    setItems(null);
    setError(null);
    referralsApi.list(which).then(
      (r) => setItems(r.items),
      (e: unknown) => {
        setError(e);
        setItems([]);
      },
    );
  }, []);
  useEffect(() => load(box), [box, load]);

  async function preview(id: string) {
    try {
      const seen = await referralsApi.preview(id);
      setPreviews((p) => ({ ...p, [id]: seen }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('referrals.title')}</PageTitle>
      {boxes.length > 1 ? (
        <div role="group" aria-label={t('referrals.boxes')} className="page-actions">
          {boxes.map((b) => (
            <button
              key={b}
              type="button"
              className={b === box ? 'button button--primary' : 'button'}
              aria-pressed={b === box}
              onClick={() => setBox(b)}
            >
              {t(`referrals.box.${b}`)}
            </button>
          ))}
        </div>
      ) : (
        <h2>{t('referrals.box.outgoing')}</h2>
      )}
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <div role="status" className="results-status">
        {items === null ? t('app.loading') : items.length === 0 ? t('referrals.none') : null}
      </div>
      {items && items.length > 0 ? (
        <ul className="case-list">
          {items.map((r) => {
            const who = box === 'incoming' ? r.fromOrg.name : (r.toService?.name ?? r.toOrg.name);
            const name = r.snapshot ? [r.snapshot.givenNames, r.snapshot.surnames].filter(Boolean).join(' ') : '';
            return (
              <li key={r.id} className="case-list__item">
                <span className="case-list__name">
                  {box === 'incoming' ? t('referrals.from', { org: who }) : t('referrals.to', { org: who })}
                  {name ? ` — ${name}` : ''}
                </span>
                <span className="case-list__facts">
                  {[
                    t(`referrals.status.${r.status}`),
                    t(`referrals.urgencies.${r.urgency}`),
                    formatInstant(r.createdAt, language),
                  ].join(' · ')}
                </span>
                {r.overdue ? <span className="case-overdue">{t('referrals.overdue')}</span> : null}
                {r.consentWithdrawn ? <p className="muted">{t('referrals.withdrawn')}</p> : null}
                {r.reason ? (
                  <p>
                    {t('referrals.reason')}: {r.reason}
                  </p>
                ) : null}
                {r.declineReason ? (
                  <p>
                    {t('referrals.declineReason')}: {r.declineReason}
                  </p>
                ) : null}
                {r.outcome ? (
                  <p>
                    {t('referrals.outcome')}: {r.outcome}
                  </p>
                ) : null}
                {box === 'incoming' && r.snapshot ? (
                  <ReceiverPreview snapshot={r.snapshot} consentActive={!r.consentWithdrawn} />
                ) : null}
                {box === 'outgoing' ? (
                  previews[r.id] ? (
                    <ReceiverPreview snapshot={previews[r.id]?.snapshot ?? null} consentActive={!r.consentWithdrawn} />
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => void preview(r.id)}
                    >
                      {t('referrals.previewSent')}
                    </button>
                  )
                ) : null}
                <ReferralActions referral={r} box={box} onChanged={() => load(box)} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
