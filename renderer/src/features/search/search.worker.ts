/// <reference lib="webworker" />
import { CalmaDatabase } from '../../db/database';
import { AnswerIndex } from './answerIndex';
import { loadAllAnswerRows, loadChangedAnswerRows } from './loadAnswerRows';
import { CHANGES_CHANNEL, type ChangedIds, type FromWorker, type ToWorker } from './protocol';

/**
 * The search worker owns the answer index: it reads the library straight from IndexedDB (so the
 * console's thread never holds 50,000 answers), answers queries, and re-indexes the answers that a
 * committed mutation touched, whichever window made it.
 */
declare const self: DedicatedWorkerGlobalScope;

const dbName = new URL(self.location.href).searchParams.get('db') ?? undefined;
const db = new CalmaDatabase(dbName);
const index = new AnswerIndex();
const post = (message: FromWorker) => self.postMessage(message);

const ready = (async () => {
  const started = performance.now();
  for (const { answer, revisions, approvals } of await loadAllAnswerRows(db)) index.upsert(answer, revisions, approvals);
  post({ type: 'ready', count: index.size, millis: performance.now() - started });
})().catch((error: unknown) => post({ type: 'error', message: String(error) }));

let pending: Promise<void> = Promise.resolve();
function reindex(touched: ChangedIds): void {
  // Changes are applied in the order they were committed.
  pending = pending
    .then(async () => {
      await ready;
      const { rows, missing } = await loadChangedAnswerRows(db, touched);
      for (const { answer, revisions, approvals } of rows) index.upsert(answer, revisions, approvals);
      for (const id of missing) index.remove(id);
      post({ type: 'reindexed', count: index.size });
    })
    .catch((error: unknown) => post({ type: 'error', message: String(error) }));
}

new BroadcastChannel(CHANGES_CHANNEL).onmessage = (event: MessageEvent<ChangedIds>) => reindex(event.data);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'changed') {
    reindex(message.touched);
    return;
  }
  await ready;
  await pending;
  post({ type: 'result', seq: message.seq, result: index.query(message.query) });
};
