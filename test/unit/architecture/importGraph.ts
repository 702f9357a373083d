import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Files (relative to the root, with '/') and the files under the same folder each one imports. */
export type ImportGraph = Map<string, Set<string>>;

/**
 * Every module a TypeScript file names: import and export declarations (`import type` and `export type` too: a
 * type is an import like any other, and the file that declares it is what the importer depends on),
 * `import x = require()`, `import()` calls and `import('…').Type` types.
 */
export function moduleSpecifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (ts.isStringLiteral(node.moduleReference.expression)) found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument)) found.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      if (ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The imports among the .ts files under `dir` (relative to `root`), resolved as the project's tsconfig.json
 * resolves them; imports of packages and of files outside `dir` are left out.
 */
export function importGraph(root: string, dir: string): ImportGraph {
  const options = compilerOptions(root);
  const base = path.join(root, dir);
  const files = fs
    .readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(base, f))
    .sort();
  const name = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const imports = new Set<string>();
    for (const specifier of moduleSpecifiers(file, fs.readFileSync(file, 'utf8'))) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (target.startsWith(base + path.sep)) imports.add(name(target));
    }
    graph.set(name(file), imports);
  }
  return graph;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configFile = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configFile).options;
}

/** A group of files that import each other, and one cycle through them. */
export interface ImportCycle {
  /** The files of the group (a strongly connected component), sorted. */
  files: string[];
  /** A shortest path of imports from the group's first file back to it, e.g. ['a.ts', 'b.ts', 'a.ts']. */
  path: string[];
}

/**
 * The import cycles of a graph: one per group of files that reach each other through their imports (more than
 * one file, or a file that imports itself), in the order of their first files.
 */
export function importCycles(graph: ImportGraph): ImportCycle[] {
  return stronglyConnected(graph)
    .filter((group) => group.length > 1 || graph.get(group[0]!)?.has(group[0]!) === true)
    .map((group) => {
      const files = group.sort();
      return { files, path: shortestCycle(graph, files[0]!, new Set(files)) };
    })
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** Tarjan's algorithm, iterative (no recursion as deep as an import chain). */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: Iterator<string> }> = [];
    const open = (node: string): void => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: (graph.get(node) ?? new Set<string>()).values() });
    };
    open(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const step = top.next.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(top.node, Math.min(low.get(top.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== top.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** A shortest path from `start` back to itself through the group (breadth first). */
function shortestCycle(graph: ImportGraph, start: string, group: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const target of [...(graph.get(node) ?? [])].sort()) {
      if (!group.has(target)) continue;
      if (target === start) {
        const between: string[] = [];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = previous.get(at)) {
          between.unshift(at);
        }
        return [start, ...between, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
