// A lock directory in the install cache, so parallel runs never install into the same place at once.
// mkdir is atomic; the owner's pid inside lets a later run take over the lock of a process that died.
import fs from 'node:fs';
import path from 'node:path';
import { HarnessError, log, sleep } from './harness.mjs';

/** @param {number} pid */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/** @param {string} dir @returns {number | undefined} */
function ownerOf(dir) {
  try {
    return Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tries once to take the lock; removes it first when its owner is dead.
 * @param {string} dir
 */
function tryLock(dir) {
  try {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
    return true;
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
  }
  const owner = ownerOf(dir);
  // No pid yet: the owner is between mkdir and writeFile, unless the directory is old (it died there).
  const young = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000;
  if (owner ? !processAlive(owner) : !young) {
    const grave = `${dir}.stale-${process.pid}`;
    try {
      fs.renameSync(dir, grave); // only one of several waiting runs wins the rename
      fs.rmSync(grave, { recursive: true, force: true });
    } catch {
      /* another run removed it first */
    }
  }
  return false;
}

/**
 * Runs `action` while holding the lock `dir` (waits up to `maxWaitMs` for another holder).
 * @template T
 * @param {string} dir
 * @param {() => Promise<T>} action
 * @param {number} [maxWaitMs]
 * @returns {Promise<T>}
 */
export async function withLock(dir, action, maxWaitMs = 20 * 60_000) {
  const end = Date.now() + maxWaitMs;
  let told = false;
  while (!tryLock(dir)) {
    if (!told) log(`waiting for another run to finish installing (lock ${dir}, pid ${ownerOf(dir) ?? '?'}) ...`);
    told = true;
    if (Date.now() > end) {
      throw new HarnessError(`lock ${dir} still held after ${maxWaitMs / 60_000} min; remove it if no install runs`);
    }
    await sleep(500);
  }
  try {
    return await action();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
