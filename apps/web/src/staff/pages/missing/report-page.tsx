// A missing-person report: what the family told, the review queue (candidates side by side with
// the explanation; rejected pairs are not shown again), and tracing requests to partners.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './missing.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { CandidateCard } from './candidate-card';
import { SelectField } from '../people/form-fields';
import { ReportTracingSection } from './report-tracing-section';
import { PhotoGallery } from './photo-gallery';
import { missingApi, searchPath } from './missing-api';
import type { MatchCandidate, MissingReport } from './missing-api';
import { reportName } from './search-page';
import { AnteMortemPanel } from './ampm-panels';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; report: MissingReport; candidates: MatchCandidate[] };

function Facts({ report }: { report: MissingReport }) {
  const { t } = useTranslation();
  const facts: [
    (
      | 'sex'
      | 'birthDate'
      | 'ageRange'
      | 'nationality'
      | 'originPlace'
      | 'eventDate'
      | 'eventPlace'
      | 'route'
      | 'tattoos'
      | 'dna'
    ),
    string | undefined,
  ][] = [
    ['sex', report.sex ? t(`missing.sex.${report.sex}`) : undefined],
    ['birthDate', report.birthDate],
    [
      'ageRange',
      report.ageMin !== undefined || report.ageMax !== undefined
        ? `${report.ageMin ?? '?'}–${report.ageMax ?? '?'}`
        : undefined,
    ],
    ['nationality', report.nationality],
    ['originPlace', report.origin?.place],
    ['eventDate', report.lastContact?.date],
    ['eventPlace', report.lastContact?.place],
    ['route', report.lastContact?.route],
    ['tattoos', report.physical?.tattoos],
    [
      'dna',
      report.dnaSample
        ? report.dnaSample.given
          ? t('missing.dnaGiven', { where: report.dnaSample.where ?? '' })
          : t('missing.dnaNotGiven')
        : undefined,
    ],
  ];
  return (
    <dl className="record">
      {facts
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="record__row">
            <dt>{t(`missing.compare.row.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ReportPage({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [report, queue] = await Promise.all([missingApi.report(reportId), missingApi.candidates(reportId)]);
      setLoad({ status: 'ready', report, candidates: queue.items });
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, [reportId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('missing.report.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
      </>
    );
  }
  const { report, candidates } = load;
  const reviewed = (c: MatchCandidate, withdrawn?: boolean) => {
    setNotice(withdrawn ? t('missing.review.done.withdrawn') : t(`missing.review.done.${c.reviewStatus}`));
    setLoad({
      ...load,
      candidates: candidates.map((x) => (x.id === c.id ? c : x)).filter((x) => x.reviewStatus !== 'rejected'),
    });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={searchPath}>{t('nav.search')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{reportName(report, t('missing.unnamed'))}</PageTitle>
      <form
        className="inline-form field-row"
        aria-label={t('missing.report.statusLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          const status = new FormData(event.currentTarget).get('status') as MissingReport['status'];
          void missingApi.changeStatus(report.id, status, report.version).then(
            () => {
              setNotice(t('missing.report.statusChanged'));
              return reload();
            },
            (e: unknown) => setNotice(errorMessage(e, t)),
          );
        }}
      >
        <SelectField
          id="report-status"
          name="status"
          label={t('missing.report.statusLabel')}
          defaultValue={report.status}
          key={`${report.status}-${report.version}`}
        >
          {(['open', 'located_alive', 'located_deceased', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`missing.report.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--small">
          {t('missing.report.changeStatus')}
        </button>
      </form>
      <Facts report={report} />
      <p className="muted">{t('missing.neverFamily')}</p>
      <PhotoGallery owner={{ kind: 'report', id: report.id }} photos={report.photos ?? []} canEdit onChanged={reload} />
      <AnteMortemPanel report={report} onSaved={reload} />

      <section className="section-card" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('missing.review.title')}</h2>
        <div role="status">{notice}</div>
        {candidates.length === 0 ? (
          <p className="muted">{t('missing.review.none')}</p>
        ) : (
          candidates.map((c) => <CandidateCard key={`${c.id}-${c.reviewStatus}`} candidate={c} onReviewed={reviewed} />)
        )}
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void missingApi.rematch(reportId).then(
                (run) => {
                  setNotice(t('missing.review.rematched', { count: run.proposed }));
                  return reload();
                },
                (e: unknown) => setNotice(errorMessage(e, t)),
              )
            }
          >
            {t('missing.review.rematch')}
          </button>
        </p>
      </section>

      <ReportTracingSection report={report} onChange={reload} />
    </>
  );
}
