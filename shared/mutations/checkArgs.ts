import { mutationSchemas, type MutationName, type ParsedMutationArgs } from './index';

export const UNSTORABLE_MESSAGE = 'contains a NUL character (U+0000) or a broken character (half of a surrogate pair), which cannot be stored';

export interface ArgsIssue {
  path: string;
  message: string;
}

export type ArgsCheck<N extends MutationName> = { ok: true; args: ParsedMutationArgs<N> } | { ok: false; issues: ArgsIssue[] };

/** U+0000, or half of a surrogate pair (a broken character, as some pastes leave). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Where the first string holding text PostgreSQL's jsonb cannot store is (U+0000 or an unpaired
 * surrogate), or null. The team server stores rows as jsonb, so a change carrying such text could
 * never be stored there: it is refused where it is made, with the field, rather than failing every
 * push after it.
 */
export function unstorableTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path.join('.') || '(root)' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = (UNSTORABLE.test(key) ? [...path, key].join('.') : null) ?? unstorableTextPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A mutation's arguments checked the same way on the device and on the team server. */
export function checkMutationArgs<N extends MutationName>(name: N, args: unknown): ArgsCheck<N> {
  const parsed = mutationSchemas[name].safeParse(args);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  const unstorable = unstorableTextPath(parsed.data);
  if (unstorable !== null) return { ok: false, issues: [{ path: unstorable, message: UNSTORABLE_MESSAGE }] };
  return { ok: true, args: parsed.data as ParsedMutationArgs<N> };
}
