/** A mutation refused before anything was written; `issues` says what and where. */
export class MutationError extends Error {
  constructor(
    readonly code: 'invalid' | 'conflict' | 'not-found' | 'forbidden',
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'MutationError';
  }
}
