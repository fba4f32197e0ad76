import type { Lang, Localized } from '@shared/domain';

/**
 * A text in the wanted language, or in the other one when it has none there, with the language it
 * is actually in (so the page can mark it with `lang` for screen readers and hyphenation).
 */
export function pickText(text: Localized, lang: Lang): { text: string; lang: Lang; fallback: boolean } {
  if (text[lang].trim() !== '') return { text: text[lang], lang, fallback: false };
  const other: Lang = lang === 'es' ? 'en' : 'es';
  return text[other].trim() !== '' ? { text: text[other], lang: other, fallback: true } : { text: '', lang, fallback: false };
}

/** The first line of a step's Markdown, without its markup, to name the step in short. */
export function headline(markdown: string, max = 70): string {
  const line = markdown.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  const plain = line.replace(/^#+\s*|^[-*+]\s+|^\d+\.\s+/, '').replace(/[*_`~]|\[|\]\([^)]*\)/g, '').trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
