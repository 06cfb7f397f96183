import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentRequestContext } from './request-context';

export type { Logger } from 'pino';

/** Paths never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-portal-viewer"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-portal-viewer"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.email',
  '*.contactEmail',
  'password',
  'secret',
  'token',
  'apiKey',
];

export interface CreateLoggerOptions {
  service: string;
  level?: string;
  /** Human-readable output; defaults to on when stdout is a terminal. */
  pretty?: boolean;
  /** The LOG_FORMAT setting: `pretty`, `json`, or unset (decide by the terminal). */
  format?: 'json' | 'pretty';
  destination?: pino.DestinationStream;
}

/**
 * A structured JSON logger whose every line carries the service name and, inside
 * a request, the request id.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: options.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = currentRequestContext();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  if (options.destination) return pino(config, options.destination);
  const pretty =
    options.pretty ??
    (options.format ? options.format === 'pretty' : Boolean(process.stdout.isTTY));
  if (pretty) {
    return pino({
      ...config,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    });
  }
  return pino(config);
}
