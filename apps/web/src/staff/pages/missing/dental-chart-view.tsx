// Dental charts to read (decision 0147): one record's chart, and the two charts of a pair aligned
// tooth by tooth — the family's above, the remains' below, and what they say together (agrees,
// excludes, explainable difference…) in a letter, a border and the tooth's name, never colour alone.
// The list under the aligned chart says the same in words for every tooth with something to say.
import { useTranslation } from 'react-i18next';
import { dentalStateLabel, toothName } from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import type { ToothVerdict } from '../../../../../../packages/core/src/missing/ampm-side-by-side.ts';

/** A tooth of the aligned charts as the API sends it. */
export interface ToothComparison {
  tooth: number;
  am: string;
  pm: string | null;
  verdict: ToothVerdict | string;
}
import { useVocabulary } from './ampm-labels';
import { DentalLegend, SCREEN_QUADRANTS, useToothSymbol, type Chart } from './dental-chart';

/** One record's chart, read only: a table per arch is too wide on a phone, so quadrant groups. */
export function DentalChartView({ title, mode, value }: { title: string; mode: 'am' | 'pm'; value: Chart }) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const symbol = useToothSymbol();
  const pm = mode === 'pm';
  return (
    <div className="dental-chart dental-chart--view">
      <p className="dental-chart__title">{title}</p>
      <div className="dental-chart__mouth">
        {SCREEN_QUADRANTS.map(({ q, teeth }) => (
          <ul
            key={q}
            className={`dental-chart__quadrant dental-chart__quadrant--${q}`}
            aria-label={t('ampm.dental.quadrant', {
              q: String(q),
              name: t(`ampm.dental.quadrantName.${q}` as 'ampm.dental.quadrantName.1'),
            })}
          >
            {teeth.map((tooth) => {
              const state = value[tooth] ?? '';
              return (
                <li key={tooth} className={`tooth tooth--${state || (pm ? 'sound' : 'unknown')}`}>
                  <span className="tooth__number" aria-hidden="true">
                    {tooth}
                  </span>
                  <span className="tooth__state" aria-hidden="true">
                    {symbol(state, pm)}
                  </span>
                  <span className="visually-hidden">
                    {t('ampm.dental.toothLabel', {
                      tooth: String(tooth),
                      name: toothName(tooth, lang),
                      state: dentalStateLabel(state, pm, lang),
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
      </div>
      <DentalLegend postMortem={pm} />
    </div>
  );
}

const SPEAKS = new Set(['same', 'excludes', 'explainable', 'unusual', 'not-observable', 'no-chart']);

/** The two charts of a pair aligned: each tooth shows the family's state over the remains'. */
export function DentalCompare({ teeth }: { teeth: readonly ToothComparison[] }) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const symbol = useToothSymbol();
  const byTooth = new Map(teeth.map((x) => [x.tooth, x]));
  const state = (s: string | null, pm: boolean) =>
    s === null ? t('ampm.dental.noChart') : dentalStateLabel(s, pm, lang);
  const words = (x: ToothComparison) =>
    t('ampm.compare.tooth', {
      tooth: String(x.tooth),
      name: toothName(x.tooth, lang),
      am: state(x.am, false),
      pm: state(x.pm, true),
      verdict: t(`ampm.compare.verdict.${x.verdict}` as 'ampm.compare.verdict.same'),
    });
  const telling = teeth.filter((x) => SPEAKS.has(x.verdict) && (x.am || x.verdict === 'not-observable'));
  return (
    <div className="dental-compare">
      <p className="muted">{t('ampm.compare.dentalHow')}</p>
      <div className="dental-chart__mouth" aria-hidden="true">
        {SCREEN_QUADRANTS.map(({ q, teeth: order }) => (
          <div key={q} className={`dental-chart__quadrant dental-chart__quadrant--${q}`}>
            {order.map((tooth) => {
              const x = byTooth.get(tooth);
              if (!x) return null;
              return (
                <div key={tooth} className={`tooth tooth--pair tooth--verdict-${x.verdict}`} title={words(x)}>
                  <span className="tooth__number">{tooth}</span>
                  <span className={`tooth__am tooth--${x.am || 'unknown'}`}>{symbol(x.am, false)}</span>
                  <span className={`tooth__pm tooth--${x.pm === null ? 'unknown' : x.pm || 'sound'}`}>
                    {x.pm === null ? '–' : symbol(x.pm, true)}
                  </span>
                  {x.verdict !== 'unknown' ? (
                    <span className="tooth__verdict">
                      {t(`ampm.compare.mark.${x.verdict}` as 'ampm.compare.mark.same')}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <ul className="dental-compare__list">
        {telling.length ? (
          telling.map((x) => (
            <li key={x.tooth} className={`verdict verdict--${x.verdict}`}>
              <span className="verdict__mark" aria-hidden="true">
                {t(`ampm.compare.mark.${x.verdict}` as 'ampm.compare.mark.same')}
              </span>{' '}
              {words(x)}
            </li>
          ))
        ) : (
          <li className="muted">{t('ampm.compare.noTeeth')}</li>
        )}
      </ul>
      <p className="muted">{t('ampm.compare.dentalKey')}</p>
    </div>
  );
}
