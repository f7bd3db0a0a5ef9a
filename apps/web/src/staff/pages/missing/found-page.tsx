// A person found alive or unidentified remains: what was recorded, its photos, and its status
// (unidentified, identified, returned to family). A status change is asked for confirmation in a
// modal dialog: an identified or returned record leaves the matching, and the change is audited.
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { SelectField } from '../people/form-fields';
import { useModalAction } from '../../shared/modal-action';
import { PhotoGallery } from './photo-gallery';
import { missingApi, searchPath } from './missing-api';
import type { FoundRecord } from './missing-api';
import { reportName } from './search-page';
import { PostMortemPanel } from './ampm-panels';
import { ForensicPanel } from './ampm-forensic';

type Status = FoundRecord['status'];
const statuses: readonly Status[] = ['unidentified', 'identified', 'returned_to_family'];

function ConfirmStatus({
  from,
  to,
  onConfirm,
  onCancel,
}: {
  from: Status;
  to: Status;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { ref, busy, error, run } = useModalAction(onConfirm);
  function submit(event: FormEvent) {
    event.preventDefault();
    void run();
  }
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="found-status-title" onCancel={onCancel}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="found-status-title">{t('missing.found.confirmTitle')}</h2>
        <p>
          {t('missing.found.confirmText', {
            from: t(`missing.found.status.${from}`),
            to: t(`missing.found.status.${to}`),
          })}
        </p>
        {to !== 'unidentified' ? <p className="muted">{t('missing.found.leavesMatching')}</p> : null}
        {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('missing.found.confirmChange')}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('missing.photos.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function FoundPage({ foundId }: { foundId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; record: FoundRecord }
  >({ status: 'loading' });
  const [chosen, setChosen] = useState<Status | null>(null);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', record: await missingApi.foundRecord(foundId) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [foundId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('missing.found.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(state.error, t)}</Alert>
      </>
    );
  }
  const r = state.record;
  const target = chosen ?? r.status;
  const facts: [string, string | undefined][] = [
    [t('missing.field.kind'), t(`missing.found.kind.${r.kind}`)],
    [t('missing.field.foundOn'), r.foundOn],
    [t('missing.field.foundPlace'), r.foundPlace],
    [t('missing.field.agency'), r.custodian?.agency],
    [t('missing.field.fileNumber'), r.custodian?.fileNumber],
    [t('missing.field.sex'), r.sex ? t(`missing.sex.${r.sex}`) : undefined],
    [
      t('missing.compare.row.ageRange'),
      r.ageMin !== undefined || r.ageMax !== undefined ? `${r.ageMin ?? '?'}–${r.ageMax ?? '?'}` : undefined,
    ],
    [t('missing.field.heightCm'), r.description?.statureCm !== undefined ? String(r.description.statureCm) : undefined],
    [t('missing.field.tattoos'), r.description?.tattoos],
    [t('missing.field.clothing'), r.belongings?.clothing],
    [t('missing.field.circumstances'), r.circumstances],
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{reportName(r, t(`missing.found.kind.${r.kind}`))}</PageTitle>
      <form
        className="inline-form field-row"
        aria-label={t('missing.found.statusLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          if (target !== r.status) setAsking(true);
        }}
      >
        <SelectField
          id="found-record-status"
          label={t('missing.found.statusLabel')}
          value={target}
          onChange={(e) => setChosen(e.target.value as Status)}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`missing.found.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--small" disabled={target === r.status}>
          {t('missing.report.changeStatus')}
        </button>
      </form>
      <div role="status">{notice}</div>
      {asking ? (
        <ConfirmStatus
          from={r.status}
          to={target}
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            const next = await missingApi.changeFoundStatus(r.id, target, r.version);
            setAsking(false);
            setChosen(null);
            setNotice(t('missing.found.statusChanged', { status: t(`missing.found.status.${next.status}`) }));
            setState({ status: 'ready', record: next });
          }}
        />
      ) : null}
      <dl className="record">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="record__row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <PhotoGallery owner={{ kind: 'found', id: r.id }} photos={r.photos ?? []} canEdit onChanged={reload} />
      {r.kind === 'unidentified_remains' ? (
        <>
          <PostMortemPanel record={r} onSaved={reload} />
          <ForensicPanel key={r.id} foundId={r.id} version={r.version} onChanged={reload} />
        </>
      ) : null}
    </>
  );
}
