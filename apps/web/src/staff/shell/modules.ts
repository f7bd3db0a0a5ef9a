// The modules of the product, in the order of the navigation. Each is a placeholder page until
// its slice is built; adding a module is one line here plus its translation key.
export interface ModuleLink {
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.people'
    | 'nav.cases'
    | 'nav.procedures'
    | 'nav.incidents'
    | 'nav.search'
    | 'nav.referrals'
    | 'nav.reintegration'
    | 'nav.statistics'
    | 'nav.portal'
    | 'nav.admin'
    | 'nav.audit'
    | 'nav.twoFactor';
}

export const homeLink: ModuleLink = { path: '/', labelKey: 'nav.home' };

export const moduleLinks: readonly ModuleLink[] = [
  { path: '/people', labelKey: 'nav.people' },
  { path: '/cases', labelKey: 'nav.cases' },
  { path: '/procedures', labelKey: 'nav.procedures' },
  { path: '/incidents', labelKey: 'nav.incidents' },
  { path: '/search', labelKey: 'nav.search' },
  { path: '/referrals', labelKey: 'nav.referrals' },
  { path: '/reintegration', labelKey: 'nav.reintegration' },
  { path: '/statistics', labelKey: 'nav.statistics' },
  { path: '/portal', labelKey: 'nav.portal' },
];

export const adminLink: ModuleLink = { path: '/admin', labelKey: 'nav.admin' };
export const auditLink: ModuleLink = { path: '/admin/audit', labelKey: 'nav.audit' };
export const twoFactorLink: ModuleLink = { path: '/account/2fa', labelKey: 'nav.twoFactor' };

export const loginPath = '/login';
