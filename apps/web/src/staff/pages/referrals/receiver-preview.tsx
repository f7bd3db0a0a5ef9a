// "What the receiver will see": the snapshot the receiving organisation gets, field by field,
// exactly as the server computes it for the receiver (never a client-side guess).
import { useTranslation } from 'react-i18next';
import type { ReferralSnapshot } from '../../../../../../packages/core/src/directory/referral.schemas.ts';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../people/reference-data';

export function ReceiverPreview({
  snapshot,
  consentActive,
}: {
  snapshot: ReferralSnapshot | null;
  consentActive: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: [string, string][] = [];
  if (snapshot) {
    const name = [snapshot.givenNames, snapshot.surnames].filter(Boolean).join(' ');
    if (name) rows.push([t('referrals.fields.name'), name]);
    if (snapshot.birthDate) rows.push([t('referrals.fields.birthDate'), snapshot.birthDate]);
    if (snapshot.sex) rows.push([t('referrals.fields.sex'), snapshot.sex]);
    if (snapshot.nationality)
      rows.push([t('referrals.fields.nationality'), countryName(snapshot.nationality, language)]);
    if (snapshot.languages?.length)
      rows.push([t('referrals.fields.languages'), snapshot.languages.map((l) => l.language).join(', ')]);
    if (snapshot.documents?.length)
      rows.push([t('referrals.fields.documents'), snapshot.documents.map((d) => `${d.type} ${d.number}`).join('; ')]);
    if (snapshot.contacts?.length)
      rows.push([t('referrals.fields.contacts'), snapshot.contacts.map((c) => `${c.channel}: ${c.value}`).join('; ')]);
    if (snapshot.origin)
      rows.push([
        t('referrals.fields.origin'),
        [snapshot.origin.place, snapshot.origin.country].filter(Boolean).join(', '),
      ]);
    if (snapshot.genderIdentity) rows.push([t('referrals.fields.genderIdentity'), snapshot.genderIdentity]);
  }
  return (
    <section className="receiver-preview" aria-labelledby="receiver-preview-title">
      <h4 id="receiver-preview-title">{t('referrals.previewTitle')}</h4>
      {!consentActive ? <p className="case-overdue">{t('referrals.noConsent')}</p> : null}
      {rows.length === 0 ? (
        <p>{t('referrals.previewEmpty')}</p>
      ) : (
        <dl>
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted">{t('referrals.previewNote')}</p>
    </section>
  );
}
