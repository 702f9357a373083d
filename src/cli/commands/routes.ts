import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeValue, readDefinition, type ApiType, type GatewayApi, type Route } from '../../model';
import { formatDiagnostic } from '../../shared/diagnostic';
import type { Range } from '../../shared/range';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import { ExitCode, UsageError, type CliIo } from '../io';
import { parseApiType } from '../options';

export const routesUsage = `usage: apigw routes DEFINITION... [--format text|json] [--type rest|http|websocket]

Lists the routes of every API in each definition (OpenAPI 3.x / Swagger 2.0, YAML or JSON, or a SAM /
CloudFormation template). --type forces the API type instead of deciding it from the definition.
Exit status: 0 listed, 2 usage error or a file that cannot be (fully) read as an API definition: syntax
errors are printed and what could be read is still listed.`;

/** One line of `apigw routes --format json`. */
export interface RouteEntry {
  api: string;
  type: ApiType;
  method: string;
  path: string;
  integration: { type: string | null; uri: string | null } | null;
  range: Range;
}

export function toRouteEntry(api: GatewayApi, route: Route): RouteEntry {
  const integration = route.integration;
  return {
    api: api.name,
    type: api.type,
    method: route.method,
    path: route.path,
    integration: integration ? { type: integration.type ?? null, uri: describeValue(integration.uri) ?? null } : null,
    range: route.loc.range,
  };
}

export async function runRoutes(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, type: { type: 'string' } },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  if (positionals.length === 0) throw new UsageError('give at least one DEFINITION file');
  const apiType = values.type === undefined ? undefined : parseApiType(values.type);

  const entries: RouteEntry[] = [];
  const text: string[] = [];
  let status: number = ExitCode.ok;
  for (const given of positionals) {
    const file = path.resolve(io.cwd, given);
    const result = await readDefinition(file, { fs: nodeFileSystem, ...(apiType ? { apiType } : {}) });
    if (!result.ok) {
      io.err(
        `apigw: ${formatDiagnostic(given, { ...result.failure.error, file: relative(io, result.failure.error.file ?? file, given, file) })}\n`,
      );
      status = ExitCode.usage;
      continue;
    }
    for (const problem of result.definition.problems) {
      io.err(`${formatDiagnostic(given, { ...problem, file: relative(io, problem.file ?? file, given, file) })}\n`);
      // A syntax error means the routes listed may be incomplete: the file was not fully readable.
      if (problem.severity === 'error' && problem.code.startsWith('apigw.parse.')) status = ExitCode.usage;
    }
    for (const api of result.definition.apis) {
      const apiEntries = api.routes.map((route) => toRouteEntry(api, route));
      entries.push(...apiEntries);
      text.push(formatApi(api, given, apiEntries));
    }
  }
  io.out(format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : text.join('\n'));
  return status;
}

/** A path for messages: as the user gave it for the file itself, relative to cwd for other files. */
function relative(io: CliIo, file: string, given: string, resolvedGiven: string): string {
  return file === resolvedGiven ? given : path.relative(io.cwd, file) || file;
}

function formatApi(api: GatewayApi, given: string, entries: RouteEntry[]): string {
  const lines = [`${api.name} (${api.type})  ${given}`];
  if (entries.length === 0) lines.push('  (no routes)');
  const methodWidth = Math.max(6, ...entries.map((e) => e.method.length));
  const pathWidth = Math.max(4, ...entries.map((e) => e.path.length));
  for (const e of entries) {
    const target = e.integration
      ? [e.integration.type ?? '?', e.integration.uri ?? ''].join(' ').trim()
      : '(no integration)';
    lines.push(
      `  ${e.method.padEnd(methodWidth)} ${e.path.padEnd(pathWidth)}  ${target}  (line ${e.range.start.line + 1})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
