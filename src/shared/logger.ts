/** The logging surface the cores use; the extension backs it with a LogOutputChannel, the CLI with stderr. */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

const noop = (): void => undefined;

/** A logger that drops everything: the default in the cores and in tests. */
export const nullLogger: Logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop };
