/**
 * Folds a text for accent- and case-insensitive matching: "Crísis" and "crisis" both become
 * "crisis". Diacritics are removed after canonical decomposition; ñ folds to n as users type it
 * without the tilde on foreign keyboards.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
