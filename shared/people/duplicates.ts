import type { Person } from '../domain';
import { foldText } from '../text/fold';
import { emailKey, phoneKey } from './fields';

/**
 * When two people may be one: the same email, or the same phone (compared by phoneKey). The one
 * rule for an import's preview and for the person editor, so a person the editor lets through
 * without a word is one an import would not flag either, and the other way round.
 */

/** The keys a person is found by: "e:" and their email, "p:" and each phone's key. */
export function contactKeys(p: { email: string; phones: readonly string[] }): { email: string; phones: string[] } {
  return {
    email: p.email.trim() ? `e:${emailKey(p.email)}` : '',
    phones: p.phones.map((ph) => `p:${phoneKey(ph)}`).filter((k) => k !== 'p:'),
  };
}

const nameWords = (name: string) => foldText(name).split(/[\s.,]+/).filter((w) => w !== '');

/** Two names are the same one when their words are (accents, case and spacing aside). */
export const sameName = (a: string, b: string) => nameWords(a).join(' ') === nameWords(b).join(' ');

/**
 * Two names can be one person's when every word of the shorter is in the longer: "Tomás Rey" and
 * "Tomás Rey Castro", "Ana" and "Ana García"; not "Ana Uno" and "Ana Dos".
 */
export function namesAgree(a: string, b: string): boolean {
  const [short, long] = [nameWords(a), nameWords(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  const words = new Set(long);
  return short.every((w) => words.has(w));
}

/** Someone already in the directory who shares the email or a phone with the person being edited. */
export interface ContactClash {
  person: Person;
  reason: 'email' | 'phone';
  /** The phone as the other person has it (reason 'phone'). */
  phone?: string;
}

/**
 * Who in the directory shares the email or a phone with `fields` (deleted people and `selfId`
 * aside): by email first, each person once, in name order.
 */
export function contactClashes(fields: { email: string; phones: readonly string[] }, directory: readonly Person[], selfId: string | null): ContactClash[] {
  const keys = contactKeys(fields);
  const phones = new Set(keys.phones);
  const clashes: ContactClash[] = [];
  const others = directory.filter((p) => !p.deleted && p.id !== selfId).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  for (const p of others) {
    const theirs = contactKeys(p);
    if (keys.email !== '' && theirs.email === keys.email) clashes.push({ person: p, reason: 'email' });
    else {
      const phone = p.phones.find((ph) => phones.has(`p:${phoneKey(ph)}`));
      if (phone !== undefined) clashes.push({ person: p, reason: 'phone', phone });
    }
  }
  return clashes.sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'email' ? -1 : 1));
}
