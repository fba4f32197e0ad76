import type { Person } from '../domain';
import type { TextEncodingName } from '../text/decodeText';
import { foldText } from '../text/fold';
import { parsePeopleCsv, type DraftsResult } from './csv';
import { validateDraft, type ImportedFields, type IncomingPerson, type PersonDraft } from './draft';
import { contactKeys, namesAgree, sameName } from './duplicates';
import { emailKey, phoneKey } from './fields';
import { notTextIssue } from './notText';
import { peopleIssue, type PeopleIssue, type PersonField, type Place } from './issues';
import { parsePeopleVcard } from './vcard';

/**
 * Importing people is planned first and written later: the plan says who would be added, who is
 * already there (same email, or same phone), and every problem in the file, and nothing is
 * written until the user has seen it and chosen what to do with each duplicate. The whole import
 * is then one `people.import` mutation, so it lands entirely or not at all.
 */

export type ImportKind = 'csv' | 'vcard';

export function importKindOf(fileName: string): ImportKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  return null;
}

/** Someone a row points at: another row of the file, or a person already in the directory. */
export type Ref = { kind: 'row'; id: string } | { kind: 'person'; id: string };

/** A valid person of the file, with the id they will have if created. */
export interface ImportRow extends IncomingPerson {
  id: string;
  /** The backup the row names, resolved; null when it names none. */
  backupRef: Ref | null;
}

/**
 * A row that may be someone already known: it shares an email or a phone with a person in the
 * directory or with an earlier row of the file. Only a possibility: offices share a switchboard
 * number and teams a mailbox, so the preview shows why it was flagged and the user decides.
 */
export interface Duplicate {
  incoming: ImportRow;
  /** The one the row itself shares the email or phone with: someone in the directory, or an earlier row. */
  existing: { kind: 'person'; person: Person } | { kind: 'row'; row: ImportRow };
  reason: 'email' | 'phone';
  /** Where both give a name, or an email, and they are not the same (accents, case and spacing aside). */
  differs: { name: boolean; email: boolean };
  /** What the preview starts with: see suggestAction. */
  suggested: 'merge' | 'keep';
}

export interface ImportPlan {
  file: string;
  /** How the file's bytes were read; anything but UTF-8 is a guess the preview points out. */
  encoding: TextEncodingName;
  /** Valid people that match no one: created as they are. */
  rows: ImportRow[];
  /** Valid people that match someone: the user merges, keeps both, or skips each. */
  duplicates: Duplicate[];
  /** Every problem, in file order. Any problem means the import cannot be confirmed. */
  errors: PeopleIssue[];
}

export interface PlanInput {
  file: string;
  text: string;
  kind: ImportKind;
  /** How `text` was decoded from the file (decodeText); UTF-8 when not given. */
  encoding?: TextEncodingName;
  /** The people already stored (tombstones are ignored). */
  directory: readonly Person[];
  defaultTimeZone: string;
  newId: () => string;
  /** When the import is planned (dates of verification cannot be later); the device's clock if not given. */
  now?: Date;
}

const refKey = (ref: Ref) => `${ref.kind}:${ref.id}`;

type Identity = { name: string; email: string };

const emailsConflict = (a: string, b: string) => a !== '' && b !== '' && emailKey(a) !== emailKey(b);

/**
 * Merge is suggested only when nothing says the two are different people: names that agree and no
 * two different emails. Otherwise Keep both is: a shared switchboard number or team mailbox must not
 * fold two people into one because nobody looked, and a person added twice is easy to spot and
 * delete, while a person merged away is lost.
 */
export function suggestAction(incoming: Identity, existing: Identity): 'merge' | 'keep' {
  return namesAgree(incoming.name, existing.name) && !emailsConflict(incoming.email, existing.email) ? 'merge' : 'keep';
}

