import { fileURLToPath } from 'node:url';

/** The repository root, for tests that read build output or configuration files. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
