// Child processes: run a command to completion, stop a detached process group, and clean up on signals.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { HarnessError, sleep } from './harness.mjs';

/**
 * Runs a command and resolves with its output; rejects with a HarnessError that quotes the output's tail.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, what: string }} options `what` names the step in errors
 * @returns {Promise<string>}
 */
export function runCommand(command, args, { cwd, env, what }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => reject(new HarnessError(`${what}: cannot start ${command}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(output);
      const tail = output.trim().split('\n').slice(-15).join('\n');
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(new HarnessError(`${what} failed (${command} ${args.join(' ')}: ${how})\n${tail}`));
    });
  });
}

/** @param {number} pgid */
export function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the process group we created by spawning `detached: true` (its id is the leader's pid):
 * SIGTERM, then SIGKILL after `graceMs`.
 * @param {number | undefined} pgid
 * @param {number} [graceMs]
 */
export async function stopGroup(pgid, graceMs = 5000) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const end = Date.now() + graceMs;
  while (Date.now() < end && groupAlive(pgid)) await sleep(100);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** @type {Array<() => Promise<void> | void>} */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;

/**
 * Registers a cleanup step; steps run once, last registered first, on `runCleanups()` or a signal.
 * @param {() => Promise<void> | void} step
 */
export function onCleanup(step) {
  cleanups.push(step);
}

/** True once cleanup has begun: processes that stop from here on are expected to. */
export const isStopping = () => cleaning !== undefined;

/** Runs the registered cleanup steps (once; later calls wait for the first). */
export function runCleanups() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        console.error(`cleanup step failed: ${err instanceof Error ? err.message : err}`);
      }
    }
  })();
  return cleaning;
}

/** On SIGINT/SIGTERM/SIGHUP: clean up, then exit 128+signal. */
export function cleanUpOnSignals() {
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      console.error(`[vscode-e2e] ${sig}: stopping`);
      void runCleanups().finally(() => process.exit(128 + (os.constants.signals[sig] ?? 1)));
    });
  }
}
