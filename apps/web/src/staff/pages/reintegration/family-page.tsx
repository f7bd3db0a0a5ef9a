// The family view: every member (a partner organisation's record only while it shares with us
// and the person consents), where each is and which authority holds them, children's cases,
// tracing requests, the reunification plan and its completion.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './reintegration.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { InputField, SelectField } from '../people/form-fields';
import { formatPlainDate } from '../people/reference-data';
import { familiesApi, holdingAuthorities, memberStatuses, today, tracingChannels } from './reintegration-api';
import type { Family } from './reintegration-api';

export function FamilyPage({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [family, setFamily] = useState<Family | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [member, setMember] = useState({
    name: '',
    relationship: '',
    isChild: false,
    location: '',
    holdingAuthority: 'none',
    separatedSince: '',
  });
  const [step, setStep] = useState('');
  const [trace, setTrace] = useState({ memberId: '', channel: 'consulate' });

  useEffect(() => {
    familiesApi.get(familyId).then(setFamily, setError);
  }, [familyId]);

  async function act(action: () => Promise<Family>, after?: () => void) {
    setError(null);
    try {
      setFamily(await action());
      after?.();
    } catch (e) {
      setError(e);
    }
  }
  const submit = (fn: () => void) => (event: FormEvent) => {
    event.preventDefault();
    fn();
  };

  if (!family)
    return error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : <p role="status">{t('app.loading')}</p>;
  const open = family.status === 'separated';
  const nameOf = (id: string) => family.members.find((m) => m.id === id)?.name ?? t('families.hidden');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/reintegration/families">{t('families.title')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{family.label}</PageTitle>
      <p>
        {t(`families.status.${family.status}`)}
        {family.reunifiedOn ? ` · ${formatPlainDate(family.reunifiedOn, language)}` : ''}
      </p>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}

      <section aria-labelledby="family-members">
        <h2 id="family-members">{t('families.membersTitle')}</h2>
        <ul className="case-list">
          {family.members.map((m) => (
            <li key={m.id} className="case-list__item">
              <span className="case-list__name">{m.visible ? m.name : t('families.hidden')}</span>
              <span className="case-list__facts">
                {[
                  t(`returns.relatives.kinds.${m.relationship}`, { defaultValue: m.relationship }),
                  m.isChild ? t('families.child') : null,
                  m.partnerOrg ? t('families.partnerRecord', { org: m.partnerOrg.name }) : null,
                  t(`families.memberStatus.${m.status}`),
                  m.holdingAuthority && m.holdingAuthority !== 'none'
                    ? t(`families.authorities.${m.holdingAuthority}`)
                    : null,
                  m.location,
                  m.separatedSince ? t('families.since', { date: formatPlainDate(m.separatedSince, language) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {m.caseId ? <Link to={`/cases/${m.caseId}`}>{t('families.childCase')}</Link> : null}
              {open && m.visible ? (
                <p className="inline-form">
                  <label className="visually-hidden" htmlFor={`member-status-${m.id}`}>
                    {t('families.statusOf', { name: m.name ?? '' })}
                  </label>
                  <select
                    id={`member-status-${m.id}`}
                    className="field__input"
                    value={m.status}
                    onChange={(e) =>
                      void act(() => familiesApi.updateMember(family.id, m.id, { status: e.target.value }))
                    }
                  >
                    {memberStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`families.memberStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                  {m.isChild && m.personId && !m.caseId && !m.partnerOrg ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void act(() => familiesApi.childCase(family.id, m.id))}
                    >
                      {t('families.openChildCase')}
                    </button>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {open ? (
          <form
            className="inline-form"
            aria-label={t('families.addMember')}
            onSubmit={submit(
              () =>
                void act(
                  () =>
                    familiesApi.addMember(family.id, {
                      name: member.name.trim(),
                      relationship: member.relationship.trim(),
                      isChild: member.isChild,
                      holdingAuthority: member.holdingAuthority,
                      ...(member.location.trim() ? { location: member.location.trim() } : {}),
                      ...(member.separatedSince ? { separatedSince: member.separatedSince } : {}),
                    }),
                  () =>
                    setMember({
                      name: '',
                      relationship: '',
                      isChild: false,
                      location: '',
                      holdingAuthority: 'none',
                      separatedSince: '',
                    }),
                ),
            )}
          >
            <InputField
              id="member-name"
              required
              label={t('families.memberName')}
              value={member.name}
              onChange={(e) => setMember({ ...member, name: e.target.value })}
            />
            <InputField
              id="member-relationship"
              required
              label={t('families.relationship')}
              value={member.relationship}
              onChange={(e) => setMember({ ...member, relationship: e.target.value })}
            />
            <label>
              <input
                type="checkbox"
                checked={member.isChild}
                onChange={(e) => setMember({ ...member, isChild: e.target.checked })}
              />{' '}
              {t('families.child')}
            </label>
            <InputField
              id="member-location"
              label={t('families.location')}
              value={member.location}
              onChange={(e) => setMember({ ...member, location: e.target.value })}
            />
            <SelectField
              id="member-authority"
              label={t('families.authority')}
              value={member.holdingAuthority}
              onChange={(e) => setMember({ ...member, holdingAuthority: e.target.value })}
            >
              {holdingAuthorities.map((a) => (
                <option key={a} value={a}>
                  {t(`families.authorities.${a}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="member-since"
              type="date"
              label={t('families.separatedSince')}
              max={today()}
              value={member.separatedSince}
              onChange={(e) => setMember({ ...member, separatedSince: e.target.value })}
            />
            <button type="submit" className="button">
              {t('families.addMember')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="family-tracing">
        <h2 id="family-tracing">{t('families.tracing')}</h2>
        <ul>
          {family.tracing.map((tr) => (
            <li key={tr.id}>
              {nameOf(tr.memberId)} · {t(`families.channels.${tr.channel}`)} ·{' '}
              {formatPlainDate(tr.requestedOn, language)} · {t(`families.tracingStatus.${tr.status}`)}
              {tr.status === 'open' ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() =>
                      void act(() => familiesApi.closeTrace(family.id, tr.id, { status: 'located', closedOn: today() }))
                    }
                  >
                    {t('families.located')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {open && family.members.length > 0 ? (
          <form
            className="inline-form"
            aria-label={t('families.newTracing')}
            onSubmit={submit(
              () =>
                void act(() =>
                  familiesApi.trace(family.id, {
                    memberId: trace.memberId || (family.members[0]?.id ?? ''),
                    channel: trace.channel,
                    requestedOn: today(),
                  }),
                ),
            )}
          >
            <SelectField
              id="tracing-member"
              label={t('families.member')}
              value={trace.memberId}
              onChange={(e) => setTrace({ ...trace, memberId: e.target.value })}
            >
              {family.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name ?? t('families.hidden')}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="tracing-channel"
              label={t('families.channel')}
              value={trace.channel}
              onChange={(e) => setTrace({ ...trace, channel: e.target.value })}
            >
              {tracingChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`families.channels.${c}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button">
              {t('families.newTracing')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="family-plan">
        <h2 id="family-plan">{t('families.plan')}</h2>
        <ul>
          {family.plan.map((s) => (
            <li key={s.id}>
              {s.title}
              {s.dueOn ? ` · ${formatPlainDate(s.dueOn, language)}` : ''} ·{' '}
              {s.doneOn ? (
                t('families.doneOn', { date: formatPlainDate(s.doneOn, language) })
              ) : (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => void act(() => familiesApi.stepDone(family.id, s.id, today()))}
                >
                  {t('families.markDone')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {open ? (
          <>
            <form
              className="inline-form"
              aria-label={t('families.addStep')}
              onSubmit={submit(
                () =>
                  void act(
                    () => familiesApi.addStep(family.id, { title: step.trim() }),
                    () => setStep(''),
                  ),
              )}
            >
              <InputField
                id="plan-step"
                required
                label={t('families.step')}
                value={step}
                onChange={(e) => setStep(e.target.value)}
              />
              <button type="submit" className="button">
                {t('families.addStep')}
              </button>
            </form>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void act(() => familiesApi.reunify(family.id, family.version, today()))}
            >
              {t('families.reunify')}
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}
