// What a backup contains, read from the database's own catalogue so that tables added by later
// migrations are included without anyone remembering to list them: every table of the public
// schema except schema_migrations, parents before the tables whose foreign keys point at them.
import type { Queryable } from '../kernel/db/database.ts';
import type { SchemaVersion } from './backup-format.ts';

export interface ColumnInfo {
  name: string;
  /** format_type() spelling, usable in a cast: 'timestamp with time zone', 'text[]', 'character(2)'. */
  type: string;
}

export interface TableInfo {
  oid: string;
  name: string;
  columns: ColumnInfo[];
  /** Primary-key columns in key order; empty when the table has none (pages by ctid then). */
  primaryKey: string[];
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(name: string): string {
  return `public.${ident(name)}`;
}

/** Output formats fixed for the transaction, so text values read back identically on both databases. */
export async function setStableFormats(tx: Queryable): Promise<void> {
  await tx.exec(`SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC';
    SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`);
}

export async function schemaVersions(tx: Queryable): Promise<SchemaVersion[]> {
  const { rows } = await tx.query<SchemaVersion>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return rows.map((r) => ({ version: Number(r.version), name: r.name, checksum: r.checksum }));
}

/** Kahn's algorithm; self-references are ignored, and tables in a cycle keep name order at the end. */
function dependencyOrder(tables: TableInfo[], edges: { child: string; parent: string }[]): TableInfo[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.oid, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && byOid.has(child) && byOid.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = tables.filter(
      (t) => !placed.has(t.oid) && [...(parents.get(t.oid) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) break;
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.oid);
    }
  }
  return [...ordered, ...tables.filter((t) => !placed.has(t.oid))];
}

export async function applicationTables(tx: Queryable): Promise<TableInfo[]> {
  const { rows: tableRows } = await tx.query<{ oid: string; name: string }>(
    `SELECT c.oid::text AS oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
  );
  const { rows: columnRows } = await tx.query<{ oid: string; name: string; type: string }>(
    `SELECT a.attrelid::text AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
  );
  const { rows: keyRows } = await tx.query<{ oid: string; name: string }>(
    `SELECT i.indrelid::text AS oid, a.attname AS name
       FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND i.indisprimary
      ORDER BY i.indrelid, k.ord`,
  );
  const { rows: edges } = await tx.query<{ child: string; parent: string }>(
    `SELECT conrelid::text AS child, confrelid::text AS parent FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype = 'f'`,
  );
  const tables = tableRows.map((t) => ({
    oid: t.oid,
    name: t.name,
    columns: columnRows.filter((c) => c.oid === t.oid).map((c) => ({ name: c.name, type: c.type })),
    primaryKey: keyRows.filter((k) => k.oid === t.oid).map((k) => k.name),
  }));
  return dependencyOrder(tables, edges);
}

export interface SequenceState {
  name: string;
  value: string;
  isCalled: boolean;
}

export async function sequenceStates(tx: Queryable): Promise<SequenceState[]> {
  const { rows } = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const states: SequenceState[] = [];
  for (const { name } of rows) {
    const state = await tx.query<{ value: string; is_called: boolean }>(
      `SELECT last_value::text AS value, is_called FROM ${qualified(name)}`,
    );
    const row = state.rows[0];
    if (row) states.push({ name, value: row.value, isCalled: row.is_called });
  }
  return states;
}

export interface EnabledTrigger {
  table: string;
  trigger: string;
}

/** User triggers that would fire during a restore (the audit log's append-only guards, among others). */
export async function enabledUserTriggers(tx: Queryable): Promise<EnabledTrigger[]> {
  const { rows } = await tx.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D' ORDER BY c.relname, t.tgname`,
  );
  return rows;
}
