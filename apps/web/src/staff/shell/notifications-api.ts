// Typed calls of the notifications API (apps/server/src/notifications): the bell in the header.
import { apiRequest } from '../api/client';

interface Localized {
  es: string;
  en: string;
}

export interface AppNotification {
  id: string;
  kind: string;
  recordType: string;
  recordId: string;
  createdAt: string;
  readAt: string | null;
  /** In-app path of the record (the person's page for a deadline). */
  link: string | null;
  deadline: {
    stepKey: string;
    dueDate: string;
    window: string;
    stepTitle: Localized;
    procedureTitle: Localized;
  } | null;
  /** For whom (or the reference), which service, need, organisation, date and place, as the recipient may see them. */
  about?: {
    person: string | null;
    reference?: string | null;
    service: string | null;
    area: string | null;
    org?: string | null;
    date?: string | null;
    place?: Localized | null;
  } | null;
}

export interface NotificationPage {
  items: AppNotification[];
  unread: number;
  nextCursor: string | null;
}

export const notificationsApi = {
  list: (cursor?: string) =>
    apiRequest<NotificationPage>(
      'GET',
      `/api/notifications?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  markRead: (id: string) => apiRequest<{ unread: number }>('POST', `/api/notifications/${id}/read`),
  markAllRead: () => apiRequest<{ unread: number; updated: number }>('POST', '/api/notifications/read-all'),
};
