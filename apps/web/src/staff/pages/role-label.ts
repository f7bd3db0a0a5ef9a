// Role codes come from the server; their names come from the translation files. A role this
// build does not know yet is shown as its code rather than hidden.
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/api-types';
import { roles } from '../api/api-types';

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => (isRole(role) ? t(`roles.${role}`) : role);
}
