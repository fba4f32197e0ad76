import type { AnswerQuery, AnswerQueryResult } from './answerIndex';

/** Messages between the console and its search worker. */
export type ToWorker =
  | { type: 'query'; seq: number; query: AnswerQuery }
  /** Memory where the worker writes its answers from now on (see replySlot.ts). */
  | { type: 'reply-slot'; buffer: SharedArrayBuffer };
export type FromWorker =
  | { type: 'progress'; indexed: number; total: number }
  | { type: 'ready'; count: number; millis: number }
  /** An answer sent by message: where there is no reply slot, or it did not fit in the slot. */
  | { type: 'result'; seq: number; reply: SearchReply }
  | { type: 'reindexed'; count: number }
  | { type: 'error'; message: string };

/** A query's answer, with epoch ms of when the worker got the query and answered (for `npm run bench`). */
export interface SearchReply {
  result: AnswerQueryResult;
  timing: { receivedAt: number; repliedAt: number };
}

/**
 * Ids written by a committed mutation, by table, as broadcast to every window and worker. The search
 * worker hears its own window's broadcasts too (a channel only skips the instance that posted).
 */
export type ChangedIds = Partial<Record<string, string[]>>;

/** The broadcast channel on which committed mutations are announced. */
export const CHANGES_CHANNEL = 'calma:changes';
