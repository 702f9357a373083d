// The CLI's logs on the hot path: text collected and written in one call every few milliseconds.

/** Collects text and writes it at most every `intervalMs` (and on flush), in one call. */
export function batchedWriter(
  write: (text: string) => void,
  intervalMs = 20,
): { write(text: string): void; flush(): void } {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const text = pending;
    pending = '';
    write(text);
  };
  return {
    write(text) {
      pending += text;
      if (timer === undefined) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