function duplicateOf(incoming: ImportRow, existing: Duplicate['existing'], reason: Duplicate['reason']): Duplicate {
  const other: Identity = existing.kind === 'person' ? existing.person : existing.row.fields;
  return {
    incoming,
    existing,
    reason,
    differs: { name: !sameName(incoming.fields.name, other.name), email: emailsConflict(incoming.fields.email, other.email) },
    suggested: suggestAction(incoming.fields, other),
  };
}

/** A draft value holding U+FFFD: bytes the file's reader could not decode, never stored as they are. */
function unreadable(file: string, draft: PersonDraft): PeopleIssue[] {
  return Object.entries(draft.values).flatMap(([field, value]) => {
    const text = ([] as string[]).concat(value ?? []).find((v) => v.includes('\uFFFD'));
    if (text === undefined) return [];
    const at = draft.at[field as PersonField] ?? { line: draft.line, column: null };
    return [peopleIssue(file, at, field as PersonField, 'text.unreadable', { value: text.slice(0, 60) })];
  });
}

export function planImport(input: PlanInput): ImportPlan {
  const { file, directory } = input;
  const now = input.now ?? new Date();
  // Nothing in a file that is not text is worth reading row by row: one error says what it is.
  const notText = notTextIssue(file, input.text, input.kind);
  if (notText) return { file, encoding: input.encoding ?? 'utf-8', rows: [], duplicates: [], errors: [notText] };
  const parsed: DraftsResult = input.kind === 'csv' ? parsePeopleCsv(file, input.text) : parsePeopleVcard(file, input.text);
  const errors = [...parsed.issues];
  const incoming: ImportRow[] = [];
  /** Backups named by rows that are invalid for other reasons: still checked, so every problem is listed at once. */
  const unchecked: { text: string; at: Place }[] = [];
  for (const draft of parsed.drafts) {
    errors.push(...unreadable(file, draft));
    const result = validateDraft(draft, { file, defaultTimeZone: input.defaultTimeZone, now });
    if (result.ok) incoming.push(Object.assign(result.person, { id: input.newId(), backupRef: null }));
    else {
      errors.push(...result.issues);
      const text = draft.values.backup?.trim();
      if (text) unchecked.push({ text, at: draft.at.backup ?? { line: draft.line, column: null } });
    }
  }

  // By name, then id: whatever order the directory comes in (storage order is by id, and ids made
  // in the same millisecond are in no particular order), the same person owns a shared key.
  const live = directory.filter((p) => !p.deleted).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Everyone who has each email and phone: directory people, then rows in file order. Every row
  // claims its own keys, duplicate or not, so a later row is matched with the row it really shares
  // a key with, never with whoever that row may be merged into: whether it is merged is the
  // user's choice, made after this.
  const owners = new Map<string, Ref[]>();
  const claim = (key: string, ref: Ref) => {
    if (key === '') return;
    const list = owners.get(key);
    if (list) list.push(ref);
    else owners.set(key, [ref]);
  };
  for (const p of live) {
    const keys = contactKeys(p);
    claim(keys.email, { kind: 'person', id: p.id });
    keys.phones.forEach((k) => claim(k, { kind: 'person', id: p.id }));
  }
  const byId = new Map(live.map((p) => [p.id, p]));
  const rowsById = new Map(incoming.map((r) => [r.id, r]));
  const nameOf = (ref: Ref) => (ref.kind === 'person' ? byId.get(ref.id)!.name : rowsById.get(ref.id)!.fields.name);
  /**
   * Of those who share a key with a row, the one it is: someone of the same name if there is one,
   * else the first. A re-imported roster where "Duplicado" was kept apart from José although both
   * have José's email must match José's row with José, not with whoever sorts first.
   */
  const ownerFor = (row: ImportRow, keys: readonly string[]): Ref | undefined => {
    const all = keys.flatMap((k) => owners.get(k) ?? []);
    return all.find((ref) => sameName(nameOf(ref), row.fields.name)) ?? all[0];
  };
  const target = new Map<string, Ref>();
  const rows: ImportRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const row of incoming) {
    const keys = contactKeys(row.fields);
    const byEmail = keys.email ? ownerFor(row, [keys.email]) : undefined;
    const byPhone = byEmail ? undefined : ownerFor(row, keys.phones);
    const match = byEmail ?? byPhone;
    if (match) {
      target.set(row.id, match);
      const existing: Duplicate['existing'] = match.kind === 'person' ? { kind: 'person', person: byId.get(match.id)! } : { kind: 'row', row: rowsById.get(match.id)! };
      duplicates.push(duplicateOf(row, existing, byEmail ? 'email' : 'phone'));
    } else rows.push(row);
    const self: Ref = { kind: 'row', id: row.id };
    claim(keys.email, self);
    keys.phones.forEach((k) => claim(k, self));
  }

  resolveBackups(incoming, unchecked, live, target, file, errors);
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, encoding: input.encoding ?? 'utf-8', rows, duplicates, errors };
}

