import { formatIssue, type ParseResult } from '@shared/library/fileErrors';
import { parseAnswersFile } from '@shared/library/answersFile';
import { parsePlaybooksFile } from '@shared/library/playbooksFile';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import shippedAnswers from '../../../../resources/library/answers.yaml?raw';
import shippedPlaybooks from '../../../../resources/library/playbooks.yaml?raw';

export const DEFAULT_LIBRARY_SOURCE = 'calma:default-library';

/** A short fingerprint of a shipped file, so a new release with new content is loaded once more. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(hash >>> 0).toString(16)}`;
}

interface ShippedFile<R> {
  metaKey: string;
  path: string;
  text: string;
  parse(file: string, text: string): ParseResult<R>;
  load(mutate: Mutate, rows: R): Promise<unknown>;
}

async function seed<R>(db: CalmaDatabase, mutate: Mutate, shipped: ShippedFile<R>): Promise<'loaded' | 'current'> {
  const version = fingerprint(shipped.text);
  if ((await db.meta.get(shipped.metaKey))?.value === version) return 'current';
  const parsed = shipped.parse(shipped.path, shipped.text);
  if (!parsed.ok) throw new Error(`${shipped.path} is invalid:\n${parsed.issues.map(formatIssue).join('\n')}`);
  await shipped.load(mutate, parsed.value);
  await db.meta.put({ key: shipped.metaKey, value: version });
  return 'loaded';
}

/**
 * Loads the answers and playbooks that ship with Calma, the first time the console starts (and
 * again when a release changes them). Their records have stable ids, so loading them on many
 * machines, or twice, never makes duplicates; records the team edited keep their newer edits.
 */
export async function seedDefaultLibrary(
  db: CalmaDatabase,
  mutate: Mutate,
  texts: { answers: string; playbooks: string } = { answers: shippedAnswers, playbooks: shippedPlaybooks },
): Promise<'loaded' | 'current'> {
  const answers = await seed(db, mutate, {
    metaKey: 'library.default.seeded',
    path: 'resources/library/answers.yaml',
    text: texts.answers,
    parse: parseAnswersFile,
    load: (m, rows) => m('library.import', { source: DEFAULT_LIBRARY_SOURCE, ...rows }),
  });
  const playbooks = await seed(db, mutate, {
    metaKey: 'library.playbooks.seeded',
    path: 'resources/library/playbooks.yaml',
    text: texts.playbooks,
    parse: parsePlaybooksFile,
    load: (m, rows) => m('playbookLibrary.import', { source: DEFAULT_LIBRARY_SOURCE, ...rows }),
  });
  return answers === 'loaded' || playbooks === 'loaded' ? 'loaded' : 'current';
}
