// A map of Mexico by state and Central America by country as a tile-grid cartogram (one square
// per place, see region-tiles.ts), shaded by count, each square saying its number; the figures
// are repeated in a table. Reusable by any module: pass counts keyed by statistics place key.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './charts.css';
import { ChartTable, type ChartDatum } from './chart-table';
import { regionTiles, tileKeyOf } from './region-tiles';

const SIZE = 46;
const GAP = 4;
const steps = [
  { fill: '#f1f4f8', text: '#1f2933' }, { fill: '#c6dbef', text: '#1f2933' }, { fill: '#6baed6', text: '#102a43' },
  { fill: '#2171b5', text: '#ffffff' }, { fill: '#08306b', text: '#ffffff' },
];

function stepOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor((3 * Math.log(count)) / Math.log(max + 1)));
}

/** `data` keys are place keys ("MX07", "GT-16"); places outside the grid are listed in the table only. */
export function RegionTileMap({ title, header, valueHeader, data }: { title: string; header: string; valueHeader: string; data: readonly ChartDatum[] }) {
  const { t } = useTranslation();
  const id = useId();
  const byTile = new Map<string, number | null>();
  for (const d of data) {
    const tile = tileKeyOf(d.key);
    if (!tile) continue;
    const before = byTile.get(tile);
    // A country tile sums its departments; one hidden department hides the tile's sum.
    byTile.set(tile, before === undefined ? d.value : before === null || d.value === null ? null : before + d.value);
  }
  const max = Math.max(0, ...[...byTile.values()].map((v) => v ?? 0));
  const cols = 1 + Math.max(...regionTiles.map((r) => r.col));
  const rows = 1 + Math.max(...regionTiles.map((r) => r.row));
  return (
    <figure className="chart chart--map">
      <figcaption className="chart__caption" id={`${id}-t`}>{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${cols * (SIZE + GAP)} ${rows * (SIZE + GAP)}`} role="img" aria-labelledby={`${id}-t ${id}-n`}>
        {regionTiles.map((r) => {
          const value = byTile.get(r.key);
          const step = value === null ? { fill: '#ffffff', text: '#1f2933' } : steps[stepOf(value ?? 0, max)]!;
          return (
            <g key={r.key} transform={`translate(${r.col * (SIZE + GAP)} ${r.row * (SIZE + GAP)})`} data-key={r.key}>
              <title>{`${r.name}: ${value === null ? t('charts.hidden') : (value ?? 0).toLocaleString()}`}</title>
              <rect width={SIZE} height={SIZE} rx="4" fill={step.fill} stroke="#6b7380" strokeDasharray={value === null ? '4 3' : undefined} />
              <text x={SIZE / 2} y={18} textAnchor="middle" fontSize="10" fill={step.text}>{r.abbr}</text>
              <text x={SIZE / 2} y={36} textAnchor="middle" fontSize="12" fontWeight="700" fill={step.text}>{value === null ? t('charts.hiddenShort') : (value ?? 0).toLocaleString()}</text>
            </g>
          );
        })}
      </svg>
      <p className="chart__note" id={`${id}-n`}>{t('charts.mapNote')}</p>
      <ChartTable caption={t('charts.tableOf', { title })} header={header} valueHeader={valueHeader} data={data} />
    </figure>
  );
}
