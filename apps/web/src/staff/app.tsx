// Top-level routing: who may see which page. Signed-out users get the login page (remembering
// where they were going); users who must enrol 2FA get only the enrolment page.
import { Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../shared/components/alert';
import { errorMessage } from './api/error-message';
import { navigate, useLocation } from './router/router';
import { useSession } from './session/session-context';
import type { SessionState } from './session/session-context';
import { AppShell } from './shell/app-shell';
import { adminLink, auditLink, loginPath, moduleLinks, twoFactorLink } from './shell/modules';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { ForbiddenPage } from './pages/forbidden-page';
import { isPortalLang } from './pages/portal/portal-api';
import { lazyPage } from './router/lazy-page';
import { adminPaths } from './pages/admin/admin-paths';
import { routeAllowed, routeNeedsCapabilities } from './router/route-access';
import {
  CapabilitiesPending,
  CapabilitiesProvider,
  useCapabilities,
  useCapabilitiesPending,
} from './session/capabilities';

const overviewPath = '/procedures/overview';
const portalPath = '/portal';

const AdminPage = lazyPage(() => import('./pages/admin-page'), 'AdminPage');
const AuditPage = lazyPage(() => import('./pages/audit-page'), 'AuditPage');
const SharingAgreementsPage = lazyPage(() => import('./pages/admin/sharing-agreements-page'), 'SharingAgreementsPage');
const AuditLogPage = lazyPage(() => import('./pages/admin/audit-log-page'), 'AuditLogPage');
const AccountsPage = lazyPage(() => import('./pages/admin/accounts-page'), 'AccountsPage');
const OidcSettingsPage = lazyPage(() => import('./pages/admin/oidc-settings-page'), 'OidcSettingsPage');
const HomePage = lazyPage(() => import('./pages/home-page'), 'HomePage');
const AgendaPage = lazyPage(() => import('./pages/agenda/agenda-page'), 'AgendaPage');
const OverviewPage = lazyPage(() => import('./pages/agenda/overview-page'), 'OverviewPage');
const PeopleListPage = lazyPage(() => import('./pages/people/people-list-page'), 'PeopleListPage');
const PersonPage = lazyPage(() => import('./pages/people/person-page'), 'PersonPage');
const RegisterPersonPage = lazyPage(() => import('./pages/people/register-person-page'), 'RegisterPersonPage');
const ScreeningPage = lazyPage(() => import('./pages/screening/screening-page'), 'ScreeningPage');
const PlanProposalPage = lazyPage(() => import('./pages/intake/plan-proposal-page'), 'PlanProposalPage');
const PlaceholderPage = lazyPage(() => import('./pages/placeholder-page'), 'PlaceholderPage');
const CasesListPage = lazyPage(() => import('./pages/cases/cases-list-page'), 'CasesListPage');
const CasePage = lazyPage(() => import('./pages/cases/case-page'), 'CasePage');
const StatisticsPage = lazyPage(() => import('./pages/statistics/statistics-page'), 'StatisticsPage');
const TwoFactorPage = lazyPage(() => import('./pages/two-factor-page'), 'TwoFactorPage');
const PasskeysPage = lazyPage(() => import('./pages/account/passkeys-page'), 'PasskeysPage');
const AccountSecurityPage = lazyPage(() => import('./pages/account/account-security-page'), 'AccountSecurityPage');
const PublicAccountPage = lazyPage(() => import('./pages/account/public-account-pages'), 'PublicAccountPage');
/** Reached from e-mailed links and the login page, with or without a session (decision 0129). */
const publicAccountPaths = ['/account/invitation', '/account/forgot', '/account/reset'];
const PortalGuidesPage = lazyPage(() => import('./pages/portal/portal-guides-page'), 'PortalGuidesPage');
const PortalEditorPage = lazyPage(() => import('./pages/portal/portal-editor-page'), 'PortalEditorPage');
const ReintegrationPage = lazyPage(() => import('./pages/reintegration/reintegration-page'), 'ReintegrationPage');
const ReceptionNewPage = lazyPage(() => import('./pages/reintegration/reception-new-page'), 'ReceptionNewPage');
const ReceptionPage = lazyPage(() => import('./pages/reintegration/reception-page'), 'ReceptionPage');
const FamiliesPage = lazyPage(() => import('./pages/reintegration/families-page'), 'FamiliesPage');
const FamilyPage = lazyPage(() => import('./pages/reintegration/family-page'), 'FamilyPage');
const ConsularPage = lazyPage(() => import('./pages/reintegration/consular-page'), 'ConsularPage');
const ReferralsPage = lazyPage(() => import('./pages/referrals/referrals-page'), 'ReferralsPage');
const IncidentsListPage = lazyPage(() => import('./pages/incidents/incidents-list-page'), 'IncidentsListPage');
const IncidentPage = lazyPage(() => import('./pages/incidents/incident-page'), 'IncidentPage');
const IncidentFormPage = lazyPage(() => import('./pages/incidents/incident-form-page'), 'IncidentFormPage');
const LinkRequestsPage = lazyPage(() => import('./pages/incidents/link-requests-page'), 'LinkRequestsPage');
const MissingRoute = lazyPage(() => import('./pages/missing/missing-routes'), 'MissingRoute');

/** Only in-app paths are accepted as a post-login destination (no open redirect). */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith(loginPath)) return '/';
  return next;
}

/** Where the user should be, given the session; null while that is still unknown. */
function targetPath(state: SessionState, path: string, next: string | null): string | null {
  if (state.status === 'loading' || state.status === 'failed') return null;
  if (publicAccountPaths.includes(path)) return path;
  if (state.status === 'anonymous') {
    if (path === loginPath) return path;
    return path === '/' ? loginPath : `${loginPath}?next=${encodeURIComponent(path)}`;
  }
  if (state.me.mustEnrollTotp) return twoFactorLink.path;
  if (path === loginPath) return safeNext(next);
  return path;
}

