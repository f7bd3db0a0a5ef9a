#!/usr/bin/env node
// The one test command: format check, lint, type check, then every *.test.ts under packages/ apps/ tests/
// through Node's own test runner (TypeScript loaded by tsx). Node 20's --test does not expand
// globs, so we list the files here. Pass file or folder names to run only those.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const quick = args.includes('--no-checks');
const targets = args.filter((a) => !a.startsWith('--'));

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, full));
  }
  return out;
}

function run(cmd, cmdArgs, label) {
  const started = Date.now();
  const res = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env: process.env });
  console.error(`# ${label}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (res.status !== 0) process.exit(res.status ?? 1);
}

if (!quick && targets.length === 0) {
  run('npx', ['prettier', '--check', '--log-level', 'warn', '.'], 'format (prettier)');
  run('npx', ['eslint', '--max-warnings', '0', '.'], 'lint');
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], 'typecheck (server, core, cli)');
  run('npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit'], 'typecheck (web)');
}
const roots = targets.length ? targets : ['packages', 'apps', 'tests'];
const files = roots.flatMap((t) => (statSync(join(root, t)).isDirectory() ? findTests(join(root, t)) : [t])).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], `${files.length} test files`);