/**
 * A backup is named by email or by exact name (accents and case aside), among the file's rows and
 * the directory. A name two different people share is ambiguous: the file must give the email.
 */
function resolveBackups(
  incoming: ImportRow[],
  unchecked: readonly { text: string; at: Place }[],
  live: Person[],
  target: ReadonlyMap<string, Ref>,
  file: string,
  errors: PeopleIssue[],
): void {
  /** Who a reference means if every duplicate is merged: used to tell people apart. */
  const entity = (ref: Ref) => {
    let at = ref;
    // Each duplicate points at an earlier row or a person, so this ends.
    for (let next = at.kind === 'row' ? target.get(at.id) : undefined; next; next = at.kind === 'row' ? target.get(at.id) : undefined) at = next;
    return refKey(at);
  };
  const byEmail = new Map<string, Ref[]>();
  const byName = new Map<string, Ref[]>();
  const add = (map: Map<string, Ref[]>, key: string, ref: Ref) => {
    if (key === '') return;
    const list = map.get(key);
    if (list) list.push(ref);
    else map.set(key, [ref]);
  };
  // Rows first: a backup named in the same file is the row's person, whatever is decided for it.
  for (const r of incoming) {
    add(byEmail, emailKey(r.fields.email), { kind: 'row', id: r.id });
    add(byName, foldText(r.fields.name), { kind: 'row', id: r.id });
  }
  for (const p of live) {
    add(byEmail, emailKey(p.email), { kind: 'person', id: p.id });
    add(byName, foldText(p.name.trim()), { kind: 'person', id: p.id });
  }
  /** The one person `text` names, or null after reporting why there is none. */
  const find = ({ text, at }: { text: string; at: Place }): Ref | null => {
    // An email if it is one; a name otherwise (and for someone whose name has an @ but who has no email).
    const candidates = (text.includes('@') ? byEmail.get(emailKey(text)) : undefined) ?? byName.get(foldText(text)) ?? [];
    const distinct = new Map<string, Ref>();
    for (const c of candidates) if (!distinct.has(entity(c))) distinct.set(entity(c), c);
    if (distinct.size === 1) return [...distinct.values()][0]!;
    if (distinct.size === 0) errors.push(peopleIssue(file, at, 'backup', 'backup.notFound', { value: text }));
    else errors.push(peopleIssue(file, at, 'backup', 'backup.ambiguous', { value: text, count: distinct.size }));
    return null;
  };
  for (const row of incoming) {
    const ref = row.backup ? find(row.backup) : null;
    if (ref && entity(ref) === entity({ kind: 'row', id: row.id })) errors.push(peopleIssue(file, row.backup!.at, 'backup', 'backup.self'));
    else row.backupRef = ref;
  }
  unchecked.forEach(find);
}

export type DuplicateAction = 'merge' | 'keep' | 'skip';

/** What the user chose for a duplicate; on a merge, whether the file's name and email win where they differ. */
export interface DuplicateChoice {
  action: DuplicateAction;
  useFileName?: boolean;
  useFileEmail?: boolean;
}

