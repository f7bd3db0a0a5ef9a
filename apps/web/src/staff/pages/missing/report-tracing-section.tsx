// Tracing from a report: the family's consent to search with other organisations (required before
// any request; withdrawing it withdraws the requests still waiting), a request to a partner, and
// the requests already sent with their answers.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from '../people/form-fields';
import { missingApi, tracingPath } from './missing-api';
import type { MissingReport, TracingSummary } from './missing-api';

export function ReportTracingSection({ report, onChange }: { report: MissingReport; onChange: () => Promise<void> }) {
  const { t } = useTranslation();
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  const [requests, setRequests] = useState<TracingSummary[]>([]);
  const [partner, setPartner] = useState('');
  const [consent, setConsent] = useState({
    givenBy: '',
    relationship: '',
    method: 'signed',
    date: new Date().toISOString().slice(0, 10),
  });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    missingApi.tracingPartners().then(
      (r) => setPartners(r.items),
      () => undefined,
    );
    missingApi.tracingForReport(report.id).then(
      (r) => setRequests(r.items),
      () => undefined,
    );
  }, [report.id]);

  const run = async (action: () => Promise<unknown>, success: string) => {
    setMessage(null);
    try {
      await action();
      setMessage({ tone: 'success', text: success });
      setRequests((await missingApi.tracingForReport(report.id)).items);
      await onChange();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e, t) });
    }
  };

  function recordConsent(event: FormEvent) {
    event.preventDefault();
    const body = {
      givenBy: consent.givenBy.trim(),
      method: consent.method as 'signed',
      date: consent.date,
      ...(consent.relationship.trim() ? { relationship: consent.relationship.trim() } : {}),
    };
    void run(() => missingApi.recordConsent(report.id, body), t('missing.tracing.consentRecorded'));
  }

  function send(event: FormEvent) {
    event.preventDefault();
    if (partner) void run(() => missingApi.sendTracing(report.id, partner), t('missing.tracing.sent'));
  }

  return (
    <section className="section-card" aria-labelledby="tracing-heading">
      <h2 id="tracing-heading">{t('missing.tracing.title')}</h2>
      <p className="muted">{t('missing.tracing.explain')}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {report.traceConsent ? (
        <p>
          {t('missing.tracing.consentBy', { name: report.traceConsent.givenBy, date: report.traceConsent.date })}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void run(() => missingApi.withdrawConsent(report.id), t('missing.tracing.consentWithdrawn'))}
          >
            {t('missing.tracing.withdrawConsent')}
          </button>
        </p>
      ) : (
        <form className="inline-form field-row" onSubmit={recordConsent} aria-label={t('missing.section.traceConsent')}>
          <InputField
            id="trace-consent-by"
            label={t('missing.field.consentGivenBy')}
            value={consent.givenBy}
            required
            onChange={(e) => setConsent({ ...consent, givenBy: e.target.value })}
          />
          <InputField
            id="trace-consent-relationship"
            label={t('missing.field.relationship')}
            value={consent.relationship}
            onChange={(e) => setConsent({ ...consent, relationship: e.target.value })}
          />
          <SelectField
            id="trace-consent-method"
            label={t('missing.field.consentMethod')}
            value={consent.method}
            onChange={(e) => setConsent({ ...consent, method: e.target.value })}
          >
            {(['signed', 'verbal_witnessed', 'recorded'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`missing.consentMethod.${m}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            id="trace-consent-date"
            type="date"
            label={t('missing.field.consentDate')}
            value={consent.date}
            onChange={(e) => setConsent({ ...consent, date: e.target.value })}
          />
          <button type="submit" className="button">
            {t('missing.tracing.recordConsent')}
          </button>
        </form>
      )}
      {report.traceConsent && partners.length > 0 ? (
        <form className="inline-form field-row" onSubmit={send} aria-label={t('missing.tracing.send')}>
          <SelectField
            id="trace-partner"
            label={t('missing.tracing.partner')}
            value={partner}
            onChange={(e) => setPartner(e.target.value)}
          >
            <option value="">{t('missing.tracing.choosePartner')}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" disabled={!partner}>
            {t('missing.tracing.send')}
          </button>
        </form>
      ) : null}
      {requests.length ? (
        <ul className="record-list">
          {requests.map((r) => (
            <li key={r.id} className="record-list__item">
              <Link to={tracingPath(r.id)}>{t('missing.tracing.to', { org: r.toOrg.name })}</Link>
              <span className="muted">
                {t(`missing.tracing.status.${r.status}`)} ·{' '}
                {t('missing.tracing.referenceCount', { count: r.candidatesFound })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
