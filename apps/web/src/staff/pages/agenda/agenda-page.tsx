// "Procedures and deadlines": the lawyer's agenda (own procedures) and, for roles that may see
// it, the organisation's; grouped as overdue, due this week, at risk and upcoming.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { useMe } from '../../session/session-context';
import { proceduresApi } from '../people/people-api';
import type { Agenda, AgendaItem, AgendaScope } from '../people/people-api';
import { formatPlainDate, localized } from '../people/reference-data';
import { CalendarFeed } from './calendar-feed';
import { AtRiskRule } from '../people/procedure-filing';
import { StatusBadge } from './status-badge';
import { overviewPath } from './overview-page';

/** Roles whose policy grants reading procedures organisation-wide (core's policy grants). */
const orgWideRoles: ReadonlySet<string> = new Set(['admin', 'coordinator']);
const sections = ['overdue', 'dueThisWeek', 'atRisk', 'upcoming'] as const;

type Load = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; agenda: Agenda };

export function AgendaPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [scope, setScope] = useState<AgendaScope>('mine');
  const [orgAllowed, setOrgAllowed] = useState(me.role !== null && orgWideRoles.has(me.role));
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const fetchAgenda = useCallback(async (wanted: AgendaScope) => {
    setLoad({ status: 'loading' });
    try {
      setLoad({ status: 'ready', agenda: await proceduresApi.agenda(wanted) });
    } catch (error) {
      if (wanted === 'organisation' && error instanceof ApiError && error.status === 403) {
        setOrgAllowed(false);
        setScope('mine');
        return;
      }
      setLoad({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void fetchAgenda(scope);
  }, [fetchAgenda, scope]);

  const language = currentLanguage();
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('nav.procedures')}</PageTitle>
      {orgAllowed ? (
        <p>
          <Link to={overviewPath}>{t('overview.link')}</Link>
        </p>
      ) : null}
      {orgAllowed ? (
        <fieldset className="scope-toggle">
          <legend>{t('agenda.scope')}</legend>
          {(['mine', 'organisation'] as const).map((s) => (
            <label key={s} className="scope-toggle__option">
              <input type="radio" name="agenda-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {t(`agenda.scopes.${s}`)}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('agenda.mineOnly')}</p>
      )}
      {load.status === 'loading' ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {load.status === 'failed' ? <Alert tone="error">{errorMessage(load.error, t)}</Alert> : null}
      {load.status === 'ready' ? (
        <>
          <p>{t('agenda.today', { date: formatPlainDate(load.agenda.today, language, 'full') })}</p>
          <AtRiskRule />
          {sections.map((section) => (
            <AgendaSection key={section} section={section} items={load.agenda[section]} />
          ))}
        </>
      ) : null}
      <CalendarFeed />
    </>
  );
}

function AgendaSection({ section, items }: { section: (typeof sections)[number]; items: AgendaItem[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = `agenda-${section}`;
  return (
    <section aria-labelledby={headingId} className={`agenda-section agenda-section--${section}`}>
      <h2 id={headingId}>
        {t(`agenda.sections.${section}`)} <span className="agenda-section__count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ul className="agenda-list">
          {items.map((item) => (
            <li
              key={`${item.procedureId}-${item.stepKey}`}
              className={`agenda-item agenda-item--${item.status.replace('_', '-')}`}
            >
              <div className="agenda-item__head">
                <StatusBadge status={item.status} atRisk={item.atRisk} />
                <strong className="agenda-item__date">{formatPlainDate(item.dueDate, language, 'full')}</strong>
              </div>
              <p className="agenda-item__what">
                {localized(item.stepTitle, language)} — {localized(item.procedureTitle, language)}
              </p>
              {item.workingDaysLeft !== null && item.status !== 'overdue' ? (
                <p className="agenda-item__left">{t('agenda.workingDaysLeft', { count: item.workingDaysLeft })}</p>
              ) : null}
              <p>
                <Link to={`/people/${item.personId}?tab=procedures`}>
                  {item.personName
                    ? t('agenda.openFileOf', { name: item.personName })
                    : t('agenda.openFile', { step: localized(item.stepTitle, language) })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
