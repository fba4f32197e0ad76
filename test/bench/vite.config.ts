import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the benchmark page beside the console (out/bench) so both share one origin and IndexedDB. */
export default defineConfig({
  root: resolve(__dirname, 'page'),
  base: './',
  resolve: { alias: { '@shared': resolve(__dirname, '../../shared') } },
  build: { outDir: resolve(__dirname, '../../out/bench'), emptyOutDir: true, minify: true },
  logLevel: 'warn',
});
