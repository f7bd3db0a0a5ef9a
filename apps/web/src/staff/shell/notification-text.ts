// The sentence of each notification in the bell: what changed (the kind) and for whom — the
// person's name, or the record's reference when the recipient may not see the name — with the
// organisation, date and place the server adds as `about` (notification-about.ts), all under the
// recipient's own access. A kind with nothing more known keeps its general sentence.
import type { TFunction } from 'i18next';
import { formatPlainDate, localized } from '../pages/people/reference-data';
import { returnNotificationText } from '../pages/referrals/notification-words';
import type { AppNotification } from './notifications-api';

/** A date as precise as it was recorded: a full date in words, else the month or year as given. */
function dateWords(date: string, language: string): string {
  return date.length === 10 ? formatPlainDate(date, language) : date;
}

export function notificationText(n: AppNotification, t: TFunction, language: string): string {
  const a = n.about ?? null;
  const person = a?.person ?? null;
  if (n.deadline) {
    const what = `${localized(n.deadline.stepTitle, language)} — ${localized(n.deadline.procedureTitle, language)}`;
    const date = formatPlainDate(n.deadline.dueDate, language);
    const overdue = n.deadline.window === 'overdue';
    if (person)
      return overdue
        ? t('notifications.deadlineOverdueFor', { person, what, date })
        : t('notifications.deadlineDueFor', { person, what, date });
    return overdue
      ? t('notifications.deadlineOverdue', { what, date })
      : t('notifications.deadlineDue', { what, date });
  }
  const org = a?.org ?? '';
  const reference = a?.reference ?? '';
  switch (n.kind) {
    case 'missing.match_confirmed_holder':
      if (n.recordType === 'tracing_request')
        return person
          ? t('notifications.holderRequest', { org, person, reference })
          : reference
            ? t('notifications.holderRequestUnnamed', { org, reference })
            : t('matchReview.notifications.holder');
      if (person) return t('notifications.holderRecord', { org, person });
      return reference ? t('notifications.holderRecordRef', { org, reference }) : t('matchReview.notifications.holder');
    case 'missing.match_confirmed':
      return person ? t('notifications.matchConfirmedFor', { person }) : t('notifications.matchConfirmed');
    case 'missing.candidates_proposed':
      return person
        ? t('notifications.candidatesProposedFor', { person })
        : t('missing.notifications.candidatesProposed');
    case 'missing.tracing_received':
      return t('notifications.tracingReceived', { reference, org });
    case 'missing.tracing_accepted':
    case 'missing.tracing_declined':
      if (person && org)
        return n.kind === 'missing.tracing_accepted'
          ? t('notifications.tracingAccepted', { org, person })
          : t('notifications.tracingDeclined', { org, person });
      return t('missing.notifications.tracingAnswered');
    case 'screening.child_protection':
    case 'profile.child_protection':
      return person ? t('notifications.childProtectionFor', { person }) : t('notifications.childProtection');
    case 'incident.link_requested':
    case 'incident.link_done':
    case 'incident.link_declined': {
      if (!person || !a?.date) {
        if (n.kind === 'incident.link_requested') return t('incidents.linkRequests.notification');
        return n.kind === 'incident.link_done'
          ? t('incidents.linkRequests.notificationDone')
          : t('incidents.linkRequests.notificationDeclined');
      }
      const words = {
        person,
        date: dateWords(a.date, language),
        place: a.place ? localized(a.place, language) : t('notifications.somewhere'),
      };
      if (n.kind === 'incident.link_requested') return t('notifications.linkRequested', words);
      return n.kind === 'incident.link_done'
        ? t('notifications.linkDone', words)
        : t('notifications.linkDeclined', words);
    }
    case 'report.ready':
      return t('notifications.reportReady');
    default:
      break;
  }
  const aboutReturn = returnNotificationText(n, t);
  if (aboutReturn) return aboutReturn;
  if (n.kind.startsWith('referral.')) return t('notifications.referral');
  if (n.kind === 'reintegration.follow_up_overdue') return t('notifications.followUpOverdue');
  if (n.kind === 'reintegration.follow_up_d7') return t('notifications.followUpDue');
  return t('notifications.other');
}
