// The ante-mortem data of the report next to the post-mortem data of the candidate (or the
// physical description of any own record), one row per field, each row marked in words and
// colour as agreeing, disagreeing or not comparable. Shown only when both sides describe something.
// Before it, the structured records aligned (dental charts, body maps, the engine's reasons:
// ampm-side-by-side.tsx, decision 0147) when the candidate is the organisation's own remains.
import { useTranslation } from 'react-i18next';
import type { MatchCandidate } from './missing-api';
import { amPmRows, valueOf, verdictOf, type AmPmRow, type Physical, type Verdict } from './ampm-compare';
import { AmPmSideBySideSection } from './ampm-side-by-side';

function VerdictText({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  if (!verdict) return <span className="muted">{t('matchReview.ampm.unknown')}</span>;
  const text =
    verdict.kind === 'height'
      ? t(verdict.agrees ? 'matchReview.ampm.heightFits' : 'matchReview.ampm.heightFar', { diff: String(verdict.diff) })
      : verdict.agrees
        ? t('matchReview.ampm.words', { words: verdict.words.join(', ') })
        : t('matchReview.ampm.noWords');
  return <span className={`compare__mark compare__mark--${verdict.agrees ? 'agrees' : 'disagrees'}`}>{text}</span>;
}

export function AmPmTable({ candidate }: { candidate: MatchCandidate }) {
  return (
    <>
      <AmPmSideBySideSection candidate={candidate} />
      <PhysicalTable candidate={candidate} />
    </>
  );
}

function PhysicalTable({ candidate }: { candidate: MatchCandidate }) {
  const { t } = useTranslation();
  const am: Physical | undefined = candidate.report.physical;
  const pm: Physical | undefined = candidate.candidate?.physical;
  if (!am || !pm) return null;
  const remains = candidate.candidateKind === 'found_record';
  const shown = (p: Physical, row: AmPmRow) => {
    const v = valueOf(p, row);
    if (v === undefined || v === '') return '—';
    return row === 'height' ? t('matchReview.ampm.cm', { value: String(v) }) : String(v);
  };
  const rows = amPmRows.filter((r) => valueOf(am, r) !== undefined || valueOf(pm, r) !== undefined);
  const headingId = `ampm-${candidate.id}`;
  return (
    <section className="ampm" aria-labelledby={headingId}>
      <h4 id={headingId}>{t(remains ? 'matchReview.ampm.title' : 'matchReview.ampm.titlePhysical')}</h4>
      <table className="compare compare--stacking">
        <caption className="visually-hidden">{t('matchReview.ampm.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matchReview.ampm.field')}</th>
            <th scope="col">{t('matchReview.ampm.am')}</th>
            <th scope="col">{t(remains ? 'matchReview.ampm.pm' : 'matchReview.ampm.other')}</th>
            <th scope="col">{t('matchReview.ampm.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const verdict = verdictOf(am, pm, row);
            return (
              <tr
                key={row}
                className={verdict ? `compare__row--${verdict.agrees ? 'agrees' : 'disagrees'}` : undefined}
              >
                <th scope="row">{t(`matchReview.ampm.row.${row}`)}</th>
                <td data-label={t('matchReview.ampm.am')}>{shown(am, row)}</td>
                <td data-label={t(remains ? 'matchReview.ampm.pm' : 'matchReview.ampm.other')}>{shown(pm, row)}</td>
                <td data-label={t('matchReview.ampm.verdictLabel')}>
                  <VerdictText verdict={verdict} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t('matchReview.ampm.note')}</p>
    </section>
  );
}
