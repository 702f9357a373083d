import type { Diagnostic } from 'vscode-languageserver';

/**
 * The diagnostics each checked document produced, by the file they belong to. Checking one document can find
 * problems in another (a `$ref`'d file), so a file's published list is the union of what every checked
 * document said about it: its own problems first, then those found through other documents.
 */
export class DiagnosticsStore {
  private readonly bySource = new Map<string, Map<string, Diagnostic[]>>();

  /** Replaces what `source` found; returns every file whose published list may have changed. */
  set(source: string, byTarget: Map<string, Diagnostic[]>): string[] {
    const before = this.bySource.get(source);
    this.bySource.set(source, byTarget);
    return union(before?.keys(), byTarget.keys(), source);
  }

  /** Forgets what `source` found (it was closed); returns the files whose lists changed. */
  delete(source: string): string[] {
    const before = this.bySource.get(source);
    this.bySource.delete(source);
    return union(before?.keys(), undefined, source);
  }

  /** Everything checking `source` found, by file (its own first); undefined when it was never checked. */
  found(source: string): Array<{ uri: string; diagnostics: Diagnostic[] }> | undefined {
    const byTarget = this.bySource.get(source);
    if (byTarget === undefined) return undefined;
    const own = { uri: source, diagnostics: byTarget.get(source) ?? [] };
    const others = [...byTarget].filter(([uri]) => uri !== source).map(([uri, diagnostics]) => ({ uri, diagnostics }));
    return [own, ...others];
  }

  /** What to publish for `target` now. */
  collect(target: string): Diagnostic[] {
    const own = this.bySource.get(target)?.get(target) ?? [];
    const foreign: Diagnostic[] = [];
    for (const [source, byTarget] of this.bySource) {
      if (source !== target) foreign.push(...(byTarget.get(target) ?? []));
    }
    return [...own, ...foreign];
  }
}

function union(a: Iterable<string> | undefined, b: Iterable<string> | undefined, always: string): string[] {
  return [...new Set([always, ...(a ?? []), ...(b ?? [])])];
}
