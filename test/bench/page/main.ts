import { Charset, Index } from 'flexsearch';
import { z } from 'zod';
import { LANGS } from '@shared/domain';
import { foldText } from '@shared/text/fold';
import { CalmaDatabase, DB_NAME } from '../../../renderer/src/db/database';
import { createMutate } from '../../../renderer/src/db/mutate';
import { AnswerIndex } from '../../../renderer/src/features/search/answerIndex';
import { PeopleIndex } from '../../../renderer/src/features/people/peopleIndex';
import Papa from 'papaparse';
import { serializePeopleCsv } from '@shared/people/csv';
import { buildImport, planImport } from '@shared/people/importPlan';
import { writeImport } from '../../../renderer/src/features/people/writeImport';
import { mountBareSearchBox } from './bareSearchBox';
import { generateLibrary } from './generate';
import { generatePeople } from './generatePeople';
import { deleteDb, openRawDb, putBatch } from './rawIndexedDb';

// Same setting as the console (its CSP forbids eval), so validation costs what it costs there.
z.config({ jitless: true });

const BATCH = 1000;

/**
 * The in-browser half of `npm run bench`: each function runs one measurement against its floor, in
 * the same page, and returns milliseconds. scripts/bench.mjs drives them and prints the table.
 */
const bench = {
  /** The console's own path: library.import mutations (validation, rows, outbox) into the app's database. */
  async importThroughMutations(count: number, dbName = DB_NAME) {
    await deleteDb(dbName);
    const db = new CalmaDatabase(dbName);
    const mutate = createMutate(db, { actor: () => 'bench' });
    await db.open();
    let millis = 0;
    for (let offset = 0; offset < count; offset += BATCH) {
      const rows = generateLibrary(Math.min(BATCH, count - offset), 42, offset);
      const started = performance.now();
      await mutate('library.import', { source: 'bench', ...rows });
      millis += performance.now() - started;
    }
    const stored = await db.answers.count();
    db.close();
    return { millis, stored };
  },

  /** The floor: plain IndexedDB puts of the same rows into stores with the same indexes. */
  async importRaw(count: number) {
    const name = 'bench-raw';
    await deleteDb(name);
    const db = await openRawDb(name, ['answers', 'answerRevisions', 'approvals']);
    let millis = 0;
    for (let offset = 0; offset < count; offset += BATCH) {
      const rows = generateLibrary(Math.min(BATCH, count - offset), 42, offset);
      const started = performance.now();
      await putBatch(db, { answers: rows.answers, answerRevisions: rows.revisions, approvals: rows.approvals });
      millis += performance.now() - started;
    }
    db.close();
    await deleteDb(name);
    return { millis };
  },

  /** The bare library: FlexSearch with the same options over the same folded text, queried directly. */
  bareSearch(count: number, queries: string[]) {
    const index = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
    const rows = generateLibrary(count, 42, 0);
    const texts = new Map(rows.revisions.map((r) => [r.answerId, LANGS.flatMap((l) => Object.values(r.texts[l]))]));
    const started = performance.now();
    for (const a of rows.answers) {
      index.add(a.id, foldText([a.title.es, a.title.en, ...a.tags, ...a.scenarios, ...(texts.get(a.id) ?? [])].join(' ')));
    }
    const buildMillis = performance.now() - started;
    const samples: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      // The same work Calma's index asks of it per keystroke: one page of matches.
      index.search(foldText(q), { limit: 400 });
      samples.push(performance.now() - t0);
    }
    return { buildMillis, samples };
  },

  /**
   * Replaces the page with a box that searches nothing: each keystroke only writes an empty list.
   * Its keystroke → screen time is the display's own floor, what no search can go under.
   */
  mountIdleBox() {
    mountBareSearchBox(() => []);
  },

  /**
   * Replaces the page with a bare search box over the bare library's index of the same answers
   * (see bareSearchBox.ts): the floor that the console's keystroke → screen time is compared with.
   */
  mountBareAnswerSearch(count: number) {
    const index = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
    const rows = generateLibrary(count, 42, 0);
    const titles = new Map(rows.answers.map((a) => [a.id, a.title.en]));
    const texts = new Map(rows.revisions.map((r) => [r.answerId, LANGS.flatMap((l) => Object.values(r.texts[l]))]));
    for (const a of rows.answers) index.add(a.id, foldText([a.title.es, a.title.en, ...a.tags, ...a.scenarios, ...(texts.get(a.id) ?? [])].join(' ')));
    mountBareSearchBox((text) => (text.trim() === '' ? [] : index.search(foldText(text), { limit: 100 }).map((id) => titles.get(String(id)) ?? '')));
  },

  /**
   * Replaces the page with a bare search box over the same directory: a plain scan of one folded
   * string per person for every typed word, no framework (see bareSearchBox.ts). The floor for the
   * People screen's keystroke → screen time.
   */
  mountBarePeopleSearch(count: number) {
    const people = generatePeople(count);
    const texts = people.map((p) => foldText([p.name, ...p.roles, ...p.phones, p.email].join(' ')));
    mountBareSearchBox((text) => {
      const words = foldText(text).split(/\s+/).filter((w) => w !== '');
      const names: string[] = [];
      texts.forEach((t, i) => {
        if (words.every((w) => t.includes(w))) names.push(people[i]!.name);
      });
      return names;
    });
  },

  /** Calma's own index class (what the search worker runs), same data and queries, no UI. */
  calmaIndex(count: number, queries: string[]) {
    const index = new AnswerIndex();
    const rows = generateLibrary(count, 42, 0);
    const started = performance.now();
    rows.answers.forEach((a, i) => index.upsert(a, [rows.revisions[i]!], [rows.approvals[i]!]));
    const buildMillis = performance.now() - started;
    const samples: number[] = [];
    const filters = { channel: null, lang: null, status: null };
    for (const text of queries) {
      const t0 = performance.now();
      index.query({ text, filters, locale: 'en', limit: 500, now: Date.now() });
      samples.push(performance.now() - t0);
    }
    return { buildMillis, samples };
  },

  /**
   * A big incident in the console's own database: 500 steps declared through the mutation path,
   * and 10,000 log entries. The log is seeded with bulk puts because the benchmark measures opening
   * the incident, not writing it; 10,000 separate mutations would only make the run slower.
   */
  async seedBigIncident(steps: number, entries: number) {
    const db = new CalmaDatabase(DB_NAME);
    const mutate = createMutate(db, { actor: () => 'bench' });
    const declaredAt = new Date(Date.now() - 6 * 3600_000).toISOString();
    const incidentId = `bench.incident.${Date.now()}`;
    const items = Array.from({ length: steps }, (_, i) => ({
      id: `${incidentId}.s${i}`, clock: {}, deleted: false, incidentId, order: i,
      text: { es: `**Paso ${i}**\n\nRevisar el canal ${i % 7} y responder.`, en: `**Step ${i}**\n\nCheck channel ${i % 7} and answer.` },
      role: 'comms-lead', ownerId: null, ownerName: `Persona ${i % 13}`, stepId: null,
      dueAt: new Date(Date.parse(declaredAt) + i * 5 * 60_000).toISOString(), required: true,
      done: i % 3 === 0, doneBy: i % 3 === 0 ? 'bench' : null, doneAt: i % 3 === 0 ? declaredAt : null, answerIds: [], source: 'adhoc' as const,
    }));
    const entry = (n: number, kind: 'declared' | 'note') => ({
      id: `${incidentId}.e${n}`, incidentId, kind, text: kind === 'declared' ? 'Bench incident' : `Nota ${n}: seguimiento de la conversación en redes.`,
      by: 'bench', at: new Date(Date.parse(declaredAt) + n * 2000).toISOString(), correctsId: null, answerId: null, revisionId: null,
      channel: null, itemId: null, action: null, status: null,
    });
    await mutate('incident.declare', {
      incident: { id: incidentId, clock: {}, deleted: false, title: 'Bench incident', playbookId: null, playbookRevisionId: null, severity: 'high', status: 'active', lead: { personId: null, name: 'Bench' }, declaredAt, declaredBy: 'bench', nextUpdateAt: null, contactTreeId: null },
      items,
      entry: entry(0, 'declared'),
    });
    for (let start = 1; start <= entries; start += 2000) {
      await db.logEntries.bulkPut(Array.from({ length: Math.min(2000, entries - start + 1) }, (_, k) => entry(start + k, 'note')));
    }
    db.close();
    return incidentId;
  },

  /**
   * The floor for opening an incident: plain IndexedDB reads of the rows the console shows (the
   * incident, its steps and its log by their indexes), in one transaction, best of three.
   */
  async rawIncidentRead(incidentId: string) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = (request: IDBRequest) => new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const runs: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const tx = db.transaction(['incidents', 'checklistItems', 'logEntries'], 'readonly');
      await Promise.all([
        get(tx.objectStore('incidents').get(incidentId)),
        get(tx.objectStore('checklistItems').index('[incidentId+order]').getAll(IDBKeyRange.bound([incidentId, -Infinity], [incidentId, Infinity]))),
        get(tx.objectStore('logEntries').index('[incidentId+at]').getAll(IDBKeyRange.bound([incidentId, ''], [incidentId, '\uffff']))),
      ]);
      runs.push(performance.now() - started);
    }
    db.close();
    return Math.min(...runs);
  },

  importPeopleCsv,
  peopleIndexQueries,
};

