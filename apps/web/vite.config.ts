// Build of the web app. The staff app is served by the server under /app/ with a fallback to
// /app/index.html; the public portal (served at /) will be a second entry in `input` that shares
// the same components, styles and hashed assets under /app/assets/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const entry = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
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
      },
      output: {
        // Libraries change less often than our code: a separate chunk stays cached across releases
        // and will be shared by the portal entry.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    // `npm run dev --workspace apps/web` against a server started with `npm start`.
    proxy: { '/api': process.env.ACOMPANA_API ?? 'http://127.0.0.1:3000' },
  },
});
