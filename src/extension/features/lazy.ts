import type { Command } from '../commands/commandRegistry';

/**
 * A value made on first use (a feature wired into VS Code when one of its commands or views is first used).
 * A failed make is not kept: the next use tries again.
 */
export class Lazy<T> {
  private value: T | undefined;
  private readonly waiting: Array<(value: T) => void> = [];

  constructor(private readonly make: () => T) {}

  get(): T {
    if (this.value === undefined) {
      this.value = this.make();
      for (const listener of this.waiting.splice(0)) listener(this.value);
    }
    return this.value;
  }

  /** The value if it has been made, without making it. */
  get made(): T | undefined {
    return this.value;
  }

  /** Calls `listener` once the value is made (at once if it is). */
  whenMade(listener: (value: T) => void): void {
    if (this.value !== undefined) listener(this.value);
    else this.waiting.push(listener);
  }
}

/**
 * Commands registered at activation whose behaviour lives in a feature bundle: each loads the feature on its
 * first run and delegates to the feature's command of the same id.
 */
export function lazyCommands<Id extends string>(
  ids: readonly Id[],
  feature: () => { commands: Readonly<Record<Id, Command>> },
): Command[] {
  return ids.map((id) => ({
    id,
    execute: (...args: unknown[]) => {
      const command = feature().commands[id];
      if (command?.id !== id) throw new Error(`The command ${id} is missing from its feature bundle.`);
      return command.execute(...args);
    },
  }));
}
