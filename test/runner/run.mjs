#!/usr/bin/env node
// Runs the extension's mocha integration suite inside a real VS Code: code-server (VS Code server + web
// workbench, from npm) on a loopback port with a fresh profile, its workbench opened in headless Chromium with
// the `payload` URL parameter (extensionDevelopmentPath + extensionTestsPath). The remote Node extension host
// runs the suite through exthostWrapper.cjs and the workbench reports back with window.codeAutomationExit.
//   node test/runner/run.mjs [--vscode min|latest] [--extension DIR] [--tests FILE] [--workspace DIR] ...
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRunArgs } from './args.mjs';
import { consoleText, findChromium, launchChromium, newWorkbenchPage } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { EXIT, HarnessError, MARK, log, sleep } from './harness.mjs';
import { ensureCodeServer } from './install.mjs';
import { cleanUpOnSignals, isStopping, onCleanup, runCleanups } from './processes.mjs';
import { copyWorkspace, createRunDir } from './profile.mjs';
import { judge, readCounts } from './results.mjs';
import { SuiteOutput, takeScreenshot } from './suiteOutput.mjs';
import { codeServerVersion } from './versions.mjs';

/** @typedef {import('./results.mjs').Outcome} Outcome */

const started = Date.now();
const secs = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const elapsed = () => secs(Date.now() - started);
/** Where the time went, for the closing log line */
let timing = '';
let suiteDoneAt = 0;

/**
 * @param {import('./args.mjs').RunOptions} opts
 * @param {import('./install.mjs').CodeServerInstall} install
 * @param {string} chromiumPath
 */
