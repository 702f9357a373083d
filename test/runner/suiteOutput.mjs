// Follows the extension host's output as it reaches the browser console: the wrapper's BEGIN/END markers,
// the mocha reporter's lines in between, and screenshot requests.
import fs from 'node:fs';
import path from 'node:path';
import { MARK } from './harness.mjs';

export class SuiteOutput {
  /** @param {{ verbose: boolean, consoleLog: fs.WriteStream }} options */
  constructor({ verbose, consoleLog }) {
    this.verbose = verbose;
    this.consoleLog = consoleLog;
    /** @type {string[]} */
    this.lines = [];
    this.started = false;
    this.ended = false;
    /** Date.now() at the BEGIN / END markers, for the timing summary */
    this.beganAt = 0;
    this.endedAt = 0;
    this.createdAt = Date.now();
  }

  /**
   * @param {string} level
   * @param {string} text
   * @returns {{ id: string, name: string } | undefined} a screenshot request, if the line is one
   */
  accept(level, text) {
    this.consoleLog.write(`${((Date.now() - this.createdAt) / 1000).toFixed(1).padStart(6)} [${level}] ${text}\n`);
    if (text.startsWith(`${MARK} BEGIN`)) {
      this.started = true;
      this.beganAt = Date.now();
      return undefined;
    }
    if (text.startsWith(`${MARK} END`)) {
      this.ended = true;
      this.endedAt = Date.now();
      return undefined;
    }
    if (text.startsWith(`${MARK} screenshot `)) return JSON.parse(text.slice(`${MARK} screenshot `.length));
    if (this.started && !this.ended) {
      this.lines.push(text);
      console.log(text);
    } else if (this.verbose) {
      console.log(`[browser ${level}] ${text}`);
    }
    return undefined;
  }

  /** Where the run was when it stopped, for timeout messages. */
  stage() {
    if (this.ended) return 'after the suite ended';
    return this.started ? 'while tests were running' : 'before the suite started';
  }
}

/**
 * Takes the screenshot a test asked for and acknowledges it (the test waits for the ack file).
 * @param {import('playwright-core').Page} page
 * @param {{ id: string, name: string }} request
 * @param {{ screenshotDir: string, ackDir: string }} dirs
 */
export async function takeScreenshot(page, { id, name }, { screenshotDir, ackDir }) {
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  let status = 'ok';
  try {
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: file });
    console.log(`${MARK} screenshot saved: ${file}`);
  } catch (err) {
    status = `error: ${err instanceof Error ? err.message : err}`;
    console.log(`${MARK} screenshot ${name} failed: ${status}`);
  }
  fs.writeFileSync(path.join(ackDir, id), status);
}
