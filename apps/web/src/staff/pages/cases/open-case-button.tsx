// "Open case" on a person's page: opens the case (an unaccompanied child's starts with the
// best-interests steps) and goes to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { navigate } from '../../router/router';
import { useCan } from '../../session/capabilities';
import { casesApi } from './cases-api';

export function OpenCaseButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const allowed = useCan('case.open');

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const opened = await casesApi.open(personId);
      navigate(`/cases/${opened.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  if (!allowed) return null;
  return (
    <>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <p className="page-actions">
        <button
          type="button"
          id="open-case"
          className="button button--primary"
          disabled={busy}
          onClick={() => void open()}
        >
          {busy ? t('cases.opening') : t('cases.openCase')}
        </button>
      </p>
    </>
  );
}
