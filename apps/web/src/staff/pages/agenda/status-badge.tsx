// A deadline's status: colour and words together (never colour alone).
import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../people/people-api';

export function StatusBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status.replace('_', '-')}`}>{t(`agenda.status.${status}`)}</span>;
}
