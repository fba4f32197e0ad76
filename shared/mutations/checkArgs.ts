import { mutationSchemas, type MutationName, type ParsedMutationArgs } from './index';

export interface ArgsIssue {
  path: string;
  message: string;
}

export type ArgsCheck<N extends MutationName> = { ok: true; args: ParsedMutationArgs<N> } | { ok: false; issues: ArgsIssue[] };

/**
 * Where the first string holding U+0000 is, or null. The team server stores rows as PostgreSQL
 * jsonb, which cannot hold that character, so a change carrying one could never be stored there:
 * it is refused where it is made, with the field, rather than failing every push after it.
 */
export function nulCharacterPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(root)' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulCharacterPath(item, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = (key.includes('\u0000') ? [...path, key].join('.') : null) ?? nulCharacterPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A mutation's arguments checked the same way on the device and on the team server. */
export function checkMutationArgs<N extends MutationName>(name: N, args: unknown): ArgsCheck<N> {
  const parsed = mutationSchemas[name].safeParse(args);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  const nul = nulCharacterPath(parsed.data);
  if (nul !== null) return { ok: false, issues: [{ path: nul, message: 'contains a NUL character (U+0000), which cannot be stored' }] };
  return { ok: true, args: parsed.data as ParsedMutationArgs<N> };
}
