/**
 * A search word reduced to what its singular starts with, for the prefix search of the answers:
 * "respuestas" → "respuesta", "hackeos" → "hackeo", "leaks" → "leak", "clientes" → "client",
 * "filtraciones" → "filtracion", "apologies" → "apolog". Forward (prefix) matching then finds the
 * singular and the plural alike, so a plural query finds what its singular finds.
 *
 * Crude on purpose: it only ever cuts a plural ending, never adds, and leaves at least four
 * letters, so the stem is a prefix of the word and a search for it can only find more, never
 * lose what the word itself found; short prefixes typed on the way to a word ("cris", "res") are
 * left alone, where a cut would widen the search the most. Spanish and English plurals only;
 * `word` is already folded.
 */
export function pluralStem(word: string): string {
  const cut = (ending: string) => (word.length - ending.length >= MIN_STEM && word.endsWith(ending) ? word.slice(0, -ending.length) : null);
  return cut('ies') ?? cut('es') ?? (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') ? null : cut('s')) ?? word;
}

const MIN_STEM = 4;
