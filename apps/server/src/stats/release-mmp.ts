// A published release in the columns of IOM's Missing Migrants Project (MMP) dataset, so that a
// network can contribute its deaths and disappearances (decision 0141). Made ONLY from a frozen
// release's acts table (act type × perpetrator institution × state), never from live records:
// every figure in the file is a figure the release already published, hidden cells stay empty,
// restricted records and withdrawn consents were never counted, and the file of a release never
// changes. One row per state or department with a death or a disappearance: an MMP "Cumulative
// Incident" (the month's incidents of that place together), since a release holds no single
// incident. Columns the release does not hold (survivors, sex, children, origin, route) are left
// empty, which MMP reads as "unknown"; coordinates are never published (places stop at the
// configured public level), so the location is described by its state and country.
import { categoryLabel } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import type { FrozenTable, ReleaseDocument } from './releases.service.ts';
import { toCsv } from './stats-export.ts';

/** The MMP download's column names, in its order (missingmigrants.iom.int/downloads). */
export const MMP_COLUMNS = [
  'Main ID',
  'Incident ID',
  'Incident Type',
  'Region of Incident',
  'Incident Date',
  'Incident year',
  'Reported Month',
  'Number of Dead',
  'Minimum Estimated Number of Missing',
  'Total Number of Dead and Missing',
  'Number of Survivors',
  'Number of Females',
  'Number of Males',
  'Number of Children',
  'Country of Origin',
  'Region of Origin',
  'Cause of Death',
  'Country of Incident',
  'Migration route',
  'Location of Incident',
  'Coordinates',
  'UNSD Geographical Grouping',
  'Information Source',
  'URL',
  'Source Quality',
] as const;

/**
 * MMP's source quality (1 to 5): 3 is "one NGO or international organisation, or survivors'
 * testimony" - what a network's documentation of testimonies is; official records (5) it is not.
 */
export const MMP_SOURCE_QUALITY = 3;

const CENTRAL_AMERICA = new Set(['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA']);
const CARIBBEAN = new Set(['CU', 'HT', 'DO', 'JM', 'PR', 'BS', 'TT']);

/** MMP's "Region of Incident" and the UN M49 sub-region ("UNSD Geographical Grouping"). */
function regionsOf(country: string): { region: string; unsd: string } {
  if (CENTRAL_AMERICA.has(country)) return { region: 'Central America', unsd: 'Central America' };
  if (country === 'US' || country === 'CA') return { region: 'North America', unsd: 'Northern America' };
  if (CARIBBEAN.has(country)) return { region: 'Caribbean', unsd: 'Caribbean' };
  if (country === '') return { region: '', unsd: 'Uncategorized' };
  return { region: 'South America', unsd: 'South America' };
}

/** Country of a state key: "MX07" → MX, "GT-16" → GT, "GT" → GT, "unknown" → "". */
function countryOf(key: string): string {
  if (/^MX\d{2}$/.test(key)) return 'MX';
  const m = /^([A-Z]{2})(-.+)?$/.exec(key);
  return m ? m[1]! : '';
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export interface MmpRow {
  state: string;
  dead: number | null;
  missing: number | null;
}

/** Deaths and disappearances per state, read from the frozen cells (every institution together). */
export function mmpCounts(table: FrozenTable): MmpRow[] {
  const d = (id: string) => table.dimensions.findIndex((x) => x.id === id);
  const [type, state] = [d('type'), d('state')];
  if (type < 0 || state < 0) return [];
  const at = (act: string, place: string): number | null => {
    const cell = table.cells.find((c) =>
      c.keys.every((k, i) => (i === type ? k === act : i === state ? k === place : k === null)),
    );
    // A category absent from the table (no such act anywhere) is a published zero.
    if (!cell) return table.dimensions[type]!.categories.some((c) => c.key === act) ? null : 0;
    return cell.count;
  };
  return table.dimensions[state]!.categories.map((c) => ({
    state: c.key,
    dead: at('death', c.key),
    missing: at('disappearance', c.key),
  })).filter((r) => r.dead !== 0 || r.missing !== 0);
}

/** The MMP CSV of a published release: header row and one row per place, in English as MMP is. */
export function releaseMmpCsv(document: ReleaseDocument): string {
  const table = document.tables.find((t) => t.indicator === 'incidents.acts');
  if (!table) throw new AppError('stats.unknown_indicator', { field: 'table', params: { value: 'incidents.acts' } });
  const stateDim = table.dimensions.find((x) => x.id === 'state')!;
  const date = lastDay(document.periodTo);
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00Z`));
  const source = `${document.organisations.map((o) => o.name).join('; ')} - ${document.title}`;
  const rows = mmpCounts(table).map((r, n) => {
    const country = countryOf(r.state);
    const { region, unsd } = regionsOf(country);
    const countryName = country ? categoryLabel('country', country, 'en') : '';
    const place = stateDim.categories.find((c) => c.key === r.state)?.label.en ?? r.state;
    const location =
      country === ''
        ? 'Place not recorded'
        : place === countryName
          ? `${countryName} (country total; exact places are not published)`
          : `${place}, ${countryName} (state or department total; exact places are not published)`;
    const id = `${(document.id ?? 'preview').slice(0, 8)}.${String(n + 1).padStart(3, '0')}`;
    return [
      id,
      id,
      'Cumulative Incident',
      region,
      date,
      date.slice(0, 4),
      month,
      r.dead,
      r.missing,
      r.dead !== null && r.missing !== null ? r.dead + r.missing : null,
      null,
      null,
      null,
      null,
      '',
      '',
      r.dead === null || r.dead > 0 ? 'Mixed or unknown' : '',
      countryName,
      '',
      location,
      '',
      unsd,
      source,
      document.id ? `/api/public/releases/${document.id}` : '',
      MMP_SOURCE_QUALITY,
    ];
  });
  return toCsv({ header: [...MMP_COLUMNS], hashtags: [], rows });
}
