import type { z } from 'zod';
import { CHANNELS } from '../domain';
import type { FileProblem } from './fileProblems';

type Path = readonly PropertyKey[];

/** The value at `path` in `data`, and whether its last key is there at all. */
function valueAt(data: unknown, path: Path): { present: boolean; value: unknown } {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return { present: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value };
}

/** The kind of value a file holds, in the words zod uses for what it expected. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** A value as a message quotes it: short, on one line. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/**
 * One of zod's issues as a problem the console can word in any language. zod's own messages are
 * English sentences; the issue's code and details (expected type, bounds, allowed values) are all
 * a translation needs, with the value found in the file for the received type and the quoted value.
 * `data` is the whole file and `path` the issue's path from the file's root.
 */
export function schemaProblem(issue: z.core.$ZodIssue, data: unknown, path: Path): FileProblem {
  const found = valueAt(data, path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      if (!found.present || found.value === undefined) return { code: 'missingField', expected: issue.expected };
      return { code: 'wrongType', expected: issue.expected, received: typeOf(found.value) };
    case 'too_small':
      return bound(issue.origin, 'small', Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return bound(issue.origin, 'big', Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_format':
      if (issue.format === 'datetime') return { code: 'notDateTime', value: shown(found.value) };
      // The files check two patterns: ids everywhere, and the names of an answer's blanks.
      if (issue.format === 'regex') {
        return last === 'name' && path[path.length - 3] === 'variables' ? { code: 'badVariableName', value: shown(found.value) } : { code: 'badId', value: shown(found.value) };
      }
      return { code: 'invalidValue' };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      if (path.length === 1 && last === 'format') return { code: 'wrongFormat', expected: allowed.join(', '), found: shown(found.value) };
      if (path.length === 1 && last === 'version' && typeof issue.values[0] === 'number') {
        return { code: 'unsupportedVersion', supported: issue.values[0], found: shown(found.value) };
      }
      return { code: 'notAllowed', value: shown(found.value), allowed };
    }
    case 'unrecognized_keys':
      // Texts are keyed by channel: an unknown key there is a channel Calma does not have.
      if (last === 'es' || last === 'en') {
        if (path[path.length - 2] === 'texts') return { code: 'unknownChannels', keys: issue.keys, channels: [...CHANNELS] };
      }
      return { code: 'unknownFields', keys: issue.keys };
    case 'custom':
      return issue.params?.code === 'titleNeeded' ? { code: 'titleNeeded' } : { code: 'invalidValue' };
    default:
      // invalid_union, invalid_key, invalid_element, not_multiple_of: the library schemas use none.
      return { code: 'invalidValue' };
  }
}

function bound(origin: string, side: 'small' | 'big', limit: number, inclusive: boolean): FileProblem {
  if (origin === 'string') return side === 'small' ? { code: 'textTooShort', minimum: limit } : { code: 'textTooLong', maximum: limit };
  if (origin === 'array' || origin === 'set') return side === 'small' ? { code: 'listTooShort', minimum: limit } : { code: 'listTooLong', maximum: limit };
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    return side === 'small' ? { code: 'numberTooSmall', minimum: limit, inclusive } : { code: 'numberTooBig', maximum: limit, inclusive };
  }
  return { code: 'invalidValue' };
}
