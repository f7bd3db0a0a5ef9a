// "Hoy": the landing page after login. One card per thing the account's role can act on today
// (GET /api/home/today, decision 0134), each with its count and items one click from their page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Today, TodayCard, TodayItem, TodaySection } from '@acompana/core/api';
import { Alert } from '../../shared/components/alert';
import { PageTitle } from '../../shared/components/page-title';
import { currentLanguage, plain } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import { apiRequest } from '../api/client';
import { errorMessage } from '../api/error-message';
import { Link } from '../router/router';
import { useMe } from '../session/session-context';
import { twoFactorLink } from '../shell/modules';
import { formatPlainDate } from './people/reference-data';
import { useRoleLabel } from './role-label';
import { atRiskWords } from './agenda/status-badge';
import '../../shared/styles/records.css';
import './home-page.css';

const order: readonly TodayCard[] = ['deadlines', 'tasks', 'referrals', 'matches', 'followUps', 'notifications'];

function itemLabel(card: TodayCard, item: TodayItem, t: Translate): string {
  if (card === 'followUps') return t('staffApp.today.followUp', { days: item.kind });
  if (card === 'referrals') return t('staffApp.today.referralFrom', { org: item.title ?? '' });
  if (card === 'tasks') return item.title ?? t('staffApp.today.customTask');
  return [item.personName, item.title].filter(Boolean).join(' — ');
}

function Item({ card, item }: { card: TodayCard; item: TodayItem }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="today-item">
      <Link className="today-item__link" to={item.path}>
        {itemLabel(card, item, plain(t))}
      </Link>
      <span className="today-item__facts">
        <span className={`badge badge--${item.status === 'at_risk' ? 'at-risk' : item.status}`}>
          {t(`staffApp.today.status.${item.status}`)}
        </span>
        {item.status === 'at_risk' && item.atRisk ? (
          <span className="status-reason">
            <span className="visually-hidden">: </span>
            {atRiskWords(item.atRisk, t)}
          </span>
        ) : null}
        {item.due ? ` ${t('staffApp.today.due', { date: formatPlainDate(item.due, language, 'full') })}` : null}
      </span>
    </li>
  );
}

function Card({ card, section }: { card: TodayCard; section: TodaySection }) {
  const { t } = useTranslation();
  const headingId = `today-${card}`;
  const urgent = section.items.some((i) => i.status === 'overdue');
  let body;
  if (section.count === 0) body = <p className="muted">{t(`staffApp.today.empty.${card}`)}</p>;
  else if (card === 'matches') body = <p>{t('staffApp.today.matchesWaiting', { count: section.count })}</p>;
  else if (card === 'notifications') body = <p>{t('staffApp.today.notificationsWaiting', { count: section.count })}</p>;
  else
    body = (
      <ul className="today-card__items">
        {section.items.map((item, index) => (
          <Item key={`${item.path}-${index}`} card={card} item={item} />
        ))}
      </ul>
    );
  return (
    <section className={urgent ? 'today-card today-card--urgent' : 'today-card'} aria-labelledby={headingId}>
      <h2 id={headingId} className="today-card__title">
        <span>{t(`staffApp.today.cards.${card}`)}</span>
        <span className="today-card__count" aria-label={t('staffApp.today.countLabel', { count: section.count })}>
          {section.count}
        </span>
      </h2>
      {body}
      {section.count > 0 && card !== 'notifications' ? (
        <p className="today-card__all">
          <Link to={section.path}>{t('staffApp.today.seeAll')}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const language = currentLanguage();
  const today = useQuery({
    queryKey: ['today', me.activeOrg?.id ?? null, language],
    queryFn: ({ signal }) => apiRequest<Today>('GET', '/api/home/today', { signal }),
    enabled: me.activeOrg !== null,
  });
  return (
    <>
      <PageTitle appName={t('app.name')} documentTitle={t('staffApp.today.title')}>
        {t('home.greeting', { name: me.account.displayName })}
      </PageTitle>
      <div className="home__welcome">
        {me.activeOrg && me.role ? (
          <p className="home__role">{t('home.roleInOrg', { org: me.activeOrg.name, role: roleLabel(me.role) })}</p>
        ) : (
          <p className="home__role">{t('home.noOrg')}</p>
        )}
        {today.data ? (
          <p className="home__today">
            {t('staffApp.today.date', { date: formatPlainDate(today.data.today, language, 'full') })}
          </p>
        ) : null}
      </div>
      {me.totpEnrolled ? null : (
        <Alert tone="warning">
          <p>{t('home.twoFactorAdvice')}</p>
          <p>
            <Link to={twoFactorLink.path}>{t('home.twoFactorLink')}</Link>
          </p>
        </Alert>
      )}
      {today.isError ? <Alert tone="error">{errorMessage(today.error, t)}</Alert> : null}
      {today.isPending && me.activeOrg ? (
        <div className="today-grid" aria-busy="true">
          <p className="muted">{t('staffApp.today.loading')}</p>
        </div>
      ) : null}
      {today.data ? (
        <div className="today-grid">
          {order.map((card) => {
            const section = today.data.cards[card];
            return section ? <Card key={card} card={card} section={section} /> : null;
          })}
        </div>
      ) : null}
    </>
  );
}