/** The choices, by the row's id; a bare action means "without the file's name or email". */
export type Choices = ReadonlyMap<string, DuplicateChoice | DuplicateAction>;

/** Who a row ends up as once the choices are applied. */
export type RowOutcome =
  | { kind: 'added' }
  | { kind: 'skipped' }
  /** `into` is a person of the directory (line null) or a row this import adds. */
  | { kind: 'merged'; into: { id: string; name: string; line: number | null } };

export interface ImportWrite {
  create: Person[];
  update: { id: string; fields: Partial<Omit<Person, 'id' | 'clock'>> }[];
  summary: { added: number; merged: number; skipped: number };
  /** Every valid row's outcome, by its id: what the preview says will happen to it. */
  outcomes: ReadonlyMap<string, RowOutcome>;
}

type Fields = ImportedFields & { backupId: string | null };

/**
 * Merging a row into someone keeps who they are unless the user says otherwise: their name stays,
 * and their email if they have one, and the file's are taken only where the user chose them in
 * the preview (`useFileName`, `useFileEmail`); an email the person lacks is filled in, which
 * replaces nothing. A match by phone or email is only a guess (a switchboard, a team mailbox), and
 * a wrong guess that renamed someone would lose a person without anyone seeing it; a wrong guess
 * that keeps the name loses only what the preview showed.
 * Phones and roles are added to theirs (a merge never loses a way to reach someone). The other
 * fields the file gives (time zone, hours, notes, verified, left, backup) replace theirs: a file
 * that matches people is most often a newer export of the directory, and those are what it
 * updates. Fields the file leaves empty are kept.
 */
export function mergeInto(base: Fields, row: IncomingPerson, choice: Omit<DuplicateChoice, 'action'>, backupId: string | null | undefined): Fields {
  const next: Fields = { ...base };
  for (const field of row.given) {
    if (field === 'phones') next.phones = union(base.phones, row.fields.phones, phoneKey);
    else if (field === 'roles') next.roles = union(base.roles, row.fields.roles, (r) => r);
    else if (field === 'name') next.name = choice.useFileName ? row.fields.name : base.name;
    // The same address in other capitals is the same address: the directory's spelling stays.
    else if (field === 'email') next.email = base.email === '' || (choice.useFileEmail && emailKey(base.email) !== emailKey(row.fields.email)) ? row.fields.email : base.email;
    else (next as Record<string, unknown>)[field] = row.fields[field];
  }
  if (backupId !== undefined) next.backupId = backupId;
  return next;
}

function union(a: readonly string[], b: readonly string[], key: (s: string) => string): string[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((s) => !seen.has(key(s)) && seen.add(key(s)))];
}

/** Every valid row of the plan, new or duplicate, in file order. */
const inFileOrder = (plan: ImportPlan) => [...plan.rows, ...plan.duplicates.map((d) => d.incoming)].sort((a, b) => a.line - b.line);

/** The choice for a duplicate: the user's, else what the plan suggests. */
function choiceFor(dup: Duplicate, choices: Choices): DuplicateChoice {
  const choice = choices.get(dup.incoming.id) ?? dup.suggested;
  return typeof choice === 'string' ? { action: choice } : choice;
}

/**
 * Who each row becomes, worked out from the choices alone, in file order (a duplicate only ever
 * points at a person or an earlier row). A row merged into a row that is itself merged goes where
 * that one went; a row to be merged into a row the user skipped has nobody to merge into, and is
 * added, so a skip never carries a row along into someone else.
 */
