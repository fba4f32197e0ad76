import type { Person } from '../domain';
import { foldText } from '../text/fold';
import { parsePeopleCsv, type DraftsResult } from './csv';
import { validateDraft, type ImportedFields, type IncomingPerson } from './draft';
import { emailKey, phoneKey } from './fields';
import { peopleIssue, type PeopleIssue, type Place } from './issues';
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

export interface Duplicate {
  incoming: ImportRow;
  /** Who the row matches: someone in the directory, or an earlier row of the same file. */
  existing: { kind: 'person'; person: Person } | { kind: 'row'; row: ImportRow };
  reason: 'email' | 'phone';
}

export interface ImportPlan {
  file: string;
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
  /** The people already stored (tombstones are ignored). */
  directory: readonly Person[];
  defaultTimeZone: string;
  newId: () => string;
}

const refKey = (ref: Ref) => `${ref.kind}:${ref.id}`;

export function planImport(input: PlanInput): ImportPlan {
  const { file, directory } = input;
  const parsed: DraftsResult = input.kind === 'csv' ? parsePeopleCsv(file, input.text) : parsePeopleVcard(file, input.text);
  const errors = [...parsed.issues];
  const incoming: ImportRow[] = [];
  /** Backups named by rows that are invalid for other reasons: still checked, so every problem is listed at once. */
  const unchecked: { text: string; at: Place }[] = [];
  for (const draft of parsed.drafts) {
    const result = validateDraft(draft, { file, defaultTimeZone: input.defaultTimeZone });
    if (result.ok) incoming.push(Object.assign(result.person, { id: input.newId(), backupRef: null }));
    else {
      errors.push(...result.issues);
      const text = draft.values.backup?.trim();
      if (text) unchecked.push({ text, at: draft.at.backup ?? { line: draft.line, column: null } });
    }
  }

  const live = directory.filter((p) => !p.deleted);
  // Who owns each email and phone: directory people first, then rows in file order. A duplicate's
  // own keys point at whoever it duplicates, so a third row matching it is matched to the same one.
  const owners = new Map<string, Ref>();
  const claim = (key: string, ref: Ref) => key !== '' && !owners.has(key) && owners.set(key, ref);
  const keysOf = (p: { email: string; phones: readonly string[] }) => ({ email: p.email ? `e:${emailKey(p.email)}` : '', phones: p.phones.map((ph) => `p:${phoneKey(ph)}`).filter((k) => k !== 'p:') });
  for (const p of live) {
    const keys = keysOf(p);
    claim(keys.email, { kind: 'person', id: p.id });
    keys.phones.forEach((k) => claim(k, { kind: 'person', id: p.id }));
  }
  const byId = new Map(live.map((p) => [p.id, p]));
  const rowsById = new Map(incoming.map((r) => [r.id, r]));
  const target = new Map<string, Ref>();
  const rows: ImportRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const row of incoming) {
    const keys = keysOf(row.fields);
    const byEmail = keys.email ? owners.get(keys.email) : undefined;
    const byPhone = byEmail ? undefined : keys.phones.map((k) => owners.get(k)).find((r) => r !== undefined);
    const match = byEmail ?? byPhone;
    if (match) {
      target.set(row.id, match);
      duplicates.push({
        incoming: row,
        existing: match.kind === 'person' ? { kind: 'person', person: byId.get(match.id)! } : { kind: 'row', row: rowsById.get(match.id)! },
        reason: byEmail ? 'email' : 'phone',
      });
    } else rows.push(row);
    const owner = match ?? { kind: 'row', id: row.id };
    claim(keys.email, owner);
    keys.phones.forEach((k) => claim(k, owner));
  }

  resolveBackups(incoming, unchecked, live, target, file, errors);
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, rows, duplicates, errors };
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
  const entity = (ref: Ref) => refKey(ref.kind === 'row' ? (target.get(ref.id) ?? ref) : ref);
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

export type DuplicateChoice = 'merge' | 'keep' | 'skip';

export interface ImportWrite {
  create: Person[];
  update: { id: string; fields: Partial<Omit<Person, 'id' | 'clock'>> }[];
  summary: { added: number; merged: number; skipped: number };
}

