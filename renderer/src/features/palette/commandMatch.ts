import { foldText } from '@shared/text/fold';

/** The words of a text as the palette compares them: runs of letters and digits, folded. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A command as the palette reads it: its label and its search keywords, in the UI's language. */
export interface CommandText {
  label: string;
  keywords: string;
}

/**
 * The commands a typed text finds, best first. Word by word: every typed word must begin some word
 * of the command's label or keywords, so "exp yam" finds "Export answer library as YAML", in any
 * order, case or accents. Commands found by their label alone come before those that needed a
 * keyword; otherwise the given order stands. An empty text finds every command.
 */
export function matchCommands<C>(text: string, commands: readonly C[], textOf: (command: C) => CommandText): C[] {
  const typed = foldedWords(text);
  if (typed.length === 0) return [...commands];
  const byLabel: C[] = [];
  const byKeyword: C[] = [];
  for (const command of commands) {
    const { label, keywords } = textOf(command);
    const labelWords = foldedWords(label);
    if (everyWordBegins(typed, labelWords)) byLabel.push(command);
    else if (everyWordBegins(typed, labelWords.concat(foldedWords(keywords)))) byKeyword.push(command);
  }
  return byLabel.concat(byKeyword);
}

function everyWordBegins(typed: readonly string[], words: readonly string[]): boolean {
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}