function outcomesOf(plan: ImportPlan, choices: Choices): Map<string, RowOutcome> {
  const duplicateOf = new Map(plan.duplicates.map((d) => [d.incoming.id, d]));
  const outcomes = new Map<string, RowOutcome>();
  /** Where a row's person is stored, if it is: its own id, or whoever it was merged into. */
  const storedAs = (row: ImportRow): Extract<RowOutcome, { kind: 'merged' }>['into'] | null => {
    const outcome = outcomes.get(row.id);
    if (outcome?.kind === 'added') return { id: row.id, name: row.fields.name, line: row.line };
    return outcome?.kind === 'merged' ? outcome.into : null;
  };
  for (const row of inFileOrder(plan)) {
    const dup = duplicateOf.get(row.id);
    const action = dup ? choiceFor(dup, choices).action : 'keep';
    if (!dup || action === 'keep') outcomes.set(row.id, { kind: 'added' });
    else if (action === 'skip') outcomes.set(row.id, { kind: 'skipped' });
    else {
      const into = dup.existing.kind === 'person' ? { id: dup.existing.person.id, name: dup.existing.person.name, line: null } : storedAs(dup.existing.row);
      outcomes.set(row.id, into ? { kind: 'merged', into } : { kind: 'added' });
    }
  }
  return outcomes;
}

/**
 * The mutation arguments for a plan and the user's choices (a duplicate without one gets what the
 * plan suggests), recomputed from the plan each time, so nothing decided for an earlier choice
 * lingers. Refuses a plan with errors: such an import must not be confirmed.
 */
export function buildImport(plan: ImportPlan, choices: Choices = new Map()): ImportWrite {
  if (plan.errors.length > 0) throw new Error(`${plan.file} has ${plan.errors.length} problem(s); it cannot be imported`);
  const outcomes = outcomesOf(plan, choices);
  const duplicateOf = new Map(plan.duplicates.map((d) => [d.incoming.id, d]));
  /** The id a row ends up as: its own if added, whoever it was merged into, or for a skipped row, whoever it duplicates. */
  const finalId = (ref: Ref): string => {
    if (ref.kind === 'person') return ref.id;
    const outcome = outcomes.get(ref.id)!;
    if (outcome.kind === 'added') return ref.id;
    if (outcome.kind === 'merged') return outcome.into.id;
    const existing = duplicateOf.get(ref.id)!.existing;
    return finalId(existing.kind === 'person' ? { kind: 'person', id: existing.person.id } : { kind: 'row', id: existing.row.id });
  };
  const backupOf = (row: ImportRow, self: string) => {
    if (!row.backupRef) return undefined;
    const id = finalId(row.backupRef);
    // Merging can make a row's backup the person it is merged into; a person is never their own backup.
    return id === self ? undefined : id;
  };

  const created = new Map<string, Fields>();
  const merged = new Map<string, Fields>();
  const directory = new Map(plan.duplicates.flatMap((d) => (d.existing.kind === 'person' ? [[d.existing.person.id, d.existing.person] as const] : [])));
  const summary = { added: 0, merged: 0, skipped: 0 };
  for (const row of inFileOrder(plan)) {
    const outcome = outcomes.get(row.id)!;
    summary[outcome.kind] += 1;
    if (outcome.kind === 'added') created.set(row.id, { ...row.fields, backupId: backupOf(row, row.id) ?? null });
    else if (outcome.kind === 'merged') {
      const id = outcome.into.id;
      const choice = choiceFor(duplicateOf.get(row.id)!, choices);
      // Rows are in file order, so a row merged into another finds it already created.
      if (created.has(id)) created.set(id, mergeInto(created.get(id)!, row, choice, backupOf(row, id)));
      else merged.set(id, mergeInto(merged.get(id) ?? directory.get(id)!, row, choice, backupOf(row, id)));
    }
  }

  const create: Person[] = [...created].map(([id, fields]) => ({ id, clock: {}, deleted: false, ...fields }));
  const update: ImportWrite['update'] = [];
  for (const [id, after] of merged) {
    const before = directory.get(id)!;
    // Only what changes is written, so a merge does not restamp fields it leaves as they were.
    const fields = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => k !== 'id' && k !== 'clock' && k !== 'deleted' && JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])),
    );
    if (Object.keys(fields).length > 0) update.push({ id, fields });
  }
  return { create, update, summary, outcomes };
}
