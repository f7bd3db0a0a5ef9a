// The "Protección" tab: the flags the screenings raised, each with the answer that explains it
// (in the interface language). Filling in questionnaires is the intake module's section, which
// mounts on this tab through personTabSections.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScreeningView } from '../../../../../../packages/core/src/screening/screening.schemas.ts';
import { currentLanguage, plain, type Translate } from '../../../i18n/i18n';
import { apiRequest } from '../../api/client';
import { localized } from './reference-data';

export type ScreeningFlag = ScreeningView['flags'][number];

/** The person's screenings; a role that may not read them gets an empty list (nothing to show). */
export function usePersonFlags(personId: string) {
  return useQuery({
    queryKey: ['person-screenings', personId],
    queryFn: async () => {
      try {
        const { items } = await apiRequest<{ items: ScreeningView[] }>(
          'GET',
          `/api/people/${encodeURIComponent(personId)}/screenings`,
        );
        const byFlag = new Map<string, ScreeningFlag>();
        for (const screening of items) for (const flag of screening.flags) byFlag.set(flag.flag, flag);
        return [...byFlag.values()];
      } catch {
        return [];
      }
    },
  });
}

export function PersonProtection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const flags = usePersonFlags(personId);
  return (
    <section aria-labelledby="person-flags-title" className="card section-card">
      <h2 id="person-flags-title">{t('personTabs.flagsTitle')}</h2>
      {flags.isPending ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {flags.data && flags.data.length === 0 ? <p className="muted">{t('personTabs.noFlags')}</p> : null}
      {flags.data && flags.data.length > 0 ? (
        <ul className="record-list">
          {flags.data.map((flag) => (
            <li key={flag.flag} className="record-list__item">
              <strong>{flagLabel(flag, plain(t), language)}</strong>
              <p>{localized(flag.explanation, language)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function flagLabel(flag: ScreeningFlag, t: Translate, language: string): string {
  return t(`cases.flags.${flag.flag}`, { defaultValue: localized(flag.explanation, language) });
}
