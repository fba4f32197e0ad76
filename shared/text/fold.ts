/**
 * Folds a text for accent- and case-insensitive matching: "Crísis" and "crisis" both become
 * "crisis". Diacritics are removed after canonical decomposition; ñ folds to n as users type it
 * without the tilde on foreign keyboards, and letters such as ł, ø or ß to how they are typed
 * without them.
 *
 * Gives exactly what foldByDecomposition gives, faster for the texts Calma mostly holds: plain
 * ASCII (nothing to decompose) only changes case, and Latin letters (up to U+024F: á, ñ, ü, ø…)
 * fold one by one through a table built from foldByDecomposition. Decomposing a whole text and
 * scanning it for marks was most of the cost of building the people and answer indexes.
 */
export function foldText(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  if (BEYOND_LATIN.test(text)) return foldByDecomposition(text);
  // A short text (a name) is quickest read character by character; in a long one (an answer's
  // body) only the accented runs need the table, and the rest is lowered in one go.
  return text.length <= SHORT_TEXT ? foldLatin(text) : text.replace(LATIN_RUNS, foldLatin).toLowerCase();
}

/**
 * The definition of folding: decompose (NFD), drop the combining marks, lower the case, then spell
 * the Latin letters that have no decomposition as people type them on a plain keyboard (ł as l,
 * ø as o, æ as ae, ß as ss…): "lukasz walesa" finds "Łukasz Wałęsa", "strasse" finds "Straße".
 * Every text folds to this; foldText only gets there sooner.
 */
export function foldByDecomposition(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(UNDECOMPOSED, (letter) => PLAIN_SPELLING[letter]!);
}

/** Lower-case Latin letters that NFD leaves whole, as written without them. */
const PLAIN_SPELLING: Readonly<Record<string, string>> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ŧ': 't', 'ƒ': 'f',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(PLAIN_SPELLING).join('')}]`, 'g');

const NOT_ASCII = /[^\x00-\x7f]/;
const BEYOND_LATIN = /[^\x00-\u024f]/;
const LATIN_RUNS = /[\x80-\u024f]+/g;
const SHORT_TEXT = 200;

/**
 * Each character below U+0250 folded on its own. Folding such a text character by character is
 * the same as folding it whole: none of them is a combining mark, their decompositions are a
 * letter and marks that are then dropped, and lowering their case does not depend on neighbours
 * (the one contextual rule, final sigma, is Greek). A property test holds foldText to it.
 */
const LATIN_FOLDED: readonly string[] = Array.from({ length: 0x250 }, (_, code) => foldByDecomposition(String.fromCharCode(code)));

/** `text`, of characters below U+0250 only, folded character by character. */
function foldLatin(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i += 1) folded += LATIN_FOLDED[text.charCodeAt(i)]!;
  return folded;
}
