import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageService } from '../../language';
import { readDefinitionText } from '../../model';
import { type Diagnostic, formatDiagnostic } from '../../shared/diagnostic';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import type { Range } from '../../shared/range';
import { ExitCode, UsageError, type CliIo } from '../io';

export const validateUsage = `usage: apigw validate FILE... [--format text|json] [--target rest|http]

Checks API Gateway definitions (OpenAPI 3.x / Swagger 2.0, YAML or JSON, or SAM / CloudFormation templates)
and prints every problem with its place and a stable code. --target checks every API as a REST or an HTTP
API instead of the type decided from the definition.
Exit status: 0 no error (warnings allowed), 1 an error was found, 2 usage error or a file that cannot be
read as an API definition (missing, binary, too big, not YAML / JSON, not an API).`;

/** One file of `apigw validate --format json`. */
export interface ValidateEntry {
  file: string;
  diagnostics: Array<{ range: Range; severity: Diagnostic['severity']; code: string; message: string; file?: string }>;
}

export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, target: { type: 'string' } },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  if (positionals.length === 0) throw new UsageError('give at least one FILE to validate');
  const target = parseTarget(values.target);
  const service = createLanguageService({ fs: nodeFileSystem });
  const entries: ValidateEntry[] = [];
  let status: number = ExitCode.ok;
  for (const given of positionals) {
    const file = path.resolve(io.cwd, given);
    const read = await readDefinitionText(file, { fs: nodeFileSystem });
    if (!read.ok) {
      io.err(`apigw: ${formatDiagnostic(given, read.failure.error)}\n`);
      status = ExitCode.usage;
      continue;
    }
    const report = await service.validateReport({ file, text: read.text }, target ? { target } : {});
    if (report.skipped !== undefined) {
      if (report.diagnostics.length > 0) print(io, format, given, file, report.diagnostics, entries);
      io.err(`apigw: ${formatDiagnostic(given, report.skipped)}\n`);
      status = ExitCode.usage;
      continue;
    }
    print(io, format, given, file, report.diagnostics, entries);
    if (status === ExitCode.ok && report.diagnostics.some((d) => d.severity === 'error')) status = ExitCode.findings;
  }
  if (format === 'json') io.out(`${JSON.stringify(entries, null, 2)}\n`);
  return status;
}

function parseTarget(value: string | undefined): 'REST' | 'HTTP' | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'rest') return 'REST';
  if (lower === 'http') return 'HTTP';
  throw new UsageError(`--target must be rest or http, not '${value}'`);
}

function print(
  io: CliIo,
  format: 'text' | 'json',
  given: string,
  file: string,
  diagnostics: readonly Diagnostic[],
  entries: ValidateEntry[],
): void {
  if (format === 'json') {
    entries.push({
      file: given,
      diagnostics: diagnostics.map((d) => ({
        range: d.range,
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.file !== undefined && d.file !== file ? { file: path.relative(io.cwd, d.file) || d.file } : {}),
      })),
    });
    return;
  }
  for (const d of diagnostics) {
    const where = d.file !== undefined && d.file !== file ? path.relative(io.cwd, d.file) || d.file : undefined;
    io.out(`${formatDiagnostic(given, where === undefined ? { ...d, file: given } : { ...d, file: where })}\n`);
  }
}
