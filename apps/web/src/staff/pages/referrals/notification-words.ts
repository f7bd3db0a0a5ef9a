// The words of referral and reintegration notifications in the bell: what changed (the status),
// for whom (the person, when the recipient may read their name), for which need and at which
// service — from the `about` the server adds to each notification (notification-about.ts).
import type { TFunction } from 'i18next';

export interface NotificationAboutView {
  person: string | null;
  reference?: string | null;
  service: string | null;
  area: string | null;
  org?: string | null;
}

/** The sentence for a referral or reintegration notification, or null when the kind is not one of these. */
export function returnNotificationText(
  n: { kind: string; about?: NotificationAboutView | null | undefined },
  t: TFunction,
): string | null {
  const about = n.about;
  if (n.kind.startsWith('referral.') && about) {
    const status = t(`returns.notify.status.${n.kind.slice('referral.'.length)}`, { defaultValue: '' });
    if (!status) return null;
    const area = about.area ? t(`reintegration.areas.${about.area}`, { defaultValue: about.area }) : null;
    const service = about.service ?? t('returns.notify.aService');
    if (about.person && area) return t('returns.notify.referralFor', { status, person: about.person, area, service });
    if (about.person) return t('returns.notify.referralPerson', { status, person: about.person, service });
    // The receiving side without a shared name: the referral's reference and who sent it.
    if (about.reference && about.org)
      return t('returns.notify.referralRef', { status, reference: about.reference, org: about.org, service });
    return t('returns.notify.referral', { status, service });
  }
  if (n.kind.startsWith('reintegration.follow_up_') && about?.person)
    return n.kind.endsWith('overdue')
      ? t('returns.notify.followUpOverdue', { person: about.person })
      : t('returns.notify.followUpDue', { person: about.person });
  return null;
}
