// Exit codes, the harness error type and the log prefix shared by the runner's modules.

/** Exit codes of `node test/runner/run.mjs`. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, harness: 2, timeout: 124 });

export const MARK = '[vscode-e2e]';

/** An expected failure of the harness itself (bad argument, missing tool, failed install): exit code 2. */
export class HarnessError extends Error {
  /**
   * @param {string} message what went wrong and what to do about it
   * @param {number} [exitCode]
   */
  constructor(message, exitCode = EXIT.harness) {
    super(message);
    this.name = 'HarnessError';
    this.exitCode = exitCode;
  }
}

/** @param {string} message */
export function log(message) {
  console.error(`${MARK} ${message}`);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
