const encoder = new TextEncoder();

/**
 * Most bytes of one import mutation (people, answers, playbooks). A big file is several times the
 * 4 MB a push may carry (MAX_BODY_BYTES), so one mutation for the whole file could never reach the
 * team. Parts an eighth of that limit leave room for several in one push, keep each server
 * transaction short, and keep a push that fails on a poor network cheap to retry.
 */
export const IMPORT_PART_BYTES = 512 * 1024;

/**
 * What a value weighs as JSON on the wire: UTF-8 bytes, which is what the server's body limit
 * counts. String length would undercount every accent, ñ and emoji (up to four bytes each).
 */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).byteLength;
}

/**
 * Cuts a list into consecutive parts, in order, each of whose JSON arrays (`[a,b,…]`) weighs at most
 * `budget` bytes. An item heavier than the budget on its own gets a part of its own: this says how to
 * pack, not what to refuse.
 */
export function splitByBytes<T>(items: readonly T[], budget: number, bytesOf: (item: T) => number = jsonBytes): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let size = 2; // "[]"
  for (const item of items) {
    const bytes = bytesOf(item);
    // +1: the comma before it.
    if (part.length > 0 && size + 1 + bytes > budget) {
      parts.push(part);
      part = [];
      size = 2;
    }
    size += bytes + (part.length > 0 ? 1 : 0);
    part.push(item);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
