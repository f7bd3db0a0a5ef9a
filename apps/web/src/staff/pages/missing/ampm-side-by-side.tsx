// A pair's ante-mortem and post-mortem records side by side for the reviewer (decision 0147, item 4
// of issue 19): exclusions first with the rule that made them, then what agrees and what does not
// in the engine's words (never its weights), the two dental charts aligned tooth by tooth, and the
// two body maps with each region marked as agreeing, differing or seen on one side only, also in a
// list. Loaded for the organisation's own remains only; a partner's record stays a reference.
import './ampm.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BODY_REGIONS,
  BONES,
  MARK_KINDS,
  PROSTHESES,
  SURGERIES,
  TATTOO_MOTIFS,
} from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import type { AnteMortem, PostMortemStored } from '../../../../../../packages/core/src/missing/ampm.schemas.ts';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { ampmApi, type AmPmSideBySide } from './ampm-api';
import { capital, useVocabulary } from './ampm-labels';
import { BodyFigure, type RegionState } from './body-map';
import { DentalCompare } from './dental-chart-view';
import type { MatchCandidate } from './missing-api';

/** Does a record hold anything the side by side can show? */
const holds = (r: AnteMortem | PostMortemStored | null) =>
  Boolean(r && (r.dental?.length || r.tattoos?.length || r.marks?.length || ('dentalCharted' in r && r.dentalCharted)));

/** The regions a record marks on one view of the body (an item without a side shows on both). */
function regionsHeld(r: AnteMortem | PostMortemStored | null, view: 'front' | 'back'): Set<string> {
  const on = (v: string | undefined) => !v || v === view;
  return new Set([
    ...(r?.tattoos ?? []).filter((x) => on(x.view)).map((x) => x.location),
    ...(r?.marks ?? []).filter((x) => on(x.view)).map((x) => x.region),
  ]);
}

export function AmPmSideBySideSection({ candidate }: { candidate: MatchCandidate }) {
  const { t } = useTranslation();
  const { lang, label } = useVocabulary();
  const [data, setData] = useState<AmPmSideBySide | null>(null);
  const [error, setError] = useState<unknown>(null);
  const own = candidate.candidateKind === 'found_record' && candidate.candidate?.access === 'own';
  useEffect(() => {
    if (!own) return;
    let live = true;
    ampmApi.sideBySide(candidate.id).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [candidate.id, own]);

  if (!own) return null;
  if (error) return <Alert tone="error">{errorMessage(error, t)}</Alert>;
  if (!data) return <p aria-busy="true">{t('app.loading')}</p>;
  if (!holds(data.anteMortem) && !holds(data.postMortem) && !data.engineWords) return null;

  const headingId = `ampm-side-${candidate.id}`;
  const agree = data.reasons.filter((r) => r.agrees);
  const disagree = data.reasons.filter((r) => !r.agrees);
  const statesFor = (side: 'am' | 'pm', view: 'front' | 'back'): Record<string, RegionState> => {
    const held = regionsHeld(side === 'am' ? data.anteMortem : data.postMortem, view);
    return Object.fromEntries(
      Object.entries(data.regions)
        .filter(([region]) => held.has(region))
        .map(([region, v]) => [region, v as RegionState]),
    );
  };
  const words = (r: { es: string; en: string }) => (lang === 'en' ? r.en : r.es);
  const tattooText = (x: { location: string; motif: string } | null) =>
    x
      ? capital(
          t('ampm.body.tattooItem', { motif: label(TATTOO_MOTIFS, x.motif), where: label(BODY_REGIONS, x.location) }),
        )
      : '—';
  const markText = (kind: string, where: string) => {
    if (kind === 'fracture') return `${t('ampm.fractures.one')}: ${label(BONES, where)}`;
    if (kind === 'surgery') return `${t('ampm.surgeries.one')}: ${label(SURGERIES, where)}`;
    if (kind === 'prosthesis') return `${t('ampm.prostheses.one')}: ${label(PROSTHESES, where)}`;
    return capital(t('ampm.body.markItem', { kind: label(MARK_KINDS, kind), where: label(BODY_REGIONS, where) }));
  };
  const verdictCell = (v: string) => (
    <span className={`verdict verdict--${v}`}>
      <span className="verdict__mark" aria-hidden="true">
        {t(`ampm.compare.bodyMark.${v}` as 'ampm.compare.bodyMark.same')}
      </span>{' '}
      {t(`ampm.compare.body.${v}` as 'ampm.compare.body.same')}
    </span>
  );

  return (
    <section className="ampm-side" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('ampm.compare.title')}</h4>
      {data.exclusions.length ? (
        <div className="ampm-side__exclusions" role="note">
          <p className="ampm-side__exclusions-title">{t('ampm.compare.excluded')}</p>
          <ul>
            {data.exclusions.map((x) => (
              <li key={`${x.rule}-${x.es}`}>
                {words(x)} <span className="muted">({t('ampm.compare.rule', { rule: x.rule })})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.engineWords ? (
        <div className="ampm-side__reasons">
          {agree.length ? (
            <div className="match-reasons__agree">
              <p className="ampm-side__reasons-title">{t('ampm.compare.agrees')}</p>
              <ul>
                {agree.map((r, i) => (
                  <li key={i}>{words(r)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {disagree.length ? (
            <div className="match-reasons__disagree">
              <p className="ampm-side__reasons-title">{t('ampm.compare.disagrees')}</p>
              <ul>
                {disagree.map((r, i) => (
                  <li key={i}>{words(r)}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('ampm.compare.noEngineWords')}</p>
      )}

      <h5 className="ampm-side__subtitle">{t('ampm.compare.dentalTitle')}</h5>
      <DentalCompare teeth={data.teeth} />

      <h5 className="ampm-side__subtitle">{t('ampm.compare.bodyTitle')}</h5>
      <div className="ampm-side__maps">
        {(['am', 'pm'] as const).map((side) => (
          <div key={side} className="ampm-side__map">
            <p className="ampm-side__map-title">{t(`ampm.compare.side.${side}`)}</p>
            <div className="body-map__figures">
              {(['front', 'back'] as const).map((view) => (
                <BodyFigure
                  key={view}
                  view={view}
                  states={statesFor(side, view)}
                  caption={t(`ampm.body.view.${view}`)}
                  name={`${t(`ampm.compare.side.${side}`)} — ${t(`ampm.body.view.${view}`)}`}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <p className="muted">{t('ampm.compare.bodyKey')}</p>
      {data.tattoos.length || data.marks.length ? (
        <table className="compare compare--stacking">
          <caption className="visually-hidden">{t('ampm.compare.bodyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ampm.compare.side.am')}</th>
              <th scope="col">{t('ampm.compare.side.pm')}</th>
              <th scope="col">{t('matchReview.ampm.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {data.tattoos.map((x, i) => (
              <tr key={`t${i}`}>
                <td data-label={t('ampm.compare.side.am')}>{tattooText(x.am)}</td>
                <td data-label={t('ampm.compare.side.pm')}>{tattooText(x.pm)}</td>
                <td data-label={t('matchReview.ampm.verdictLabel')}>{verdictCell(x.verdict)}</td>
              </tr>
            ))}
            {data.marks.map((x, i) => (
              <tr key={`m${i}`}>
                <td data-label={t('ampm.compare.side.am')}>{x.am ? markText(x.kind, x.where) : '—'}</td>
                <td data-label={t('ampm.compare.side.pm')}>{x.pm ? markText(x.kind, x.where) : '—'}</td>
                <td data-label={t('matchReview.ampm.verdictLabel')}>{verdictCell(x.verdict)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
