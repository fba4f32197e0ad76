import { pino, type Logger } from 'pino';

export type Log = Logger;

/**
 * JSON lines on stdout (pino). Bearer tokens and enrolment codes never reach a log line: the
 * request logger records method, route, status and who, and the redaction below catches any
 * header or body that slips through.
 */
export function createLog(level: string, destination?: NodeJS.WritableStream): Log {
  return pino(
    {
      level,
      base: { service: 'calma-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['authorization', '*.authorization', 'headers.authorization', 'token', '*.token', 'code', '*.code'], censor: '[redacted]' },
    },
    destination as never,
  );
}
