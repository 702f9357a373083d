import type { RemoteConsole } from 'vscode-languageserver';
import type { Logger } from '../shared/logger';

/** The cores' Logger over the connection's console (the client's "API Gateway Studio Language Server" output). */
export function createServerLogger(console: RemoteConsole): Logger {
  const text = (message: string | Error, args: unknown[]): string => [message, ...args].map(describe).join(' ');
  return {
    trace: (m, ...a) => console.debug(text(m, a)),
    debug: (m, ...a) => console.debug(text(m, a)),
    info: (m, ...a) => console.info(text(m, a)),
    warn: (m, ...a) => console.warn(text(m, a)),
    error: (m, ...a) => console.error(text(m, a)),
  };
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