function pageFor(path: string): ReactNode {
  if (path === '/') return <HomePage />;
  if (path === twoFactorLink.path) return <TwoFactorPage />;
  if (path === '/account/passkeys') return <PasskeysPage />;
  if (path === '/account/security') return <AccountSecurityPage />;
  if (path === auditLink.path) return <AuditPage />;
  if (path === adminPaths.sharing) return <SharingAgreementsPage />;
  if (path === adminPaths.auditLog) return <AuditLogPage />;
  if (path === adminPaths.accounts) return <AccountsPage />;
  if (path === adminPaths.oidc) return <OidcSettingsPage />;
  if (path === adminLink.path) return <AdminPage />;
  if (path === '/people') return <PeopleListPage />;
  if (path === '/people/new') return <RegisterPersonPage />;
  const person = /^\/people\/([0-9a-f-]{36})$/i.exec(path);
  if (person?.[1]) return <PersonPage key={person[1]} personId={person[1]} />;
  const screening = /^\/people\/([0-9a-f-]{36})\/screening\/([a-z_]{1,60})$/i.exec(path);
  if (screening?.[1] && screening[2])
    return <ScreeningPage key={path} personId={screening[1]} questionnaireId={screening[2]} />;
  const plan = /^\/people\/([0-9a-f-]{36})\/plan$/i.exec(path);
  if (plan?.[1]) return <PlanProposalPage key={plan[1]} personId={plan[1]} />;
  if (path === '/procedures') return <AgendaPage />;
  if (path === overviewPath) return <OverviewPage />;
  if (path === '/cases') return <CasesListPage />;
  if (path === '/statistics') return <StatisticsPage />;
  const openCase = /^\/cases\/([0-9a-f-]{36})$/i.exec(path);
  if (openCase?.[1]) return <CasePage key={openCase[1]} caseId={openCase[1]} />;
  if (path === '/incidents') return <IncidentsListPage />;
  if (path === '/incidents/new') return <IncidentFormPage />;
  if (path === '/link-requests') return <LinkRequestsPage />;
  const incident = /^\/incidents\/([0-9a-f-]{36})(\/edit)?$/i.exec(path);
  if (incident?.[1])
    return incident[2] ? (
      <IncidentFormPage key={path} incidentId={incident[1]} />
    ) : (
      <IncidentPage key={incident[1]} incidentId={incident[1]} />
    );
  if (path === portalPath) return <PortalGuidesPage />;
  const portalGuide = /^\/portal\/guides\/([a-z0-9][a-z0-9-]{0,79})\/([a-z]{2})$/.exec(path);
  if (portalGuide?.[1] && portalGuide[2] && isPortalLang(portalGuide[2]))
    return <PortalEditorPage key={path} slug={portalGuide[1]} lang={portalGuide[2]} />;
  if (path === '/search' || path.startsWith('/search/')) return <MissingRoute path={path} />;
  if (path === '/referrals') return <ReferralsPage />;
  if (path === '/reintegration') return <ReintegrationPage />;
  if (path === '/reintegration/new') return <ReceptionNewPage />;
  if (path === '/reintegration/families') return <FamiliesPage />;
  if (path === '/reintegration/consular') return <ConsularPage />;
  const family = /^\/reintegration\/families\/([0-9a-f-]{36})$/i.exec(path);
  if (family?.[1]) return <FamilyPage key={family[1]} familyId={family[1]} />;
  const reception = /^\/reintegration\/([0-9a-f-]{36})$/i.exec(path);
  if (reception?.[1]) return <ReceptionPage key={reception[1]} receptionId={reception[1]} />;
  const module = moduleLinks.find((link) => link.path === path);
  if (module) return <PlaceholderPage key={module.path} module={module} />;
  return <NotFoundPage />;
}

export function App() {
  const { t } = useTranslation();
  const { state, reload } = useSession();
  const { path, search } = useLocation();
  const target = targetPath(state, path, search.get('next'));
  const targetBase = target?.split('?')[0] ?? null;

  useEffect(() => {
    if (target !== null && targetBase !== path) navigate(target, { replace: true });
  }, [target, targetBase, path]);

  if (state.status === 'loading') {
    return (
      <main id="main" className="boot" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  if (state.status === 'failed') {
    return (
      <main id="main" className="boot">
        <Alert tone="error">{errorMessage(state.error, t)}</Alert>
        <button type="button" className="button button--primary" onClick={() => void reload()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (publicAccountPaths.includes(path)) {
    return (
      <Suspense fallback={<PageLoading />}>
        <PublicAccountPage path={path} />
      </Suspense>
    );
  }
  if (state.status === 'anonymous') {
    return <LoginPage reason={state.reason} />;
  }
  const shownPath = targetBase ?? path;
  const restricted = state.me.mustEnrollTotp;
  // Until two-factor is set up there is nothing to be capable of: no navigation, one page.
  return (
    <CapabilitiesProvider enabled={!restricted} orgId={state.me.activeOrg?.id ?? null}>
      <AppShell currentPath={shownPath} restricted={restricted}>
        <Suspense fallback={<PageLoading />}>
          <GuardedPage path={shownPath} />
        </Suspense>
      </AppShell>
    </CapabilitiesProvider>
  );
}

function GuardedPage({ path }: { path: string }) {
  const capabilities = useCapabilities();
  const pending = useCapabilitiesPending();
  if (pending && routeNeedsCapabilities(path)) return <CapabilitiesPending />;
  return routeAllowed(path, capabilities) ? pageFor(path) : <ForbiddenPage />;
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </div>
  );
}
