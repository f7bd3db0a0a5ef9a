// One event: what happened (title, dates with precision, place, route, context, narrative), its
// confidentiality level, then victims, perpetrators, acts, evidence, complaints and - for attacks
// on defenders or people at risk - protection measures; the redacted PDF for a complaint.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './incidents.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { useSession } from '../../session/session-context';
import { incidentsApi } from './incidents-api';
import type { Incident, Vocabulary } from './incidents-api';
import { ConfidentialityBadge } from './incident-labels';
import { eventDateInWords } from './incident-dates';
import { ActsSection, PerpetratorsSection } from './incident-parts-sections';
import { VictimsSection } from './incident-victims-section';
import { EvidenceSection } from './incident-evidence-section';
import { ComplaintsSection, ProtectionSection } from './incident-legal-sections';

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; event: Incident };

export function IncidentPage({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { state: session } = useSession();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);

  const reload = useCallback(async () => {
    try {
      setLoad({ status: 'ready', event: await incidentsApi.get(incidentId) });
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, [incidentId]);

  useEffect(() => {
    void reload();
    incidentsApi.vocabulary().then(setVocabulary, () => undefined);
  }, [reload]);

  if (load.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <>
        <PageTitle appName={t('app.name')}>{t('incidents.page.notAvailable')}</PageTitle>
        <Alert tone="error">{errorMessage(load.error, t)}</Alert>
        <p>
          <Link to="/incidents">{t('incidents.form.back')}</Link>
        </p>
      </>
    );
  }
  const event = load.event;
  const me = session.status === 'authenticated' ? session.me : null;
  const readOnly = !me?.permissions.incident?.update;
  const onSaved = (next: Incident) => setLoad({ status: 'ready', event: next });
  const props = { event, vocabulary, readOnly, onSaved };
  const inWords = (d: { date: string; precision: string }) =>
    eventDateInWords(d.date, d.precision, language, t('incidents.page.around'));
  const period = event.end ? `${inWords(event.start)} – ${inWords(event.end)}` : inWords(event.start);
  return (
    <>
      <PageTitle appName={t('app.name')}>{event.title}</PageTitle>
      <p className="breadcrumb">
        <Link to="/incidents">{t('incidents.form.back')}</Link>
      </p>
      <section aria-labelledby="incident-summary" className="card">
        <h2 id="incident-summary" className="visually-hidden">
          {t('incidents.page.summary')}
        </h2>
        <p>
          <ConfidentialityBadge level={event.confidentiality} />{' '}
          <span className="muted">{t(`incidents.confidentialityHint.${event.confidentiality as 'internal'}`)}</span>
        </p>
        <dl className="record">
          <dt>{t('incidents.fields.start')}</dt>
          <dd>{period}</dd>
          <dt>{t('incidents.fields.place')}</dt>
          <dd>
            {[event.place.locality, event.place.names?.[language === 'en' ? 'en' : 'es']].filter(Boolean).join(', ') ||
              '—'}
          </dd>
          {event.routeSegment ? (
            <>
              <dt>{t('incidents.fields.route')}</dt>
              <dd>{t(`incidents.route.${event.routeSegment as 'isthmus'}`)}</dd>
            </>
          ) : null}
          {event.contextTags.length > 0 ? (
            <>
              <dt>{t('incidents.fields.context')}</dt>
              <dd>{event.contextTags.map((c) => t(`incidents.context.${c as 'train'}`)).join(', ')}</dd>
            </>
          ) : null}
          {event.againstDefenders ? (
            <>
              <dt>{t('incidents.fields.againstDefenders')}</dt>
              <dd>{t('incidents.page.yes')}</dd>
            </>
          ) : null}
        </dl>
        {event.narrative ? <p className="incident-narrative">{event.narrative}</p> : null}
        <p className="page-actions">
          {!readOnly ? (
            <Link className="button button--quiet" to={`/incidents/${event.id}/edit`}>
              {t('incidents.page.edit')}
            </Link>
          ) : null}{' '}
          <a className="button button--quiet" href={incidentsApi.reportUrl(event.id, language)} download>
            {t('incidents.page.report')}
          </a>
        </p>
      </section>
      <VictimsSection {...props} />
      <PerpetratorsSection {...props} />
      <ActsSection {...props} />
      <EvidenceSection event={event} readOnly={readOnly} onChanged={reload} />
      <ComplaintsSection {...props} />
      {event.againstDefenders || event.protectionMeasures.length > 0 ? <ProtectionSection {...props} /> : null}
    </>
  );
}
