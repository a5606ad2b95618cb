/** The process logger: pino JSON lines on stdout. */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Creates the root logger (stdout unless `destination`); redacts credentials wherever they appear. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'passerelle' },
    // Defence in depth: no code logs these, and sources' credentials reach only the fetcher.
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        'token',
        '*.token',
        'credentials',
        '*.credentials',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
