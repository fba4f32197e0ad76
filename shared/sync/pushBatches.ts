import { jsonBytes } from './byteBudget';
import { MAX_BODY_BYTES, MAX_PUSH_MUTATIONS, type PushedMutation, type PushRequest } from './protocol';

export interface PlannedPush {
  request: PushRequest;
  /** The request's body in bytes, exactly as `JSON.stringify(request)` encodes to UTF-8. */
  bytes: number;
}

/** The mutation without its arguments, marked with its size: the server refuses it as `too-large`. */
export function withheld(mutation: PushedMutation, bytes = jsonBytes(mutation)): PushedMutation {
  const { seq, id, name, hlc, at } = mutation;
  // `args: undefined` is left out by JSON.stringify: the arguments do not travel.
  return { seq, id, name, args: undefined, hlc, at, withheldBytes: bytes };
}

/**
 * The next push: the first mutations waiting, in seq order (the server needs them consecutive), as
 * many as fit in `budget` bytes of body and MAX_PUSH_MUTATIONS. The body is measured the way it
 * goes on the wire, envelope and commas included, so a full batch is as close to the limit as it
 * can be without a 413.
 *
 * The first mutation always goes, so the outbox never stalls: alone over the server's limit (or
 * named in `withhold`, because a proxy refused it alone), it goes withheld, and the server's
 * refusal makes the device revert it and say why instead of retrying it forever. The budget can be
 * lower than the server's limit (a proxy in front with a smaller one); a mutation over the budget
 * but under the limit is still tried alone before being given up.
 */
export function nextPushRequest(
  deviceId: string,
  waiting: readonly PushedMutation[],
  options: { budget?: number; withhold?: ReadonlySet<number> } = {},
): PlannedPush {
  const budget = Math.min(options.budget ?? MAX_BODY_BYTES, MAX_BODY_BYTES);
  const envelope = jsonBytes({ deviceId, mutations: [] });
  const mutations: PushedMutation[] = [];
  let bytes = envelope;
  for (const mutation of waiting.slice(0, MAX_PUSH_MUTATIONS)) {
    const comma = mutations.length > 0 ? 1 : 0;
    let item = mutation;
    let size = jsonBytes(item);
    if (mutations.length === 0 && (options.withhold?.has(mutation.seq) || envelope + size > MAX_BODY_BYTES)) {
      item = withheld(mutation, size);
      size = jsonBytes(item);
    } else if (mutations.length > 0 && bytes + comma + size > budget) break;
    mutations.push(item);
    bytes += comma + size;
  }
  if (mutations.length === 0) throw new RangeError('nothing is waiting to be pushed');
  return { request: { deviceId, mutations }, bytes };
}
