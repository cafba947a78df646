/**
 * The logging port `lib/` writes to. Powertools' Logger satisfies it in Lambda; the CLI passes its own.
 * Structured fields go in `extra` so a log line names the object or message it is about.
 */
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
