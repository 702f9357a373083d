import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'test', 'fixtures'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no project root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root (tests are bundled into out/, so __dirname is not stable). */
export const repoRoot = findRoot(__dirname);
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

/** Absolute path of a fixture: fixture('model', 'rest', 'petstore.yaml'). */
export function fixture(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}
