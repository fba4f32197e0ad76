import { formatIssue } from '@shared/library/fileErrors';
import { SHIPPED_LIBRARY_SOURCE } from '@shared/library/shipped';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import shippedAnswers from '../../../../resources/library/answers.yaml?raw';
import shippedPlaybooks from '../../../../resources/library/playbooks.yaml?raw';
import { ANSWERS, PLAYBOOKS, type LibraryKind, type LibraryRowsBase } from './libraryKinds';

export { SHIPPED_LIBRARY_SOURCE as DEFAULT_LIBRARY_SOURCE } from '@shared/library/shipped';

/** A short fingerprint of a shipped file, so a new release with new content is loaded once more. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(hash >>> 0).toString(16)}`;
}

async function seed<R extends LibraryRowsBase>(db: CalmaDatabase, mutate: Mutate, kind: LibraryKind<R>, metaKey: string, text: string): Promise<'loaded' | 'current'> {
  const version = fingerprint(text);
  if ((await db.meta.get(metaKey))?.value === version) return 'current';
  const path = `resources/library/${kind.root}.yaml`;
  const parsed = kind.parse(path, text);
  if (!parsed.ok) throw new Error(`${path} is invalid:\n${parsed.issues.map(formatIssue).join('\n')}`);
  await kind.load(mutate, SHIPPED_LIBRARY_SOURCE, parsed.value);
  await db.meta.put({ key: metaKey, value: version });
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
  const answers = await seed(db, mutate, ANSWERS, 'library.default.seeded', texts.answers);
  const playbooks = await seed(db, mutate, PLAYBOOKS, 'library.playbooks.seeded', texts.playbooks);
  return answers === 'loaded' || playbooks === 'loaded' ? 'loaded' : 'current';
}
