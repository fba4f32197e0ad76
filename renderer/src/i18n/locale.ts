import type { Lang } from '@shared/domain';

/** The UI language: the user's choice, else the system's if it is Spanish, else English. */
export function resolveLocale(choice: Lang | 'system', systemLanguages: readonly string[]): Lang {
  if (choice !== 'system') return choice;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}
