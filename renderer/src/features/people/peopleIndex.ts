import type { Person } from '@shared/domain';
import { foldText } from '@shared/text/fold';

/**
 * Search over the directory, on the main thread. A directory is small next to the answer library
 * (10,000 people is a big organisation), so instead of a full-text index each person gets one
 * folded string (names, roles and their labels, phones as written and as digits, email) and a
 * query scans them all: every word typed must appear somewhere. The benchmark (npm run bench)
 * measures this at 10,000 people; a substring scan also finds "600 11" inside a phone and "garc"
 * inside a surname, which a word index would not.
 */
export class PeopleIndex {
  /** Live people in name order, and the folded text of each, at the same position. */
  readonly people: readonly Person[];
  private readonly texts: string[];
  private readonly names: string[];
  /** The last query's words and matches: typing on narrows them instead of scanning everyone. */
  private last: { terms: string[]; matches: number[] } | null = null;

  constructor(people: readonly Person[], roleLabel: (role: string) => string, locale: string) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    this.people = people.filter((p) => !p.deleted).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
    this.names = this.people.map((p) => ` ${foldText(p.name)}`);
    this.texts = this.people.map((p, i) =>
      [
        this.names[i],
        ...p.roles.map((r) => `${foldText(r)} ${foldText(roleLabel(r))}`),
        ...p.phones.map((ph) => `${foldText(ph)} ${ph.replace(/[^\d+]/g, '')}`),
        foldText(p.email),
      ].join(' \u0001 '),
    );
  }

  get size(): number {
    return this.people.length;
  }

  /**
   * People matching every word of `query` (accents and case aside), in name order, with those
   * whose name has a word starting with the first typed word first.
   */
  search(query: string): readonly Person[] {
    const words = foldText(query).split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return this.people;
    // Phones are matched by digits too: "600111" finds "+34 600 111 222".
    const terms = words.map((w) => (/^[\d+().-]+$/.test(w) ? w.replace(/[^\d+]/g, '') || w : w));
    const firstWord = ` ${terms[0]}`;
    // Whoever contains the new words contains the last ones when each last word is inside a new one.
    const last = this.last;
    const candidates = last && last.terms.every((old) => terms.some((term) => term.includes(old))) ? last.matches : null;
    const matches: number[] = [];
    const named: Person[] = [];
    const others: Person[] = [];
    const count = candidates ? candidates.length : this.texts.length;
    for (let k = 0; k < count; k += 1) {
      const i = candidates ? candidates[k]! : k;
      const text = this.texts[i]!;
      let all = true;
      for (const term of terms) {
        if (!text.includes(term)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
      matches.push(i);
      if (this.names[i]!.includes(firstWord)) named.push(this.people[i]!);
      else others.push(this.people[i]!);
    }
    this.last = { terms, matches };
    return others.length === 0 ? named : named.concat(others);
  }
}
