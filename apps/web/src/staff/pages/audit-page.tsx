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
              {check.result.firstBadId
                ? t('audit.bad', { id: check.result.firstBadId })
                : t('audit.badUnknown')}
            </p>
            {check.result.reason ? <p>{t('audit.reason', { reason: check.result.reason })}</p> : null}
            <p>{t('audit.checked', { count: check.result.checked, n: formatNumber(check.result.checked, language) })}</p>
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
