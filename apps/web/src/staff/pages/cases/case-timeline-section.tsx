// The timeline: everything that happened in the case, oldest first, with the person's
// screenings, referrals and procedures. Reasons and note text appear for those working the case.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { formatInstant } from '../people/reference-data';
import { casesApi } from './cases-api';
import type { CaseTimelineItem } from './cases-api';

const kinds = new Set([
  'opened',
  'assigned',
  'team_changed',
  'status_changed',
  'task_added',
  'task_completed',
  'task_reopened',
  'task_changed',
  'note_added',
  'attachment_added',
  'closed',
  'reopened',
  'screening_recorded',
  'referral_sent',
  'procedure_opened',
  'procedure_closed',
]);
const statuses = new Set(['open', 'active', 'on_hold', 'closed']);

export function CaseTimelineSection({ caseId, revision }: { caseId: string; revision: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [items, setItems] = useState<CaseTimelineItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    casesApi.timeline(caseId).then(
      (page) => live && setItems(page.items),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [caseId, revision]);

  const status = (s: string | undefined) => (s && statuses.has(s) ? t(`cases.status.${s as 'open'}`) : (s ?? ''));
  function detail(item: CaseTimelineItem): string | null {
    const d = item.data;
    if (item.kind === 'status_changed')
      return t('cases.timeline.statusChange', { from: status(d.from), to: status(d.to) });
    if (item.kind === 'assigned' || item.kind === 'team_changed')
      return d.toName ? t('cases.timeline.assignedTo', { name: d.toName }) : null;
    if (item.kind.startsWith('task_')) return (language === 'en' ? d.labelEn : d.labelEs) ?? null;
    if (item.kind === 'screening_recorded' && d.questionnaire)
      return t('cases.timeline.questionnaire', { name: d.questionnaire });
    if (item.kind === 'referral_sent' && d.to) return t('cases.timeline.referralTo', { name: d.to });
    if (item.source === 'procedure') return d.type ?? null;
    return null;
  }

  return (
    <section aria-labelledby="case-timeline" className="card section-card">
      <h2 id="case-timeline">{t('cases.timeline.title')}</h2>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
      {items && items.length === 0 ? <p>{t('cases.timeline.none')}</p> : null}
      {items && items.length > 0 ? (
        <ol className="timeline">
          {items.map((item, index) => (
            <li key={`${item.at}-${index}`} className="timeline__item">
              <span className="timeline__kind">
                {kinds.has(item.kind) ? t(`cases.timeline.kinds.${item.kind as 'opened'}`) : item.kind}
              </span>{' '}
              <span className="timeline__meta">
                {formatInstant(item.at, language)}
                {item.actorName ? ` · ${t('cases.timeline.by', { name: item.actorName })}` : ''}
              </span>
              {detail(item) ? <p className="timeline__text">{detail(item)}</p> : null}
              {item.text ? <p className="timeline__text">{item.text}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
