import { Charset, Index } from 'flexsearch';
import {
  CHANNELS,
  deriveAnswerState,
  LANGS,
  type Answer,
  type AnswerRevision,
  type Approval,
  type Channel,
  type Lang,
  type Localized,
  type RevisionStatus,
} from '@shared/domain';
import { foldText } from '@shared/text/fold';
import { pluralStem } from '@shared/text/pluralStem';

export interface AnswerFiltersQuery {
  channel: Channel | null;
  lang: Lang | null;
  status: RevisionStatus | null;
}

export interface AnswerQuery {
  text: string;
  filters: AnswerFiltersQuery;
  /** Locale used to sort the list when there is no text to rank by. */
  locale: Lang;
  limit: number;
  /** Epoch ms; expiry is judged at query time so an approval lapses without re-indexing. */
  now: number;
}

export interface AnswerSummary {
  id: string;
  title: Localized;
  tags: string[];
  status: RevisionStatus;
  expiresAt: string | null;
  /** Channels with a text, per language, in the revision the desk shows. */
  channels: Record<Lang, Channel[]>;
  hasNewerDraft: boolean;
}

export interface AnswerQueryResult {
  /** Matches counted: every match when `more` is false, else the ones returned. */
  total: number;
  /** True when there are further matches beyond `hits` (broad queries are not counted in full). */
  more: boolean;
  hits: AnswerSummary[];
  /** False while the first build is still indexing the library: there may be more matches. */
  complete?: boolean;
}

/** What the index keeps per answer: a summary whose status is 'approved' before expiry is applied. */
type Entry = AnswerSummary;

function matchesFilters(entry: Entry, status: RevisionStatus, filters: AnswerFiltersQuery): boolean {
  if (filters.status && status !== filters.status) return false;
  if (filters.lang && entry.channels[filters.lang].length === 0) return false;
  if (filters.channel) {
    const langs = filters.lang ? [filters.lang] : LANGS;
    if (!langs.some((l) => entry.channels[l].includes(filters.channel!))) return false;
  }
  return true;
}

function effectiveStatus(entry: Entry, now: number): RevisionStatus {
  if (entry.status === 'approved' && entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now) return 'expired';
  return entry.status;
}

/**
 * The answer library's search index: FlexSearch with forward tokenization (so "respuesta" finds
 * "respuestas", and with pluralStem the other way round) over accent-folded text (so "crisis"
 * finds "crísis"), in both languages at once.
 * It runs inside the search worker; it is a plain class so unit tests can drive it directly.
 */
export class AnswerIndex {
  private readonly all = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
  private readonly entries = new Map<string, Entry>();
  /** Each answer's heading (title in both languages, tags, scenarios) as folded words. */
  private readonly headings = new Map<string, string[]>();
  private sorted: Partial<Record<Lang, string[]>> = {};

  get size(): number {
    return this.entries.size;
  }

  /** Indexes (or re-indexes) one answer from its rows; a deleted or text-less answer is removed. */
  upsert(answer: Answer, revisions: readonly AnswerRevision[], approvals: readonly Approval[]): void {
    // Expiry is applied per query, so derive as of the epoch: 'approved' here means "approved, unless lapsed".
    const state = answer.deleted ? null : deriveAnswerState(revisions, approvals, new Date(0));
    if (!state) {
      this.remove(answer.id);
      return;
    }
    const channels = Object.fromEntries(
      LANGS.map((lang) => [lang, CHANNELS.filter((c) => (state.shown.texts[lang][c] ?? '').trim() !== '')]),
    ) as Record<Lang, Channel[]>;
    const entry: Entry = {
      id: answer.id,
      title: answer.title,
      tags: answer.tags,
      status: state.status,
      expiresAt: state.approval?.expiresAt ?? null,
      channels,
      hasNewerDraft: state.newerDraft !== null,
    };
    const texts = [state.shown, state.newerDraft].flatMap((r) => (r ? LANGS.flatMap((l) => Object.values(r.texts[l])) : []));
    const heading = foldText([answer.title.es, answer.title.en, ...answer.tags, ...answer.scenarios].join(' '));
    const body = foldText([heading, ...texts].join(' '));
    const existed = this.entries.has(answer.id);
    this.entries.set(answer.id, entry);
    this.headings.set(answer.id, heading.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    if (existed) this.all.update(answer.id, body);
    else this.all.add(answer.id, body);
    this.sorted = {};
  }

  remove(id: string): void {
    if (!this.entries.delete(id)) return;
    this.headings.delete(id);
    this.all.remove(id);
    this.sorted = {};
  }

  query({ text, filters, locale, limit, now }: AnswerQuery): AnswerQueryResult {
    const folded = foldText(text).trim();
    const unfiltered = filters.channel === null && filters.lang === null && filters.status === null;
    const hits: AnswerSummary[] = [];
    const taken = new Set<string>();
    const take = (id: string): boolean => {
      if (taken.has(id)) return false;
      const entry = this.entries.get(id);
      if (!entry) return false;
      const status = effectiveStatus(entry, now);
      if (!unfiltered && !matchesFilters(entry, status, filters)) return false;
      taken.add(id);
      if (hits.length < limit) hits.push(status === entry.status ? entry : { ...entry, status });
      return true;
    };

    if (folded === '') {
      // The whole library in title order: walk it all, so the count is exact.
      const ids = this.sortedIds(locale);
      if (unfiltered) {
        for (const id of ids.slice(0, limit)) take(id);
        return { total: ids.length, hits, more: false };
      }
      let total = 0;
      for (const id of ids) if (take(id)) total += 1;
      return { total, hits, more: false };
    }

    // One full-text search per keystroke, fetched a page at a time only until the result page is
    // full: a one-letter query matches nearly everything. Title and tag matches come first: the
    // heading leads each answer's indexed text, so the index's positional scoring already ranks
    // them high, and within the first page those whose heading holds every term move to the top.
    // (A second index of headings alone did the same more exactly, at twice the cost per keystroke:
    // a query of several words intersects long lists in each index.)
    // Each word by its singular's stem: a plural finds what its singular finds (see pluralStem).
    const terms = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(pluralStem);
    const asked = terms.join(' ');
    const inHeading = (id: string) => {
      const words = this.headings.get(id);
      return words !== undefined && terms.every((term) => words.some((word) => word.startsWith(term)));
    };
    const page = Math.max(limit * 4, 200);
    let more = false;
    for (let offset = 0; !more; offset += page) {
      const ids = this.all.search(asked, { limit: page, offset }) as string[];
      const ordered = offset === 0 ? headingFirst(ids, inHeading) : ids;
      for (const id of ordered) {
        if (taken.has(id)) continue;
        if (hits.length >= limit && (unfiltered || take(id))) {
          more = true;
          break;
        }
        take(id);
      }
      if (ids.length < page) break;
    }
    return { total: hits.length, hits, more };
  }

  private sortedIds(locale: Lang): string[] {
    const cached = this.sorted[locale];
    if (cached) return cached;
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const titleOf = (e: Entry) => e.title[locale] || e.title[locale === 'es' ? 'en' : 'es'];
    const ids = [...this.entries.values()].sort((a, b) => collator.compare(titleOf(a), titleOf(b))).map((e) => e.id);
    this.sorted[locale] = ids;
    return ids;
  }
}

/** The ids whose heading matches first, each group in the index's order; one test per id. */
function headingFirst(ids: readonly string[], inHeading: (id: string) => boolean): string[] {
  const heading: string[] = [];
  const rest: string[] = [];
  for (const id of ids) (inHeading(id) ? heading : rest).push(id);
  return heading.concat(rest);
}
