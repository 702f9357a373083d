import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import { redact } from './redact';

/** The extension's one logger: a LogOutputChannel ("API Gateway Studio"), every message redacted. */
export function createOutputLogger(context: vscode.ExtensionContext): Logger & { show(): void } {
  const channel = vscode.window.createOutputChannel('API Gateway Studio', { log: true });
  context.subscriptions.push(channel);
  const text = (message: string | Error, args: unknown[]): string => {
    const head = message instanceof Error ? (message.stack ?? message.message) : message;
    const tail = args.map((a) =>
      a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : safeJson(a),
    );
    return redact([head, ...tail].join(' '));
  };
  return {
    trace: (m, ...a) => channel.trace(text(m, a)),
    debug: (m, ...a) => channel.debug(text(m, a)),
    info: (m, ...a) => channel.info(text(m, a)),
    warn: (m, ...a) => channel.warn(text(m, a)),
    error: (m, ...a) => channel.error(text(m, a)),
    show: () => channel.show(true),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
