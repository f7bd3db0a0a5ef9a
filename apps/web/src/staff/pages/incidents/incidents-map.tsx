// The map of events: a state-level choropleth on a tile grid of Mexico (one square per state,
// placed roughly where it lies) in inline SVG - no tiles, no third-party service, a few hundred
// bytes. Darker means more events; every square also says its number, and the same figures are
// in a table for screen readers and for anyone who prefers numbers.
import { useTranslation } from 'react-i18next';
import type { IncidentMapSummary } from './incidents-api';
import { mexicanStates, stateName } from './incident-places';

const SIZE = 46;
const GAP = 4;
// Five steps from light to dark blue; text colour chosen per step for 4.5:1 contrast.
const steps = [
  { fill: '#f1f4f8', text: '#1f2933' },
  { fill: '#c6dbef', text: '#1f2933' },
  { fill: '#6baed6', text: '#102a43' },
  { fill: '#2171b5', text: '#ffffff' },
  { fill: '#08306b', text: '#ffffff' },
];

function stepOf(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, 1 + Math.floor((3 * Math.log(count)) / Math.log(max + 1)));
}

export function IncidentsMap({
  summary,
  onPickState,
}: {
  summary: IncidentMapSummary;
  onPickState: (code: string) => void;
}) {
  const { t } = useTranslation();
  const counts = new Map(summary.byState.map((s) => [s.stateCode, s]));
  const max = Math.max(0, ...summary.byState.filter((s) => s.stateCode).map((s) => s.events));
  const width = 10 * (SIZE + GAP);
  const height = 5 * (SIZE + GAP);
  return (
    <figure className="incident-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="incident-map-title"
        className="incident-map__svg"
      >
        <title id="incident-map-title">{t('incidents.map.title', { count: summary.total })}</title>
        {mexicanStates.map((s) => {
          const events = counts.get(s.code)?.events ?? 0;
          const step = steps[stepOf(events, max)] ?? steps[0]!;
          return (
            <g
              key={s.code}
              transform={`translate(${s.col * (SIZE + GAP)} ${s.row * (SIZE + GAP)})`}
              className="incident-map__tile"
              data-state={s.code}
              onClick={() => onPickState(s.code)}
            >
              <title>{`${s.name}: ${t('incidents.map.events', { count: events })}`}</title>
              <rect width={SIZE} height={SIZE} rx="4" fill={step.fill} stroke="#6b7380" strokeWidth="1" />
              <text x={SIZE / 2} y={18} textAnchor="middle" fontSize="10" fill={step.text}>
                {s.abbr}
              </text>
              <text x={SIZE / 2} y={36} textAnchor="middle" fontSize="13" fontWeight="700" fill={step.text}>
                {events}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('incidents.map.caption')}</figcaption>
      <table className="incident-map__table">
        <caption>{t('incidents.map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.fields.state')}</th>
            <th scope="col">{t('incidents.map.eventsHeader')}</th>
            <th scope="col">{t('incidents.map.victimsHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byState.map((s) => (
            <tr key={s.stateCode ?? 'none'}>
              <th scope="row">{s.stateCode ? stateName(s.stateCode) : t('incidents.map.noState')}</th>
              <td>{s.events}</td>
              <td>{s.victims}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Events per month as horizontal bars (the timeline's overview); the list below is by date. */
export function IncidentsTimelineBars({ summary }: { summary: IncidentMapSummary }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...summary.byMonth.map((m) => m.events));
  return (
    <ol className="incident-bars" aria-label={t('incidents.timeline.byMonth')}>
      {summary.byMonth.map((m) => (
        <li key={m.month} className="incident-bars__row">
          <span className="incident-bars__label">{m.month}</span>
          <svg className="incident-bars__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect width={Math.max(2, (100 * m.events) / max)} height="10" fill="#2171b5" />
          </svg>
          <span>{t('incidents.map.events', { count: m.events })}</span>
        </li>
      ))}
    </ol>
  );
}
