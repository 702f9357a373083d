import type { Range } from './range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A problem found in a file. `code` is stable (documented in docs/diagnostics.md) and never reused;
 * `message` says what is wrong and what to do about it. `file` is set when the problem lies in another
 * file than the one being read (a `$ref`'d file, a SAM `DefinitionUri`).
 */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  file?: string;
  /** What a program acting on the problem needs, so it never reads the message (worded for people). */
  data?: DiagnosticData;
}

/** The structured part of a diagnostic; which fields are set depends on the code (docs/diagnostics.md). */
export interface DiagnosticData {
  /** `apigw.deploy.missingParameter`: the template parameter that has no value. */
  parameter?: string;
}

/** "file:line:col" (1-based, as compilers print) for messages meant for people. */
export function formatLocation(file: string, range: Range): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${formatLocation(d.file ?? file, d.range)}: ${d.severity} ${d.code}: ${d.message}`;
}
