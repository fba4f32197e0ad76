import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp';

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
      // In a browser the console must reload with the network down: a service worker precaches
      // the built app. Electron serves it from app:// and never registers the worker (see main.tsx).
      VitePWA({
        strategies: 'generateSW',
        injectRegister: false,
        manifest: false,
        filename: 'sw.js',
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
        },
      }),
    ],
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
