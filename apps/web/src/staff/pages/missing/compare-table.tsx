// The report and the candidate side by side, one row per field, each row marked as agreeing or
// disagreeing by the engine's explanation (in words and colour, never colour alone). A partner's
// record shows only the fields its sharing allows.
import { useTranslation } from 'react-i18next';
import type { MatchCandidate } from './missing-api';

type Compared = MatchCandidate['report'];
type RowKey =
  | 'givenNames'
  | 'surnames'
  | 'aliases'
  | 'sex'
  | 'birthDate'
  | 'ageRange'
  | 'nationality'
  | 'originPlace'
  | 'eventDate'
  | 'eventPlace'
  | 'description';

/** Which engine field speaks for each row. */
const engineField: Partial<Record<RowKey, string>> = {
  givenNames: 'given_names',
  surnames: 'surnames',
  sex: 'sex',
  birthDate: 'birth',
  ageRange: 'birth',
  nationality: 'nationality',
  originPlace: 'origin_place',
  eventDate: 'event_date',
  eventPlace: 'event_place',
};

const rows: { key: RowKey; value: (r: Compared) => string | undefined }[] = [
  { key: 'givenNames', value: (r) => r.givenNames },
  { key: 'surnames', value: (r) => r.surnames },
  { key: 'aliases', value: (r) => r.aliases?.join(', ') },
  { key: 'sex', value: (r) => r.sex },
  { key: 'birthDate', value: (r) => r.birthDate ?? (r.birthYear !== undefined ? String(r.birthYear) : undefined) },
  {
    key: 'ageRange',
    value: (r) =>
      r.ageMin !== undefined || r.ageMax !== undefined ? `${r.ageMin ?? '?'}–${r.ageMax ?? '?'}` : undefined,
  },
  { key: 'nationality', value: (r) => r.nationality },
  { key: 'originPlace', value: (r) => r.originPlace },
  { key: 'eventDate', value: (r) => r.eventDate },
  { key: 'eventPlace', value: (r) => r.eventPlace },
  { key: 'description', value: (r) => r.description },
];

export function CompareTable({ candidate }: { candidate: MatchCandidate }) {
  const { t } = useTranslation();
  const other = candidate.candidate;
  const verdict = (key: RowKey): 'agrees' | 'disagrees' | null => {
    const field = engineField[key];
    const f = field ? candidate.explanation.fields.find((x) => x.field === field && x.level !== 0) : undefined;
    if (!f) return null;
    return f.weight >= 0 ? 'agrees' : 'disagrees';
  };
  /** Codes become words: the sex of either record. */
  const value = (row: (typeof rows)[number], r: Compared) => {
    const v = row.value(r);
    return row.key === 'sex' && v ? t(`missing.sex.${v}` as 'missing.sex.M', { defaultValue: v }) : v;
  };
  const shown = (r: Compared | null, key: RowKey, value: string | undefined) => {
    if (!r) return '';
    if (r.access === 'partner' && r.sharedFields && !r.sharedFields.includes(key) && key !== 'ageRange')
      return t('missing.compare.notShared');
    return value ?? '—';
  };
  return (
    <table className="compare compare--stacking">
      <caption className="visually-hidden">{t('missing.compare.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('missing.compare.field')}</th>
          <th scope="col">{t('missing.compare.report')}</th>
          <th scope="col">{t('missing.compare.candidate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows
          // The description's fields have their own side by side (AmPmTable) when both records have them.
          .filter((row) => !(row.key === 'description' && candidate.report.physical && other?.physical))
          .filter((row) => row.value(candidate.report) !== undefined || (other && row.value(other) !== undefined))
          .map((row) => {
            const v = verdict(row.key);
            return (
              <tr key={row.key} className={v ? `compare__row--${v}` : undefined}>
                <th scope="row">
                  {t(`missing.compare.row.${row.key}`)}
                  {v ? (
                    <span className={`compare__mark compare__mark--${v}`}>
                      {' '}
                      ({t(v === 'agrees' ? 'missing.explanation.agrees' : 'missing.explanation.disagrees')})
                    </span>
                  ) : null}
                </th>
                <td data-label={t('missing.compare.report')}>{value(row, candidate.report) ?? '—'}</td>
                <td data-label={t('missing.compare.candidate')}>
                  {shown(other, row.key, other ? value(row, other) : undefined)}
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
