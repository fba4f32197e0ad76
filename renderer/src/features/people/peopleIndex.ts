import type { Person } from '@shared/domain';
import { foldText } from '@shared/text/fold';
import { GramIndex, intersect, type Ids } from './gramIndex';

/**
 * What a person is found by, folded: names, roles and their labels, phones as written and as
 * digits, email. A substring of it matches, so "600 11" is found inside a phone and "garc"
 * inside a surname, which a word index would miss. `name` is the person's nameText, if at hand.
 */
export function personSearchText(person: Person, roleLabel: (role: string) => string, name = nameText(person)): string {
  // Folded in one piece, one call per person rather than one per field: folding goes character by
  // character, and the fields are kept apart by spaces, so the result is the same.
  const rest = [
    ...person.roles.map((r) => `${r} ${roleLabel(r)}`),
    ...person.phones.map((ph) => `${ph} ${ph.replace(/[^\d+]/g, '')}`),
    person.email,
  ].join(FIELD_GAP);
  return name + FIELD_GAP + foldText(rest);
}

/** Between fields: a character nobody types, so no typed word runs from one field into the next. */
const FIELD_GAP = ' \u0001 ';

/** The folded name after a space, so " word" finds a name word starting with "word". */
export const nameText = (person: Person) => ` ${foldText(person.name)}`;

/** The people who are not deleted, in the directory's order: by name as the locale sorts it, then id. */
export function livePeopleByName(people: readonly Person[], locale: string): Person[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return people.filter((p) => !p.deleted).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** The words every match must contain. Phones are matched by digits too: "600111" finds "+34 600 111 222". */
export function queryTerms(query: string): string[] {
  const words = foldText(query).split(/\s+/).filter((w) => w !== '');
  return words.map((w) => (/^[\d+().-]+$/.test(w) ? w.replace(/[^\d+]/g, '') || w : w));
}

/**
 * Search over the directory, on the main thread, inside the keystroke's own event: every word
 * typed must appear somewhere in a person's search text (accents and case aside). A scan of every
 * text cost a few milliseconds for one letter at 10,000 people, enough to miss the next frame, so
 * each text's letters and letter pairs are indexed (GramIndex): a short word is answered by its
 * list, a longer one checks only the people holding its rarest pair, or only the last query's
 * matches while typing on. The benchmark (npm run bench) measures it at 10,000 people.
 */
export class PeopleIndex {
  /** Live people in name order; a person's position here is their id in the indexes. */
  readonly people: readonly Person[];
  private readonly texts: string[];
  private readonly names: string[];
  private readonly grams: GramIndex;
  private readonly nameGrams: GramIndex;
  /** Marks the people whose name has a word starting with the first term, one generation per query. */
  private readonly named: Uint32Array;
  private generation = 0;
  /** The last query's terms and matches: typing on narrows them, when no term's own list is smaller. */
  private last: { terms: string[]; matches: Ids } | null = null;

  constructor(people: readonly Person[], roleLabel: (role: string) => string, locale: string) {
    this.people = livePeopleByName(people, locale);
    this.names = this.people.map(nameText);
    this.texts = this.people.map((p, i) => personSearchText(p, roleLabel, this.names[i]));
    this.grams = new GramIndex(this.texts);
    this.nameGrams = new GramIndex(this.names);
    this.named = new Uint32Array(this.people.length);
  }

  get size(): number {
    return this.people.length;
  }

  /**
   * People matching every word of `query` (accents and case aside), in name order, with those
   * whose name has a word starting with the first typed word first.
   */
  search(query: string): readonly Person[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return this.people;
    const matches = this.match(terms);
    this.last = { terms, matches };
    const named = this.markNamed(` ${terms[0]}`, matches);
    const generation = this.generation;
    const people = this.people;
    // Those named by the first word, then the rest, each in name order: two passes over the matches.
    const shown = new Array<Person>(matches.length);
    let at = 0;
    for (let k = 0; k < matches.length; k += 1) {
      const i = matches[k]!;
      if (named[i] === generation) shown[at++] = people[i]!;
    }
    if (at < matches.length) {
      for (let k = 0; k < matches.length; k += 1) {
        const i = matches[k]!;
        if (named[i] !== generation) shown[at++] = people[i]!;
      }
    }
    return shown;
  }

  /** Positions of the people whose text contains every term, ascending (name order). */
  private match(terms: string[]): Ids {
    const found = terms.map((term) => this.grams.candidates(term));
    // Start from the smallest list known to hold every match: a term's own list, or the last
    // matches when each last term is inside a new one (whoever contains the new terms contains
    // the old ones). Either already holds some terms: its own if exact, the last ones unchanged.
    let start = 0;
    found.forEach((f, k) => {
      if (f.ids.length < found[start]!.ids.length) start = k;
    });
    let ids = found[start]!.ids;
    let holds = (k: number) => k === start && found[k]!.exact;
    const last = this.last;
    if (last && last.matches.length <= ids.length && last.terms.every((old) => terms.some((term) => term.includes(old)))) {
      ids = last.matches;
      holds = (k) => last.terms.includes(terms[k]!);
    }
    // Other exact lists narrow by merging ids, cheaper than reading texts; the other terms are read.
    const read: string[] = [];
    terms.forEach((term, k) => {
      if (holds(k)) return;
      if (found[k]!.exact) ids = intersect(ids, found[k]!.ids);
      else read.push(term);
    });
    if (read.length === 0) return ids;
    const texts = this.texts;
    const matches: number[] = [];
    for (let k = 0; k < ids.length; k += 1) {
      const i = ids[k]!;
      const text = texts[i]!;
      let all = true;
      for (const term of read) {
        if (!text.includes(term)) {
          all = false;
          break;
        }
      }
      if (all) matches.push(i);
    }
    return matches;
  }

  /**
   * Stamps the current generation on the matches whose name contains `firstWord` (" word"),
   * checking whichever is fewer: the matches, or the names holding the word's rarest pair.
   */
  private markNamed(firstWord: string, matches: Ids): Uint32Array {
    const named = this.named;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      named.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    const found = this.nameGrams.candidates(firstWord);
    const ids = found.ids.length < matches.length ? found.ids : matches;
    const exact = found.exact && ids === found.ids;
    for (let k = 0; k < ids.length; k += 1) {
      const i = ids[k]!;
      if (exact || this.names[i]!.includes(firstWord)) named[i] = generation;
    }
    return named;
  }
}
