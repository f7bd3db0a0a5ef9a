// A tiny JSON Schema checker for tests: enough of the keywords the official HSDS 3.0 schemas use
// (type, format, enum, required, properties, items, $ref to a sibling file) to validate our
// export against tests/fixtures/hsds/*.json. Schemas are loaded only when data reaches them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function hsdsSchemaChecker(dir: string) {
  const cache = new Map<string, Schema>();
  const load = (file: string): Schema => {
    const found = cache.get(file);
    if (found) return found;
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Schema;
    cache.set(file, schema);
    return schema;
  };

  function check(schema: Schema, value: unknown, path: string, problems: string[]): void {
    if (schema.$ref) return check(load(schema.$ref), value, path, problems);
    const actual = typeOf(value);
    if (schema.type && !(actual === schema.type || (schema.type === 'number' && actual === 'integer'))) {
      problems.push(`${path}: expected ${schema.type}, got ${actual}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(value))
      problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
    if (schema.format && typeof value === 'string' && formats[schema.format] && !formats[schema.format]?.test(value))
      problems.push(`${path}: not a ${schema.format}: ${value}`);
    if (actual === 'object') {
      const object = value as Record<string, unknown>;
      for (const key of schema.required ?? [])
        if (!(key in object)) problems.push(`${path}: required property ${key} missing`);
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        if (key in object) check(sub, object[key], `${path}.${key}`, problems);
    }
    if (actual === 'array' && schema.items)
      (value as unknown[]).forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`, problems));
  }

  return (file: string, value: unknown): string[] => {
    const problems: string[] = [];
    check(load(file), value, '$', problems);
    return problems;
  };
}
