// HXL for statistics exports (decision 0127, "HXL"), one mapping for staff and public files.
// Only HXL core hashtags; places as #country+code/#country+name and #adm1+code/#adm1+name (a
// place published only by its country leaves the adm1 columns empty, never a country under
// #adm1); sex and age are not columns of their own (HXL has no core hashtag for them) but
// attributes of the count, as the standard disaggregates: +f, +m, +i, +children, +adolescents,
// +adults, +elderly, with a custom +age_… range (the form the HXL hashtag chooser suggests).
// Two tables: the CELLS (inner cells only, sex and age spread over columns), and the TOTALS in
// their own table (one row per margin, the disaggregation named in #indicator+code/+name), so a
// tool summing a column never adds a total to its own parts. Notes are in the file's language.
// The staff exports of an organisation's own table go through the same function (hxlTableOf in
// stats-export.ts), so staff and public files carry the same tags for the same dimension.
import { categoryLabel } from '@acompana/core';
import type { FrozenTable } from './releases.service.ts';
import type { LongTable } from './stats-export.ts';

type Locale = 'es' | 'en';

/** Count hashtag per indicator (what one unit is). */
const COUNT_TAG: Record<string, string> = {
  'incidents.acts': '#indicator+num',
  'people.registered': '#reached+num',
  'procedures.deadlines': '#indicator+num',
};

/** Row dimensions: columns of code and name. */
const ROW_TAGS: Record<string, [string, string]> = {
  type: ['#event+type+code', '#event+type+name'],
  institution: ['#group+code', '#group+name'],
  nationality: ['#country+code+origin', '#country+name+origin'],
  outcome: ['#status+code', '#status+name'],
  status: ['#status+code', '#status+name'],
  stage: ['#status+code', '#status+name'],
  milestone: ['#status+code', '#status+name'],
  urgency: ['#severity+code', '#severity+name'],
  month: ['#date', '#date+name'],
};
const PROCEDURE_TAGS: [string, string] = ['#activity+type+code', '#activity+type+name'];

/** Attribute dimensions: each category is an attribute set of the count. */
const ATTRIBUTES: Record<string, Record<string, string>> = {
  sex: { F: '+f', M: '+m', X: '+i', unknown: '+x_sexunknown' },
  age: {
    '0-4': '+children+age_0_4',
    '0-11': '+children+age_0_11',
    '5-11': '+children+age_5_11',
    '12-17': '+children+adolescents+age_12_17',
    '18-29': '+adults+age_18_29',
    '30-59': '+adults+age_30_59',
    '60+': '+adults+elderly+age_60_',
    unknown: '+x_ageunknown',
  },
};

const TEXT = {
  es: {
    total: 'Total',
    hidden: 'oculto',
    hiddenIn: 'Ocultas (vacías)',
    note: 'Nota',
    country: 'País (código)',
    countryName: 'País',
    adm1: 'Estado o departamento (código)',
    adm1Name: 'Estado o departamento',
    code: 'código',
    breakdown: 'Desagregación',
    breakdownCode: 'Desagregación (código HXL)',
    all: 'Todas las personas',
    small: 'menor que el umbral: no publicar sin suprimir',
    notAdditive: 'no sumable: una persona puede estar en varias categorías',
  },
  en: {
    total: 'Total',
    hidden: 'hidden',
    hiddenIn: 'Hidden (empty)',
    note: 'Note',
    country: 'Country (code)',
    countryName: 'Country',
    adm1: 'State or department (code)',
    adm1Name: 'State or department',
    code: 'code',
    breakdown: 'Breakdown',
    breakdownCode: 'Breakdown (HXL code)',
    all: 'Everyone',
    small: 'under the threshold: do not publish without suppression',
    notAdditive: 'not additive: one person can be in several categories',
  },
} as const;

/** A frozen release table, or an organisation's own table whose cells carry a flag. */
export type HxlTable = Omit<FrozenTable, 'cells'> & {
  cells: (FrozenTable['cells'][number] & { flag?: 'small' | 'suppressed' | 'not_additive' | null })[];
};
type Dim = FrozenTable['dimensions'][number];
type Cell = HxlTable['cells'][number];

/** Country and first-level unit of a place key: "MX07" → MX / MX07; "GT-16" → GT / GT-16; "GT" → GT / –. */
function placeParts(key: string): { country: string; adm1: string } {
  if (key === 'unknown') return { country: '', adm1: '' };
  if (/^MX\d{2}$/.test(key)) return { country: 'MX', adm1: key };
  const m = /^([A-Z]{2})-(.+)$/.exec(key);
  if (m) return { country: m[1]!, adm1: key };
  return { country: key, adm1: '' };
}

function rowColumns(table: HxlTable, dim: Dim, locale: Locale): { header: string[]; tags: string[] } {
  const t = TEXT[locale];
  if (dim.id === 'state')
    return {
      header: [t.country, t.countryName, t.adm1, t.adm1Name],
      tags: ['#country+code', '#country+name', '#adm1+code', '#adm1+name'],
    };
  const tags = table.indicator === 'procedures.deadlines' && dim.id === 'type' ? PROCEDURE_TAGS : ROW_TAGS[dim.id];
  const [code, name] = tags ?? ['#meta+code', '#meta+name'];
  return { header: [`${dim.title[locale]} (${t.code})`, dim.title[locale]], tags: [code, name] };
}

