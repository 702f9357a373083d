import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { type ImportCycle, importCycles, importGraph } from './importGraph';

// ARCHITECTURE.md, invariant 2: dependencies point one way, no cycles, not even between two files of a folder.
// Types count: a file that takes a type from a module that imports it is in a cycle too (such types live in a
// module of their own, as src/language/document.ts or src/runtime/stages/stage.ts).

const show = (cycles: ImportCycle[]): string =>
  cycles
    .map(({ files, path }) =>
      files.length > 2
        ? `  ${path.join(' → ')}\n    (${files.length} files reach each other: ${files.join(', ')})`
        : `  ${path.join(' → ')}`,
    )
    .join('\n');

const paths = (cycles: ImportCycle[]): string[][] => cycles.map((cycle) => cycle.path);

describe('import cycles', () => {
  it('src/ has none', () => {
    const graph = importGraph(repoRoot, 'src');
    const imports = [...graph.values()].reduce((sum, targets) => sum + targets.size, 0);
    assert.ok(graph.size > 300 && imports > graph.size, `read ${graph.size} files and ${imports} imports`);
    const cycles = importCycles(graph);
    assert.deepEqual(
      paths(cycles),
      [],
      `${cycles.length} import cycle(s) in src/ (move what both sides need into a module of its own):\n${show(cycles)}`,
    );
  });

  it('are found through every kind of import, type-only ones too', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-cycles-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } }),
        // a → b → c → a: `import type`, `export type … from`, an import('…') type.
        'src/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
        'src/b.ts': "export type { C as B } from './c';\n",
        'src/c.ts': "export type C = import('./a').A;\n",
        // d ⇄ e: a dynamic import() and `import = require()`.
        'src/d.ts': "export const d = () => import('./e');\n",
        'src/e.ts': "import d = require('./d');\nexport const e = d;\n",
        // f imports itself.
        'src/f.ts': "import './f';\n",
        // h ⇄ sub/index.ts, through a folder's index.
        'src/h.ts': "import './sub';\n",
        'src/sub/index.ts': "export * from '../h';\n",
        // No cycle: a package, a file outside src/, and one way into a.
        'src/g.ts': "import path from 'node:path';\nimport '../outside';\nimport './a';\nexport const g = path.sep;\n",
        'outside.ts': "import './src/g';\n",
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
      const graph = importGraph(root, 'src');
      assert.deepEqual([...(graph.get('src/g.ts') ?? [])], ['src/a.ts']);
      assert.deepEqual(paths(importCycles(graph)), [
        ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts'],
        ['src/d.ts', 'src/e.ts', 'src/d.ts'],
        ['src/f.ts', 'src/f.ts'],
        ['src/h.ts', 'src/sub/index.ts', 'src/h.ts'],
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('are named by a shortest path through each group of files that import each other', () => {
    const graph = new Map([
      ['x.ts', new Set(['y.ts', 'z.ts'])],
      ['y.ts', new Set(['w.ts'])],
      ['w.ts', new Set(['x.ts'])],
      ['z.ts', new Set(['x.ts'])],
      ['v.ts', new Set(['x.ts'])],
    ]);
    assert.deepEqual(importCycles(graph), [
      { files: ['w.ts', 'x.ts', 'y.ts', 'z.ts'], path: ['w.ts', 'x.ts', 'y.ts', 'w.ts'] },
    ]);
    graph.get('y.ts')?.delete('w.ts');
    assert.deepEqual(importCycles(graph), [{ files: ['x.ts', 'z.ts'], path: ['x.ts', 'z.ts', 'x.ts'] }]);
  });
});
