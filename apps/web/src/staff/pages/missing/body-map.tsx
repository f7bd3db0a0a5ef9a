// The body map (decision 0147): two labelled figures, front and back, whose regions are the body
// regions of the vocabulary (tattoos only on the engine's tattoo locations). Clicking a region —
// or, from the keyboard, Tab into a figure, arrow keys between regions, Enter — chooses it in the
// form beside, which says what is there (tattoo and motif, scar, birthmark…) and adds it to the
// list. The same form works without the figure (region and side are selects). Regions holding
// something are drawn filled and say so in their name; in the review, regions are marked as
// agreeing or differing in words as well as colour.
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BODY_REGIONS,
  MARK_KINDS,
  TATTOO_MOTIFS,
  VIEWS,
  motifCode,
} from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import type { MarkEntry, TattooEntry } from '../../../../../../packages/core/src/missing/ampm.schemas.ts';
import { InputField, SelectField } from '../people/form-fields';
import { capital, optionsOf, useVocabulary } from './ampm-labels';

type View = 'front' | 'back';
export type RegionState = 'agrees' | 'differs' | 'am-only' | 'pm-only' | 'has';

/** Shapes in the figure's coordinates (viewBox 0 0 120 260), for the person's right side; the
 *  left side is mirrored. On the front the person's right is on the viewer's left, on the back
 *  on the viewer's right. */
type Shape = { x: number; y: number; w: number; h: number; r?: number };
const SIDED: Record<string, Shape[]> = {
  'upper-arm': [{ x: 18, y: 50, w: 16, h: 38, r: 6 }],
  forearm: [{ x: 13, y: 90, w: 15, h: 38, r: 6 }],
  hand: [{ x: 9, y: 130, w: 18, h: 20, r: 6 }],
  leg: [
    { x: 40, y: 124, w: 19, h: 50, r: 6 },
    { x: 41, y: 188, w: 17, h: 46, r: 6 },
  ],
  knee: [{ x: 41, y: 175, w: 17, h: 12, r: 5 }],
  foot: [{ x: 36, y: 236, w: 22, h: 12, r: 5 }],
};
const CENTRAL: Record<string, Shape[]> = {
  head: [{ x: 44, y: 4, w: 32, h: 32, r: 16 }],
  face: [{ x: 44, y: 4, w: 32, h: 32, r: 16 }],
  neck: [{ x: 53, y: 37, w: 14, h: 11, r: 3 }],
  chest: [{ x: 36, y: 49, w: 48, h: 38, r: 6 }],
  back: [{ x: 36, y: 49, w: 48, h: 38, r: 6 }],
  abdomen: [{ x: 38, y: 88, w: 44, h: 35, r: 6 }],
  'lower-back': [{ x: 38, y: 88, w: 44, h: 35, r: 6 }],
};
const mirror = (s: Shape): Shape => ({ ...s, x: 120 - s.x - s.w });

function shapesOf(region: string, view: View): Shape[] {
  if (CENTRAL[region]) return CENTRAL[region];
  const side = region.startsWith('right-') ? 'right' : 'left';
  const part = region.replace(/^(right|left)-/, '');
  const shapes = SIDED[part] ?? [];
  // Front: the person's right on the viewer's left (the shapes as drawn); back: the other way.
  const onViewerLeft = (side === 'right') === (view === 'front');
  return onViewerLeft ? shapes : shapes.map(mirror);
}

/** Regions of a view, in the order the arrow keys walk them (head to feet, viewer's left first). */
export function regionsOf(view: View): string[] {
  const order = (
    'head face neck right-upper-arm left-upper-arm chest back right-forearm left-forearm abdomen lower-back ' +
    'right-hand left-hand right-leg left-leg right-knee left-knee right-foot left-foot'
  ).split(' ');
  const sided = order.filter((r) => BODY_REGIONS[r]?.views.includes(view));
  // Walk the viewer's left before the right on each row.
  return view === 'back'
    ? sided.map((r) =>
        r.startsWith('right-')
          ? r.replace('right-', 'left-')
          : r.startsWith('left-')
            ? r.replace('left-', 'right-')
            : r,
      )
    : sided;
}

