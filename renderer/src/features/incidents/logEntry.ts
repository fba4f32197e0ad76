import type { LogEntry } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';

/** A log entry with every optional field empty, for the fields given. */
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
