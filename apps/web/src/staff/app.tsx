// Top-level routing: who may see which page. Signed-out users get the login page (remembering
// where they were going); users who must enrol 2FA get only the enrolment page.
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../shared/components/alert';
import { errorMessage } from './api/error-message';
import { navigate, useLocation } from './router/router';
import { useSession } from './session/session-context';
import type { SessionState } from './session/session-context';
import { AppShell } from './shell/app-shell';
import { adminLink, auditLink, loginPath, moduleLinks, twoFactorLink } from './shell/modules';
import { AdminPage } from './pages/admin-page';
import { AuditPage } from './pages/audit-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { AgendaPage } from './pages/agenda/agenda-page';
import { OverviewPage, overviewPath } from './pages/agenda/overview-page';
import { PeopleListPage } from './pages/people/people-list-page';
import { PersonPage } from './pages/people/person-page';
import { RegisterPersonPage } from './pages/people/register-person-page';
import { PlaceholderPage } from './pages/placeholder-page';
import { CasesListPage } from './pages/cases/cases-list-page';
import { CasePage } from './pages/cases/case-page';
import { StatisticsPage } from './pages/statistics/statistics-page';
import { TwoFactorPage } from './pages/two-factor-page';
import { PortalGuidesPage, portalPath } from './pages/portal/portal-guides-page';
import { PortalEditorPage } from './pages/portal/portal-editor-page';
import { isPortalLang } from './pages/portal/portal-api';
import { ReintegrationPage } from './pages/reintegration/reintegration-page';
import { ReceptionNewPage } from './pages/reintegration/reception-new-page';
import { ReceptionPage } from './pages/reintegration/reception-page';
import { FamiliesPage } from './pages/reintegration/families-page';
import { FamilyPage } from './pages/reintegration/family-page';
import { ConsularPage } from './pages/reintegration/consular-page';
import { ReferralsPage } from './pages/referrals/referrals-page';
import { IncidentsListPage } from './pages/incidents/incidents-list-page';
import { IncidentPage } from './pages/incidents/incident-page';
import { IncidentFormPage } from './pages/incidents/incident-form-page';
import { missingPageFor } from './pages/missing/missing-routes';

/** Only in-app paths are accepted as a post-login destination (no open redirect). */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith(loginPath)) return '/';
  return next;
}

/** Where the user should be, given the session; null while that is still unknown. */
function targetPath(state: SessionState, path: string, next: string | null): string | null {
  if (state.status === 'loading' || state.status === 'failed') return null;
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
  if (path === auditLink.path) return <AuditPage />;
  if (path === adminLink.path) return <AdminPage />;
  if (path === '/people') return <PeopleListPage />;
  if (path === '/people/new') return <RegisterPersonPage />;
  const person = /^\/people\/([0-9a-f-]{36})$/i.exec(path);
  if (person?.[1]) return <PersonPage key={person[1]} personId={person[1]} />;
  if (path === '/procedures') return <AgendaPage />;
  if (path === overviewPath) return <OverviewPage />;
  if (path === '/cases') return <CasesListPage />;
  if (path === '/statistics') return <StatisticsPage />;
  const openCase = /^\/cases\/([0-9a-f-]{36})$/i.exec(path);
  if (openCase?.[1]) return <CasePage key={openCase[1]} caseId={openCase[1]} />;
  if (path === '/incidents') return <IncidentsListPage />;
  if (path === '/incidents/new') return <IncidentFormPage />;
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
  const missingPage = missingPageFor(path);
  if (missingPage) return missingPage;
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
  if (state.status === 'anonymous') {
    return <LoginPage reason={state.reason} />;
  }
  const shownPath = targetBase ?? path;
  return (
    <AppShell currentPath={shownPath} restricted={state.me.mustEnrollTotp}>
      {pageFor(shownPath)}
    </AppShell>
  );
}
