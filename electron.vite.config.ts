import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp';
import { ISOLATION_HEADERS } from './shared/security/isolation';

const alias = { '@shared': resolve(__dirname, 'shared') };

/**
 * Puts the CSP (shared/security/csp.ts) into the built index.html as the first element of <head>,
 * before anything it governs. Build only: the dev server needs an inline React refresh preamble
 * and a websocket, which the policy rightly forbids; the built app is what ships and is tested.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'calma:csp-meta-tag',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Emits sw.js: renderer/service-worker.js preceded by the list of every file of this build and a
 * cache name derived from their names (content-hashed), so a new build replaces the old cache.
 */
function offlinePrecache(): Plugin {
  return {
    name: 'calma:offline-precache',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith('.map')).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(resolve(__dirname, 'renderer/service-worker.js'), 'utf8');
      const header = `const CACHE = 'calma-${version}';\nconst PRECACHE = ${JSON.stringify(files.map((f) => `./${f}`))};\n`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: header + source });
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or other files: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [
      react(),
      cspMetaTag(),
      offlinePrecache(),
    ],
    worker: { format: 'es' },
    // The dev server isolates the page like the app:// protocol does (shared memory for search).
    server: { headers: { ...ISOLATION_HEADERS } },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
