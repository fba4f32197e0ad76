import type { Shell } from 'electron';
import { isAllowedExternalUrl } from '@shared/security/externalLinks';

export { isAllowedExternalUrl };

/**
 * Opens `url` in the user's browser, mail or phone app if the allow-list accepts it.
 * Opens the parsed (normalized) form, so what is opened is exactly what was checked.
 */
export async function openExternalLink(url: string, shell: Pick<Shell, 'openExternal'>): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}
