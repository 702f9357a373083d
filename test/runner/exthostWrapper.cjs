'use strict';
// Runs INSIDE the VS Code extension host: the payload's extensionTestsPath. run.mjs copies it into the run
// directory next to harness.json. It loads the project's own test index (the file @vscode/test-electron would
// load), calls its run(), counts mocha's results, lets the runner take screenshots while the workbench is live,
// and writes results.json, so an extension host that dies or calls process.exit can never pass as green.
const fs = require('fs');
const path = require('path');

const cfg = JSON.parse(fs.readFileSync(path.join(__dirname, 'harness.json'), 'utf8'));
const MARK = '[vscode-e2e]';
let seq = 0;
/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the runner for a PNG of the workbench; resolves true once written, false when off or after 20 s.
 * @param {string} name file name without .png
 */
async function screenshot(name) {
  if (!cfg.screenshotsEnabled) return false; // desktop route (electron.mjs): nobody takes screenshots
  const id = `${process.pid}-${++seq}`;
  console.log(`${MARK} screenshot ${JSON.stringify({ id, name: String(name) })}`);
  const ack = path.join(cfg.ackDir, id);
  const end = Date.now() + 20000;
  while (!fs.existsSync(ack)) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return fs.readFileSync(ack, 'utf8') === 'ok';
}
// Tests call: await globalThis.__vscodeE2E?.screenshot('name')   (undefined under @vscode/test-electron)
globalThis.__vscodeE2E = { screenshot, screenshotsEnabled: Boolean(cfg.screenshotsEnabled), runDir: cfg.runDir };

/** The Mocha class the test index will use (mocha >= 12 is an ES module: require() gives its namespace). */
function findMocha() {
  try {
    const mod = require(require.resolve('mocha', { paths: [path.dirname(cfg.tests)] }));
    const Mocha = mod && mod.prototype && typeof mod.prototype.run === 'function' ? mod : mod && mod.default;
    return Mocha && Mocha.prototype && typeof Mocha.prototype.run === 'function' ? Mocha : undefined;
  } catch {
    return undefined; // not resolvable from the index: the runner falls back to the reporter's text
  }
}

/**
 * @typedef {{ passed: number, failed: number, pending: number, failures: { title: string, error: string }[] }} Counts
 * @param {Counts} counts filled in as mocha reports results
 */
function hookMocha(counts) {
  const Mocha = findMocha();
  if (!Mocha) return false;
  const proto = Mocha.prototype;
  if (!proto.run.__vscodeE2E) {
    const original = proto.run;
    /** @param {unknown[]} args */
    proto.run = function (...args) {
      const runner = original.apply(this, args);
      if (runner && typeof runner.on === 'function') {
        runner.on('pass', () => counts.passed++);
        runner.on('pending', () => counts.pending++);
        runner.on('fail', (/** @type {any} */ t, /** @type {any} */ err) => {
          counts.failed++;
          const title = t && t.fullTitle ? t.fullTitle() : String(t && t.title);
          counts.failures.push({ title, error: String((err && err.message) || err) });
        });
      }
      return runner;
    };
    proto.run.__vscodeE2E = true;
  }
  return true;
}

exports.run = async function run() {
  /** @type {Counts} */
  const counts = { passed: 0, failed: 0, pending: 0, failures: [] };
  const mochaHooked = hookMocha(counts);
  const started = Date.now();
  /** @type {any} */
  let error;
  console.log(`${MARK} BEGIN`);
  try {
    const mod = require(cfg.tests);
    if (!mod || typeof mod.run !== 'function') throw new Error(`${cfg.tests} does not export a run() function`);
    await mod.run();
  } catch (e) {
    error = e;
  }
  const result = {
    ok: !error,
    error: error ? String((error && error.stack) || error) : undefined,
    mochaHooked,
    ...counts,
    durationMs: Date.now() - started,
  };
  fs.writeFileSync(cfg.resultsFile, JSON.stringify(result, null, 2));
  console.log(`${MARK} END ${JSON.stringify({ ok: result.ok })}`);
  if (error) throw error;
};
