/**
 * Counts pending work (promises and explicit holds) and resolves `whenIdle()` waiters once none is left, so
 * callers (and the integration tests) wait on a real signal instead of sleeping.
 */
export class IdleTracker {
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Counts `work` as pending until it settles; its rejection is swallowed (callers log their own failures). */
  track(work: Promise<unknown>): void {
    const release = this.hold();
    work.then(release, release);
  }

  /** Marks some work as pending; call the returned function (once) when it is done. */
  hold(): () => void {
    this.pending++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pending--;
      if (this.pending === 0) this.flush();
    };
  }

  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Wakes every waiter (on dispose), so nobody waits forever. */
  cancelAll(): void {
    this.flush();
  }

  private flush(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
