import { isAllowedExternalUrl } from '@shared/security/externalLinks';

/**
 * A tel: link for a phone number as people write it ("+34 600 11 22 33", "(555) 010-0199 ext. 2"):
 * digits, a leading +, and the pause/extension marks phones understand; spaces, dots, dashes and
 * brackets go. Null when nothing dialable is left or the allow-list refuses the result, so the
 * number is shown as text instead of a link that would go nowhere.
 */
export function telUrl(phone: string): string | null {
  const trimmed = phone.trim();
  const extension = /\s*(?:ext\.?|x|extension)\s*(\d+)$/i.exec(trimmed);
  const main = (extension ? trimmed.slice(0, extension.index) : trimmed).replace(/[\s().\-\u00a0]/g, '');
  if (!/^\+?\d[\d,;*#]*$/.test(main) || main.replace(/\D/g, '').length < 3) return null;
  const url = `tel:${main}${extension ? `;ext=${extension[1]}` : ''}`;
  return isAllowedExternalUrl(url) ? url : null;
}

/** A mailto: link for one plain address; null for anything that is not one (no headers, no second address). */
export function mailtoUrl(email: string): string | null {
  const trimmed = email.trim();
  if (!/^[^\s@?&,;:<>"]+@[^\s@?&,;:<>"]+\.[^\s@?&,;:<>"]+$/.test(trimmed)) return null;
  const url = `mailto:${trimmed}`;
  return isAllowedExternalUrl(url) ? url : null;
}
