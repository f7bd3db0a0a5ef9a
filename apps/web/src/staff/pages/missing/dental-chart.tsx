// A clickable dental chart in FDI notation (decision 0147): the 32 permanent teeth by quadrant, seen
// as a dentist sees the patient (the person's right on the left of the screen). Each tooth is a
// button: a click, Enter or Space moves it to the next state of the vocabulary (ante mortem: not
// known → missing → filling → root canal → crown → gold crown; post mortem also "not observable",
// and "sound" instead of "not known"); the select under the chart chooses a state directly. One
// tooth is in the tab order at a time; the arrow keys move between teeth (up and down between the
// arches), Home and End to the first and last. States show as a letter and a pattern, never by
// colour alone, and each change is announced.
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AM_TOOTH_CYCLE,
  PERMANENT_TEETH,
  PM_TOOTH_CYCLE,
  dentalStateLabel,
  toothName,
} from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import { useVocabulary } from './ampm-labels';

export type Chart = Readonly<Record<number, string>>;

/** Quadrants in screen order: upper right, upper left, lower right, lower left. */
const SCREEN_QUADRANTS: readonly { q: number; teeth: readonly number[] }[] = [
  { q: 1, teeth: [...(PERMANENT_TEETH[0] ?? [])].reverse() },
  { q: 2, teeth: PERMANENT_TEETH[1] ?? [] },
  { q: 4, teeth: [...(PERMANENT_TEETH[3] ?? [])].reverse() },
  { q: 3, teeth: PERMANENT_TEETH[2] ?? [] },
];
/** Every tooth in the order the arrow keys walk: the upper arch, then the lower. */
const ORDER = SCREEN_QUADRANTS.flatMap((x) => x.teeth);

/** The letter a state shows on the chart (the legend says what each means). */
export function useToothSymbol() {
  const { t } = useTranslation();
  return (state: string, postMortem: boolean) =>
    t(`ampm.dental.symbol.${state || (postMortem ? 'sound' : 'unknown')}` as 'ampm.dental.symbol.sound');
}

export function DentalChart({
  idPrefix,
  title,
  mode,
  value,
  onChange,
}: {
  idPrefix: string;
  title: string;
  mode: 'am' | 'pm';
  value: Chart;
  onChange: (tooth: number, state: string) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const symbol = useToothSymbol();
  const pm = mode === 'pm';
  const cycle = pm ? PM_TOOTH_CYCLE : AM_TOOTH_CYCLE;
  const [current, setCurrent] = useState<number>(11);
  const [said, setSaid] = useState('');
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const titleId = useId();
  const stateName = (state: string) => dentalStateLabel(state, pm, lang);
  const toothLabel = (tooth: number) =>
    t('ampm.dental.toothLabel', {
      tooth: String(tooth),
      name: toothName(tooth, lang),
      state: stateName(value[tooth] ?? ''),
    });

  function set(tooth: number, state: string) {
    onChange(tooth, state);
    setSaid(t('ampm.dental.changed', { tooth: String(tooth), state: stateName(state) }));
  }

  function focusTooth(tooth: number) {
    setCurrent(tooth);
    buttons.current.get(tooth)?.focus();
  }

  function onKey(event: KeyboardEvent<HTMLButtonElement>, tooth: number) {
    const i = ORDER.indexOf(tooth);
    const to =
      event.key === 'ArrowRight'
        ? ORDER[Math.min(ORDER.length - 1, i + 1)]
        : event.key === 'ArrowLeft'
          ? ORDER[Math.max(0, i - 1)]
          : event.key === 'ArrowDown'
            ? ORDER[i < 16 ? i + 16 : i]
            : event.key === 'ArrowUp'
              ? ORDER[i >= 16 ? i - 16 : i]
              : event.key === 'Home'
                ? ORDER[0]
                : event.key === 'End'
                  ? ORDER[ORDER.length - 1]
                  : undefined;
    if (to === undefined) return;
    event.preventDefault();
    focusTooth(to);
  }

  const selectId = `${idPrefix}-tooth-state`;
  return (
    <div className="dental-chart">
      <p className="dental-chart__title" id={titleId}>
        {title}
      </p>
      <p className="muted dental-chart__hint">{t(pm ? 'ampm.dental.hintPm' : 'ampm.dental.hintAm')}</p>
      <div className="dental-chart__mouth" role="group" aria-labelledby={titleId}>
        {SCREEN_QUADRANTS.map(({ q, teeth }) => (
          <div
            key={q}
            className={`dental-chart__quadrant dental-chart__quadrant--${q}`}
            role="group"
            aria-label={t('ampm.dental.quadrant', {
              q: String(q),
              name: t(`ampm.dental.quadrantName.${q}` as 'ampm.dental.quadrantName.1'),
            })}
          >
            {teeth.map((tooth) => {
              const state = value[tooth] ?? '';
              return (
                <button
                  key={tooth}
                  type="button"
                  id={`${idPrefix}-tooth-${tooth}`}
                  ref={(el) => {
                    if (el) buttons.current.set(tooth, el);
                    else buttons.current.delete(tooth);
                  }}
                  className={`tooth tooth--${state || (pm ? 'sound' : 'unknown')}${current === tooth ? ' tooth--current' : ''}`}
                  tabIndex={current === tooth ? 0 : -1}
                  aria-label={toothLabel(tooth)}
                  onFocus={() => setCurrent(tooth)}
                  onKeyDown={(e) => onKey(e, tooth)}
                  onClick={() => {
                    setCurrent(tooth);
                    set(tooth, cycle[(cycle.indexOf(state) + 1) % cycle.length] ?? '');
                  }}
                >
                  <span className="tooth__number" aria-hidden="true">
                    {tooth}
                  </span>
                  <span className="tooth__state" aria-hidden="true">
                    {symbol(state, pm)}
                  </span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <div className="dental-chart__picker field">
        <label className="field__label" htmlFor={selectId}>
          {t('ampm.dental.stateOf', { tooth: String(current), name: toothName(current, lang) })}
        </label>
        <select
          id={selectId}
          className="field__input"
          value={value[current] ?? ''}
          onChange={(e) => set(current, e.target.value)}
        >
          {cycle.map((s) => (
            <option key={s || 'none'} value={s}>
              {symbol(s, pm)} — {stateName(s)}
            </option>
          ))}
        </select>
      </div>
      <DentalLegend postMortem={pm} />
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}

export function DentalLegend({ postMortem }: { postMortem: boolean }) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const symbol = useToothSymbol();
  return (
    <ul className="dental-legend" aria-label={t('ampm.dental.legend')}>
      {(postMortem ? PM_TOOTH_CYCLE : AM_TOOTH_CYCLE).map((s) => (
        <li key={s || 'none'}>
          <span className={`tooth tooth--mini tooth--${s || (postMortem ? 'sound' : 'unknown')}`} aria-hidden="true">
            {symbol(s, postMortem)}
          </span>{' '}
          {dentalStateLabel(s, postMortem, lang)}
        </li>
      ))}
    </ul>
  );
}

export { SCREEN_QUADRANTS };
