// The CLI's logs on the hot path: text collected and written in one call every few milliseconds.

/** What a batch holds before it is written at once, whatever the interval: 64 KiB of UTF-8. */
const batchBytes = 64 * 1024;

/**
 * Collects text and writes it at most every `intervalMs` (and on flush, or when `batchBytes` are waiting), in one
 * call.
 *
 * The text waits as UTF-8 bytes in a Buffer (outside the JavaScript heap), not as a string: a string appended to
 * for 20 ms is a rope of every line of those 20 ms, live at each young-generation GC that falls in that time, so
 * each GC copied it (and promoted what it had copied before): ~250 KB a scavenge under load, which made the
 * scavenges of the mock's request log ~1.2 ms instead of ~0.3 ms, the requests' p99. A line copied into the
 * Buffer is garbage at once; the batch becomes one flat string only when it is written.
 */
export function batchedWriter(
  write: (text: string) => void,
  intervalMs = 20,
): { write(text: string): void; flush(): void } {
  let buffer: Buffer | undefined;
  let used = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (used === 0) return;
    const text = buffer!.toString('utf8', 0, used);
    used = 0;
    write(text);
  };
  return {
    write(text) {
      if (text === '') return;
      // At most 3 bytes of UTF-8 a UTF-16 unit: room for that, else the batch goes first.
      if (used > 0 && used + text.length * 3 > batchBytes) flush();
      if (text.length * 3 > batchBytes) {
        // Longer than a batch: written on its own, in order.
        write(text);
        return;
      }
      buffer ??= Buffer.allocUnsafe(batchBytes);
      used += buffer.write(text, used, 'utf8');
      if (timer === undefined) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
