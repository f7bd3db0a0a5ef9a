// `npm run bench -- NAME`: runs bench/**/NAME.bench.ts (or every benchmark in bench/NAME/), each
// printing one JSON line of figures on stdout. Without NAME, lists the benchmarks.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');

function findBenchmarks(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) findBenchmarks(full, out);
    else if (name.endsWith('.bench.ts')) out.push(full);
  }
  return out.sort();
}

const [name, ...rest] = process.argv.slice(2);
const all = findBenchmarks(benchDir);
if (!name) {
  console.error('usage: npm run bench -- NAME [options]\navailable:');
  for (const file of all) console.error(`  ${basename(file, '.bench.ts')}  (${relative(root, file)})`);
  process.exit(2);
}
const chosen = all.filter((file) => basename(file, '.bench.ts') === name || basename(dirname(file)) === name);
if (chosen.length === 0) {
  console.error(`no benchmark named "${name}"; run "npm run bench" for the list`);
  process.exit(2);
}
for (const file of chosen) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
