import { createInterface } from 'node:readline/promises';

/** Asks a yes/no question; injected so tests answer it without a terminal. */
export interface Confirmer {
  /** False when nobody can answer (input is not a terminal): the command then refuses instead of asking. */
  readonly interactive: boolean;
  ask(question: string): Promise<boolean>;
}

/** Asks on the process's terminal; `interactive` is false in a pipe or CI, where nothing may change without --yes. */
export const terminalConfirmer: Confirmer = {
  get interactive(): boolean {
    return process.stdin.isTTY === true && process.stderr.isTTY === true;
  },
  async ask(question: string): Promise<boolean> {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  },
};
