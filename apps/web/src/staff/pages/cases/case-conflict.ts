// A stale version (409 record.conflict) becomes a message naming what the other person changed.
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';

const known = new Set(['status', 'assignedAccountId', 'teamId', 'done', 'dueOn', 'ownerAccountId', 'version']);

export function conflictMessage(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiError) || error.code !== 'record.conflict') return null;
  const fields = (error.field ?? 'version')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => (known.has(f) ? t(`cases.fieldNames.${f as 'status'}`) : f));
  return t('cases.page.conflict', { fields: fields.join(', ') });
}