/**
 * Importing a directory from CSV, the console's whole path: the import plan (parse, validate,
 * find duplicates, resolve backups), then its people.import mutations (parts), into the app's
 * database. The floor is a bare Papa Parse of the same file (header row, every row an object).
 */
async function importPeopleCsv(count: number) {
  const people = generatePeople(count);
  const text = serializePeopleCsv(people, { lang: 'es', directory: people });
  const bareRuns: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    const parsed = Papa.parse(text, { header: true });
    bareRuns.push(performance.now() - t0);
    if (parsed.data.length < count) throw new Error(`bare parse read ${parsed.data.length} rows`);
  }
  const db = new CalmaDatabase(DB_NAME);
  const mutate = createMutate(db, { actor: () => 'bench' });
  const directory = await db.people.toArray();
  let id = 0;
  const t0 = performance.now();
  const plan = planImport({ file: 'bench.csv', text, kind: 'csv', directory, defaultTimeZone: 'Europe/Madrid', newId: () => `bench.import.${Date.now()}.${(id += 1)}` });
  const t1 = performance.now();
  if (plan.errors.length > 0) throw new Error(`bench file refused: ${plan.errors[0]!.message}`);
  const write = buildImport(plan);
  // The console's own write: the import cut into parts small enough to sync, in one local transaction.
  await writeImport(db, mutate, 'bench.csv', write);
  const t2 = performance.now();
  const stored = await db.people.count();
  db.close();
  // The write's floor: the same rows put with plain IndexedDB, in one transaction, into a store with the same indexes.
  await deleteDb('bench-raw-people');
  const raw = await openRawDb('bench-raw-people', ['people']);
  const t3 = performance.now();
  await putBatch(raw, { people: write.create });
  const rawPutMs = performance.now() - t3;
  raw.close();
  await deleteDb('bench-raw-people');
  return { rows: count, bytes: text.length, bareMs: Math.min(...bareRuns), planMs: t1 - t0, writeMs: t2 - t1, totalMs: t2 - t0, rawPutMs, stored, duplicates: plan.duplicates.length };
}

/** The directory's search index alone (what the People view runs per keystroke), no UI. */
function peopleIndexQueries(count: number, queries: string[]) {
  const t0 = performance.now();
  const index = new PeopleIndex(generatePeople(count), (r) => r, 'es');
  const buildMillis = performance.now() - t0;
  const samples = queries.map((q) => {
    const started = performance.now();
    index.search(q);
    return performance.now() - started;
  });
  return { buildMillis, samples };
}

(window as unknown as { calmaBench: typeof bench }).calmaBench = bench;
document.body.dataset.ready = 'true';