/**
 * One figure. With `onPick`, its regions are buttons (one in the tab order, arrows between them);
 * without, it is an image whose name lists what it marks.
 */
export function BodyFigure({
  view,
  states,
  counts,
  selected,
  onPick,
  caption,
  name: figureName,
}: {
  view: View;
  states: Readonly<Record<string, RegionState>>;
  counts?: Readonly<Record<string, number>>;
  selected?: string | null;
  onPick?: (region: string, view: View) => void;
  caption: string;
  /** The figure's accessible name when the caption alone does not say whose it is. */
  name?: string;
}) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const regions = regionsOf(view);
  const [current, setCurrent] = useState(regions[0] ?? '');
  const refs = useRef(new Map<string, SVGGElement>());
  const captionId = useId();
  const stateWords = (region: string) => {
    const s = states[region];
    if (!s) return '';
    if (s === 'has') return t('ampm.body.holds', { count: counts?.[region] ?? 1 });
    return t(`ampm.body.state.${s}` as 'ampm.body.state.agrees');
  };
  const name = (region: string) =>
    [capital(label(BODY_REGIONS, region)), stateWords(region)].filter(Boolean).join(': ');

  function onKey(event: KeyboardEvent<SVGGElement>, region: string) {
    const i = regions.indexOf(region);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? regions[Math.min(regions.length - 1, i + 1)]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? regions[Math.max(0, i - 1)]
          : undefined;
    if (next) {
      event.preventDefault();
      setCurrent(next);
      refs.current.get(next)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick?.(region, view);
    }
  }

  const marked = regions.filter((r) => states[r]);
  const summary = marked.length ? marked.map(name).join('; ') : t('ampm.body.nothing');
  return (
    <figure className={`body-figure body-figure--${view}`}>
      <svg
        viewBox="0 0 120 260"
        className="body-figure__svg"
        {...(onPick
          ? { role: 'group', 'aria-labelledby': captionId }
          : { role: 'img', 'aria-label': `${figureName ?? caption}. ${summary}` })}
      >
        {regions.map((region) => {
          const s = states[region];
          const cls = `body-region${s ? ` body-region--${s}` : ''}${selected === region ? ' body-region--selected' : ''}`;
          const shapes = shapesOf(region, view).map((sh, i) => (
            <rect key={i} x={sh.x} y={sh.y} width={sh.w} height={sh.h} rx={sh.r ?? 0} />
          ));
          return onPick ? (
            <g
              key={region}
              ref={(el) => {
                if (el) refs.current.set(region, el);
                else refs.current.delete(region);
              }}
              className={cls}
              role="button"
              tabIndex={current === region ? 0 : -1}
              aria-label={name(region)}
              aria-pressed={selected === region}
              onFocus={() => setCurrent(region)}
              onKeyDown={(e) => onKey(e, region)}
              onClick={() => {
                setCurrent(region);
                onPick(region, view);
              }}
            >
              {shapes}
              {s && s !== 'has' ? <RegionMark shape={shapesOf(region, view)[0]} state={s} /> : null}
            </g>
          ) : (
            <g key={region} className={cls} aria-hidden="true">
              {shapes}
              {s && s !== 'has' ? <RegionMark shape={shapesOf(region, view)[0]} state={s} /> : null}
            </g>
          );
        })}
        <text
          x={view === 'front' ? 4 : 116}
          y={170}
          className="body-figure__side"
          textAnchor={view === 'front' ? 'start' : 'end'}
          aria-hidden="true"
        >
          {t('ampm.body.rightShort')}
        </text>
        <text
          x={view === 'front' ? 116 : 4}
          y={170}
          className="body-figure__side"
          textAnchor={view === 'front' ? 'end' : 'start'}
          aria-hidden="true"
        >
          {t('ampm.body.leftShort')}
        </text>
      </svg>
      <figcaption id={captionId}>{caption}</figcaption>
    </figure>
  );
}

