// `apigw mock --access-log FILE|-` and `--metrics`: the stage's access log written where asked, and its metrics
// counted and summed up when the mock stops. Each runtime (one, or one a mount) is observed the same way.
import fs from 'node:fs';
import path from 'node:path';
import { LocalMetrics, type MockRuntime } from '../../runtime';
import { formatMetricsText } from '../aws/metricsText';
import { UsageError, type CliIo } from '../io';
import { batchedWriter } from './batchedWriter';

/** Where access log lines go: appended in batches (one write per ~20 ms, not per request), flushed on close. */
export interface AccessLogSink {
  write(line: string): void;
  close(): void;
}

/**
 * The `--access-log` target: `-` is standard output (after the base URL line), anything else a file opened for
 * appending (created when missing). A file that cannot be opened is a usage error naming it and why.
 */
export function openAccessLog(target: string, io: CliIo): AccessLogSink {
  if (target === '-') {
    const out = batchedWriter((text) => io.out(text));
    return { write: (line) => out.write(`${line}\n`), close: () => out.flush() };
  }
  const file = path.resolve(io.cwd, target);
  let fd: number;
  try {
    fd = fs.openSync(file, 'a');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    throw new UsageError(`--access-log: cannot open ${file} for appending (${why}); give a file path, or - for stdout`);
  }
  const writer = batchedWriter((text) => fs.writeSync(fd, text));
  let open = true;
  return {
    write: (line) => {
      if (open) writer.write(`${line}\n`);
    },
    close: () => {
      if (!open) return;
      writer.flush();
      fs.closeSync(fd);
      open = false;
    },
  };
}

/** Counts for `--metrics`: one LocalMetrics a runtime, made on its first record (the API type is known then). */
export class MockObserver {
  private readonly metrics = new Map<MockRuntime, { metrics: LocalMetrics; title: string }>();
  private readonly startedAt: number;

  constructor(
    private readonly accessLog: AccessLogSink | undefined,
    private readonly countMetrics: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Whether anything is asked: without `--access-log` or `--metrics` no runtime is observed (no cost). */
  get active(): boolean {
    return this.accessLog !== undefined || this.countMetrics;
  }

  observe(runtime: MockRuntime, title: string): void {
    if (!this.active) return;
    runtime.onAccess((record) => {
      this.accessLog?.write(runtime.accessLogLine(record));
      if (!this.countMetrics) return;
      let entry = this.metrics.get(runtime);
      if (entry === undefined) {
        entry = { metrics: new LocalMetrics(record.apiType, { now: this.now }), title };
        this.metrics.set(runtime, entry);
      }
      entry.metrics.add(record);
    });
  }

  /** Flushes the access log and, with `--metrics`, returns the summary of the whole run (one a runtime). */
  close(): string {
    this.accessLog?.close();
    if (!this.countMetrics) return '';
    if (this.metrics.size === 0) return 'apigw mock: no requests were served: no metrics to show.\n';
    const windowMs = Math.max(1000, this.now() - this.startedAt);
    return [...this.metrics.values()].map((m) => formatMetricsText(m.metrics.report(windowMs, m.title))).join('\n');
  }
}
