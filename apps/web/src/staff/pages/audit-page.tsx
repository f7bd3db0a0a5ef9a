// Runs the server's hash-chain verification of the audit log and says whether it holds.
// The server decides who may run it (403 policy.denied for non-admins); we show its message.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../shared/components/alert';
import { formatDate, formatNumber } from '../../shared/components/format-date';
import { PageTitle } from '../../shared/components/page-title';
import { currentLanguage } from '../../i18n/i18n';
import type { AuditVerification } from '../api/api-types';
import { errorMessage } from '../api/error-message';
import { staffApi } from '../api/staff-api';

const knownReasons = ['mac_mismatch', 'broken_link', 'missing_entries', 'head_mismatch'] as const;
function isKnownReason(reason: string): reason is (typeof knownReasons)[number] {
  return (knownReasons as readonly string[]).includes(reason);
}

type Check =
  | { status: 'running' }
  | { status: 'done'; result: AuditVerification; at: Date }
  | { status: 'failed'; message: string };

export function AuditPage() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ status: 'running' });

  const run = useCallback(async () => {
    setCheck({ status: 'running' });
    try {
      setCheck({ status: 'done', result: await staffApi.verifyAudit(), at: new Date() });
    } catch (failure) {
      setCheck({ status: 'failed', message: errorMessage(failure, t) });
    }
  }, [t]);

  useEffect(() => {
    void run();
    // Only on arrival: the button runs it again; a language change must not.
  }, []);

  const language = currentLanguage();
  const reasonText = (reason: string) => (isKnownReason(reason) ? t(`audit.reasons.${reason}`) : reason);
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <div className="audit__result" aria-live="polite">
        {check.status === 'running' ? <p>{t('audit.running')}</p> : null}
        {check.status === 'failed' ? <Alert tone="error">{check.message}</Alert> : null}
        {check.status === 'done' && check.result.ok ? (
          <Alert tone="success">
            <p>{t('audit.ok', { count: check.result.checked, n: formatNumber(check.result.checked, language) })}</p>
          </Alert>
        ) : null}
        {check.status === 'done' && !check.result.ok ? (
          <Alert tone="error">
            <p>
              {check.result.firstBadSeq === undefined
                ? t('audit.badUnknown')
                : t('audit.bad', { seq: formatNumber(check.result.firstBadSeq, language) })}
            </p>
            {check.result.reason ? <p>{t('audit.reason', { reason: reasonText(check.result.reason) })}</p> : null}
            <p>
              {t('audit.checked', { count: check.result.checked, n: formatNumber(check.result.checked, language) })}
            </p>
          </Alert>
        ) : null}
        {check.status === 'done' ? (
          <p className="audit__time">
            {t('audit.checkedAt', { date: formatDate(check.at, language, { dateStyle: 'long', timeStyle: 'medium' }) })}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={check.status === 'running'}
        onClick={() => void run()}
      >
        {t('audit.run')}
      </button>
    </>
  );
}
