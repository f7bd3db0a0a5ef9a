// A time series by month: a line with a dot per month and the value above each dot. A hidden
// month breaks the line (no interpolation across a suppressed value).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './charts.css';
import { ChartTable, type ChartDatum } from './chart-table';

const W = 480;
const H = 220;
const PAD = { left: 40, right: 16, top: 24, bottom: 36 };

export function TimeSeriesChart({
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
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (data.length <= 1 ? innerW / 2 : (innerW * i) / (data.length - 1));
  const y = (v: number) => PAD.top + innerH - (innerH * v) / max;
  // One path segment per run of shown values.
  const segments: string[] = [];
  let current = '';
  data.forEach((d, i) => {
    if (d.value === null) {
      if (current) segments.push(current);
      current = '';
    } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const labelEvery = Math.max(1, Math.ceil(data.length / 12));
  return (
    <figure className="chart chart--series">
      <figcaption className="chart__caption" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`}>
        <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke="#6b7380" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#3d4450">
          {max.toLocaleString()}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" fontSize="11" fill="#3d4450">
          0
        </text>
        {segments.map((s) => (
          <path key={s} d={s} fill="none" stroke="#2171b5" strokeWidth="2" />
        ))}
        {data.map((d, i) => (
          <g key={d.key} data-key={d.key}>
            {d.value === null ? (
              <text x={x(i)} y={PAD.top + innerH - 6} textAnchor="middle" fontSize="11" fill="#3d4450">
                {t('charts.hiddenShort')}
              </text>
            ) : (
              <>
                <circle cx={x(i)} cy={y(d.value)} r="3.5" fill="#08306b" />
                <text x={x(i)} y={y(d.value) - 8} textAnchor="middle" fontSize="11" fill="#1f2933">
                  {d.value.toLocaleString()}
                </text>
              </>
            )}
            {i % labelEvery === 0 ? (
              <text x={x(i)} y={H - 14} textAnchor="middle" fontSize="11" fill="#3d4450">
                {d.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ChartTable caption={t('charts.tableOf', { title })} header={header} valueHeader={valueHeader} data={data} />
    </figure>
  );
}