/** A letter on a region of the review map: = agrees, ≠ differs, A only in life, P only on the body. */
function RegionMark({ shape, state }: { shape: Shape | undefined; state: RegionState }) {
  const { t } = useTranslation();
  if (!shape) return null;
  return (
    <text
      x={shape.x + shape.w / 2}
      y={shape.y + Math.min(shape.h, 30) / 2 + 4}
      textAnchor="middle"
      className="body-region__mark"
    >
      {t(`ampm.body.mark.${state}` as 'ampm.body.mark.agrees')}
    </text>
  );
}

type Kind = 'tattoo' | string;

/** The body map of a record with the form that adds tattoos and marks, and their list. */
export function BodyMapEditor({
  idPrefix,
  tattoos,
  marks,
  onChange,
  intro,
}: {
  idPrefix: string;
  tattoos: readonly TattooEntry[];
  marks: readonly MarkEntry[];
  onChange: (tattoos: TattooEntry[], marks: MarkEntry[]) => void;
  intro: ReactNode;
}) {
  const { t } = useTranslation();
  const { lang, label } = useVocabulary();
  const [kind, setKind] = useState<Kind>('tattoo');
  const [region, setRegion] = useState('');
  const [view, setView] = useState<View>('front');
  const [motif, setMotif] = useState('');
  const [otherMotif, setOtherMotif] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const kindRef = useRef<HTMLSelectElement>(null);

  // What each view shows: an item placed on the front is not drawn on the back (no side: both).
  const onView = (v: View) => {
    const counts: Record<string, number> = {};
    const on = (x: View | undefined) => !x || x === v;
    for (const r of [
      ...tattoos.filter((x) => on(x.view)).map((x) => x.location),
      ...marks.filter((x) => on(x.view)).map((x) => x.region),
    ])
      counts[r] = (counts[r] ?? 0) + 1;
    return { counts, states: Object.fromEntries(Object.keys(counts).map((r) => [r, 'has' as const])) };
  };
  const regionChoices = Object.entries(BODY_REGIONS).filter(([, r]) => kind !== 'tattoo' || r.tattoo);
  const viewChoices = region ? (BODY_REGIONS[region]?.views ?? ['front', 'back']) : (['front', 'back'] as const);

  function pick(r: string, v: View) {
    setRegion(r);
    setView(v);
    setProblem(null);
    if (kind === 'tattoo' && !BODY_REGIONS[r]?.tattoo) setKind('scar');
    kindRef.current?.focus();
  }

  function describe(entry: { kind: string; region: string; motif?: string; view?: View }) {
    const where = label(BODY_REGIONS, entry.region);
    const side = entry.view ? ` (${label(VIEWS, entry.view)})` : '';
    return capital(
      entry.kind === 'tattoo'
        ? t('ampm.body.tattooItem', { motif: label(TATTOO_MOTIFS, entry.motif ?? ''), where: `${where}${side}` })
        : t('ampm.body.markItem', { kind: label(MARK_KINDS, entry.kind), where: `${where}${side}` }),
    );
  }

  function add() {
    if (!region) {
      setProblem(t('ampm.body.chooseRegion'));
      return;
    }
    const text = description.trim();
    if (kind === 'tattoo') {
      const code = motif === 'other' ? motifCode(otherMotif) : motif;
      if (!code) {
        setProblem(t('ampm.body.chooseMotif'));
        return;
      }
      onChange(
        [...tattoos, { location: region, view, motif: code, ...(text ? { description: text } : {}) }],
        [...marks],
      );
      setSaid(t('ampm.body.added', { item: describe({ kind, region, motif: code, view }) }));
    } else {
      onChange([...tattoos], [...marks, { kind, region, view, ...(text ? { description: text } : {}) }]);
      setSaid(t('ampm.body.added', { item: describe({ kind, region, view }) }));
    }
    setProblem(null);
    setDescription('');
    setOtherMotif('');
  }

  const motifs = [...optionsOf(TATTOO_MOTIFS, lang), { code: 'other', label: t('ampm.body.otherMotif') }];
  return (
    <div className="body-map">
      {intro}
      <div className="body-map__figures">
        {(['front', 'back'] as const).map((v) => (
          <BodyFigure
            key={v}
            view={v}
            states={onView(v).states}
            counts={onView(v).counts}
            selected={view === v ? region : null}
            onPick={pick}
            caption={t(`ampm.body.view.${v}`)}
          />
        ))}
      </div>
      <div className="body-map__form">
        <div className="field-row">
          <div className="field">
            <label className="field__label" htmlFor={`${idPrefix}-mark-kind`}>
              {t('ampm.body.kind')}
            </label>
            <select
              ref={kindRef}
              id={`${idPrefix}-mark-kind`}
              className="field__input"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              <option value="tattoo">{t('ampm.body.tattoo')}</option>
              {optionsOf(MARK_KINDS, lang).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <SelectField
            id={`${idPrefix}-mark-region`}
            label={t('ampm.body.region')}
            value={region}
            onChange={(e) => {
              setRegion(e.target.value);
              const views = BODY_REGIONS[e.target.value]?.views;
              if (views && !views.includes(view)) setView(views[0] ?? 'front');
            }}
          >
            <option value="">{t('ampm.body.chooseRegionOption')}</option>
            {regionChoices.map(([code]) => (
              <option key={code} value={code}>
                {capital(label(BODY_REGIONS, code))}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${idPrefix}-mark-view`}
            label={t('ampm.body.side')}
            value={view}
            onChange={(e) => setView(e.target.value as View)}
          >
            {viewChoices.map((v) => (
              <option key={v} value={v}>
                {capital(label(VIEWS, v))}
              </option>
            ))}
          </SelectField>
          {kind === 'tattoo' ? (
            <SelectField
              id={`${idPrefix}-mark-motif`}
              label={t('ampm.body.motif')}
              value={motif}
              onChange={(e) => setMotif(e.target.value)}
            >
              <option value="">{t('ampm.body.chooseMotifOption')}</option>
              {motifs.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          {kind === 'tattoo' && motif === 'other' ? (
            <InputField
              id={`${idPrefix}-mark-other-motif`}
              label={t('ampm.body.otherMotifText')}
              value={otherMotif}
              onChange={(e) => setOtherMotif(e.target.value)}
            />
          ) : null}
        </div>
        <InputField
          id={`${idPrefix}-mark-description`}
          label={t('ampm.body.description')}
          hint={t('ampm.body.descriptionHint')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
        <p>
          <button type="button" className="button button--small" onClick={add}>
            {t('ampm.body.add')}
          </button>
        </p>
      </div>
      {tattoos.length + marks.length ? (
        <ul className="body-map__list" aria-label={t('ampm.body.listLabel')}>
          {tattoos.map((x, i) => (
            <li key={`t${i}`}>
              {describe({ kind: 'tattoo', region: x.location, motif: x.motif, ...(x.view ? { view: x.view } : {}) })}
              {x.description ? ` — ${x.description}` : ''}{' '}
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() =>
                  onChange(
                    tattoos.filter((_, j) => j !== i),
                    [...marks],
                  )
                }
              >
                {t('ampm.remove')}
                <span className="visually-hidden">
                  {': '}
                  {describe({ kind: 'tattoo', region: x.location, motif: x.motif })}
                </span>
              </button>
            </li>
          ))}
          {marks.map((x, i) => (
            <li key={`m${i}`}>
              {describe({ kind: x.kind, region: x.region, ...(x.view ? { view: x.view } : {}) })}
              {x.description ? ` — ${x.description}` : ''}{' '}
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() =>
                  onChange(
                    [...tattoos],
                    marks.filter((_, j) => j !== i),
                  )
                }
              >
                {t('ampm.remove')}
                <span className="visually-hidden">
                  {': '}
                  {describe({ kind: x.kind, region: x.region })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ampm.body.none')}</p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