type Fields = ImportedFields & { backupId: string | null };

/**
 * Merging a row into someone: each field the file gives replaces theirs, except phones and roles,
 * which are added to theirs (a merge never loses a way to reach someone), and an email that differs
 * only in capitals. Fields the file leaves empty are kept.
 */
export function mergeInto(base: Fields, row: IncomingPerson, backupId: string | null | undefined): Fields {
  const next: Fields = { ...base };
  for (const field of row.given) {
    if (field === 'phones') next.phones = union(base.phones, row.fields.phones, phoneKey);
    else if (field === 'roles') next.roles = union(base.roles, row.fields.roles, (r) => r);
    // The same address in other capitals is the same address: the directory's spelling stays.
    else if (field === 'email' && emailKey(base.email) === emailKey(row.fields.email)) continue;
    else (next as Record<string, unknown>)[field] = row.fields[field];
  }
  if (backupId !== undefined) next.backupId = backupId;
  return next;
}

function union(a: readonly string[], b: readonly string[], key: (s: string) => string): string[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((s) => !seen.has(key(s)) && seen.add(key(s)))];
}

/**
 * The mutation arguments for a plan and the user's choices (a duplicate without a choice is
 * merged). Refuses a plan with errors: such an import must not be confirmed.
 */
export function buildImport(plan: ImportPlan, choices: ReadonlyMap<string, DuplicateChoice> = new Map()): ImportWrite {
  if (plan.errors.length > 0) throw new Error(`${plan.file} has ${plan.errors.length} problem(s); it cannot be imported`);
  const choiceOf = (rowId: string) => choices.get(rowId) ?? 'merge';
  const duplicateOf = new Map(plan.duplicates.map((d) => [d.incoming.id, d]));
  /** The id a row ends up as: its own if created, else the id of whoever it was merged into or skipped for. */
  const finalId = (ref: Ref): string => {
    if (ref.kind === 'person') return ref.id;
    const dup = duplicateOf.get(ref.id);
    if (!dup || choiceOf(ref.id) === 'keep') return ref.id;
    return dup.existing.kind === 'person' ? dup.existing.person.id : dup.existing.row.id;
  };
  const backupOf = (row: ImportRow, self: string) => {
    if (!row.backupRef) return undefined;
    const id = finalId(row.backupRef);
    // Merging can make a row's backup the person it is merged into; a person is never their own backup.
    return id === self ? undefined : id;
  };

  const created = new Map<string, Fields>();
  const createRow = (row: ImportRow) => created.set(row.id, { ...row.fields, backupId: backupOf(row, row.id) ?? null });
  plan.rows.forEach(createRow);
  const merged = new Map<string, Fields>();
  const summary = { added: plan.rows.length, merged: 0, skipped: 0 };
  for (const dup of plan.duplicates) {
    const choice = choiceOf(dup.incoming.id);
    if (choice === 'skip') summary.skipped += 1;
    else if (choice === 'keep') {
      createRow(dup.incoming);
      summary.added += 1;
    } else {
      summary.merged += 1;
      if (dup.existing.kind === 'row') {
        const id = dup.existing.row.id;
        created.set(id, mergeInto(created.get(id)!, dup.incoming, backupOf(dup.incoming, id)));
      } else {
        const person = dup.existing.person;
        merged.set(person.id, mergeInto(merged.get(person.id) ?? person, dup.incoming, backupOf(dup.incoming, person.id)));
      }
    }
  }

  const create: Person[] = [...created].map(([id, fields]) => ({ id, clock: {}, deleted: false, ...fields }));
  const update: ImportWrite['update'] = [];
  for (const dup of plan.duplicates) {
    if (dup.existing.kind !== 'person' || !merged.has(dup.existing.person.id)) continue;
    const before = dup.existing.person;
    const after = merged.get(before.id)!;
    merged.delete(before.id);
    // Only what changes is written, so a merge does not restamp fields it leaves as they were.
    const fields = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => k !== 'id' && k !== 'clock' && k !== 'deleted' && JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])),
    );
    if (Object.keys(fields).length > 0) update.push({ id: before.id, fields });
  }
  return { create, update, summary };
}
