import type { LogEntry } from '../domain';
import { uuidv7 } from '../uuid';

/** A log entry with every field it does not name empty: a new id, stamped now unless `at` is given. */
export function newLogEntry(fields: Pick<LogEntry, 'incidentId' | 'kind' | 'by'> & Partial<LogEntry>): LogEntry {
  return {
    id: uuidv7(),
    at: new Date().toISOString(),
    text: '',
    correctsId: null,
    answerId: null,
    revisionId: null,
    channel: null,
    itemId: null,
    action: null,
    status: null,
    ...fields,
  };
}
