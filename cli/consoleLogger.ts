import type { Logger } from '../lib/common/logger.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Human-readable log lines on stderr, so stdout stays the command's result. */
export function consoleLogger(level: LogLevel = 'warn', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const at = (l: LogLevel) => (message: string, extra?: Record<string, unknown>) => {
    if (LEVELS[l] < LEVELS[level]) return;
    const fields = extra ? ' ' + Object.entries(extra).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ') : '';
    write(`${new Date().toISOString()} ${l.toUpperCase()} ${message}${fields}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