async function runSuite(opts, install, chromiumPath) {
  const dirs = createRunDir({ tests: opts.tests, screenshotsEnabled: true });
  const workspace = copyWorkspace(opts.workspace, dirs.root);
  const serverLog = fs.createWriteStream(path.join(dirs.logs, 'code-server.log'));
  const consoleLog = fs.createWriteStream(path.join(dirs.logs, 'browser-console.log'));
  let keepLogs = false;
  onCleanup(async () => {
    await Promise.all([serverLog, consoleLog].map((s) => new Promise((resolve) => s.end(resolve))));
    if (opts.keep) return log(`kept run directory ${dirs.root}`);
    if (keepLogs) {
      const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-e2e-logs-'));
      fs.cpSync(dirs.logs, kept, { recursive: true });
      log(`logs kept in ${kept}`);
    }
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  /** @type {(outcome: Outcome) => void} */
  let finish = () => {};
  /** @type {Promise<Outcome>} */
  const finished = new Promise((resolve) => (finish = resolve));
  const timer = setTimeout(() => finish({ kind: 'timeout' }), opts.timeoutSeconds * 1000);
  const output = new SuiteOutput({ verbose: opts.verbose, consoleLog });
  /** @type {NodeJS.Timeout | undefined} */
  let exitTimer;
  /** @type {Promise<void>} */
  let chain = Promise.resolve();
  let pageOpenedAt = Date.now();

  /** Starts code-server and the browser and opens the workbench; the suite then runs on its own. */
  const start = async () => {
    const server = await startCodeServer({
      install,
      userDataDir: dirs.userData,
      extensionsDir: dirs.extensions,
      xdgDataDir: dirs.xdgData,
      onOutput: (text) => {
        serverLog.write(text);
        if (opts.verbose && !output.ended) process.stdout.write(text.replace(/^(?=.)/gm, '[code-server] '));
        // Normal at the end (the workbench stops the host before codeAutomationExit); if the workbench does not
        // report within 10 s, the host died under the tests (a crash or process.exit).
        const died = /Extension Host Process exited with code: (-?\d+|null), signal: (\w+)/.exec(text);
        exitTimer ??= died
          ? setTimeout(
              () =>
                finish({
                  kind: 'failed',
                  message: `the extension host exited (code ${died[1]}, signal ${died[2]}) without the test runner reporting back`,
                }),
              10_000,
            )
          : undefined;
      },
    });
    onCleanup(server.stop);
    server.child.on('exit', (code, signal) => {
      if (!isStopping())
        finish({ kind: 'harness', message: `code-server exited unexpectedly (code ${code}, signal ${signal})` });
    });
    log(
      `code-server ${install.version} (VS Code ${install.vscodeVersion}) on ${server.host} after ${elapsed()}; opening the workbench`,
    );

    const browser = await launchChromium({ executablePath: chromiumPath, home: dirs.browserHome });
    onCleanup(async () => {
      await Promise.race([browser.close(), sleep(5000)]);
    });
    const page = await newWorkbenchPage(browser);
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish({ kind: 'exit', code }));
    page.on('console', (msg) => {
      chain = chain
        .then(async () => {
          const { level, text } = await consoleText(msg);
          const shot = output.accept(level, text);
          if (shot) await takeScreenshot(page, shot, { screenshotDir: opts.screenshotDir, ackDir: dirs.ackDir });
        })
        .catch((err) => {
          consoleLog.write(`(console handler: ${err})\n`);
        });
    });
    page.on('pageerror', (err) => consoleLog.write(`[pageerror] ${err.stack ?? err}\n`));
    page.on('crash', () => finish({ kind: 'harness', message: 'the browser page crashed' }));
    const url = workbenchUrl({
      host: server.host,
      extensions: [opts.extension],
      testsPath: dirs.wrapper,
      folder: workspace,
    });
    pageOpenedAt = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  };
  // The timeout covers start-up too: whichever comes first.
  const outcome = await Promise.race([start().then(() => finished), finished]);
  clearTimeout(timer);
  clearTimeout(exitTimer);
  await sleep(300); // trailing console events
  await chain;
  suiteDoneAt = Date.now();
  if (output.endedAt) {
    const startup = `code-server + browser ${secs(pageOpenedAt - started)}, workbench + extension host ${secs(output.beganAt - pageOpenedAt)}`;
    timing = `${startup}, suite ${secs(output.endedAt - output.beganAt)}`;
  }
  const verdict = judge(outcome, readCounts(dirs.resultsFile, output.lines), {
    vscodeVersion: install.vscodeVersion,
    timeoutSeconds: opts.timeoutSeconds,
    stage: output.stage(),
  });
  if (verdict.exitCode !== EXIT.ok) {
    keepLogs = true;
    if (!output.lines.length) {
      await new Promise((resolve) => consoleLog.write('', resolve));
      const tail = fs
        .readFileSync(path.join(dirs.logs, 'browser-console.log'), 'utf8')
        .split('\n')
        .slice(-40)
        .join('\n');
      log(`the suite printed nothing; last browser-console lines:\n${tail}`);
    }
  }
  return verdict;
}

async function main() {
  cleanUpOnSignals();
  /** @type {number} */
  let exitCode = EXIT.harness;
  let summary;
  try {
    const opts = parseRunArgs(process.argv.slice(2));
    const chromiumPath = findChromium(); // fail fast, before a long install
    const install = await ensureCodeServer(codeServerVersion(opts.vscode));
    if (opts.installOnly) {
      log(
        `ready: code-server ${install.version} (VS Code ${install.vscodeVersion}) in ${install.dir}, node ${install.node}, ${chromiumPath}`,
      );
      return process.exit(EXIT.ok);
    }
    summary = `VS Code ${install.vscodeVersion}\nvscode-tests: no result`;
    const verdict = await runSuite(opts, install, chromiumPath);
    for (const line of verdict.messages) console.log(line);
    ({ exitCode, summary } = verdict);
  } catch (err) {
    if (err instanceof HarnessError) {
      (err.exitCode === EXIT.ok ? console.log : console.error)(
        err.exitCode === EXIT.ok ? err.message : `${MARK} error: ${err.message}`,
      );
      exitCode = err.exitCode;
    } else {
      console.error(`${MARK} harness bug: ${err instanceof Error ? err.stack : err}`);
    }
  }
  await runCleanups();
  if (summary) {
    log(`finished in ${elapsed()}${timing ? ` (${timing}, teardown ${secs(Date.now() - suiteDoneAt)})` : ''}`);
    console.log(summary);
  }
  process.exit(exitCode);
}

await main();
