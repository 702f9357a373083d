import type { RequestEvent } from '../../runtime/types';

/** One request a mock API answered, as the "Mock Requests" view lists it. */
export interface RequestEntry {
  /** Sequence number, unique for the session of the editor. */
  id: number;
  /** Which running API answered it (its name). */
  api: string;
  /** Wall-clock time it was answered. */
  at: Date;
  event: RequestEvent;
}

/** The last `capacity` requests, newest first; pure, so the view and the tests share it. */
export class RequestLog {
  private entries: RequestEntry[] = [];
  private next = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly capacity = 200) {}

  add(api: string, event: RequestEvent, at = new Date()): RequestEntry {
    const entry: RequestEntry = { id: this.next++, api, at, event };
    this.entries.unshift(entry);
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    this.fire();
    return entry;
  }

  list(): RequestEntry[] {
    return [...this.entries];
  }

  get(id: number): RequestEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  clear(): void {
    this.entries = [];
    this.fire();
  }

  onChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}

/** `GET /local/pets` — the label of a request in the view. */
export function requestLabel(entry: RequestEntry): string {
  return `${entry.event.method} ${entry.event.path}`;
}

/** `200 · 3 ms · GET /pets` — the description beside it; `· ⚠ 2 warnings` when the trace has warnings. */
export function requestDescription(entry: RequestEntry): string {
  const route = entry.event.route ? ` · ${entry.event.route}` : ' · no route';
  const count = requestWarnings(entry).length;
  const warned = count === 0 ? '' : ` · ⚠ ${count} warning${count === 1 ? '' : 's'}`;
  return `${entry.event.status} · ${entry.event.latencyMs} ms${route}${warned}`;
}

/**
 * What the developer must know about a request although it was answered: the trace's warning steps (a response
 * that does not match the definition, a JWT whose signature was not checked).
 */
export function requestWarnings(entry: RequestEntry): string[] {
  return entry.event.trace.filter((step) => step.warning === true).map((step) => step.detail);
}
