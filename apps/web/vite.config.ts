// Build of the web app: two entries.
// - staff (index.html): the React staff app, served by the server under /app/ with a fallback to
//   /app/index.html.
// - portal (portal.html): the public portal, plain TypeScript + DOM (docs/decisions/0107), served
//   at / and /<lang>/…; it shares only the hashed asset folder /app/assets/ with the staff app.
// Two small plugins serve the portal: guides (Markdown) are parsed here, at build time, into plain
// data; and the portal's service worker gets the list of files to precache (dist/sw.js).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { parseGuide } from './src/portal/markdown.ts';

const entry = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const BASE = '/app/';

/** content/<lang>/<slug>.md → `export default {meta, blocks}`; with ?meta only the front matter. */
function portalContent(): Plugin {
  return {
    name: 'acompana-portal-content',
    enforce: 'pre',
    load(id) {
      const [file = '', query = ''] = id.split('?');
      if (!file.endsWith('.md')) return null;
      const where = /\/portal\/content\/([a-z]{2})\/([a-z0-9-]+)\.md$/.exec(file);
      if (!where?.[1] || !where[2]) throw new Error(`a portal guide must be content/<lang>/<slug>.md: ${file}`);
      this.addWatchFile(file);
      const guide = parseGuide(readFileSync(file, 'utf8'), where[1], where[2]);
      return { code: `export default ${JSON.stringify(query.includes('meta') ? guide.meta : guide)};`, map: null };
    },
  };
}

/** Writes dist/sw.js: the service worker template with the portal's files and a version. */
function portalServiceWorker(): Plugin {
  return {
    name: 'acompana-portal-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      const seen = new Set<string>();
      const visit = (fileName: string): void => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || !chunk || chunk.type !== 'chunk') return;
        seen.add(fileName);
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
      };
      const portal = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'portal',
      );
      if (!portal) throw new Error('no portal entry in the bundle');
      visit(portal.fileName);
      const html = bundle['portal.html'];
      const precache = [
        '/',
        `${BASE}manifest.webmanifest`,
        `${BASE}portal-icon.svg`,
        `${BASE}portal-icon-192.png`,
        `${BASE}portal-icon-512.png`,
        ...[...files].sort().map((file) => BASE + file),
      ];
      const version = createHash('sha256')
        .update(precache.join('\n'))
        .update(html && html.type === 'asset' ? String(html.source) : '')
        .digest('hex')
        .slice(0, 12);
      const template = readFileSync(entry('./src/portal/sw/service-worker.js'), 'utf8');
      const source = template
        .replace("const VERSION = 'dev';", `const VERSION = '${version}';`)
        .replace('const PRECACHE = [];', `const PRECACHE = ${JSON.stringify(precache, null, 2)};`);
      if (!source.includes(version) || source.includes('const PRECACHE = [];'))
        throw new Error('service worker template markers not found');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      this.emitFile({
        type: 'asset',
        fileName: 'portal-precache.json',
        source: JSON.stringify({ version, files: precache }, null, 2),
      });
    },
  };
}

/** Text files the server may send precompressed; smaller ones are not worth a second request header. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
const MIN_BYTES = 1024;

/**
 * Writes name.br (brotli, quality 11) and name.gz (gzip -9) next to every text file of the build,
 * once, so the server never spends CPU on them per request (docs/decisions/0133). A variant is
 * kept only when it is smaller than the file.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'acompana-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
          item.isDirectory() ? walk(join(dir, item.name)) : [join(dir, item.name)],
        );
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
        const source = readFileSync(file);
        const br = brotliCompressSync(source, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        const gz = gzipSync(source, { level: 9 });
        if (br.length < source.length) writeFileSync(`${file}.br`, br);
        if (gz.length < source.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  base: BASE,
  plugins: [react(), portalContent(), portalServiceWorker(), precompress()],
  build: {
    // ACOMPANA_WEB_DIST (absolute) builds elsewhere: parallel checkouts' browser tests do not
    // delete each other's build mid-run.
    outDir: process.env.ACOMPANA_WEB_DIST ?? 'dist',
    emptyOutDir: true,
    // Chromium, Firefox and Safari all support modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    // Old laptops on slow links: no source maps shipped, and a warning if a chunk grows past
    // what React plus i18next need today (~275 kB minified).
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      input: {
        staff: entry('./index.html'),
        portal: entry('./portal.html'),
      },
      output: {
        // Libraries change less often than our code: a separate chunk stays cached across
        // releases. The portal uses no library, so it never loads this chunk.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    // `npm run dev --workspace apps/web` against a server started with `npm start`.
    proxy: { '/api': process.env.ACOMPANA_API ?? 'http://127.0.0.1:3000' },
  },
});
