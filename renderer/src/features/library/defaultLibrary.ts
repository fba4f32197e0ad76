import { formatIssue, type FileIssue } from '@shared/library/fileErrors';
import { parseAnswersFile } from '@shared/library/answersFile';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import shippedLibrary from '../../../../resources/library/answers.yaml?raw';

const SEEDED_KEY = 'library.default.seeded';
export const DEFAULT_LIBRARY_SOURCE = 'calma:default-library';

/** A short fingerprint of the shipped file, so a new release with new answers is loaded once more. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(hash >>> 0).toString(16)}`;
}

/**
 * Loads the answer library that ships with Calma, the first time the console starts (and again
 * when a release changes it). Its records have stable ids, so loading it on many machines, or
 * twice, never makes duplicates; answers the team edited keep their newer edits.
 */
export async function seedDefaultLibrary(db: CalmaDatabase, mutate: Mutate, text: string = shippedLibrary): Promise<'loaded' | 'current'> {
  const version = fingerprint(text);
  const seeded = await db.meta.get(SEEDED_KEY);
  if (seeded?.value === version) return 'current';
  const parsed = parseAnswersFile('resources/library/answers.yaml', text);
  if (!parsed.ok) throw new Error(`the shipped library is invalid:\n${parsed.issues.map((i: FileIssue) => formatIssue(i)).join('\n')}`);
  await mutate('library.import', { source: DEFAULT_LIBRARY_SOURCE, ...parsed.value });
  await db.meta.put({ key: SEEDED_KEY, value: version });
  return 'loaded';
}
