import { memoByString } from '../../shared/memo';

/**
 * Glob matching for the explorer's exclude setting, applied to workspace-relative paths with `/` separators.
 * Supports `**`, `*`, `?`, `{a,b}` and `[...]`, as VS Code's `files.exclude` does. A pattern without a `/`
 * also matches a file name anywhere (`*.generated.yaml`).
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * globToRegExp for the checks below, each glob made once: they run for every file a scan or the watcher reports,
 * with the same few globs. The expressions have no flags, so sharing them is safe.
 */
const compiled = memoByString(globToRegExp, 1_000);

/** Whether a relative path (or any of its parent folders) matches one of the globs. */
export function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const segments = path.split('/');
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  return globs.some((glob) => {
    const pattern = glob.includes('/') ? compiled(glob) : compiled(`**/${glob}`);
    return prefixes.some((p) => pattern.test(p));
  });
}

/** A glob with VS Code's file-search anchoring (`anchorGlob`): relative to the folder unless it starts with `**`. */
export function anchoredGlob(glob: string): RegExp {
  const trimmed = glob
    .replace(/\\/g, '/')
    .replace(/^\.?\//, '')
    .replace(/\/$/, '');
  return compiled(trimmed);
}

/**
 * Whether a path relative to its workspace folder, or one of the folders it is in, matches one of `globs` with
 * that anchoring: `files.exclude` as the full scan's walk applies it (folderWalk.ts), for files the watcher reports.
 */
export function isExcludedAnchored(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const patterns = globs.map(anchoredGlob);
  const segments = relativePath.replace(/\\/g, '/').split('/');
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    if (patterns.some((p) => p.test(prefix))) return true;
  }
  return false;
}

/** Folders never searched for definitions. */
export const alwaysExcluded: readonly string[] = [
  '**/node_modules',
  '**/.git',
  '**/dist',
  '**/out',
  '**/.aws-sam',
  '**/cdk.out',
];

/** The files the explorer looks at. */
export const candidateGlob = '**/*.{yaml,yml,json,template}';

/** Whether a file name matches candidateGlob as VS Code's file search matches it (case-sensitively). */
export function isCandidateFileName(name: string): boolean {
  return /\.(yaml|yml|json|template)$/.test(name);
}

/** Whether a file name has one of the candidate extensions. */
export function isCandidateName(path: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(path);
}
