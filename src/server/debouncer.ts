/** A job that checks, before publishing, whether it is still the newest one for its key. */
export type Job = (isCurrent: () => boolean) => Promise<void>;

/**
 * Runs one job per key (a document URI) after `delayMs` of quiet: a newer `schedule` or a `cancel` replaces
 * the pending job, and a job already running sees `isCurrent()` turn false so it drops its stale result.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly delayMs: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  schedule(key: string, job: Job, delayMs = this.delayMs): void {
    const generation = this.bump(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const run = job(() => this.generations.get(key) === generation)
        .catch((error: unknown) => this.onError(key, error))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    this.bump(key);
    this.generations.delete(key);
  }

  /** Resolves when no job is pending or running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.allSettled([...this.running]);
      else await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }

  private bump(key: string): number {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return generation;
  }
}
