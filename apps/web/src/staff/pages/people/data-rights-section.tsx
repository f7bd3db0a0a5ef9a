// The person's rights over their data (decision 0118): a download of everything held about them
// in every module (their right of access, as JSON), and erasure after a confirmation that says
// what will be erased and what stays without personal data. The server decides who may do either
// (export, delete) and audits both; a refusal is shown as the server words it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../cases/cases.css';
import { Alert } from '../../../shared/components/alert';
import { apiRequest } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { navigate } from '../../router/router';
import type { Person } from './people-api';
import { personName } from './person-name';
import { useModalAction } from '../../shared/modal-action';

const enc = encodeURIComponent;
const erasedItems = ['record', 'screenings', 'cases', 'households', 'procedures', 'referrals', 'incidents'] as const;
const keptItems = ['audit', 'cases', 'procedures', 'referrals', 'incidents'] as const;

/** Saves a JSON document as a file through a temporary link (nothing leaves the browser). */
function saveJson(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataRightsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function download() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      saveJson(await apiRequest<unknown>('GET', `/api/people/${enc(person.id)}/export`), `persona-${person.id}.json`);
      setDone(t('people.dataRights.exported'));
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="person-data-rights" className="card section-card">
      <h2 id="person-data-rights">{t('people.dataRights.title')}</h2>
      <p>{t('people.dataRights.intro')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void download()}>
          {busy ? t('people.dataRights.exporting') : t('people.dataRights.export')}
        </button>
        <button type="button" id="person-erase" className="button button--quiet" onClick={() => setConfirming(true)}>
          {t('people.dataRights.erase')}
        </button>
      </div>
      {confirming ? <EraseDialog person={person} onCancel={() => setConfirming(false)} /> : null}
    </section>
  );
}

function EraseDialog({ person, onCancel }: { person: Person; onCancel: () => void }) {
  const { t } = useTranslation();
  const {
    ref,
    busy,
    error,
    run: erase,
  } = useModalAction(async () => {
    await apiRequest<void>('DELETE', `/api/people/${enc(person.id)}`);
    navigate('/people');
  });

  return (
    <dialog ref={ref} className="reason-dialog" aria-labelledby="erase-dialog-title" onCancel={onCancel}>
      <h2 id="erase-dialog-title">{t('people.dataRights.confirmTitle', { name: personName(person, t) })}</h2>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <p>{t('people.dataRights.willErase')}</p>
      <ul>
        {erasedItems.map((item) => (
          <li key={item}>{t(`people.dataRights.erased.${item}`)}</li>
        ))}
      </ul>
      <p>{t('people.dataRights.willKeep')}</p>
      <ul>
        {keptItems.map((item) => (
          <li key={item}>{t(`people.dataRights.kept.${item}`)}</li>
        ))}
      </ul>
      <p>
        <strong>{t('people.dataRights.irreversible')}</strong>
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void erase()}>
          {busy ? t('people.dataRights.erasing') : t('people.dataRights.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('people.dataRights.cancel')}
        </button>
      </div>
    </dialog>
  );
}
