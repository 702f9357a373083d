// Turns what the wrapper wrote (results.json) and how the run ended into an exit code and a summary line.
import fs from 'node:fs';
import { EXIT, MARK } from './harness.mjs';

/**
 * @typedef {{ kind: 'exit', code: number } | { kind: 'timeout' } | { kind: 'harness' | 'failed', message: string }} Outcome
 * @typedef {{ ok: boolean, error?: string, mochaHooked: boolean, passed: number, failed: number, pending: number,
 *   failures: { title: string, error: string }[], durationMs: number }} Counts
 */

/**
 * @param {string} resultsFile
 * @param {string[]} lines the suite's output, for the spec reporter's epilogue when mocha could not be hooked
 * @returns {Counts | undefined} undefined when the project's run() never settled
 */
export function readCounts(resultsFile, lines) {
  /** @type {Counts} */
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (!counts.mochaHooked) {
    const grab = (/** @type {RegExp} */ re) =>
      Number(
        lines
          .map((l) => re.exec(l)?.[1])
          .filter(Boolean)
          .pop() ?? 0,
      );
    counts.passed = grab(/^\s*(\d+) passing/);
    counts.failed = grab(/^\s*(\d+) failing/);
    counts.pending = grab(/^\s*(\d+) pending/);
  }
  return counts;
}

/**
 * @param {Outcome} outcome
 * @param {Counts | undefined} counts
 * @param {{ vscodeVersion: string, timeoutSeconds: number, stage: string }} context
 * @returns {{ exitCode: number, messages: string[], summary: string }} summary: the run's last line
 */
export function judge(outcome, counts, { vscodeVersion, timeoutSeconds, stage }) {
  const messages = [];
  for (const f of counts?.failures ?? []) messages.push(`FAILED: ${f.title}: ${f.error.split('\n')[0]}`);
  if (counts?.error && !counts.failed) messages.push(`the test module's run() failed: ${counts.error}`);
  const skipped = counts?.pending ? `, ${counts.pending} skipped` : '';
  // Two lines: which VS Code, then the count alone in the plain 'N passed, N failed' form CI logs are read for.
  const summary = counts
    ? `VS Code ${vscodeVersion}\nvscode-tests: ${counts.passed} passed, ${counts.failed} failed${skipped}`
    : `VS Code ${vscodeVersion}\nvscode-tests: no result`;
  let exitCode;
  if (outcome.kind === 'exit') {
    exitCode = outcome.code === 0 && counts?.ok && !counts.failed ? EXIT.ok : EXIT.failed;
    if (!counts)
      messages.push(
        `the extension host ended (VS Code reported exit code ${outcome.code}) before the test module's run() settled`,
      );
    if (exitCode === EXIT.ok && counts && counts.passed + counts.failed === 0) {
      messages.push(
        'no test ran: check that the test module adds *.test.js files and that APIGW_E2E_GREP matches some',
      );
      exitCode = EXIT.failed;
    }
  } else if (outcome.kind === 'timeout') {
    messages.push(
      `timed out after ${timeoutSeconds} s (${stage}); raise --timeout or look for a test that never settles`,
    );
    exitCode = EXIT.timeout;
  } else {
    messages.push(outcome.message);
    exitCode = outcome.kind === 'failed' ? EXIT.failed : EXIT.harness;
  }
  return { exitCode, messages: messages.map((m) => `${MARK} ${m}`), summary };
}
