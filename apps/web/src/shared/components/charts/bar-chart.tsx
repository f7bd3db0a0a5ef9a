// Horizontal bars, one per category, with the value written at the end of each bar; a hidden
// (suppressed) value is a hatched stub labelled as hidden, never a guessed length.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './charts.css';
import { ChartTable, type ChartDatum } from './chart-table';

const ROW = 26;
const LABEL_W = 150;
const BAR_W = 220;
const VALUE_W = 70;

export function BarChart({
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
  const width = LABEL_W + BAR_W + VALUE_W;
  const height = Math.max(ROW, data.length * ROW);
  return (
    <figure className="chart chart--bars">
      <figcaption className="chart__caption" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`}>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7380" strokeWidth="2" />
          </pattern>
        </defs>
        {data.map((d, i) => {
          const y = i * ROW;
          const w = d.value === null ? 24 : Math.max(d.value > 0 ? 2 : 0, (BAR_W * d.value) / max);
          return (
            <g key={d.key} data-key={d.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="#1f2933">
                {d.label.length > 22 ? `${d.label.slice(0, 21)}…` : d.label}
              </text>
              <rect
                x={LABEL_W}
                y={y + 4}
                width={w}
                height={ROW - 8}
                fill={d.value === null ? `url(#${id}-hatch)` : '#2171b5'}
                stroke={d.value === null ? '#6b7380' : 'none'}
              />
              <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4} fontSize="12" fill="#1f2933">
                {d.value === null ? t('charts.hidden') : d.value.toLocaleString()}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable caption={t('charts.tableOf', { title })} header={header} valueHeader={valueHeader} data={data} />
    </figure>
  );
}
