// A map of Mexico by state and Central America by department (province, district, comarca) as a
// tile-grid cartogram (one square per place, see region-tiles.ts), shaded by count, each square
// saying its number; the figures are repeated in a table. Mexico and Central America are two
// panels, side by side when there is room and stacked on a phone, so that a square stays large
// enough to read at 360 px. Under Central America, one square per country gives its total,
// including places known only by their country (a public table coarsened to countries).
// Reusable by any module: pass counts keyed by statistics place key.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './charts.css';
import { ChartTable, type ChartDatum } from './chart-table';
import {
  CENTRAL_AMERICA,
  countryOfPlace,
  isCentralAmericanPlace,
  regionTiles,
  tileKeyOf,
  type RegionTile,
} from './region-tiles';

const SIZE = 46;
const GAP = 4;
const STEP = SIZE + GAP;
const steps = [
  { fill: '#f1f4f8', text: '#1f2933' },
  { fill: '#c6dbef', text: '#1f2933' },
  { fill: '#6baed6', text: '#102a43' },
  { fill: '#2171b5', text: '#ffffff' },
  { fill: '#08306b', text: '#ffffff' },
];
const hiddenStep = { fill: '#ffffff', text: '#1f2933' };

function stepOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor((3 * Math.log(count)) / Math.log(max + 1)));
}

/** Adds a value to a sum in which one hidden part hides the whole sum. */
function add(sums: Map<string, number | null>, key: string, value: number | null): void {
  const before = sums.get(key);
  sums.set(key, before === undefined ? value : before === null || value === null ? null : before + value);
}

const mexico = regionTiles.filter((r) => !isCentralAmericanPlace(r));
const centralAmerica = regionTiles.filter(isCentralAmericanPlace);
const boundsOf = (tiles: readonly RegionTile[]) => ({
  col: Math.min(...tiles.map((r) => r.col)),
  row: Math.min(...tiles.map((r) => r.row)),
  cols: 1 + Math.max(...tiles.map((r) => r.col)) - Math.min(...tiles.map((r) => r.col)),
  rows: 1 + Math.max(...tiles.map((r) => r.row)) - Math.min(...tiles.map((r) => r.row)),
});
const mxBounds = boundsOf(mexico);
const caBounds = boundsOf(centralAmerica);
// The country squares go in the empty corner south-west of Nicaragua (panel columns 0-3, rows
// 9-10), rounded (the note says what they are); region-tiles.test.ts keeps that corner free.
const countrySquares = CENTRAL_AMERICA.map((country, i) => ({ country, col: i % 4, row: 9 + Math.floor(i / 4) }));

function Tile({
  x,
  y,
  label,
  name,
  value,
  max,
  dataKey,
  hiddenText,
  strong,
}: {
  x: number;
  y: number;
  label: string;
  name: string;
  value: number | null | undefined;
  max: number;
  dataKey: string;
  hiddenText: [string, string];
  strong?: boolean;
}) {
  const step = value === null ? hiddenStep : steps[stepOf(value ?? 0, max)]!;
  return (
    <g transform={`translate(${x * STEP} ${y * STEP})`} data-key={dataKey}>
      <title>{`${name}: ${value === null ? hiddenText[0] : (value ?? 0).toLocaleString()}`}</title>
      <rect
        width={SIZE}
        height={SIZE}
        rx={strong ? 10 : 4}
        fill={step.fill}
        stroke={strong ? '#1f2933' : '#6b7380'}
        strokeWidth={strong ? 2 : 1}
        strokeDasharray={value === null ? '4 3' : undefined}
      />
      <text x={SIZE / 2} y={18} textAnchor="middle" fontSize="12" fill={step.text}>
        {label}
      </text>
      <text x={SIZE / 2} y={38} textAnchor="middle" fontSize="15" fontWeight="700" fill={step.text}>
        {value === null ? hiddenText[1] : (value ?? 0).toLocaleString()}
      </text>
    </g>
  );
}

/** `data` keys are place keys ("MX07", "GT-16", "GT"); places outside the grid are listed in the table only. */
export function RegionTileMap({
  title,
  header,
  valueHeader,
  data,
}: {
  title: string;
  header: string;
  valueHeader: string;
  data: readonly ChartDatum[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const english = i18n.language.startsWith('en');
  const byTile = new Map<string, number | null>();
  const byCountry = new Map<string, number | null>();
  for (const d of data) {
    const tile = tileKeyOf(d.key);
    if (tile) add(byTile, tile, d.value);
    const country = countryOfPlace(d.key);
    if (country && (CENTRAL_AMERICA as readonly string[]).includes(country)) add(byCountry, country, d.value);
  }
  const max = Math.max(0, ...[...byTile.values()].map((v) => v ?? 0));
  const countryMax = Math.max(0, ...[...byCountry.values()].map((v) => v ?? 0));
  const hiddenText: [string, string] = [t('charts.hidden'), t('charts.hiddenShort')];
  const countryName = (code: string): string =>
    new Intl.DisplayNames([english ? 'en' : 'es'], { type: 'region' }).of(code) ?? code;
  const panel = (key: 'mx' | 'ca', tiles: readonly RegionTile[], bounds: typeof mxBounds) => (
    <div className="chart__map-panel">
      <p className="chart__panel-title" id={`${id}-${key}`}>
        {t(key === 'mx' ? 'charts.mexico' : 'charts.centralAmerica')}
      </p>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${bounds.cols * STEP} ${bounds.rows * STEP}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-${key} ${id}-n`}
      >
        {tiles.map((r) => (
          <Tile
            key={r.key}
            x={r.col - bounds.col}
            y={r.row - bounds.row}
            label={r.abbr}
            name={english ? r.nameEn : r.name}
            value={byTile.get(r.key)}
            max={max}
            dataKey={r.key}
            hiddenText={hiddenText}
          />
        ))}
        {key === 'ca'
          ? countrySquares.map((c) => (
              <Tile
                key={c.country}
                x={c.col}
                y={c.row}
                label={c.country}
                name={`${t('charts.countryTotals')} · ${countryName(c.country)}`}
                value={byCountry.get(c.country)}
                max={countryMax}
                dataKey={`country-${c.country}`}
                hiddenText={hiddenText}
                strong
              />
            ))
          : null}
      </svg>
    </div>
  );
  return (
    <figure className="chart chart--map">
      <figcaption className="chart__caption" id={`${id}-t`}>
        {title}
      </figcaption>
      <div className="chart__maps">
        {panel('mx', mexico, mxBounds)}
        {panel('ca', centralAmerica, caBounds)}
      </div>
      <p className="chart__note" id={`${id}-n`}>
        {t('charts.mapNote')}
      </p>
      <ChartTable caption={t('charts.tableOf', { title })} header={header} valueHeader={valueHeader} data={data} />
    </figure>
  );
}
