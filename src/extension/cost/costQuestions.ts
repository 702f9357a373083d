import * as vscode from 'vscode';
import { builtInPrices, CACHE_SIZES_GB, formatUsd, HOURS_PER_MONTH, parseCount, parseQuantity } from '../../model/cost';

/** What the user said the API does in a month. */
export interface UsageAnswers {
  requests?: number;
  messages?: number;
  connectionMinutes?: number;
  payloadKb?: number;
  /** REST: the stage cache size ('0.5' … '237'). */
  cacheGb?: string;
}

/** The values the questions start with (measured on a stage, else typical ones). */
export interface UsageDefaults {
  requests?: string;
  messages?: string;
  connectionMinutes?: string;
  payloadKb?: string;
}

const countHint = 'Write 5000000, 5e6, 5M or 2.5B (K, M, B: thousand, million, billion).';

async function ask(
  title: string,
  prompt: string,
  value: string,
  read: (text: string) => string | undefined,
): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: read });
}

async function askCount(title: string, prompt: string, value: string): Promise<number | undefined> {
  const what = prompt.split(' (')[0] ?? prompt;
  const text = await ask(title, `${prompt}. ${countHint}`, value, (t) => {
    const parsed = parseCount(t, what);
    return parsed.ok ? undefined : parsed.error;
  });
  if (text === undefined) return undefined;
  const parsed = parseCount(text, what);
  return parsed.ok ? parsed.value : undefined;
}

/** Empty: not given (no metering beyond one increment). */
async function askSize(title: string, prompt: string, value: string): Promise<number | null | undefined> {
  const text = await ask(title, prompt, value, (t) => {
    if (t.trim() === '') return undefined;
    const parsed = parseQuantity(t, 'The size');
    return parsed.ok ? undefined : parsed.error;
  });
  if (text === undefined) return undefined;
  if (text.trim() === '') return null;
  const parsed = parseQuantity(text, 'The size');
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Asks the monthly usage: requests and their size for a REST or HTTP API, messages, their size and connection
 * minutes for a WebSocket API. Undefined when a question is dismissed.
 */
export async function askUsage(
  webSocket: boolean,
  title: string,
  defaults: UsageDefaults = {},
): Promise<UsageAnswers | undefined> {
  if (webSocket) {
    const messages = await askCount(title, 'Messages sent and received a month', defaults.messages ?? '1M');
    if (messages === undefined) return undefined;
    const payloadKb = await askSize(
      title,
      'Average message size in KB (messages are metered in 32 KB increments; empty: up to 32 KB)',
      defaults.payloadKb ?? '1',
    );
    if (payloadKb === undefined) return undefined;
    const connectionMinutes = await askCount(
      title,
      'Connection minutes a month (clients × minutes connected)',
      defaults.connectionMinutes ?? '1M',
    );
    if (connectionMinutes === undefined) return undefined;
    return { messages, connectionMinutes, ...(payloadKb !== null ? { payloadKb } : {}) };
  }
  const requests = await askCount(title, 'Requests a month', defaults.requests ?? '1M');
  if (requests === undefined) return undefined;
  const payloadKb = await askSize(
    title,
    'Average request size in KB (HTTP API requests are metered in 512 KB increments; empty: up to 512 KB)',
    defaults.payloadKb ?? '1',
  );
  if (payloadKb === undefined) return undefined;
  return { requests, ...(payloadKb !== null ? { payloadKb } : {}) };
}

/**
 * REST: the stage cache, one of API Gateway's sizes (each with its us-east-1 price a month), or none (the first
 * item). Null: no cache; undefined: dismissed.
 */
export async function askCache(title: string): Promise<string | null | undefined> {
  const none = { label: 'No cache', size: null };
  const sizes = CACHE_SIZES_GB.map((size) => ({
    label: `${size} GB`,
    description: `${formatUsd(Number(builtInPrices.cacheUsdPerHour.get(size) ?? 0) * HOURS_PER_MONTH)} a month in us-east-1`,
    size,
  }));
  const picked = await vscode.window.showQuickPick([none, ...sizes], {
    title,
    placeHolder: 'The stage cache (REST APIs only; billed per hour, 730 hours a month)',
    ignoreFocusOut: true,
  });
  return picked === undefined ? undefined : picked.size;
}
