#!/usr/bin/env node
// Runs after `npm ci` / `npm install`: builds the web app so that the first `npm start` is ready
// in seconds. Skipped quietly when the build tools are not installed (production installs that
// omit dev dependencies build with `npm run build` beforehand).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}node_modules/vite`)) process.exit(0);
const build = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