function rowValues(dim: Dim, key: string | null, locale: Locale, countryLabel: (code: string) => string): string[] {
  const label = key === null ? TEXT[locale].total : (dim.categories.find((c) => c.key === key)?.label[locale] ?? key);
  if (dim.id !== 'state') return [key ?? '', label];
  if (key === null) return ['', label, '', ''];
  const { country, adm1 } = placeParts(key);
  return adm1 ? [country, countryLabel(country), adm1, label] : [country, label, '', ''];
}

/** The HXL long table of one release table: its cells, or its totals. */
export function releaseHxl(table: HxlTable, locale: Locale, part: 'cells' | 'totals'): LongTable {
  const t = TEXT[locale];
  const countTag = COUNT_TAG[table.indicator] ?? '#indicator+num';
  const rowDims = table.dimensions.map((d, i) => ({ d, i })).filter(({ d }) => !ATTRIBUTES[d.id]);
  const attrDims = table.dimensions.map((d, i) => ({ d, i })).filter(({ d }) => ATTRIBUTES[d.id]);
  const byKey = new Map(table.cells.map((c) => [c.keys.map((k) => k ?? '*').join('|'), c]));
  const cellAt = (keys: (string | null)[]): Cell | undefined => byKey.get(keys.map((k) => k ?? '*').join('|'));
  // Country names: the state dimension's own label when a country is a category, else the country list.
  const stateDim = table.dimensions.find((d) => d.id === 'state');
  const countryLabel = (code: string): string =>
    stateDim?.categories.find((c) => c.key === code)?.label[locale] ?? categoryLabel('country', code, locale);
  const rowHead = rowDims.map(({ d }) => rowColumns(table, d, locale));
  const header: string[] = rowHead.flatMap((h) => h.header);
  const hashtags: string[] = rowHead.flatMap((h) => h.tags);
  const rowCombos = combos(
    rowDims.map(({ d }) => d),
    part === 'cells' ? 'inner' : 'all',
  );
  const attrCombos = combos(
    attrDims.map(({ d }) => d),
    part === 'cells' ? 'inner' : 'all',
  );
  const keysOf = (row: (string | null)[], attrs: (string | null)[]): (string | null)[] => {
    const keys = new Array<string | null>(table.dimensions.length).fill(null);
    rowDims.forEach(({ i }, k) => (keys[i] = row[k]!));
    attrDims.forEach(({ i }, k) => (keys[i] = attrs[k]!));
    return keys;
  };
  const attrLabel = (attrs: (string | null)[]): string =>
    attrs.every((a) => a === null)
      ? t.all
      : attrs
          .map((a, k) => (a === null ? null : (attrDims[k]!.d.categories.find((c) => c.key === a)?.label[locale] ?? a)))
          .filter((s) => s !== null)
          .join(', ');
  const attrTag = (attrs: (string | null)[]): string =>
    countTag + attrs.map((a, k) => (a === null ? '' : (ATTRIBUTES[attrDims[k]!.d.id]![a] ?? ''))).join('');
  const rows: (string | number | null)[][] = [];
  const rowsValues = (row: (string | null)[]) =>
    rowDims.flatMap(({ d }, k) => rowValues(d, row[k]!, locale, countryLabel));

  if (part === 'cells') {
    // Sex and age spread over count columns, one per inner combination.
    for (const attrs of attrCombos) {
      header.push(
        attrDims.length
          ? `${table.title[locale]}: ${attrLabel(attrs)}`
          : `${table.title[locale]} (${table.unit[locale]})`,
      );
      hashtags.push(attrTag(attrs));
    }
    header.push(t.note);
    hashtags.push('#description');
    for (const row of rowCombos) {
      const cells = attrCombos.map((attrs) => cellAt(keysOf(row, attrs)));
      const counts = cells.map((c) => c?.count ?? null);
      const hidden = attrCombos.filter((_, k) => counts[k] === null).map(attrLabel);
      const small = attrCombos.filter((_, k) => cells[k]?.flag === 'small').map(attrLabel);
      const notes = [
        hidden.length === 0 ? '' : attrDims.length ? `${t.hiddenIn}: ${hidden.join('; ')}` : t.hidden,
        small.length === 0 ? '' : attrDims.length ? `${t.small}: ${small.join('; ')}` : t.small,
      ];
      rows.push([...rowsValues(row), ...counts, notes.filter(Boolean).join('. ')]);
    }
  } else {
    // Every margin once: a row per combination with at least one total, disaggregation named.
    header.push(t.breakdownCode, t.breakdown, `${table.title[locale]} (${table.unit[locale]})`, t.note);
    hashtags.push('#indicator+code', '#indicator+name', '#indicator+value+num', '#description');
    for (const row of rowCombos)
      for (const attrs of attrCombos) {
        const keys = keysOf(row, attrs);
        if (keys.every((k) => k !== null)) continue; // an inner cell: in the cells table
        const cell = cellAt(keys);
        const count = cell?.count ?? null;
        const note =
          cell?.flag === 'not_additive'
            ? t.notAdditive
            : count === null
              ? t.hidden
              : cell?.flag === 'small'
                ? t.small
                : '';
        rows.push([...rowsValues(row), attrTag(attrs), attrLabel(attrs), count, note]);
      }
  }
  return { header, hashtags, rows };
}

/** Combinations of category keys (null = total), inner only or with totals. */
function combos(dims: readonly Dim[], which: 'inner' | 'all'): (string | null)[][] {
  let out: (string | null)[][] = [[]];
  for (const d of dims) {
    const keys: (string | null)[] = d.categories.map((c) => c.key);
    if (which === 'all') keys.push(null);
    out = out.flatMap((prefix) => keys.map((k) => [...prefix, k]));
  }
  return out;
}
