/// <reference lib="webworker" />
import { CalmaDatabase } from '../../db/database';
import { AnswerIndex } from './answerIndex';
import { loadAnswerPage, loadChangedAnswerRows, touchesAnswers } from './loadAnswerRows';
import { CHANGES_CHANNEL, type ChangedIds, type FromWorker, type SearchReply, type ToWorker } from './protocol';
import { ReplySlotWriter } from './replySlot';

/**
 * The search worker owns the answer index: it reads the library straight from IndexedDB (so the
 * console's thread never holds 50,000 answers), answers queries, and re-indexes the answers that a
 * committed mutation touched, whichever window made it.
 *
 * The first build goes page by page and queries are answered between pages, saying how much is
 * indexed so far: a large library is searchable at once instead of after the whole build.
 */
declare const self: DedicatedWorkerGlobalScope;

/** A small first page so the first results come quickly, then larger ones to finish sooner. */
const FIRST_PAGE = 250;
const PAGE = 2000;
const dbName = new URL(self.location.href).searchParams.get('db') ?? undefined;
const db = new CalmaDatabase(dbName);
const index = new AnswerIndex();
let complete = false;
const post = (message: FromWorker) => self.postMessage(message);

let slot: ReplySlotWriter | null = null;

/**
 * Index work, during which queries wait: the slot says so, so the console does not wait for them.
 * Reading a page from IndexedDB is not flagged: queries are answered between its steps, and only
 * the decoding of a large page can hold one up for a few milliseconds.
 */
function indexing(work: () => void): void {
  slot?.setBusy(true);
  try {
    work();
  } finally {
    slot?.setBusy(false);
  }
}

// Every change to the index (a page of the first build, a re-index after a commit) runs in this one
// queue, in order, so a page read before a commit can never overwrite what that commit re-indexed.
let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job);
  queue = run.catch((error: unknown) => post({ type: 'error', message: String(error) }));
  return run;
}

async function build(): Promise<void> {
  const started = performance.now();
  // Counted alongside the first page, not before it: the count is only for the progress shown.
  const counting = db.answers.count();
  // A failing count is reported through the first progress message, which awaits it; an empty
  // library never awaits it, and its failure must not surface as an unhandled rejection.
  counting.catch(() => undefined);
  let after: string | null = null;
  for (;;) {
    const indexed = await enqueue(async () => {
      const page = await loadAnswerPage(db, after, after === null ? FIRST_PAGE : PAGE);
      indexing(() => {
        for (const { answer, revisions, approvals } of page) index.upsert(answer, revisions, approvals);
      });
      return page.at(-1)?.answer.id ?? null;
    });
    if (indexed === null) break;
    after = indexed;
    post({ type: 'progress', indexed: index.size, total: await counting });
  }
  complete = true;
  post({ type: 'ready', count: index.size, millis: performance.now() - started });
}

function reindex(touched: ChangedIds): void {
  if (!touchesAnswers(touched)) return;
  void enqueue(async () => {
    const { rows, missing } = await loadChangedAnswerRows(db, touched);
    indexing(() => {
      for (const { answer, revisions, approvals } of rows) index.upsert(answer, revisions, approvals);
      for (const id of missing) index.remove(id);
    });
    post({ type: 'reindexed', count: index.size });
  });
}

new BroadcastChannel(CHANGES_CHANNEL).onmessage = (event: MessageEvent<ChangedIds>) => reindex(event.data);

/** Whether the answer went into the slot; if writing failed, it goes by message instead of nowhere. */
function writeToSlot(writer: ReplySlotWriter, seq: number, reply: SearchReply): boolean {
  try {
    return writer.write(seq, reply);
  } catch (error) {
    console.error('search worker: could not write to the reply slot', error);
    return false;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'reply-slot') {
    slot = new ReplySlotWriter(message.buffer);
    return;
  }
  const receivedAt = performance.timeOrigin + performance.now();
  const result = { ...index.query(message.query), complete };
  const reply: SearchReply = { result, timing: { receivedAt, repliedAt: performance.timeOrigin + performance.now() } };
  if (slot && writeToSlot(slot, message.seq, reply)) return;
  slot?.sentByMessage(message.seq);
  post({ type: 'result', seq: message.seq, reply });
};

build().catch((error: unknown) => post({ type: 'error', message: String(error) }));
