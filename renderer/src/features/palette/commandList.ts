import type { MessageId } from '../../i18n/messages/en';

/**
 * The palette's commands, in the order they are listed: what each is called and the other words
 * it is found by (both messages, so they are searched in the UI's language). What they do is in
 * usePaletteActions.
 */
export const PALETTE_COMMANDS = [
  { id: 'go-answers', label: 'palette.goAnswers', keywords: 'palette.goAnswers.keywords' },
  { id: 'go-settings', label: 'palette.goSettings', keywords: 'palette.goSettings.keywords' },
  { id: 'new-answer', label: 'palette.newAnswer', keywords: 'palette.newAnswer.keywords' },
  { id: 'import', label: 'palette.import', keywords: 'palette.import.keywords' },
  { id: 'export-yaml', label: 'palette.exportYaml', keywords: 'palette.exportYaml.keywords' },
  { id: 'export-json', label: 'palette.exportJson', keywords: 'palette.exportJson.keywords' },
  { id: 'lang-es', label: 'palette.spanish', keywords: 'palette.spanish.keywords' },
  { id: 'lang-en', label: 'palette.english', keywords: 'palette.english.keywords' },
  { id: 'theme-dark', label: 'palette.dark', keywords: 'palette.dark.keywords' },
  { id: 'theme-light', label: 'palette.light', keywords: 'palette.light.keywords' },
] as const satisfies readonly { id: string; label: MessageId; keywords: MessageId }[];

export type PaletteCommand = (typeof PALETTE_COMMANDS)[number];
export type CommandId = PaletteCommand['id'];
