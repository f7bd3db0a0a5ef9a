// In-app paths of the administration screens (registered in app.tsx, guarded in route-access.ts).
export const adminPaths = {
  sharing: '/admin/sharing',
  auditLog: '/admin/audit-log',
  accounts: '/admin/accounts',
  oidc: '/admin/oidc',
} as const;
