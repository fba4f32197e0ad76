import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

/** zod issues as the protocol's `issues`: one per field, an unknown field named by its own path. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'unknown field' }));
    return [{ path: at.join('.') || '(body)', message: issue.message }];
  });
}

/**
 * The request's JSON body parsed with a strict protocol schema. Each failure is a 400 that says
 * what is wrong and where; nothing is read from a body that did not parse.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return (await readSizedBody(c, schema)).value;
}

/** The same, with the body's size in bytes (UTF-8): for work that is budgeted by size. */
export async function readSizedBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ value: z.output<S>; bytes: number }> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'bad-json', `the request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'invalid-request', 'the request does not match the protocol', issuesOf(parsed.error));
  return { value: parsed.data, bytes: Buffer.byteLength(text) };
}
