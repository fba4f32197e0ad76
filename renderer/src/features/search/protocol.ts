import type { AnswerQuery, AnswerQueryResult } from './answerIndex';

/** Messages between the console and its search worker. */
export type ToWorker = { type: 'query'; seq: number; query: AnswerQuery };
export type FromWorker =
  | { type: 'progress'; indexed: number; total: number }
  | { type: 'ready'; count: number; millis: number }
  /** `timing`: epoch ms when the worker got the query and when it answered (for `npm run bench`). */
  | { type: 'result'; seq: number; result: AnswerQueryResult; timing: { receivedAt: number; repliedAt: number } }
  | { type: 'reindexed'; count: number }
  | { type: 'error'; message: string };

/**
 * Ids written by a committed mutation, by table, as broadcast to every window and worker. The search
 * worker hears its own window's broadcasts too (a channel only skips the instance that posted).
 */
export type ChangedIds = Partial<Record<string, string[]>>;

/** The broadcast channel on which committed mutations are announced. */
export const CHANGES_CHANNEL = 'calma:changes';
