// Requests to link a victim, addressed to me (decision 0137): a documentation officer counted a
// victim anonymously and wrote down the name the victim gave. I find the person among those I
// look after, record the consent and link; or I say it is not someone I look after. The officer
// hears back either way. What I see of the event is its date, place and acts, not its account.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './incidents.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { eventDateInWords } from './incident-dates';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { ApiError } from '../../api/client';
import { SelectField } from '../people/form-fields';
import { incidentsApi } from './incidents-api';
import type { IncomingLinkRequest } from './incidents-api';
import { linkConsentMethods } from './incident-options';
import { PersonPicker, type PersonOption } from './person-picker';

export function LinkRequestsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<IncomingLinkRequest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => {
    incidentsApi.incomingLinkRequests().then((r) => setItems(r.items), setError);
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageTitle appName={t('app.name')}>{t('incidents.linkRequests.pageTitle')}</PageTitle>
      <p className="muted">{t('incidents.linkRequests.pageIntro')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {items === null && !error ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {items?.length === 0 ? <p>{t('incidents.linkRequests.none')}</p> : null}
      {items?.map((item) => (
        <RequestCard
          key={item.id}
          item={item}
          onAnswered={(message) => {
            setDone(message);
            load();
          }}
        />
      ))}
    </>
  );
}

function RequestCard({ item, onAnswered }: { item: IncomingLinkRequest; onAnswered: (message: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lang = language === 'en' ? 'en' : 'es';
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [consent, setConsent] = useState('signed');
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `link-request-${item.id}`;
  const act = (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    call().then(
      () => onAnswered(message),
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };
  const personError =
    error instanceof ApiError && error.field === 'personId'
      ? errorMessage(error, t)
      : error === 'choose'
        ? t('incidents.victims.choosePerson')
        : null;
  const what = [
    eventDateInWords(item.event.date, item.event.precision, language, t('incidents.page.around')),
    item.event.place?.[lang],
    item.event.acts.map((a) => a[lang]).join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="card section-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('incidents.linkRequests.cardTitle', { name: item.nameHint })}</h2>
      <dl className="record">
        <dt>{t('incidents.linkRequests.event')}</dt>
        <dd>{what}</dd>
        {item.victim ? (
          <>
            <dt>{t('incidents.linkRequests.victim')}</dt>
            <dd>
              {t(`incidents.sex.${item.victim.sex as 'F'}`)}, {t(`incidents.age.${item.victim.ageGroup as '18-29'}`)}
            </dd>
          </>
        ) : null}
        {item.note ? (
          <>
            <dt>{t('incidents.linkRequests.note')}</dt>
            <dd>{item.note}</dd>
          </>
        ) : null}
        {item.requestedBy ? (
          <>
            <dt>{t('incidents.linkRequests.requestedBy')}</dt>
            <dd>{item.requestedBy}</dd>
          </>
        ) : null}
      </dl>
      {error && !personError ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!person) {
            setError('choose');
            return;
          }
          act(
            () => incidentsApi.answerLink(item.id, { personId: person.personId, consent: { method: consent } }),
            t('incidents.linkRequests.linkedDone', { name: person.label }),
          );
        }}
      >
        <div className="fieldset">
          <PersonPicker
            id={`link-person-${item.id}`}
            label={t('incidents.victims.person')}
            hint={t('incidents.linkRequests.personHint')}
            error={personError}
            value={person}
            onChange={setPerson}
          />
          <SelectField
            id={`link-consent-${item.id}`}
            label={t('incidents.victims.consent')}
            value={consent}
            onChange={(e) => setConsent(e.target.value)}
          >
            {linkConsentMethods.map((m) => (
              <option key={m} value={m}>
                {t(`incidents.consent.${m}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('incidents.linkRequests.link')}
          </button>
          {confirmDecline ? (
            <span role="group" aria-label={t('incidents.linkRequests.declineConfirm')}>
              <span className="muted">{t('incidents.linkRequests.declineConfirm')}</span>{' '}
              <button
                type="button"
                className="button button--quiet"
                disabled={busy}
                onClick={() => act(() => incidentsApi.declineLink(item.id), t('incidents.linkRequests.declinedDone'))}
              >
                {t('incidents.linkRequests.declineYes')}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirmDecline(false)}>
                {t('incidents.linkRequests.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="button button--quiet" onClick={() => setConfirmDecline(true)}>
              {t('incidents.linkRequests.decline')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
