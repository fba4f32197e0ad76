// ESLint flat config. Besides typescript-eslint's recommended rules (syntax only, no type
// information, so linting stays fast), it enforces the dependency rule of the design:
//
//   shared    imports nothing of ours, no Node, no Electron, and touches no DOM global;
//   renderer  never imports electron/, server/, Electron or Node (it reaches the OS through its host);
//   electron  never imports renderer/ or server/;
//   server    never imports renderer/ or electron/.
//
// test/unit/electron/dependencyRule.test.ts proves each restriction fires.

import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topLevelBuiltins = [...new Set(builtinModules.map((name) => name.split('/')[0]))];

const NODE_BUILTINS = {
  // "node:fs", "fs", "fs/promises"… (subpaths of builtins included)
  regex: `^(node:|(${topLevelBuiltins.map(escape).join('|')})(/|$))`,
  message: 'Node built-ins are not available here: this code also runs in the browser.',
};
const ELECTRON = {
  regex: '^electron(/|$)',
  message: "Electron is only for electron/: the renderer reaches the OS through its host interface.",
};
/** A relative import that climbs up into a top-level folder of the repository. */
const folder = (name, message) => ({ regex: `^(\\.\\./)+${name}(/|$)`, message });
const RENDERER = folder('renderer', 'Nothing imports the renderer: put shared code in shared/.');
const ELECTRON_DIR = folder('electron', 'Only the Electron app imports electron/: put shared code in shared/.');
const SERVER = folder('server', 'Only the server imports server/: put shared code in shared/.');

const restrictImports = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((pattern) => ({ ...pattern })) }],
});

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({
  name,
  message: `shared/ runs in the main process and the server too, where there is no ${name}; pass what you need in.`,
}));
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
  name,
  message: `shared/ runs in the browser too, where there is no ${name}.`,
}));

const SOURCE_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const inFolder = (name) => SOURCE_FILES.map((pattern) => `${name}/${pattern}`);

export default defineConfig(
  { ignores: ['out/', 'node_modules/', 'dist/', 'test-results/', 'playwright-report/', '.bench/'] },
  tseslint.configs.recommended,
  {
    rules: {
      // The usual convention: a leading underscore marks a binding that is unused on purpose
      // (`for (const _ of …)`, `({ omitted: _omitted, ...rest })`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: inFolder('shared'),
    rules: {
      ...restrictImports(RENDERER, ELECTRON_DIR, SERVER, ELECTRON, NODE_BUILTINS),
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...NODE_GLOBALS],
    },
  },
  {
    files: inFolder('renderer'),
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrictImports(ELECTRON_DIR, SERVER, ELECTRON, NODE_BUILTINS),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: inFolder('electron'),
    rules: restrictImports(RENDERER, SERVER),
  },
  {
    files: inFolder('server'),
    rules: restrictImports(RENDERER, ELECTRON_DIR),
  },
);
