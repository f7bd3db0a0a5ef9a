// The text alternative of every chart: the same figures as a table (WCAG 1.1.1), visible to all.
import { useTranslation } from 'react-i18next';

export interface ChartDatum {
  key: string;
  label: string;
  /** null = not shown (suppressed, or a total that would count people twice). */
  value: number | null;
}

export function ChartTable({
  caption,
  header,
  valueHeader,
  data,
}: {
  caption: string;
  header: string;
  valueHeader: string;
  data: readonly ChartDatum[];
}) {
  const { t } = useTranslation();
  return (
    <table className="chart__table">
      <caption className="chart__note">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key} data-key={d.key}>
            <th scope="row">{d.label}</th>
            <td>{d.value === null ? t('charts.hidden') : d.value.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
