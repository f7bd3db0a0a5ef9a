// The fingerprint of everything the web build is made from. The build records it next to its output
// (apps/web/dist/.source-hash); browser tests rebuild when it differs, so they never run against a
// stale build after a source change.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const inputs = ['src', 'public', 'index.html', 'portal.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function files(path, out = []) {
  if (!existsSync(path)) return out;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) files(join(path, name), out);
  } else out.push(path);
  return out;
}

export function webSourceHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((i) => files(join(web, i)))) {
    hash.update(relative(web, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export const webSourceHashFile = join(process.env.ACOMPANA_WEB_DIST ?? join(web, 'dist'), '.source-hash');

// `node scripts/web-build-hash.mjs write`: run by the web build once vite has written dist/.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.argv[2] === 'write') {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(webSourceHashFile, `${webSourceHash()}\n`);
}
