import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatLocation } from '../../shared/diagnostic';
import { compileTemplate, renderTemplate, type TemplateContext } from '../../vtl';
import { parseRenderEvent } from '../../vtl/renderEvent';
import { ExitCode, UsageError, type CliIo } from '../io';

export const renderUsage = `usage: apigw render TEMPLATE [--event EVENT.json]

Renders an API Gateway mapping template (Velocity) as API Gateway would, and prints exactly the output.
EVENT.json: {"request": {"method", "path", "resourcePath", "headers", "multiValueHeaders",
"queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "body" (raw text or null),
"stage", "stageVariables", "context" ($context values)}, "integrationResponse": {"statusCode", "headers", "body"}}.
With "integrationResponse" the template renders as a response template ($input is that body).
Exit status: 0 rendered, 1 template error (file:line:column: message on stderr), 2 usage error or unreadable file.`;

async function readText(io: CliIo, given: string, what: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path.resolve(io.cwd, given), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.err(`apigw render: cannot read ${what} '${given}': ${reason}\n`);
    return undefined;
  }
}

export async function runRender(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { event: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one TEMPLATE file');
  const templateFile = positionals[0]!;

  let context: TemplateContext = { request: {} };
  if (values.event !== undefined) {
    const eventText = await readText(io, values.event, 'event file');
    if (eventText === undefined) return ExitCode.usage;
    const event = parseRenderEvent(eventText);
    if (!event.ok) {
      io.err(`apigw render: ${values.event}: ${event.message}\n`);
      return ExitCode.usage;
    }
    context = event.context;
  }

  const text = await readText(io, templateFile, 'template');
  if (text === undefined) return ExitCode.usage;
  const compiled = compileTemplate(text);
  const errors = compiled.ok ? undefined : compiled.errors;
  const result = compiled.ok ? renderTemplate(compiled.template, context) : undefined;
  const problems = errors ?? result?.errors ?? [];
  if (problems.length > 0) {
    for (const d of problems) io.err(`${formatLocation(templateFile, d.range)}: ${d.message}\n`);
    return ExitCode.findings;
  }
  io.out(result?.output ?? '');
  return ExitCode.ok;
}
