/** The process logger: pino JSON lines on stdout. */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** Creates the root logger; redacts credentials wherever they appear. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'passerelle' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token'], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
